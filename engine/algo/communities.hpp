#pragma once

#include <cstdint>
#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// Louvain modularity optimisation (Blondel et al. 2008) on the undirected simple projection
// (direction is ignored: modularity here is the undirected one; a pair's weight is the sum of its
// relationships' weights, 1 when unweighted). Deterministic: nodes are visited in id order and ties
// go to the current community, then to the lowest community id. Levels repeat until a level moves
// nothing. Ids as for components (dense, by smallest NodeId; deleted nodes kNoComponent).
std::vector<uint32_t> communities(const Graph& graph, const AlgoConfig& config);

// Newman's modularity Q of `community` (one id per node, kNoComponent for deleted nodes) on the
// same undirected projection; 0 for a graph without edges.
double modularity(const Graph& graph, const AlgoConfig& config, const std::vector<uint32_t>& community);

} // namespace newsgraph::algo
