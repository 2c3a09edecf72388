#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/algo/edge_view.hpp"
#include "engine/algo/shortest_path.hpp"

namespace newsgraph::algo {

inline constexpr double kUnreachedCost = std::numeric_limits<double>::infinity();

// A single-source shortest-path tree over relationships (internal to the path searches).
struct SearchTree {
    std::vector<double> dist;     // kUnreachedCost when not reached
    std::vector<uint32_t> hops;   // relationships on the tree path
    std::vector<NodeId> parent;   // kInvalidNode at the source and unreached nodes
    std::vector<RelId> parentRel;
    std::vector<uint8_t> settled;
    std::vector<NodeId> order;    // settled nodes, in order

    bool isSettled(NodeId node) const { return settled[node] != 0; }
};

// When a Dijkstra search stops.
struct SearchStop {
    NodeId target = kInvalidNode;  // stop once it is settled ...
    bool settleTies = false;       // ... or only once everything as cheap as it is settled
    double costLimit = kUnreachedCost;  // never settle nodes costing more
};

// Dijkstra from `source` along `direction`, unit costs when unweighted (then a breadth-first order).
SearchTree dijkstra(const EdgeView& view, NodeId source, EdgeDirection direction, const SearchStop& stop);

// The tree path from the tree's source to `node`.
Path treePath(const SearchTree& tree, NodeId node);

// Whether `node` can be an endpoint: in range and not deleted.
bool validEndpoint(const Graph& graph, NodeId node);

// The shortest cycle through `node` (source == target with minHops 1).
std::optional<Path> shortestCycle(const EdgeView& view, NodeId node, uint32_t maxHops);

// The cheapest path of at most maxHops relationships (weighted, maxHops bounded).
std::optional<Path> hopBoundedCheapestPath(const EdgeView& view, NodeId source, NodeId target, uint32_t maxHops);

} // namespace newsgraph::algo
