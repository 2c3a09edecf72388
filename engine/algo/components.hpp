#pragma once

#include <cstdint>
#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// Component ids are dense, 0 .. k-1, numbered in the order of each component's smallest NodeId;
// deleted nodes get kNoComponent; a node without passing edges is a component of its own.
// Edges are those of the simple projection (pairs reaching minEdgeCount; counted per ordered pair
// unless direction is Both); weights are not read.

// Weakly connected components: relationships taken as undirected. Union-find over the projection,
// or straight over the graph's CSR when nothing is filtered.
std::vector<uint32_t> weakComponents(const Graph& graph, const AlgoConfig& config);

// Strongly connected components (Boost.Graph strong_components, Tarjan's algorithm) of the projection
// in `direction`; Out and In give the same components, Both the weak ones.
std::vector<uint32_t> strongComponents(const Graph& graph, const AlgoConfig& config);

// Renumbers arbitrary labels (one per node, kNoComponent for deleted nodes) to dense ids in the
// order of each label's smallest NodeId.
std::vector<uint32_t> denseComponentIds(const std::vector<uint32_t>& labels);

} // namespace newsgraph::algo
