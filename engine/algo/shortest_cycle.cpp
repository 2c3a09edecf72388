#include "engine/algo/path_search.hpp"

#include <algorithm>

namespace newsgraph::algo {

namespace {

// The best cycle found so far: the tree path to `near`, `rel`, then the tree path of `far` walked
// back to the start (directed: far is the start itself).
struct Candidate {
    double cost = kUnreachedCost;
    NodeId near = kInvalidNode;
    NodeId far = kInvalidNode;
    RelId rel = kInvalidRel;
};

Path cyclePath(const SearchTree& tree, const Candidate& best) {
    Path path = treePath(tree, best.near);
    Path back = treePath(tree, best.far);
    path.rels.push_back(best.rel);
    path.nodes.insert(path.nodes.end(), back.nodes.rbegin(), back.nodes.rend());
    path.rels.insert(path.rels.end(), back.rels.rbegin(), back.rels.rend());
    path.cost = best.cost;
    return path;
}

} // namespace

std::optional<Path> shortestCycle(const EdgeView& view, NodeId node, uint32_t maxHops) {
    const bool bounded = maxHops != UINT32_MAX;
    if (view.weighted() && bounded) {
        throwArgumentError("a weighted shortest cycle cannot be bounded by a maximum length");
    }
    const EdgeDirection direction = view.config().direction;
    SearchStop stop;
    if (!view.weighted() && bounded) {
        stop.costLimit = static_cast<double>(maxHops);
    }
    const SearchTree tree = dijkstra(view, node, direction, stop);
    Candidate best;
    const auto offer = [&](double cost, uint64_t hops, NodeId near, NodeId far, RelId rel) {
        if (hops <= maxHops && cost < best.cost) {
            best = {cost, near, far, rel};
        }
    };
    if (direction != EdgeDirection::Both) {
        // Directed: a shortest path to u never re-enters the start, so any u -> start closes a cycle.
        view.forEachEdge(node, reversed(direction), [&](NodeId near, RelId rel) {
            if (tree.isSettled(near)) {
                offer(tree.dist[near] + view.weight(rel), tree.hops[near] + 1ULL, near, node, rel);
            }
        });
    } else {
        // Undirected: a non-tree edge between two different branches of the tree (subtrees of the
        // start's children, the start being a branch of its own) closes a simple cycle; the shortest
        // such is the shortest cycle through the start.
        std::vector<RelId> branch(view.nodeCount(), kInvalidRel);
        for (NodeId at : tree.order) {
            if (at != node) {
                branch[at] = tree.parent[at] == node ? tree.parentRel[at] : branch[tree.parent[at]];
            }
        }
        for (NodeId near : tree.order) {
            view.forEachEdge(near, EdgeDirection::Both, [&](NodeId far, RelId rel) {
                if (!tree.isSettled(far) || rel == tree.parentRel[near] || rel == tree.parentRel[far]) {
                    return;
                }
                const bool selfLoopAtStart = near == node && far == node;
                if (!selfLoopAtStart && branch[near] == branch[far]) {
                    return;
                }
                offer(tree.dist[near] + view.weight(rel) + tree.dist[far],
                      static_cast<uint64_t>(tree.hops[near]) + 1U + tree.hops[far], near, far, rel);
            });
        }
    }
    if (best.cost == kUnreachedCost) {
        return std::nullopt;
    }
    return cyclePath(tree, best);
}

} // namespace newsgraph::algo
