#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// nodes[0], rels[0], nodes[1], ..., nodes[k]; cost = k unweighted, the summed weight otherwise.
struct Path {
    std::vector<NodeId> nodes;
    std::vector<RelId> rels;
    double cost = 0;
};

// Path search runs on the relationships themselves (no projection): each passing relationship is
// its own edge, so a path names concrete RelIds (with weights the cheapest of parallel ones; ties go
// to the first in adjacency order: type, then id), only relationships of pairs reaching
// minEdgeCount count, and it keeps per-call arrays of O(nodeCount) (about 24 bytes a node).
// A deleted or unknown endpoint has no path.

// One shortest path from source to target following `config.direction`, or nothing.
// Unweighted: bidirectional breadth-first search, at most maxHops relationships. weightKey:
// Dijkstra (a bad weight is an ArgumentError); with maxHops bounded, the cheapest path of at most
// maxHops relationships (Dijkstra over (node, hops) states).
// source == target: with minHops 0 the path of length 0; with minHops 1 the shortest cycle through
// the node (relationships distinct; in Both a relationship is not walked back), at most maxHops
// long when unweighted (maxHops is not supported for weighted cycles).
std::optional<Path> shortestPath(const Graph& graph, NodeId source, NodeId target, const AlgoConfig& config,
                                 uint32_t maxHops = UINT32_MAX, uint32_t minHops = 0);

// Every shortest path from source to target (all of the same, minimal length -- or cost with
// weightKey), each once; parallel relationships make distinct paths. At most `limit` paths, in a
// deterministic order. source == target gives the path of length 0. Weighted with bounded maxHops
// is an ArgumentError; weighted paths are node-simple (zero-weight cycles are not walked).
std::vector<Path> allShortestPaths(const Graph& graph, NodeId source, NodeId target, const AlgoConfig& config,
                                   uint32_t maxHops = UINT32_MAX, size_t limit = 100000);

} // namespace newsgraph::algo
