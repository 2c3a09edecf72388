#pragma once

#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "engine/function/aggregate_functions.hpp"
#include "query/ast/expression.hpp"
#include "query/processor/operator.hpp"

namespace newsgraph {

// Materializes its whole input, then emits it chunk by chunk (base of the pipeline breakers).
class BufferedOperator : public Operator {
public:
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;

protected:
    // Called once with all input rows; fills rows_ (each of outputWidth() values).
    virtual void consume(ExecutionContext& context, std::vector<std::vector<Value>> input) = 0;
    std::vector<std::vector<Value>> rows_;

private:
    bool consumed_ = false;
    size_t position_ = 0;
};

struct AggregateSpec {
    const ast::Expr* call = nullptr; // the Function or CountStar expression
    bool countStar = false;
    std::string name;
    bool distinct = false;
    size_t slot = 0;                 // output column
};

// Groups rows by the values of `keys` (written to keySlots) and computes aggregates per group.
// With no keys and no input rows it still emits one row (count(*) = 0).
class Aggregate final : public BufferedOperator {
public:
    Aggregate(std::vector<const ast::Expr*> keys, std::vector<size_t> keySlots, std::vector<AggregateSpec> aggregates)
        : keys_(std::move(keys)), keySlots_(std::move(keySlots)), aggregates_(std::move(aggregates)) {}
    const std::vector<const ast::Expr*>& keys() const { return keys_; }
    const std::vector<AggregateSpec>& aggregates() const { return aggregates_; }
    std::string describe() const override;
    ColumnUsage usage() const override;

protected:
    void consume(ExecutionContext& context, std::vector<std::vector<Value>> input) override;

private:
    std::vector<const ast::Expr*> keys_;
    std::vector<size_t> keySlots_;
    std::vector<AggregateSpec> aggregates_;
};

// Drops rows whose values in `slots` equal (equivalence) an earlier row's.
class Distinct final : public Operator {
public:
    explicit Distinct(std::vector<size_t> slots) : slots_(std::move(slots)) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override { return "Distinct"; }
    ColumnUsage usage() const override;

    // Hashing and equality of rows of values under Cypher's equivalence (grouping keys too).
    struct KeyHash {
        size_t operator()(const std::vector<Value>& key) const;
    };
    struct KeyEqual {
        bool operator()(const std::vector<Value>& lhs, const std::vector<Value>& rhs) const;
    };

private:
    std::vector<size_t> slots_;
    std::unordered_set<std::vector<Value>, KeyHash, KeyEqual> seen_;
    Chunk input_;
};

struct SortKey {
    const ast::Expr* expression;
    bool descending;
};

class Sort final : public BufferedOperator {
public:
    explicit Sort(std::vector<SortKey> keys) : keys_(std::move(keys)) {}
    std::string describe() const override { return "Sort"; }
    ColumnUsage usage() const override;
    const std::vector<SortKey>& keys() const { return keys_; }

protected:
    void consume(ExecutionContext& context, std::vector<std::vector<Value>> input) override;

private:
    std::vector<SortKey> keys_;
};

// ORDER BY with a bound: the first skip + limit rows of what Sort would emit, in the same order
// (ties keep their input order), found with a heap of that many rows while the input streams
// by: O(n log k) time and k rows of memory instead of sorting all n. What the top_k rule makes of
// a Sort under SKIP/LIMIT; the SkipLimit above it still skips and limits.
class TopK final : public Operator {
public:
    TopK(std::vector<SortKey> keys, const ast::Expr* skip, const ast::Expr* limit)
        : keys_(std::move(keys)), skip_(skip), limit_(limit) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;
    ColumnUsage usage() const override;

private:
    struct Entry {
        std::vector<Value> keys;
        uint64_t sequence = 0; // input position: the tie-breaker that makes the order stable
        std::vector<Value> row;
    };
    bool before(const Entry& lhs, const Entry& rhs) const;
    void fill(ExecutionContext& context);

    std::vector<SortKey> keys_;
    const ast::Expr* skip_;
    const ast::Expr* limit_;
    uint64_t bound_ = 0;
    std::vector<Entry> heap_; // a max-heap under before(): the last row kept is on top
    bool filled_ = false;
    size_t position_ = 0;
};

// SKIP and LIMIT (either may be absent); the counts are evaluated once, at open.
class SkipLimit final : public Operator {
public:
    SkipLimit(const ast::Expr* skip, const ast::Expr* limit) : skip_(skip), limit_(limit) {}
    const ast::Expr* skip() const { return skip_; }
    const ast::Expr* limit() const { return limit_; }
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override { return "SkipLimit"; }
    ColumnUsage usage() const override;

private:
    const ast::Expr* skip_;
    const ast::Expr* limit_;
    uint64_t toSkip_ = 0;
    std::optional<uint64_t> remaining_;
    Chunk input_;
};

// Rows of each child in turn (UNION ALL; a Distinct on top makes UNION).
class UnionAll final : public Operator {
public:
    bool next(ExecutionContext& context, Chunk& out) override;
    void open(ExecutionContext& context) override;
    std::string describe() const override { return "UnionAll"; }
    ColumnUsage usage() const override;

private:
    size_t current_ = 0;
};

// Evaluates a SKIP / LIMIT count: a non-negative integer (checked), or a TypeError/SyntaxError.
uint64_t evaluateCount(const ast::Expr& expr, ExecutionContext& context, const char* clause);

} // namespace newsgraph
