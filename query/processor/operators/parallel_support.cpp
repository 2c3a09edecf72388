#include "query/processor/operators/parallel_support.hpp"

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>
#include <thread>

#include "engine/common/memory_limit.hpp"
#include "engine/function/temporal_build.hpp"

namespace newsgraph {

std::vector<size_t> splitNodesByWork(const Graph& graph, const std::vector<NodeId>& nodes, uint32_t threads) {
    const uint32_t parts = std::max<uint32_t>(1, std::min<uint32_t>(threads, static_cast<uint32_t>(nodes.size())));
    if (parts == 1) {
        return {nodes.size()};
    }
    std::vector<uint64_t> prefix(nodes.size() + 1, 0);
    for (size_t i = 0; i < nodes.size(); ++i) {
        const uint64_t degree = graph.adjacency(nodes[i], Direction::Out).size + graph.adjacency(nodes[i], Direction::In).size;
        prefix[i + 1] = prefix[i] + 1 + degree;
    }
    if (prefix.back() < kMinParallelWork) {
        return {nodes.size()};
    }
    std::vector<size_t> ends;
    for (uint32_t part = 1; part < parts; ++part) {
        const uint64_t wanted = prefix.back() * part / parts;
        ends.push_back(static_cast<size_t>(std::lower_bound(prefix.begin(), prefix.end(), wanted) - prefix.begin()));
    }
    ends.push_back(nodes.size());
    return ends;
}

void initWorkerContext(const ExecutionContext& context, ExecutionContext& worker, const std::atomic<bool>* abandoned) {
    worker.graph = context.graph;
    worker.parameters = context.parameters;
    worker.cancelled = context.cancelled;
    worker.abandoned = abandoned;
    worker.threads = 1;
    worker.deadline = context.deadline;
    worker.timeout = context.timeout;
    worker.execution = context.execution;
    worker.graphVersion = context.graphVersion;
    worker.subplans = context.subplans;
    worker.locals = context.locals;
}

void runParts(uint32_t parts, const std::function<void(uint32_t part, const std::atomic<bool>& stop)>& work) {
    if (parts <= 1) {
        const std::atomic<bool> never{false};
        work(0, never);
        return;
    }
    const std::optional<uint64_t> remaining = memoryLimitRemaining();
    const std::optional<int64_t> instant = temporalbuild::StatementClock::instant();
    std::vector<std::atomic<bool>> stops(parts);
    std::vector<std::exception_ptr> failures(parts);
    std::vector<uint8_t> memoryExceeded(parts, 0);
    auto run = [&](uint32_t part) {
        const temporalbuild::StatementClock clock(instant);
        std::optional<MemoryLimitScope> memory;
        if (remaining) {
            memory.emplace(*remaining / parts);
        }
        try {
            work(part, stops[part]);
        } catch (...) {
            failures[part] = std::current_exception();
            memoryExceeded[part] = memory && memory->exceeded() ? 1 : 0;
            for (uint32_t later = part + 1; later < parts; ++later) {
                stops[later] = true;
            }
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(parts);
    for (uint32_t part = 0; part < parts; ++part) {
        threads.emplace_back(run, part);
    }
    for (std::thread& thread : threads) {
        thread.join();
    }
    for (uint32_t part = 0; part < parts; ++part) {
        if (failures[part]) {
            if (memoryExceeded[part] != 0) {
                noteMemoryLimitExceeded();
            }
            std::rethrow_exception(failures[part]);
        }
    }
}

} // namespace newsgraph
