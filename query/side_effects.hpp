#pragma once

#include <unordered_set>

#include "engine/storage/graph.hpp"
#include "query/database.hpp"

namespace newsgraph {

// The side effects of a statement as the TCK counts them: the difference between the graph
// before and after, on the entities the statement created or changed (nodes, relationships,
// property key-value pairs, labels in use).
QueryStatistics diffSideEffects(const Graph& before, const Graph& after, const std::unordered_set<NodeId>& nodes,
                                const std::unordered_set<RelId>& rels);

} // namespace newsgraph
