#pragma once

#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// PageRank by power iteration on the simple projection (see Projection), scores summing to 1 over
// the live nodes (igraph / NetworkX convention, not Neo4j GDS's unnormalized one):
//   PR'(v) = (1 - d) / N + d * (sum over u -> v of PR(u) * w(u,v) / W(u) + D / N)
// where W(u) is u's total out-weight and D the rank held by dangling nodes (W = 0), spread evenly.
// Starts from 1/N; stops after maxIterations or once sum |PR' - PR| < tolerance. Edges are followed
// as `direction` says (In: rank flows against the relationships, Both: undirected). The result is
// indexed by NodeId; deleted nodes score 0.
std::vector<double> pageRank(const Graph& graph, const AlgoConfig& config);

} // namespace newsgraph::algo
