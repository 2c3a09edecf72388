#include "query/processor/operators/parallel_aggregate.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <span>
#include <thread>

#include <fmt/format.h>

#include "engine/common/memory_limit.hpp"
#include "engine/function/temporal_build.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/read_operators.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

namespace {

// Below this much work (nodes plus their relationships) one thread does it all: a thread's start
// and the merge cost more than they save.
constexpr uint64_t kMinParallelWork = uint64_t{1} << 15U;

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

// Per node of the scan and before it, the work so far: the nodes and their relationships.
std::vector<uint64_t> workPrefix(const Graph& graph, const std::vector<NodeId>& nodes) {
    std::vector<uint64_t> prefix(nodes.size() + 1, 0);
    for (size_t i = 0; i < nodes.size(); ++i) {
        const uint64_t degree = graph.adjacency(nodes[i], Direction::Out).size + graph.adjacency(nodes[i], Direction::In).size;
        prefix[i + 1] = prefix[i] + 1 + degree;
    }
    return prefix;
}

// The ends of `parts` contiguous ranges of about equal work each.
std::vector<size_t> splitByWork(const std::vector<uint64_t>& prefix, uint32_t parts) {
    std::vector<size_t> ends;
    for (uint32_t part = 1; part < parts; ++part) {
        const uint64_t wanted = prefix.back() * part / parts;
        ends.push_back(static_cast<size_t>(std::lower_bound(prefix.begin(), prefix.end(), wanted) - prefix.begin()));
    }
    ends.push_back(prefix.size() - 1);
    return ends;
}

} // namespace

// One thread's share: its copy of the pipeline and aggregate, its context, and how it ended.
struct ParallelAggregate::Worker {
    std::unique_ptr<Aggregate> aggregate;
    ExecutionContext context;
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    bool memoryExceeded = false;
};

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
    const std::vector<NodeId>& nodes = nodes_;
    uint32_t parts = std::max<uint32_t>(1, std::min<uint32_t>(context.threads, static_cast<uint32_t>(nodes.size())));
    std::vector<size_t> ends{nodes.size()};
    if (parts > 1) {
        const std::vector<uint64_t> prefix = workPrefix(graph, nodes);
        if (prefix.back() < kMinParallelWork) {
            parts = 1;
        } else {
            ends = splitByWork(prefix, parts);
        }
    }

    std::vector<std::unique_ptr<Worker>> workers;
    for (uint32_t part = 0; part < parts; ++part) {
        auto worker = std::make_unique<Worker>();
        worker->aggregate = aggregate_->workerCopy(parts > 1);
        worker->aggregate->addChild(child()->cloneTree());
        const size_t begin = part == 0 ? 0 : ends[part - 1];
        static_cast<NodeScan*>(bottomOf(*worker->aggregate->child()))
            ->setCandidates(std::span<const NodeId>(nodes).subspan(begin, ends[part] - begin));
        ExecutionContext& own = worker->context;
        own.graph = context.graph;
        own.parameters = context.parameters;
        own.cancelled = context.cancelled;
        own.abandoned = parts > 1 ? &worker->stop : context.abandoned;
        own.deadline = context.deadline;
        own.timeout = context.timeout;
        own.execution = context.execution;
        own.graphVersion = context.graphVersion;
        own.subplans = context.subplans;
        own.locals = context.locals;
        workers.push_back(std::move(worker));
    }
    if (parts == 1) {
        Worker& only = *workers.front();
        only.aggregate->open(only.context);
        only.aggregate->drainInput(only.context);
        return std::move(only.aggregate);
    }

    // Evaluating an expression fills its catalog-id caches once: done here, so the threads only read.
    resolveIds(*child(), graph, true);
    resolveIds(*aggregate_, graph, false); // childless: its pipeline is this operator's child
    const std::optional<uint64_t> remaining = memoryLimitRemaining();
    const std::optional<int64_t> instant = temporalbuild::StatementClock::instant();
    auto work = [&](uint32_t part) {
        Worker& worker = *workers[part];
        const temporalbuild::StatementClock clock(instant);
        std::optional<MemoryLimitScope> memory;
        if (remaining) {
            memory.emplace(*remaining / parts);
        }
        try {
            worker.aggregate->open(worker.context);
            worker.aggregate->drainInput(worker.context);
        } catch (...) {
            worker.failure = std::current_exception();
            worker.memoryExceeded = memory && memory->exceeded();
            for (uint32_t later = part + 1; later < parts; ++later) {
                workers[later]->stop = true;
            }
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(parts);
    for (uint32_t part = 0; part < parts; ++part) {
        threads.emplace_back(work, part);
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (const auto& worker : workers) {
        if (worker->failure) {
            if (worker->memoryExceeded) {
                noteMemoryLimitExceeded();
            }
            std::rethrow_exception(worker->failure);
        }
    }
    std::unique_ptr<Aggregate> merged = std::move(workers.front()->aggregate);
    for (uint32_t part = 1; part < parts; ++part) {
        merged->absorb(*workers[part]->aggregate);
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
