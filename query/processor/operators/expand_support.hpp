#pragma once

// What the expansion operators (expand.cpp, reach.cpp) share: reading a node's edges through the
// CSR and checking the far node's labels.

#include <utility>
#include <vector>

#include "query/processor/evaluator.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// Appends every (relationship, neighbour) of `node` allowed by the spec's types and direction.
void collectEdges(const Graph& graph, NodeId node, const ExpandSpec& spec, std::vector<std::pair<RelId, NodeId>>& out);
// Whether `node` carries every label of spec.toLabels (ids looked up once per spec).
inline bool labelsMatch(const Graph& graph, NodeId node, const ExpandSpec& spec) {
    return hasLabels(graph, node, spec.toLabels, spec.toLabelIds);
}

} // namespace newsgraph
