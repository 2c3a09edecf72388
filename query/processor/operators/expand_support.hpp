#pragma once

// What the expansion operators (expand.cpp, reach.cpp) share: reading a node's edges through the
// CSR and checking the far node's labels.

#include <utility>
#include <vector>

#include "query/processor/evaluator.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// Calls visit(relationship, neighbour) for every edge of `node` allowed by the spec's types and
// direction, straight from the CSR. An undirected spec sees a self-loop once (going out).
// With WithRel false, visit(neighbour) only: the relationship ids are not read.
template <bool WithRel = true, typename Visit>
void forEachEdge(const Graph& graph, NodeId node, const ExpandSpec& spec, Visit&& visit) {
    if (spec.impossible || node >= graph.nodeCount() || graph.nodeDeleted(node)) {
        return;
    }
    auto walk = [&](const Adjacency& edges, bool skipLoops) {
        const NodeId* neighbors = edges.neighbors;
        for (uint32_t i = 0; i < edges.size; ++i) {
            const NodeId neighbor = neighbors[i];
            if (skipLoops && neighbor == node) {
                continue;
            }
            if constexpr (WithRel) {
                visit(edges.rel(i), neighbor);
            } else {
                visit(neighbor);
            }
        }
    };
    auto collect = [&](Direction direction, bool skipLoops) {
        if (spec.types.empty()) {
            walk(graph.adjacency(node, direction), skipLoops);
            return;
        }
        for (TypeId type : spec.types) {
            walk(graph.adjacency(node, direction, type), skipLoops);
        }
    };
    if (spec.bothDirections) {
        collect(Direction::Out, false);
        collect(Direction::In, true);
        return;
    }
    collect(spec.direction, false);
}

// Appends every (relationship, neighbour) of `node` allowed by the spec's types and direction.
void collectEdges(const Graph& graph, NodeId node, const ExpandSpec& spec, std::vector<std::pair<RelId, NodeId>>& out);
// Whether `node` carries every label of spec.toLabels (ids looked up once per spec).
inline bool labelsMatch(const Graph& graph, NodeId node, const ExpandSpec& spec) {
    return spec.toLabels.empty() || hasLabels(graph, node, spec.toLabels, spec.toLabelIds);
}

} // namespace newsgraph
