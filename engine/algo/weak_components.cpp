#include "engine/algo/components.hpp"

#include <numeric>

#include "engine/algo/projection.hpp"

namespace newsgraph::algo {

namespace {

// Union-find with path halving; the smaller index becomes the root, so roots are deterministic.
class DisjointSets {
public:
    explicit DisjointSets(uint32_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0U); }
    uint32_t find(uint32_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }
    void unite(uint32_t a, uint32_t b) {
        a = find(a);
        b = find(b);
        if (a == b) {
            return;
        }
        if (a < b) {
            parent_[b] = a;
        } else {
            parent_[a] = b;
        }
    }

private:
    std::vector<uint32_t> parent_;
};

bool unfiltered(const AlgoConfig& config) {
    return config.types.empty() && !config.from && !config.to && config.minEdgeCount <= 1;
}

} // namespace

std::vector<uint32_t> denseComponentIds(const std::vector<uint32_t>& labels) {
    std::vector<uint32_t> dense(labels.size(), kNoComponent);
    std::vector<uint32_t> idOfLabel(labels.size(), kNoComponent);
    uint32_t next = 0;
    for (size_t node = 0; node < labels.size(); ++node) {
        const uint32_t label = labels[node];
        if (label == kNoComponent) {
            continue;
        }
        if (idOfLabel[label] == kNoComponent) {
            idOfLabel[label] = next++;
        }
        dense[node] = idOfLabel[label];
    }
    return dense;
}

std::vector<uint32_t> weakComponents(const Graph& graph, const AlgoConfig& config) {
    const uint32_t n = graph.nodeCount();
    DisjointSets sets(n);
    if (unfiltered(config)) {
        // Every live relationship is an edge: one pass over the out-CSR's columns.
        const auto& forward = graph.csr(Direction::Out).m_forward;
        for (NodeId node = 0; node < n; ++node) {
            for (uint32_t edge = forward.m_rowstart[node]; edge < forward.m_rowstart[node + 1U]; ++edge) {
                sets.unite(node, forward.m_column[edge]);
            }
        }
    } else {
        const EdgeView view(graph, config);
        const EdgeDirection direction = config.direction == EdgeDirection::Both ? EdgeDirection::Both : EdgeDirection::Out;
        const Projection projection(view, direction, PairWeight::Ignore);
        for (NodeId node = 0; node < n; ++node) {
            for (NodeId next : projection.neighbors(node)) {
                sets.unite(node, next);
            }
        }
    }
    checkCancelled(config);
    std::vector<uint32_t> labels(n, kNoComponent);
    for (NodeId node = 0; node < n; ++node) {
        if (!graph.nodeDeleted(node)) {
            labels[node] = sets.find(node);
        }
    }
    return denseComponentIds(labels);
}

} // namespace newsgraph::algo
