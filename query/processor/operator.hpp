#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/processor/chunk.hpp"
#include "query/processor/execution_context.hpp"

namespace newsgraph {

namespace ast {
struct Expr;
}

// How an operator uses the columns of its input and the multiplicity of its rows: what the
// optimizer's plan properties (query/optimizer/plan_properties.cpp) are computed from. The default
// is the safe one: every input column may be read and every duplicate counts.
struct ColumnUsage {
    enum class Columns : uint8_t {
        PassThrough, // output columns are the input's (plus those the operator writes)
        Select,      // output column i is input column selected[i]
        Fresh,       // output columns are new (aggregation): none passes through
        Opaque,      // unknown: every input column counts as read
    };
    // What duplicate input rows do to the result, given that the operator's own output rows only
    // matter up to duplicates (or not).
    enum class Duplicates : uint8_t {
        Transparent, // one output row set per input row, deterministic: duplicates pass through
        Absorbed,    // duplicates never change the output (DISTINCT, count(DISTINCT), min, max)
        Observed,    // duplicates change the output (count(*), LIMIT, writes) -- the default
    };
    Columns columns = Columns::Opaque;
    Duplicates duplicates = Duplicates::Observed;
    std::vector<size_t> reads;                  // input columns read directly
    // Relationship columns read only to keep relationship uniqueness (an expansion's
    // distinctFrom): the frontier_distinct rule may null them in rows it merges.
    std::vector<size_t> uniquenessReads;
    std::vector<const ast::Expr*> expressions;  // expressions evaluated over input rows
    // Expressions whose values go to a column (Project): what they read is needed only when their
    // column is.
    std::vector<std::pair<const ast::Expr*, size_t>> computed;
    std::vector<size_t> selected;               // Columns::Select

    // Every expression the operator evaluates: `expressions` and the `computed` ones.
    std::vector<const ast::Expr*> evaluated() const {
        std::vector<const ast::Expr*> all;
        for (const ast::Expr* expr : expressions) {
            if (expr != nullptr) {
                all.push_back(expr);
            }
        }
        for (const auto& [expr, column] : computed) {
            if (expr != nullptr) {
                all.push_back(expr);
            }
        }
        return all;
    }
};

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
    // For the optimizer (see ColumnUsage).
    virtual ColumnUsage usage() const { return {}; }
    // Plans this operator runs that are not its children (an Apply's per-row plan): the optimizer
    // rewrites them too.
    virtual std::vector<std::unique_ptr<Operator>*> nestedPlans() { return {}; }

    size_t outputWidth() const { return width_; }
    void setOutputWidth(size_t width) { width_ = width; }
    Operator* child() const { return children_.empty() ? nullptr : children_.front().get(); }
    const std::vector<std::unique_ptr<Operator>>& children() const { return children_; }
    void addChild(std::unique_ptr<Operator> child) { children_.push_back(std::move(child)); }
    // For optimizer rules that replace a subtree.
    std::unique_ptr<Operator>& childSlot(size_t index) { return children_.at(index); }
    std::unique_ptr<Operator> releaseChild(size_t index) { return std::move(children_.at(index)); }

    // EXPLAIN text of the tree rooted here.
    std::string explain(size_t depth = 0) const;

    // A fresh copy of the tree rooted here, configured alike and not yet run, for a worker thread
    // of a parallel operator (each worker runs its own copy over part of the input); nullptr when
    // some operator in it cannot be copied (it runs nested plans, writes, or holds what workers
    // cannot share).
    std::unique_ptr<Operator> cloneTree() const;

protected:
    // This operator alone (no children): cloneTree's part. Default: cannot be copied.
    virtual std::unique_ptr<Operator> cloneAlone() const { return nullptr; }

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
