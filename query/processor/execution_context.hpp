#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "engine/function/function_context.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"

namespace newsgraph {

class Operator;
struct Subplan;

// Graph access for functions (labels(), type(), properties()...) over the current graph; while a
// write clause runs, property reads of the entities it created come from its builder, so that
// CREATE (a {id: 0}), (b {num: a.id}) sees a's id (With2, WithSkipLimit2).
class GraphEntityAccessor final : public EntityAccessor {
public:
    GraphEntityAccessor(const Graph* const* graph, const std::optional<GraphBuilder>* builder)
        : graph_(graph), builder_(builder) {}
    std::vector<std::string> nodeLabels(NodeId node) const override;
    PropertyList nodeProperties(NodeId node) const override;
    Value nodeProperty(NodeId node, const std::string& key) const override;
    std::string relType(RelId rel) const override;
    PropertyList relProperties(RelId rel) const override;
    Value relProperty(RelId rel, const std::string& key) const override;
    NodeId relSource(RelId rel) const override;
    NodeId relTarget(RelId rel) const override;
    bool nodeDeleted(NodeId node) const override;
    bool relDeleted(RelId rel) const override;

private:
    const Graph* const* graph_;
    const std::optional<GraphBuilder>* builder_;
};

// What a running statement shares between its operators: the graph it reads (replaced after
// each write clause), the builder write clauses change, parameters, statistics, locals of
// comprehensions and the sub-plans of pattern expressions.
struct ExecutionContext {
    const Graph* graph = nullptr;
    std::unique_ptr<Graph> written;           // the graph after this statement's writes so far
    std::optional<GraphBuilder> builder;      // open while a write clause runs
    const Parameters* parameters = nullptr;
    QueryStatistics statistics;
    // Entities this statement created or changed: the side effects are the graph's difference on them.
    std::unordered_set<NodeId> touchedNodes;
    std::unordered_set<RelId> touchedRels;
    std::vector<Value> locals;                // comprehension and reduce variables
    std::vector<const Subplan*> subplans;     // by ast::Expr::subplan
    GraphEntityAccessor entities{&graph, &builder};
    const std::atomic<bool>* cancelled = nullptr;
    // A helper thread's own stop signal, set when the work it does for the statement is no longer
    // wanted (another helper failed first): it stops as if cancelled.
    const std::atomic<bool>* abandoned = nullptr;
    // ExecuteOptions::threads: how many threads an operator may split its work among (>= 1).
    uint32_t threads = 1;
    // ExecuteOptions::timeout from the statement's start; the clock is read every
    // kChecksPerClockRead checks, which keeps a check a few nanoseconds.
    std::optional<std::chrono::steady_clock::time_point> deadline;
    std::chrono::milliseconds timeout{0};
    mutable uint32_t checksUntilClock = 0;
    // Which run of a statement this is (unique in the process; 0: not known) and how many write
    // clauses have replaced `graph` so far: state an operator keeps across the runs of a per-row
    // plan (a hash join's table) is valid while both are unchanged.
    uint64_t execution = 0;
    uint32_t graphVersion = 0;

    // Starts changing the graph (thaws it into the builder once per write clause).
    GraphBuilder& beginWrite();
    // Freezes the builder into the graph the next operators read.
    void endWrite();
    // Throws TransactionError Cancelled once `cancelled` reads true, TimeoutError past the deadline.
    void checkCancelled() const;
    // checkCancelled() for threads working for one operator at once: it shares no counter, so it
    // reads the clock on every call (call it every few thousand items).
    void checkCancelledConcurrently() const;

private:
    [[noreturn]] void throwStopped(bool timedOut) const;
};

} // namespace newsgraph
