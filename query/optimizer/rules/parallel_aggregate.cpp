// parallel_aggregate: an Aggregate over a pipeline that starts with a scan of the graph's nodes
// runs on every core (ParallelAggregate): the scan is cut into ranges of about equal work, each
// thread runs its own copy of the pipeline and aggregate, and the copies merge in range order, so
// the answer is one thread's. What DuckDB and Kùzu do with morsels, kept deterministic.
//
// It fires when every operator between the Aggregate and the scan can be copied (scans, expansions,
// filters, projections, UNWIND, hash joins, OPTIONAL MATCH with its per-row plan; not writes), no
// expression they, their per-row plans or the aggregate evaluate runs a sub-plan (pattern
// predicates and EXISTS keep per-row state), and the Aggregate
// is part of the statement's main plan (not of a plan run once per outer row). Last in the list:
// the counting rules before it replace the Aggregates they can answer without enumerating.
#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/parallel_aggregate.hpp"

namespace newsgraph {

namespace {

// Whether `op`, or an operator of the per-row plans it runs (OPTIONAL MATCH), evaluates an
// expression that runs a sub-plan (which reads the whole row: the plan properties' column
// collection says so).
bool evaluatesSubplan(Operator& op) {
    for (const ast::Expr* expr : op.usage().evaluated()) {
        ColumnSet read;
        collectColumns(*expr, read);
        if (read.all()) {
            return true;
        }
    }
    for (std::unique_ptr<Operator>* nested : op.nestedPlans()) {
        for (Operator* inner = nested->get(); inner != nullptr; inner = inner->child()) {
            if (evaluatesSubplan(*inner)) {
                return true;
            }
        }
    }
    return false;
}

bool parallelizable(Aggregate& aggregate) {
    Operator* pipeline = aggregate.child();
    if (pipeline == nullptr || ParallelAggregate::bottomScan(*pipeline) == nullptr || evaluatesSubplan(aggregate)) {
        return false;
    }
    for (Operator* op = pipeline; op != nullptr; op = op->child()) {
        if (evaluatesSubplan(*op)) {
            return false;
        }
    }
    return pipeline->cloneTree() != nullptr;
}

// The statement's main plan only (children, not the plans Apply runs per row, not sub-plans).
size_t rewriteTree(std::unique_ptr<Operator>& slot) {
    size_t fired = 0;
    for (size_t i = 0; i < slot->children().size(); ++i) {
        fired += rewriteTree(slot->childSlot(i));
    }
    auto* aggregate = dynamic_cast<Aggregate*>(slot.get());
    if (aggregate == nullptr || !parallelizable(*aggregate)) {
        return fired;
    }
    std::unique_ptr<Operator> owned = std::move(slot);
    slot = std::make_unique<ParallelAggregate>(std::unique_ptr<Aggregate>(static_cast<Aggregate*>(owned.release())));
    return fired + 1;
}

} // namespace

size_t ParallelAggregateRule::apply(OptimizerContext& context) {
    const size_t fired = rewriteTree(context.prepared.root);
    if (fired > 0) {
        context.planChanged();
    }
    return fired;
}

} // namespace newsgraph
