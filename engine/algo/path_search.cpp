#include "engine/algo/path_search.hpp"

#include <algorithm>
#include <functional>
#include <queue>

namespace newsgraph::algo {

bool validEndpoint(const Graph& graph, NodeId node) {
    return node < graph.nodeCount() && !graph.nodeDeleted(node);
}

SearchTree dijkstra(const EdgeView& view, NodeId source, EdgeDirection direction, const SearchStop& stop) {
    const uint32_t n = view.nodeCount();
    SearchTree tree{std::vector<double>(n, kUnreachedCost), std::vector<uint32_t>(n, 0),
                    std::vector<NodeId>(n, kInvalidNode), std::vector<RelId>(n, kInvalidRel),
                    std::vector<uint8_t>(n, 0), {}};
    using Entry = std::pair<double, NodeId>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    tree.dist[source] = 0.0;
    queue.emplace(0.0, source);
    CancelCheck cancel(view.config());
    while (!queue.empty()) {
        const auto [dist, node] = queue.top();
        queue.pop();
        if (tree.isSettled(node) || dist > tree.dist[node]) {
            continue;
        }
        if (dist > stop.costLimit) {
            break;
        }
        if (stop.settleTies && stop.target != kInvalidNode && tree.isSettled(stop.target) && dist > tree.dist[stop.target]) {
            break;
        }
        cancel.tick();
        tree.settled[node] = 1;
        tree.order.push_back(node);
        if (node == stop.target && !stop.settleTies) {
            break;
        }
        view.forEachEdge(node, direction, [&](NodeId next, RelId rel) {
            const double candidate = dist + view.weight(rel);
            if (candidate < tree.dist[next]) {
                tree.dist[next] = candidate;
                tree.hops[next] = tree.hops[node] + 1U;
                tree.parent[next] = node;
                tree.parentRel[next] = rel;
                queue.emplace(candidate, next);
            }
        });
    }
    return tree;
}

Path treePath(const SearchTree& tree, NodeId node) {
    Path path;
    path.cost = tree.dist[node];
    for (NodeId at = node; at != kInvalidNode; at = tree.parent[at]) {
        path.nodes.push_back(at);
        if (tree.parentRel[at] != kInvalidRel) {
            path.rels.push_back(tree.parentRel[at]);
        }
    }
    std::reverse(path.nodes.begin(), path.nodes.end());
    std::reverse(path.rels.begin(), path.rels.end());
    return path;
}

std::optional<Path> hopBoundedCheapestPath(const EdgeView& view, NodeId source, NodeId target, uint32_t maxHops) {
    // A state is (node, hops); one popped later with no fewer hops is dominated (it costs no less).
    struct State {
        NodeId node;
        RelId rel;
        uint32_t parent;
        uint32_t hops;
    };
    constexpr uint32_t kNoState = UINT32_MAX;
    std::vector<State> states{{source, kInvalidRel, kNoState, 0}};
    std::vector<uint32_t> fewestHopsSettled(view.nodeCount(), UINT32_MAX);
    using Entry = std::tuple<double, uint32_t, uint32_t>;  // cost, hops, state
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    queue.emplace(0.0, 0U, 0U);
    CancelCheck cancel(view.config());
    while (!queue.empty()) {
        const auto [cost, hops, index] = queue.top();
        queue.pop();
        const NodeId node = states[index].node;
        if (hops >= fewestHopsSettled[node]) {
            continue;
        }
        cancel.tick();
        fewestHopsSettled[node] = hops;
        if (node == target) {
            Path path;
            path.cost = cost;
            for (uint32_t at = index; at != kNoState; at = states[at].parent) {
                path.nodes.push_back(states[at].node);
                if (states[at].rel != kInvalidRel) {
                    path.rels.push_back(states[at].rel);
                }
            }
            std::reverse(path.nodes.begin(), path.nodes.end());
            std::reverse(path.rels.begin(), path.rels.end());
            return path;
        }
        if (hops == maxHops) {
            continue;
        }
        view.forEachEdge(node, view.config().direction, [&, cost = cost, hops = hops, index = index](NodeId next, RelId rel) {
            if (fewestHopsSettled[next] <= hops + 1U) {
                return;
            }
            states.push_back({next, rel, index, hops + 1U});
            queue.emplace(cost + view.weight(rel), hops + 1U, static_cast<uint32_t>(states.size() - 1U));
        });
    }
    return std::nullopt;
}

} // namespace newsgraph::algo
