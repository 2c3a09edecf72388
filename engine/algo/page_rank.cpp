#include "engine/algo/page_rank.hpp"

#include <cmath>

#include "engine/algo/projection.hpp"

namespace newsgraph::algo {

std::vector<double> pageRank(const Graph& graph, const AlgoConfig& config) {
    if (!(config.damping >= 0.0 && config.damping <= 1.0)) {
        throwArgumentError("damping must be between 0 and 1");
    }
    const EdgeView view(graph, config);
    // Rank is pulled: each node sums over the nodes pointing at it, so the projection holds in-lists.
    const Projection incoming(view, reversed(config.direction), PairWeight::Sum);
    const uint32_t n = incoming.nodeCount();
    std::vector<double> rank(n, 0.0);
    if (incoming.liveNodeCount() == 0) {
        return rank;
    }
    const auto live = static_cast<double>(incoming.liveNodeCount());
    const std::vector<NodeId>& sources = incoming.targets();
    std::vector<double> outWeight(n, 0.0);
    for (uint32_t edge = 0; edge < sources.size(); ++edge) {
        outWeight[sources[edge]] += incoming.weight(edge);
    }
    std::vector<NodeId> liveNodes;
    std::vector<NodeId> dangling;
    for (NodeId node = 0; node < n; ++node) {
        if (!incoming.live(node)) {
            continue;
        }
        liveNodes.push_back(node);
        rank[node] = 1.0 / live;
        if (outWeight[node] == 0.0) {
            dangling.push_back(node);
        }
    }
    // share[u] = PR(u) / W(u): what u passes along per unit of edge weight.
    std::vector<double> share(n, 0.0);
    std::vector<double> next(n, 0.0);
    const double d = config.damping;
    const bool weighted = !incoming.weights().empty();
    for (uint32_t iteration = 0; iteration < config.maxIterations; ++iteration) {
        checkCancelled(config);
        double danglingRank = 0.0;
        for (NodeId node : dangling) {
            danglingRank += rank[node];
        }
        for (NodeId node : liveNodes) {
            share[node] = outWeight[node] > 0.0 ? rank[node] / outWeight[node] : 0.0;
        }
        const double base = (1.0 - d) / live + d * danglingRank / live;
        double change = 0.0;
        for (NodeId node : liveNodes) {
            double sum = 0.0;
            const uint32_t end = incoming.end(node);
            if (weighted) {
                for (uint32_t edge = incoming.begin(node); edge < end; ++edge) {
                    sum += share[sources[edge]] * incoming.weights()[edge];
                }
            } else {
                for (uint32_t edge = incoming.begin(node); edge < end; ++edge) {
                    sum += share[sources[edge]];
                }
            }
            next[node] = base + d * sum;
            change += std::abs(next[node] - rank[node]);
        }
        rank.swap(next);
        if (change < config.tolerance) {
            break;
        }
    }
    return rank;
}

} // namespace newsgraph::algo
