#include "engine/algo/betweenness.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <queue>
#include <thread>

#include "engine/algo/projection.hpp"
#include "engine/algo/sampling.hpp"
#include "engine/common/cores.hpp"

namespace newsgraph::algo {

namespace {

constexpr double kUnreached = -1.0;

// The per-source state of Brandes' algorithm, reset only where a search touched it.
struct SourceState {
    std::vector<double> dist;
    std::vector<double> sigma;  // number of shortest paths from the source
    std::vector<double> delta;  // dependency of the source on the node
    std::vector<NodeId> order;  // nodes in the order they were settled

    explicit SourceState(uint32_t n) : dist(n, kUnreached), sigma(n, 0.0), delta(n, 0.0) {}
    void reset() {
        for (NodeId node : order) {
            dist[node] = kUnreached;
            sigma[node] = 0.0;
            delta[node] = 0.0;
        }
        order.clear();
    }
};

void searchUnweighted(const Projection& graph, NodeId source, SourceState& state) {
    state.dist[source] = 0.0;
    state.sigma[source] = 1.0;
    state.order.push_back(source);
    // `order` doubles as the breadth-first queue.
    for (size_t head = 0; head < state.order.size(); ++head) {
        const NodeId node = state.order[head];
        for (NodeId next : graph.neighbors(node)) {
            if (state.dist[next] == kUnreached) {
                state.dist[next] = state.dist[node] + 1.0;
                state.order.push_back(next);
            }
            if (state.dist[next] == state.dist[node] + 1.0) {
                state.sigma[next] += state.sigma[node];
            }
        }
    }
}

void searchWeighted(const Projection& graph, NodeId source, SourceState& state, std::vector<uint8_t>& settled) {
    using Entry = std::pair<double, NodeId>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    state.dist[source] = 0.0;
    state.sigma[source] = 1.0;
    queue.emplace(0.0, source);
    while (!queue.empty()) {
        const auto [dist, node] = queue.top();
        queue.pop();
        if (settled[node] != 0 || dist > state.dist[node]) {
            continue;
        }
        settled[node] = 1;
        state.order.push_back(node);
        for (uint32_t edge = graph.begin(node); edge < graph.end(node); ++edge) {
            const NodeId next = graph.targets()[edge];
            const double candidate = dist + graph.weight(edge);
            if (state.dist[next] == kUnreached || candidate < state.dist[next]) {
                state.dist[next] = candidate;
                state.sigma[next] = state.sigma[node];
                queue.emplace(candidate, next);
            } else if (candidate == state.dist[next] && settled[next] == 0) {
                state.sigma[next] += state.sigma[node];
            }
        }
    }
    for (NodeId node : state.order) {
        settled[node] = 0;
    }
}

// Adds the source's dependencies, walking the settled nodes backwards: a successor w of v on a
// shortest path (dist[w] = dist[v] + w(v, w)) is settled after v, so its delta is final.
void accumulate(const Projection& graph, NodeId source, SourceState& state, std::vector<double>& score) {
    for (size_t i = state.order.size(); i-- > 0;) {
        const NodeId node = state.order[i];
        double delta = 0.0;
        for (uint32_t edge = graph.begin(node); edge < graph.end(node); ++edge) {
            const NodeId next = graph.targets()[edge];
            if (state.dist[next] != kUnreached && state.dist[next] == state.dist[node] + graph.weight(edge)) {
                delta += state.sigma[node] / state.sigma[next] * (1.0 + state.delta[next]);
            }
        }
        state.delta[node] = delta;
        if (node != source) {
            score[node] += delta;
        }
    }
}

} // namespace

std::vector<double> betweenness(const Graph& graph, const AlgoConfig& config) {
    const EdgeView view(graph, config);
    const Projection projection(view, config.direction, PairWeight::Min);
    const uint32_t n = projection.nodeCount();
    std::vector<double> score(n, 0.0);
    std::vector<NodeId> sources;
    for (NodeId node = 0; node < n; ++node) {
        if (projection.live(node)) {
            sources.push_back(node);
        }
    }
    const size_t live = sources.size();
    double scale = 1.0;
    if (config.samples > 0 && config.samples < live) {
        sources = sampleWithoutReplacement(sources, config.samples, config.seed);
        scale = static_cast<double>(live) / static_cast<double>(config.samples);
    }
    const bool weighted = !projection.weights().empty();
    uint32_t threads = config.threads == 0 ? availableCores() : config.threads;
    threads = static_cast<uint32_t>(std::min<size_t>(threads, std::max<size_t>(1, sources.size())));
    // Each worker takes every threads-th source into its own sums; cancellation is checked by all.
    std::vector<std::vector<double>> partial(threads);
    std::vector<std::exception_ptr> failure(threads);
    const auto work = [&](uint32_t worker) {
        try {
            std::vector<double>& sum = worker == 0 ? score : partial[worker];
            sum.assign(n, 0.0);
            SourceState state(n);
            std::vector<uint8_t> settled(weighted ? n : 0, 0);
            for (size_t i = worker; i < sources.size(); i += threads) {
                checkCancelled(config);
                if (weighted) {
                    searchWeighted(projection, sources[i], state, settled);
                } else {
                    searchUnweighted(projection, sources[i], state);
                }
                accumulate(projection, sources[i], state, sum);
                state.reset();
            }
        } catch (...) {
            failure[worker] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (uint32_t worker = 1; worker < threads; ++worker) {
        pool.emplace_back(work, worker);
    }
    work(0);
    for (std::thread& thread : pool) {
        thread.join();
    }
    for (uint32_t worker = 0; worker < threads; ++worker) {
        if (failure[worker]) {
            std::rethrow_exception(failure[worker]);
        }
        if (worker > 0) {
            for (NodeId node = 0; node < n; ++node) {
                score[node] += partial[worker][node];
            }
        }
    }
    // The undirected projection holds each edge both ways, so every unordered pair was counted twice.
    if (config.direction == EdgeDirection::Both) {
        scale /= 2.0;
    }
    for (double& value : score) {
        value *= scale;
    }
    return score;
}

} // namespace newsgraph::algo
