#pragma once

// What the operators that split a scan of the nodes among threads share (ParallelAggregate,
// ScanAggregate): cutting the scan into ranges of about equal work, a context of its own for each
// helper thread, and running the parts so that the error reported is the one a single thread
// would have met first.

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/storage/graph.hpp"
#include "query/processor/execution_context.hpp"

namespace newsgraph {

// Below this much work (nodes plus their relationships) one thread does it all: a thread's start
// and the merge cost more than they save.
inline constexpr uint64_t kMinParallelWork = uint64_t{1} << 15U;

// The ends of at most `threads` contiguous ranges of `nodes` with about equal work each (a node
// and its relationships in both directions); one range when the work is below kMinParallelWork.
std::vector<size_t> splitNodesByWork(const Graph& graph, const std::vector<NodeId>& nodes, uint32_t threads);

// `worker` made a context for one part of `context`'s statement: the same graph, parameters,
// deadline, sub-plans and cancellation; its own locals, and `abandoned` as its stop signal.
void initWorkerContext(const ExecutionContext& context, ExecutionContext& worker, const std::atomic<bool>* abandoned);

// Runs work(part, stop) for each of `parts` parts on a thread each (inline when there is one),
// with the statement's clock and a share of the memory limit each; when a part fails, the parts
// after it are told to stop, and the failure of the lowest failed part is rethrown after all joined.
void runParts(uint32_t parts, const std::function<void(uint32_t part, const std::atomic<bool>& stop)>& work);

} // namespace newsgraph
