#pragma once

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
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
    // Pulls the whole input through consumeChunk() now (next() then only finishes it): what a
    // parallel operator's workers do, each with its own copy, before their states are merged.
    void drainInput(ExecutionContext& context);

protected:
    // Called with each input chunk as it arrives; by default the rows are kept for consume().
    // An operator that needs no more than one pass (Aggregate) reads them in place instead.
    virtual void consumeChunk(ExecutionContext& context, const Chunk& chunk);
    // Called once after the last chunk; by default consume() with all the rows kept.
    virtual void finishInput(ExecutionContext& context);
    // Called once with all input rows; fills rows_ (each of outputWidth() values).
    virtual void consume(ExecutionContext& context, std::vector<std::vector<Value>> input) = 0;
    std::vector<std::vector<Value>> rows_;
    std::vector<std::vector<Value>> input_;

private:
    bool drained_ = false;
    bool consumed_ = false;
    size_t position_ = 0;
};

// Hashing and equality of rows of values under Cypher's equivalence (grouping and DISTINCT keys).
struct RowKeyHash {
    size_t operator()(const std::vector<Value>& key) const;
};
struct RowKeyEqual {
    bool operator()(const std::vector<Value>& lhs, const std::vector<Value>& rhs) const;
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
    Aggregate(std::vector<const ast::Expr*> keys, std::vector<size_t> keySlots, std::vector<AggregateSpec> aggregates);
    const std::vector<const ast::Expr*>& keys() const { return keys_; }
    const std::vector<size_t>& keySlots() const { return keySlots_; }
    const std::vector<AggregateSpec>& aggregates() const { return aggregates_; }
    void open(ExecutionContext& context) override;
    std::string describe() const override;
    ColumnUsage usage() const override;

    // Parallel aggregation (ParallelAggregate): a copy with the same keys and aggregates and no
    // child; with `mergeable`, its states can be merged (AggregateState::recordForMerge).
    std::unique_ptr<Aggregate> workerCopy(bool mergeable) const;
    // Folds in the groups of `later`, a worker copy that drained the input after this one's:
    // groups keep their order of first appearance, states merge as AggregateState::merge says.
    void absorb(Aggregate& later);

protected:
    void consumeChunk(ExecutionContext& context, const Chunk& chunk) override;
    void finishInput(ExecutionContext& context) override;
    void consume(ExecutionContext& context, std::vector<std::vector<Value>> input) override;

private:
    struct Group {
        std::vector<Value> key;
        std::vector<std::unique_ptr<AggregateState>> states; // null for count(*): counted in `rows`
        int64_t rows = 0;
    };
    // The group index of the key being looked up (key_), in index_'s hash and equality.
    static constexpr size_t kProbe = SIZE_MAX;
    struct GroupHash {
        const Aggregate* owner;
        size_t operator()(size_t group) const;
    };
    struct GroupEqual {
        const Aggregate* owner;
        bool operator()(size_t lhs, size_t rhs) const;
    };
    const std::vector<Value>& keyOf(size_t group) const { return group == kProbe ? key_ : groups_[group].key; }
    void update(ExecutionContext& context, const RowRef& row);
    size_t groupOf(ExecutionContext& context, const RowRef& row);
    size_t addGroup(std::vector<Value> key);

    std::vector<const ast::Expr*> keys_;
    std::vector<size_t> keySlots_;
    std::vector<AggregateSpec> aggregates_;
    // While the input streams by: the groups in order of appearance, and the set of their indexes
    // hashed by key (each key stored once).
    std::vector<Group> groups_;
    std::unordered_set<size_t, GroupHash, GroupEqual> index_{0, GroupHash{this}, GroupEqual{this}};
    std::vector<Value> key_;
    // When every key is an entity column or a property of one (a.name, b), a row's group depends
    // only on those entities: found by their ids, the keys evaluated once per combination.
    static constexpr size_t kMaxEntityKeys = 4;
    using EntityIds = std::array<uint64_t, kMaxEntityKeys>;
    struct IdsHash {
        size_t operator()(const EntityIds& ids) const;
    };
    std::vector<size_t> entitySlots_; // empty: some key is something else
    std::unordered_map<EntityIds, size_t, IdsHash> byEntities_;
    bool mergeable_ = false; // a worker copy: its states record what merging needs
};

// Drops rows whose values in `slots` equal (equivalence) an earlier row's.
class Distinct final : public Operator {
public:
    explicit Distinct(std::vector<size_t> slots) : slots_(std::move(slots)) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override { return "Distinct"; }
    ColumnUsage usage() const override;

    using KeyHash = RowKeyHash;
    using KeyEqual = RowKeyEqual;

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
    const std::vector<SortKey>& keys() const { return keys_; }
    const ast::Expr* skip() const { return skip_; }
    const ast::Expr* limit() const { return limit_; }

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
