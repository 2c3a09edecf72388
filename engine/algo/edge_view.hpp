#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::algo {

// The graph an algorithm sees, as a filter over the frozen CSR (nothing is copied): which
// relationships pass (type, date window; deleted ones are in no adjacency), their weights, and
// iteration over a node's passing relationships in any EdgeDirection. Not thread-safe (one scratch
// buffer for the minEdgeCount grouping).
class EdgeView {
public:
    // Resolves type ids (types the catalog does not know match nothing), the date and weight
    // columns. Weights are checked when read: a bad one is an ArgumentError then.
    EdgeView(const Graph& graph, const AlgoConfig& config);

    const Graph& graph() const { return graph_; }
    const AlgoConfig& config() const { return config_; }
    uint32_t nodeCount() const { return graph_.nodeCount(); }
    bool live(NodeId node) const { return !graph_.nodeDeleted(node); }
    bool weighted() const { return config_.weightKey.has_value(); }
    // The relationship's weight (1 when unweighted); throws ArgumentError on a bad value.
    double weight(RelId rel) const { return weighted() ? checkedWeight(rel) : 1.0; }

    // fn(neighbor, rel) for every passing relationship of `node` followed in `direction`, minEdgeCount
    // ignored. Both visits out-relationships then in-relationships (a self-loop twice).
    template <typename Fn>
    void forEachRel(NodeId node, EdgeDirection direction, Fn&& fn) const {
        if (direction != EdgeDirection::In) {
            scan(node, Direction::Out, fn);
        }
        if (direction != EdgeDirection::Out) {
            scan(node, Direction::In, fn);
        }
    }

    // As forEachRel, but only relationships of pairs with at least minEdgeCount passing ones;
    // with minEdgeCount > 1 they come grouped by neighbor.
    template <typename Fn>
    void forEachEdge(NodeId node, EdgeDirection direction, Fn&& fn) const {
        if (config_.minEdgeCount <= 1) {
            forEachRel(node, direction, fn);
            return;
        }
        scratch_.clear();
        forEachRel(node, direction, [this](NodeId neighbor, RelId rel) { scratch_.emplace_back(neighbor, rel); });
        std::sort(scratch_.begin(), scratch_.end());
        for (size_t begin = 0; begin < scratch_.size();) {
            size_t end = begin;
            while (end < scratch_.size() && scratch_[end].first == scratch_[begin].first) {
                ++end;
            }
            if (end - begin >= config_.minEdgeCount) {
                for (size_t i = begin; i < end; ++i) {
                    fn(scratch_[i].first, scratch_[i].second);
                }
            }
            begin = end;
        }
    }

private:
    bool inWindow(RelId rel) const;
    double checkedWeight(RelId rel) const;

    template <typename Fn>
    void scan(NodeId node, Direction direction, Fn& fn) const {
        if (config_.types.empty()) {
            scanAdjacency(graph_.adjacency(node, direction), fn);
            return;
        }
        for (TypeId type : types_) {
            scanAdjacency(graph_.adjacency(node, direction, type), fn);
        }
    }

    template <typename Fn>
    void scanAdjacency(const Adjacency& adjacency, Fn& fn) const {
        for (uint32_t i = 0; i < adjacency.size; ++i) {
            const RelId rel = adjacency.rel(i);
            if (windowed_ && !inWindow(rel)) {
                continue;
            }
            fn(adjacency.neighbor(i), rel);
        }
    }

    const Graph& graph_;
    const AlgoConfig& config_;
    std::vector<TypeId> types_;  // sorted, distinct, only types the catalog knows (so may be empty)
    bool windowed_ = false;
    int32_t fromDay_ = INT32_MIN;
    int32_t toDay_ = INT32_MAX;
    const PropertyColumn* dateColumn_ = nullptr;
    const PropertyColumn* weightColumn_ = nullptr;
    mutable std::vector<std::pair<NodeId, RelId>> scratch_;
};

} // namespace newsgraph::algo
