#pragma once

#include <cstdint>
#include <vector>

#include "engine/algo/algo_config.hpp"

namespace newsgraph::algo {

// One level of Louvain: a symmetric weighted graph in CSR form (no self entries in the lists; a
// node's internal weight, A_ii, kept apart), as the projection or the previous level's aggregate.
struct LouvainGraph {
    std::vector<uint32_t> offsets;   // n + 1
    std::vector<uint32_t> targets;
    std::vector<double> weights;
    std::vector<double> selfWeight;  // A_ii (an undirected self-loop of weight w counts 2w)

    uint32_t nodeCount() const { return static_cast<uint32_t>(selfWeight.size()); }
};

// Moves nodes between communities while modularity improves; returns the community of each node,
// dense 0 .. k-1 in order of first node, and whether anything moved.
struct LocalMoves {
    std::vector<uint32_t> community;
    uint32_t communityCount = 0;
    bool moved = false;
};
LocalMoves moveNodes(const LouvainGraph& graph, const AlgoConfig& config);

// The graph of communities: one node per community, edge weights summed, inner edges as self weight.
LouvainGraph aggregate(const LouvainGraph& graph, const LocalMoves& moves);

} // namespace newsgraph::algo
