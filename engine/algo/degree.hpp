#pragma once

#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// The number of passing relationships of each node in `direction` (Both = out + in, so a self-loop
// counts twice there and once for Out or In), or their summed weight when weightKey is set.
// Relationships, not pairs: parallel relationships each count, but only those of pairs that reach
// minEdgeCount. Indexed by NodeId; deleted nodes score 0.
std::vector<double> degree(const Graph& graph, const AlgoConfig& config);

} // namespace newsgraph::algo
