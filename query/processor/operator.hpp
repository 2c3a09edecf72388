#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/processor/chunk.hpp"
#include "query/processor/execution_context.hpp"

namespace newsgraph {

// A physical operator. Operators pull chunks from their children; next() fills `out` with up to
// kChunkCapacity rows (of width outputWidth()) and returns false once exhausted.
class Operator {
public:
    Operator() = default;
    Operator(const Operator&) = delete;
    Operator& operator=(const Operator&) = delete;
    Operator(Operator&&) = delete;
    Operator& operator=(Operator&&) = delete;
    virtual ~Operator() = default;

    // Resets the operator (and its children) to run again from the start.
    virtual void open(ExecutionContext& context);
    virtual bool next(ExecutionContext& context, Chunk& out) = 0;
    // One line for EXPLAIN.
    virtual std::string describe() const = 0;

    size_t outputWidth() const { return width_; }
    void setOutputWidth(size_t width) { width_ = width; }
    Operator* child() const { return children_.empty() ? nullptr : children_.front().get(); }
    const std::vector<std::unique_ptr<Operator>>& children() const { return children_; }
    void addChild(std::unique_ptr<Operator> child) { children_.push_back(std::move(child)); }

    // EXPLAIN text of the tree rooted here.
    std::string explain(size_t depth = 0) const;

private:
    std::vector<std::unique_ptr<Operator>> children_;
    size_t width_ = 0;
};

// Base for operators that turn each input row into zero or more output rows: it keeps the
// input chunk and the position in it, so a subclass only implements produce(), which appends
// rows for input row `row` and may stop early when `out` is full (returning false to be called
// again for the same row).
class RowOperator : public Operator {
public:
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;

protected:
    // Appends output rows for one input row; returns true when that row is finished.
    virtual bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) = 0;
    // Called before the first produce() of each new input row.
    virtual void startRow(ExecutionContext& /*context*/, const Chunk& /*input*/, size_t /*row*/) {}

private:
    Chunk input_;
    size_t row_ = 0;
    bool rowStarted_ = false;
    bool exhausted_ = false;
};

} // namespace newsgraph
