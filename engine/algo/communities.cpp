#include "engine/algo/communities.hpp"

#include <algorithm>

#include "engine/algo/components.hpp"
#include "engine/algo/louvain_level.hpp"
#include "engine/algo/projection.hpp"

namespace newsgraph::algo {

namespace {

// Louvain usually settles in a handful of levels; this only bounds a pathological case.
constexpr uint32_t kMaxLevels = 64;

LouvainGraph fromProjection(const Projection& projection) {
    LouvainGraph graph;
    const auto& forward = projection.csr().m_forward;
    graph.offsets.assign(forward.m_rowstart.begin(), forward.m_rowstart.end());
    graph.targets = forward.m_column;
    graph.weights = projection.weights();
    if (graph.weights.empty()) {
        graph.weights.assign(graph.targets.size(), 1.0);
    }
    graph.selfWeight.assign(projection.nodeCount(), 0.0);
    return graph;
}

} // namespace

std::vector<uint32_t> communities(const Graph& graph, const AlgoConfig& config) {
    const EdgeView view(graph, config);
    const Projection projection(view, EdgeDirection::Both, PairWeight::Sum);
    LouvainGraph level = fromProjection(projection);
    // community[node] is the node's vertex in the current level's graph.
    std::vector<uint32_t> community(projection.nodeCount());
    for (NodeId node = 0; node < projection.nodeCount(); ++node) {
        community[node] = node;
    }
    for (uint32_t depth = 0; depth < kMaxLevels; ++depth) {
        const LocalMoves moves = moveNodes(level, config);
        if (!moves.moved) {
            break;
        }
        for (uint32_t& c : community) {
            c = moves.community[c];
        }
        level = aggregate(level, moves);
    }
    for (NodeId node = 0; node < projection.nodeCount(); ++node) {
        if (!projection.live(node)) {
            community[node] = kNoComponent;
        }
    }
    return denseComponentIds(community);
}

double modularity(const Graph& graph, const AlgoConfig& config, const std::vector<uint32_t>& community) {
    const EdgeView view(graph, config);
    const Projection projection(view, EdgeDirection::Both, PairWeight::Sum);
    const uint32_t n = projection.nodeCount();
    if (community.size() != n) {
        throwArgumentError("modularity needs one community id per node");
    }
    uint32_t ids = 0;
    for (NodeId node = 0; node < n; ++node) {
        if (projection.live(node) && community[node] != kNoComponent) {
            ids = std::max(ids, community[node] + 1U);
        }
    }
    std::vector<double> inner(ids, 0.0);  // sum of A_ij with i, j both in c, by community id
    std::vector<double> total(ids, 0.0);  // sum of strengths in c
    double twiceWeight = 0.0;
    for (NodeId node = 0; node < n; ++node) {
        if (community[node] == kNoComponent) {
            continue;  // a deleted node: it has no edges
        }
        for (uint32_t edge = projection.begin(node); edge < projection.end(node); ++edge) {
            const double weight = projection.weight(edge);
            const uint32_t c = community[node];
            twiceWeight += weight;
            total[c] += weight;
            if (community[projection.targets()[edge]] == c) {
                inner[c] += weight;
            }
        }
    }
    if (twiceWeight == 0.0) {
        return 0.0;
    }
    double q = 0.0;
    for (uint32_t c = 0; c < ids; ++c) {
        q += inner[c] / twiceWeight - (total[c] / twiceWeight) * (total[c] / twiceWeight);
    }
    return q;
}

} // namespace newsgraph::algo
