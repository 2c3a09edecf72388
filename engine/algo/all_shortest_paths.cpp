#include "engine/algo/shortest_path.hpp"

#include <algorithm>
#include <cmath>

#include "engine/algo/path_search.hpp"

namespace newsgraph::algo {

namespace {

// Weighted costs summed along different paths may differ in the last bits; equal within this
// relative margin counts as equal.
constexpr double kRelativeCostTolerance = 1e-12;

bool sameCost(double a, double b) {
    return std::abs(a - b) <= kRelativeCostTolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

// The relationships that end a shortest path at a node: (previous node, relationship) with the
// previous node settled and its distance plus the relationship's cost equal to the node's. Cached,
// since the enumeration comes back to the same nodes.
class Predecessors {
public:
    Predecessors(const EdgeView& view, const SearchTree& tree) : view_(view), tree_(tree), index_(view.nodeCount(), kNone) {}

    const std::vector<std::pair<NodeId, RelId>>& of(NodeId node) {
        if (index_[node] == kNone) {
            index_[node] = static_cast<uint32_t>(lists_.size());
            std::vector<std::pair<NodeId, RelId>> list;
            view_.forEachEdge(node, reversed(view_.config().direction), [&](NodeId previous, RelId rel) {
                if (previous != node && tree_.isSettled(previous) &&
                    sameCost(tree_.dist[previous] + view_.weight(rel), tree_.dist[node])) {
                    list.emplace_back(previous, rel);
                }
            });
            lists_.push_back(std::move(list));
        }
        return lists_[index_[node]];
    }

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    const EdgeView& view_;
    const SearchTree& tree_;
    std::vector<uint32_t> index_;
    std::vector<std::vector<std::pair<NodeId, RelId>>> lists_;
};

} // namespace

std::vector<Path> allShortestPaths(const Graph& graph, NodeId source, NodeId target, const AlgoConfig& config,
                                   uint32_t maxHops, size_t limit) {
    const EdgeView view(graph, config);
    if (!validEndpoint(graph, source) || !validEndpoint(graph, target) || limit == 0) {
        return {};
    }
    if (source == target) {
        return {Path{{source}, {}, 0.0}};
    }
    SearchStop stop{target, true};
    if (view.weighted() && maxHops != UINT32_MAX) {
        throwArgumentError("allShortestPaths with a weight cannot be bounded by a maximum length");
    }
    if (!view.weighted() && maxHops != UINT32_MAX) {
        stop.costLimit = static_cast<double>(maxHops);
    }
    const SearchTree tree = dijkstra(view, source, config.direction, stop);
    if (!tree.isSettled(target)) {
        return {};
    }
    // Depth-first from the target back to the source over predecessor relationships. Unweighted,
    // every predecessor is one step closer, so every branch reaches the source; `onPath` keeps
    // weighted paths node-simple where zero-weight relationships tie.
    struct Frame {
        NodeId node;
        RelId via;  // the relationship from this node to the previous frame's node
        size_t next = 0;
    };
    Predecessors predecessors(view, tree);
    std::vector<uint8_t> onPath(view.nodeCount(), 0);
    std::vector<Frame> stack{{target, kInvalidRel}};
    onPath[target] = 1;
    std::vector<Path> paths;
    CancelCheck cancel(config);
    while (!stack.empty() && paths.size() < limit) {
        cancel.tick();
        Frame& top = stack.back();
        if (top.node == source) {
            Path path;
            path.cost = tree.dist[target];
            for (size_t i = stack.size(); i-- > 0;) {
                path.nodes.push_back(stack[i].node);
                if (i > 0) {
                    path.rels.push_back(stack[i].via);
                }
            }
            paths.push_back(std::move(path));
        }
        const auto& list = predecessors.of(top.node);
        if (top.node == source || top.next == list.size()) {
            onPath[top.node] = 0;
            stack.pop_back();
            continue;
        }
        const auto [previous, rel] = list[top.next++];
        if (onPath[previous] != 0) {
            continue;
        }
        onPath[previous] = 1;
        stack.push_back({previous, rel});
    }
    return paths;
}

} // namespace newsgraph::algo
