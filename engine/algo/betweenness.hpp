#pragma once

#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// Brandes' betweenness centrality on the simple projection (parallel relationships are one edge; a
// weighted pair costs its cheapest relationship; self-loops ignored). Raw scores, as Neo4j GDS
// reports them: the sum over ordered pairs (s, t) of the fraction of shortest s-t paths through v;
// with Both (undirected) each unordered pair is counted once, i.e. the directed sum halved.
// Unweighted: breadth-first search per source; weightKey: Dijkstra. samples > 0 (and fewer than the
// live nodes) picks that many distinct sources with a generator seeded by `seed` and scales the sum
// by live / samples, an unbiased estimate; otherwise every node is a source (exact).
// `threads` workers share the sources. Indexed by NodeId; deleted nodes score 0.
std::vector<double> betweenness(const Graph& graph, const AlgoConfig& config);

} // namespace newsgraph::algo
