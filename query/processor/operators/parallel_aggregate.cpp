#include "query/processor/operators/parallel_aggregate.hpp"

#include <atomic>
#include <span>

#include <fmt/format.h>

#include "query/processor/evaluator.hpp"
#include "query/processor/operators/parallel_support.hpp"
#include "query/processor/operators/read_operators.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

namespace {

Operator* bottomOf(Operator& pipeline) {
    Operator* op = &pipeline;
    while (op->children().size() == 1 && dynamic_cast<ArgumentOperator*>(op->child()) == nullptr) {
        op = op->child();
    }
    const bool overStart = op->children().size() == 1 && op->child()->children().empty();
    return overStart && dynamic_cast<NodeScan*>(op) != nullptr ? op : nullptr;
}

// Every expression `op` evaluates (their caches filled before threads share them); with `below`,
// those of the operators under it too.
void resolveIds(const Operator& op, const Graph& graph, bool below) {
    for (const ast::Expr* expr : op.usage().evaluated()) {
        resolveCatalogIds(*expr, graph);
    }
    if (!below) {
        return;
    }
    for (const auto& child : op.children()) {
        resolveIds(*child, graph, true);
    }
    for (std::unique_ptr<Operator>* nested : const_cast<Operator&>(op).nestedPlans()) {
        resolveIds(**nested, graph, true);
    }
}

} // namespace

ParallelAggregate::ParallelAggregate(std::unique_ptr<Aggregate> aggregate) : aggregate_(std::move(aggregate)) {
    setOutputWidth(aggregate_->outputWidth());
    addChild(aggregate_->releaseChild(0));
}

const Operator* ParallelAggregate::bottomScan(const Operator& pipeline) {
    return bottomOf(const_cast<Operator&>(pipeline));
}

std::string ParallelAggregate::describe() const {
    return "Parallel" + aggregate_->describe();
}

void ParallelAggregate::open(ExecutionContext& /*context*/) {
    // The workers open their own copies; the pipeline kept as child is only the pattern.
    result_.reset();
}

std::unique_ptr<Aggregate> ParallelAggregate::run(ExecutionContext& context) {
    const Graph& graph = *context.graph;
    auto* scan = static_cast<const NodeScan*>(bottomOf(*child()));
    scan->nodesToScan(graph, nodes_);
    const std::vector<size_t> ends = splitNodesByWork(graph, nodes_, context.threads);
    const auto parts = static_cast<uint32_t>(ends.size());

    // One copy of the pipeline and aggregate per part, each over its range of the scan.
    std::vector<std::unique_ptr<Aggregate>> aggregates;
    std::vector<ExecutionContext> contexts(parts);
    for (uint32_t part = 0; part < parts; ++part) {
        aggregates.push_back(aggregate_->workerCopy(parts > 1));
        aggregates.back()->addChild(child()->cloneTree());
        const size_t begin = part == 0 ? 0 : ends[part - 1];
        static_cast<NodeScan*>(bottomOf(*aggregates.back()->child()))
            ->setCandidates(std::span<const NodeId>(nodes_).subspan(begin, ends[part] - begin));
    }
    if (parts > 1) {
        // Evaluating an expression fills its catalog-id caches once: done here, so the threads only read.
        resolveIds(*child(), graph, true);
        resolveIds(*aggregate_, graph, false); // childless: its pipeline is this operator's child
    }
    runParts(parts, [&](uint32_t part, const std::atomic<bool>& stop) {
        ExecutionContext& own = contexts[part];
        initWorkerContext(context, own, parts > 1 ? &stop : context.abandoned);
        aggregates[part]->open(own);
        aggregates[part]->drainInput(own);
    });
    std::unique_ptr<Aggregate> merged = std::move(aggregates.front());
    for (uint32_t part = 1; part < parts; ++part) {
        merged->absorb(*aggregates[part]);
        context.checkCancelled();
    }
    return merged;
}

bool ParallelAggregate::next(ExecutionContext& context, Chunk& out) {
    if (!result_) {
        result_ = run(context);
    }
    return result_->next(context, out);
}

} // namespace newsgraph
