#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "engine/algo/edge_view.hpp"

namespace newsgraph::algo {

// A Boost.Graph CSR with no bundled properties, over the same NodeIds as the Graph.
using SimpleCsr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                     boost::no_property, NodeId, uint32_t>;

// How the weights of a pair's parallel relationships combine: summed (a strength, for pagerank and
// communities), the smallest (a distance, for betweenness), or not read at all (components).
enum class PairWeight : uint8_t { Sum, Min, Ignore };

// The simple graph the whole-graph algorithms (pagerank, betweenness, components, communities) run
// on: one edge u -> v per pair with at least minEdgeCount passing relationships, weighted as
// PairWeight says (no weights kept when unweighted: every edge weighs 1), self-loops dropped;
// neighbors ascending. Built once per call in O(V + E): memory 4 (V + 1) + 4 E bytes, plus 8 E for
// weights when weighted, plus 9 V of scratch while building.
class Projection {
public:
    // Follows `direction` from each node: Out gives the out-lists, In the in-lists (the transpose),
    // Both the symmetric (undirected) lists.
    Projection(const EdgeView& view, EdgeDirection direction, PairWeight pairWeight);

    uint32_t nodeCount() const { return nodeCount_; }
    uint32_t liveNodeCount() const { return liveNodes_; }
    uint64_t edgeCount() const { return csr_.m_forward.m_column.size(); }
    bool live(NodeId node) const { return live_[node] != 0; }
    uint32_t begin(NodeId node) const { return csr_.m_forward.m_rowstart[node]; }
    uint32_t end(NodeId node) const { return csr_.m_forward.m_rowstart[node + 1U]; }
    std::span<const NodeId> neighbors(NodeId node) const {
        return {csr_.m_forward.m_column.data() + begin(node), end(node) - begin(node)};
    }
    const std::vector<NodeId>& targets() const { return csr_.m_forward.m_column; }
    // Weights by edge position (empty when unweighted: every edge weighs 1).
    const std::vector<double>& weights() const { return weights_; }
    double weight(uint32_t edge) const { return weights_.empty() ? 1.0 : weights_[edge]; }
    const SimpleCsr& csr() const { return csr_; }

private:
    uint32_t nodeCount_ = 0;
    uint32_t liveNodes_ = 0;
    std::vector<uint8_t> live_;
    SimpleCsr csr_;
    std::vector<double> weights_;
};

} // namespace newsgraph::algo
