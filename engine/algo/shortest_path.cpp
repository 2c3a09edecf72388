#include "engine/algo/shortest_path.hpp"

#include <algorithm>

#include "engine/algo/path_search.hpp"

namespace newsgraph::algo {

namespace {

constexpr uint32_t kUnvisited = UINT32_MAX;

// One side of the bidirectional search: the forward side follows the configured direction from the
// source, the backward side the reversed one from the target.
struct Side {
    EdgeDirection direction;
    std::vector<uint32_t> depth;
    std::vector<NodeId> parent;
    std::vector<RelId> parentRel;
    std::vector<NodeId> frontier;
    uint32_t level = 0;

    Side(EdgeDirection followed, uint32_t n, NodeId start)
        : direction(followed), depth(n, kUnvisited), parent(n, kInvalidNode), parentRel(n, kInvalidRel), frontier{start} {
        depth[start] = 0;
    }
    bool visited(NodeId node) const { return depth[node] != kUnvisited; }
};

// Where the two searches met: `near` is on the expanding side, `far` already seen by the other.
struct Meeting {
    uint32_t length = kUnvisited;
    NodeId near = kInvalidNode;
    NodeId far = kInvalidNode;
    RelId rel = kInvalidRel;
    bool forward = true;  // whether the expanding side was the forward one
};

void expand(const EdgeView& view, Side& side, const Side& other, bool forward, Meeting& meeting) {
    std::vector<NodeId> next;
    CancelCheck cancel(view.config());
    for (NodeId node : side.frontier) {
        cancel.tick();
        view.forEachEdge(node, side.direction, [&](NodeId neighbor, RelId rel) {
            if (other.visited(neighbor)) {
                const uint32_t length = side.depth[node] + 1U + other.depth[neighbor];
                if (length < meeting.length) {
                    meeting = {length, node, neighbor, rel, forward};
                }
            }
            if (!side.visited(neighbor)) {
                side.depth[neighbor] = side.depth[node] + 1U;
                side.parent[neighbor] = node;
                side.parentRel[neighbor] = rel;
                next.push_back(neighbor);
            }
        });
    }
    side.frontier.swap(next);
    ++side.level;
}

// Appends the tree path from `node` to the side's start (nodes after `node` and their relationships).
void walkToStart(const Side& side, NodeId node, Path& path) {
    for (NodeId at = node; side.parent[at] != kInvalidNode; at = side.parent[at]) {
        path.rels.push_back(side.parentRel[at]);
        path.nodes.push_back(side.parent[at]);
    }
}

std::optional<Path> bidirectionalSearch(const EdgeView& view, NodeId source, NodeId target, uint32_t maxHops) {
    const EdgeDirection direction = view.config().direction;
    Side forward(direction, view.nodeCount(), source);
    Side backward(reversed(direction), view.nodeCount(), target);
    Meeting meeting;
    while (!forward.frontier.empty() && !backward.frontier.empty() && meeting.length == kUnvisited) {
        if (static_cast<uint64_t>(forward.level) + backward.level + 1U > maxHops) {
            return std::nullopt;
        }
        // Expanding the smaller frontier keeps both balls small, which is the point of searching from both ends.
        if (forward.frontier.size() <= backward.frontier.size()) {
            expand(view, forward, backward, true, meeting);
        } else {
            expand(view, backward, forward, false, meeting);
        }
    }
    if (meeting.length == kUnvisited) {
        return std::nullopt;
    }
    const NodeId sourceSide = meeting.forward ? meeting.near : meeting.far;
    const NodeId targetSide = meeting.forward ? meeting.far : meeting.near;
    Path path;
    path.nodes.push_back(sourceSide);
    walkToStart(forward, sourceSide, path);
    std::reverse(path.nodes.begin(), path.nodes.end());
    std::reverse(path.rels.begin(), path.rels.end());
    path.rels.push_back(meeting.rel);
    path.nodes.push_back(targetSide);
    walkToStart(backward, targetSide, path);
    path.cost = static_cast<double>(path.rels.size());
    return path;
}

} // namespace

std::optional<Path> shortestPath(const Graph& graph, NodeId source, NodeId target, const AlgoConfig& config,
                                 uint32_t maxHops, uint32_t minHops) {
    const EdgeView view(graph, config);
    if (!validEndpoint(graph, source) || !validEndpoint(graph, target)) {
        return std::nullopt;
    }
    if (source == target) {
        if (minHops == 0) {
            return Path{{source}, {}, 0.0};
        }
        return shortestCycle(view, source, maxHops);
    }
    if (!view.weighted()) {
        return bidirectionalSearch(view, source, target, maxHops);
    }
    if (maxHops != UINT32_MAX) {
        return hopBoundedCheapestPath(view, source, target, maxHops);
    }
    const SearchTree tree = dijkstra(view, source, config.direction, SearchStop{target});
    if (!tree.isSettled(target)) {
        return std::nullopt;
    }
    return treePath(tree, target);
}

} // namespace newsgraph::algo
