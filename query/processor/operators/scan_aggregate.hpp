#pragma once

// ScanAggregate: an Aggregate over a scan of the nodes and at most one relationship step (what the
// scan_aggregate rule makes of Aggregate <- [Expand] <- [Filter]* <- NodeScan), run straight over
// the CSR instead of through rows of values.
//
// Why: grouping rows means evaluating each key into a Value (type(r) builds a string, a.name
// copies one), hashing it and carrying every row through chunks, a few hundred nanoseconds a
// relationship. Here each key is first read as a 64-bit code of what it is a function of: the
// node id for a key over the start or the far node (a, a.name, labels(b)), the type id for
// type(r), the stored value for r.key on a column of one scalar kind (pooled strings by their id),
// the relationship id for anything else over r, nothing for a constant. A row's codes find its
// group in a flat hash table (packed into one word when their ranges allow, an array when small); only the first row of each combination evaluates the keys, whose
// values then find the group as Aggregate would (two nodes with one name share a group). The
// arguments of DISTINCT aggregates, min and max over such codes are evaluated once per (group,
// code); other aggregates once per row. count(DISTINCT x) of groups that are each one start node
// (WITH a, count(DISTINCT b)) needs no set: the node's rows come together, so an array of the last
// group per code of x says whether a value is new to the group. The scan is cut into ranges of equal work, one thread
// each, merged in range order: the groups come out in the order one Aggregate finds them.
//
// A directed step from every node with no filter on the start is walked in relationship id order
// instead (every relationship once, its columns read in sequence rather than at random): then the
// groups come in that order, and a filter `r.key op value` on an integer or date column skips the
// blocks its zone map excludes (news is loaded in date order, so a window reads its own blocks).
//
// Under ORDER BY <an aggregate> ... LIMIT k (aggregate_top_k), only the groups that can be among
// the first k rows are emitted: those whose value of that aggregate comes no later than the k-th
// group's (ties kept), the TopK above ordering them. When codes say the key values, the keys are
// then evaluated only for those groups, from one row of each kept aside ("a.name, b.name, count(*)
// ORDER BY count(*) DESC LIMIT 10" reads 10-odd pairs of names, not 177k).
//
// The rule checked that every key and every such argument reads one of the pattern's variables
// at most, that nothing evaluated runs a sub-plan or is not deterministic, and that the step has
// no relationship to stay distinct from.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "query/processor/operators/blocking_operators.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

class ScanAggregate final : public Operator {
public:
    // What a key (or an argument) is read from before it is evaluated.
    enum class Source : uint8_t {
        Constant,    // reads no variable
        Start,         // the scanned node only
        StartProperty, // a function of one property of the scanned node
        StartLabels,   // a function of the scanned node's labels (labels(a), a:Country)
        End,           // the far node only
        EndProperty,   // a function of one property of the far node
        EndLabels,     // a function of the far node's labels
        RelType,     // type(r)
        RelProperty, // r.key
        Rel,         // anything else over r only
        EndsProperties, // a function of one property of the start and one of the far node (filters only)
        Row,         // several variables (an argument evaluated per row)
    };
    // A step filter `r.key op value` whose value reads no variable: with an integer or date
    // column, the blocks of relationships whose zone map it excludes are skipped.
    struct Bound {
        ast::BinaryOp op = ast::BinaryOp::Equal; // r.key op value
        const ast::Expr* value = nullptr;
    };
    struct Input {
        const ast::Expr* expr = nullptr;
        Source source = Source::Row;
        std::string key;    // the property of *Property; EndsProperties: the start's
        std::string farKey; // EndsProperties: the far node's property
        bool exact = false; // the variable itself, type(r) or x.key: its code says its value
        std::optional<Bound> bound; // step filters only
    };
    struct Spec {
        std::vector<Input> keys;           // in the Aggregate's order
        std::vector<Input> arguments;      // per aggregate (count(*): Constant, unused)
        // The Filters between the scan and the step (reading the start only), and the step's
        // predicates, in order: each checked once per value where it reads one property alone.
        std::vector<Input> startFilters;
        std::vector<Input> stepFilters;
        size_t rowWidth = 0;               // the width of the rows the expressions read
    };
    // The groups that can be among the first skip + limit rows of an ORDER BY whose first key is
    // aggregate `aggregate`, in direction `descending` (see above).
    struct TopGroups {
        size_t aggregate = 0;
        bool descending = false;
        const ast::Expr* skip = nullptr; // nullptr: none
        const ast::Expr* limit = nullptr;
    };
    // Takes `aggregate`'s input as its child (kept for EXPLAIN; not pulled): `scan` and `step`
    // (nullptr: no step) point into it.
    ScanAggregate(Spec spec, std::unique_ptr<Aggregate> aggregate, NodeScan* scan, Expand* step);
    ~ScanAggregate() override;
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;
    ColumnUsage usage() const override;
    const std::vector<AggregateSpec>& aggregates() const { return aggregate_->aggregates(); }
    // Emit only the groups that can be among the top ones (set by aggregate_top_k).
    void keepTopGroups(TopGroups top) { top_ = top; }

private:
    struct Table;
    struct Reader;
    void run(ExecutionContext& context);
    // After run(): the groups to emit, in order, and (lazy keys) their key values.
    void selectTopGroups(ExecutionContext& context, Table& table, bool lazyKeys);
    // Whether the step is walked in relationship id order (see above).
    bool byRelationships() const;

    Spec spec_;
    std::unique_ptr<Aggregate> aggregate_; // the keys, slots and aggregates; childless
    NodeScan* scan_;
    Expand* step_;
    bool done_ = false;
    std::optional<TopGroups> top_;
    std::unique_ptr<Table> result_; // this run's groups, emitted by next()
    size_t position_ = 0;
    std::vector<Value> scratch_;
};

} // namespace newsgraph
