#pragma once

#include <optional>
#include <span>
#include <unordered_set>
#include <vector>

#include "query/ast/expression.hpp"
#include "query/processor/operator.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

// For each input row, every node (with `label`, when given) appended in `slot`.
class NodeScan final : public RowOperator {
public:
    NodeScan(std::optional<std::string> label, size_t slot) : label_(std::move(label)), slot_(slot) {}
    const std::optional<std::string>& label() const { return label_; }
    size_t slot() const { return slot_; }
    std::string describe() const override;
    ColumnUsage usage() const override;
    // The nodes to scan instead of every one (with the label): a worker's part of a parallel scan.
    // `nodes` must outlive the scan's runs.
    void setCandidates(std::span<const NodeId> nodes) { given_ = nodes; }
    // The nodes the scan visits on `graph`, in id order (ignoring setCandidates), into `out`.
    void nodesToScan(const Graph& graph, std::vector<NodeId>& out) const;

protected:
    std::unique_ptr<Operator> cloneAlone() const override { return std::make_unique<NodeScan>(label_, slot_); }
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    std::optional<std::string> label_;
    size_t slot_;
    std::optional<std::span<const NodeId>> given_;
    std::vector<NodeId> candidates_;
    size_t position_ = 0;
};

// For each input row, the nodes (with `label`, or any) whose `key` -- one the node index holds --
// equals the value of `value` (Cypher's `=`), in id order: found through the (label, key) hash index
// for a string; without a label, through every label's postings and the nodes without labels; for a
// value the index does not hold (a number, a list), by reading the key of each candidate node.
class IndexSeek final : public RowOperator {
public:
    IndexSeek(std::optional<std::string> label, std::string key, const ast::Expr* value, size_t slot)
        : label_(std::move(label)), key_(std::move(key)), value_(value), slot_(slot) {}
    size_t slot() const { return slot_; }
    std::string describe() const override;
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override {
        return std::make_unique<IndexSeek>(label_, key_, value_, slot_);
    }
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    std::optional<std::string> label_;
    std::string key_;
    const ast::Expr* value_;
    size_t slot_;
    std::vector<NodeId> candidates_;
    size_t position_ = 0;
};

// What one relationship step may match.
struct ExpandSpec {
    size_t fromSlot = 0;
    size_t relSlot = 0;
    size_t toSlot = 0;
    bool into = false;                  // toSlot is already bound: only edges reaching it
    Direction direction = Direction::Out;
    bool bothDirections = false;        // undirected pattern
    std::vector<TypeId> types;          // empty: any type
    bool impossible = false;            // a named type that does not exist
    // Named types the graph did not have at planning: an earlier write of the statement may
    // create them (CREATE ()-[:NEW]->() ... MERGE ()-[:NEW]->()); Expand looks again per graph.
    std::vector<std::string> unresolvedTypes;
    std::vector<std::string> toLabels;  // labels the far node must carry
    mutable std::vector<LabelId> toLabelIds; // their ids, once all are in the catalog
    std::vector<size_t> distinctFrom;   // relationship slots of the same MATCH it must differ from
    std::vector<size_t> distinctFromLists; // relationship-list slots (variable length) likewise
    std::string describe(const char* name) const;
};

// The nodes (with `label`, or any) whose `key` -- one the node index holds -- equals `wanted` (Cypher's
// `=`), in id order, into `out` (cleared first): what IndexSeek finds for one row.
void seekNodes(const Graph& graph, const std::optional<std::string>& label, const std::string& key, const Value& wanted,
               std::vector<NodeId>& out);

// Follows one relationship from the node in fromSlot through the CSR.
//
// Anchored (anchored_expand): one of the predicates is `far.key = value` on a key the node index
// holds, the value reading no column (`(b)<-[s]-(c {name: 'Xi Jinping'})`). Then only edges to the
// nodes the index finds for it can pass: a row's edges are filtered to those first, and once the
// rows have read more edges than those nodes have, their edges are read once, by the node at the
// other end, and each row looks its own up -- a hash join on the node, entered only when it pays
// (a row or two from a node of few edges never builds it). The predicates still all run.
class Expand final : public RowOperator {
public:
    struct Anchor {
        std::string key;
        const ast::Expr* value = nullptr;
    };
    explicit Expand(ExpandSpec spec) : spec_(std::move(spec)) {}
    const ExpandSpec& spec() const { return spec_; }
    void setAnchor(Anchor anchor) { anchor_ = std::move(anchor); }
    const std::optional<Anchor>& anchor() const { return anchor_; }
    std::string describe() const override;
    ColumnUsage usage() const override;
    // A WHERE conjunct over the row this expansion makes, checked before the row is copied out
    // (what a Filter right above would do, without materializing the rows it drops).
    void addPredicate(const ast::Expr* predicate) { predicates_.push_back(predicate); }
    const std::vector<const ast::Expr*>& predicates() const { return predicates_; }
    // What this expansion follows on context's graph: the spec, its types narrowed by the predicates.
    const ExpandSpec& activeSpec(ExecutionContext& context) {
        narrowTypes(context);
        return active_;
    }

protected:
    std::unique_ptr<Operator> cloneAlone() const override {
        auto copy = std::make_unique<Expand>(spec_);
        copy->predicates_ = predicates_;
        copy->anchor_ = anchor_;
        return copy;
    }
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    // active_ = spec_ without the types a `r.key OP constant` predicate rejects for every value
    // the key takes in them (type_narrowing.cpp).
    void narrowTypes(ExecutionContext& context);
    // edges_ for `from` when anchored.
    void anchoredEdges(ExecutionContext& context, const Chunk& input, size_t row, NodeId from);

    // The anchored state of one run on one graph: the nodes the index finds, how many edges they
    // have, how many the rows read so far, and (built) their edges by the node at the other end.
    struct Anchored {
        uint64_t execution = 0;
        uint32_t graphVersion = 0;
        const Graph* graph = nullptr;
        bool found = false;
        std::vector<NodeId> nodes;
        uint64_t edges = 0;
        uint64_t read = 0;
        bool built = false;
        std::vector<std::pair<NodeId, std::pair<RelId, NodeId>>> byOther; // sorted
    };

    ExpandSpec spec_;
    std::optional<Anchor> anchor_;
    Anchored anchored_;
    ExpandSpec active_; // what this execution expands: spec_, its types narrowed
    uint64_t narrowedFor_ = 0; // the TypeValueSummaries::id() of the graph active_ was made for
    std::vector<const ast::Expr*> predicates_;
    std::vector<std::pair<RelId, NodeId>> edges_;
    std::vector<Value> scratch_;
    size_t position_ = 0;
};

// Follows between minHops and maxHops relationships (each at most once per path), depth first.
// The relationships walked go to relSlot as a list; pathSlot (optional) receives the node/rel
// sequence for path variables.
class VarExpand final : public RowOperator {
public:
    VarExpand(ExpandSpec spec, uint64_t minHops, std::optional<uint64_t> maxHops, const ast::Expr* relProperties)
        : spec_(std::move(spec)), minHops_(minHops), maxHops_(maxHops), relProperties_(relProperties) {}
    std::string describe() const override;
    ColumnUsage usage() const override;
    // Emit each reachable end node once per input row (found breadth first) instead of once per
    // path: the planner sets this when only DISTINCT end nodes matter (count(DISTINCT x)).
    void setDistinctEndpoints() { distinctEndpoints_ = true; }
    bool distinctEndpoints() const { return distinctEndpoints_; }
    const ExpandSpec& spec() const { return spec_; }
    uint64_t minHops() const { return minHops_; }
    std::optional<uint64_t> maxHops() const { return maxHops_; }
    const ast::Expr* relProperties() const { return relProperties_; }
    // The distinct end nodes reachable from `start` (breadth first, as in distinct-endpoints mode;
    // labels not checked), in no particular order; valid until the next call. For ReachCount.
    const std::vector<NodeId>& reach(ExecutionContext& context, NodeId start) {
        reachable(context, start, false);
        return endpoints_;
    }

protected:
    std::unique_ptr<Operator> cloneAlone() const override {
        auto copy = std::make_unique<VarExpand>(spec_, minHops_, maxHops_, relProperties_);
        copy->distinctEndpoints_ = distinctEndpoints_;
        return copy;
    }
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    struct Frame {
        NodeId node;
        std::vector<std::pair<RelId, NodeId>> edges;
        size_t next = 0;
    };
    void pushFrame(ExecutionContext& context, NodeId node);
    bool relAllowed(ExecutionContext& context, RelId rel) const;
    void reachable(ExecutionContext& context, NodeId start, bool sorted = true);
    // reachable() for minHops >= 2: breadth first, then a pruned depth-first search over trails
    // for the nodes nearer than minHops.
    void reachableByLongerTrails(ExecutionContext& context, NodeId start);
    // Distances (at most `limit`) to the nodes in pending_ against the search's direction, into
    // toPending_; the nodes reached go to backward_.
    void searchBackFromPending(ExecutionContext& context, uint64_t limit);
    // The breadth-first loop of reachable(); returns the length of the shortest closed trail
    // through the start it saw (UINT64_MAX: none within the bound).
    template <bool Undirected>
    uint64_t search(ExecutionContext& context, NodeId start);
    uint64_t searchNeighbors(ExecutionContext& context, NodeId start);
    bool bottomUpPays(const Graph& graph, size_t levelBegin, size_t levelEnd);
    // One level of searchNeighbors bottom up; returns next when the start closes a trail.
    uint64_t bottomUpLevel(ExecutionContext& context, NodeId start, size_t levelBegin, size_t levelEnd, uint64_t next);
    // Relationships to skip (uniqueness against the pattern's others) or to test (inline properties).
    bool filtered() const { return !excluded_.empty() || !wantedProperties_.empty(); }

    ExpandSpec spec_;
    uint64_t minHops_;
    std::optional<uint64_t> maxHops_;
    const ast::Expr* relProperties_;
    Value::Map wantedProperties_;
    std::vector<Frame> stack_;
    std::vector<RelId> path_;
    std::unordered_set<RelId> excluded_;
    bool emitStart_ = false;
    bool distinctEndpoints_ = false;
    std::vector<NodeId> endpoints_;
    size_t endpointPosition_ = 0;
    // Breadth-first state by node id, kept between rows: only the touched entries are reset, so a
    // search costs what it visits, not the size of the graph.
    std::vector<uint32_t> depth_;   // kUnreached when not reached
    std::vector<RelId> firstHop_;   // the relationship the search left the start by
    std::vector<NodeId> touched_;
    std::vector<uint64_t> seen_;     // searchNeighbors' bitmap, all clear between searches
    std::vector<uint64_t> frontier_; // bottomUpLevel's bitmap of the level's nodes, likewise
    uint64_t seenInEdges_ = 0;       // edges into the nodes seen so far, against the search's direction
    // reachableByLongerTrails' state, likewise kept between rows and reset where touched.
    std::vector<NodeId> pending_;            // nodes nearer than minHops, not yet known to qualify
    std::vector<uint8_t> pendingState_;      // per node: PendingState
    std::vector<uint32_t> toPending_;        // backward distance to a pending node, kUnreached if none near
    std::vector<NodeId> backward_;
    std::vector<std::vector<std::pair<RelId, NodeId>>> trailEdges_; // per depth: the edges still to try
    std::vector<size_t> trailNext_;
    std::vector<std::pair<RelId, NodeId>> edges_;
    std::vector<Value> scratch_;
};

// count(DISTINCT x) of (a)-[:T*0|1..k]->(x) with x's predicates: the end nodes reachable from
// every input row's start node that pass them, counted in a bitmap, one output row -- no row per
// end node. What the reach_count rule makes of an Aggregate over a BreadthFirstDistinctExpand.
class ReachCount final : public Operator {
public:
    // `predicates` are evaluated over the input row with x in spec.toSlot (width: the expansion's
    // output width); the count goes to column `countSlot`.
    ReachCount(ExpandSpec spec, uint64_t minHops, std::optional<uint64_t> maxHops,
               std::vector<const ast::Expr*> predicates, size_t expandWidth, size_t countSlot)
        : spec_(spec), expand_(std::move(spec), minHops, maxHops, nullptr), minHops_(minHops), maxHops_(maxHops),
          predicates_(std::move(predicates)), expandWidth_(expandWidth), countSlot_(countSlot) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;
    ColumnUsage usage() const override;

private:
    ExpandSpec spec_;
    VarExpand expand_; // its breadth-first search, called directly
    uint64_t minHops_;
    std::optional<uint64_t> maxHops_;
    std::vector<const ast::Expr*> predicates_;
    size_t expandWidth_;
    size_t countSlot_;
    bool done_ = false;
};

class Filter final : public RowOperator {
public:
    explicit Filter(const ast::Expr* predicate) : predicate_(predicate) {}
    const ast::Expr* predicate() const { return predicate_; }
    std::string describe() const override;
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override { return std::make_unique<Filter>(predicate_); }
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    const ast::Expr* predicate_;
};

// Appends the values of expressions as new columns (the input columns stay).
class Project final : public RowOperator {
public:
    Project(std::vector<const ast::Expr*> expressions, std::vector<size_t> slots)
        : expressions_(std::move(expressions)), slots_(std::move(slots)) {}
    std::string describe() const override;
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override { return std::make_unique<Project>(expressions_, slots_); }
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    std::vector<const ast::Expr*> expressions_;
    std::vector<size_t> slots_;
    std::vector<Value> scratch_;
};

// Keeps some columns, in a new order: output column i is input column slots[i].
class Select final : public Operator {
public:
    explicit Select(std::vector<size_t> slots) : slots_(std::move(slots)) {}
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override { return std::make_unique<Select>(slots_); }

private:
    std::vector<size_t> slots_;
    Chunk input_;
};

class Unwind final : public RowOperator {
public:
    Unwind(const ast::Expr* list, size_t slot) : list_(list), slot_(slot) {}
    size_t slot() const { return slot_; }
    std::string describe() const override { return "Unwind"; }
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override { return std::make_unique<Unwind>(list_, slot_); }
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    const ast::Expr* list_;
    size_t slot_;
    // UNWIND range(...) with integer bounds: its values made one at a time, no list built, so that
    // a billion rows cost no memory and the first row (and a timeout check) comes at once.
    bool startLazyRange(ExecutionContext& context, const RowRef& row);

    // The list being unwound, shared with the value it came from (not copied: a million-element
    // list reaches its first row at once), or null (then a lazy range, or nothing).
    Value items_;
    int64_t lazyStart_ = 0;
    int64_t lazyStep_ = 1;
    uint64_t lazyCount_ = 0;
    size_t position_ = 0;
};

// Builds a path value from alternating node and relationship(-list) slots.
class BuildPath final : public RowOperator {
public:
    struct Step {
        size_t slot;
        bool relationshipList;   // a variable-length step: a list of relationships
    };
    BuildPath(size_t startSlot, std::vector<Step> steps, size_t slot)
        : startSlot_(startSlot), steps_(std::move(steps)), slot_(slot) {}
    std::string describe() const override { return "BuildPath"; }
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override {
        return std::make_unique<BuildPath>(startSlot_, steps_, slot_);
    }
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    size_t startSlot_;
    std::vector<Step> steps_;
    size_t slot_;
};

// OPTIONAL MATCH and other per-row sub-plans: for each input row runs `plan` (whose leaf is an
// ArgumentOperator); emits its rows, or the input row with nulls when it has none (optional).
class Apply final : public RowOperator {
public:
    Apply(std::unique_ptr<Operator> plan, ArgumentOperator* argument, bool optional)
        : plan_(std::move(plan)), argument_(argument), optional_(optional) {}
    std::string describe() const override { return optional_ ? "Optional" : "Apply"; }
    // The leaf of the per-row plan, fed with each input row.
    const ArgumentOperator* argument() const { return argument_; }
    void open(ExecutionContext& context) override;
    ColumnUsage usage() const override;
    std::vector<std::unique_ptr<Operator>*> nestedPlans() override { return {&plan_}; }

protected:
    // A copy with its own copy of the per-row plan (nullptr when that cannot be copied).
    std::unique_ptr<Operator> cloneAlone() const override;
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    std::unique_ptr<Operator> plan_; // its leaf is *argument_ (rules may replace the operators above it)
    ArgumentOperator* argument_;
    bool optional_;
    Chunk results_;
    size_t position_ = 0;
    bool any_ = false;
    bool planDone_ = false;
};

} // namespace newsgraph
