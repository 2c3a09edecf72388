#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "engine/catalog/catalog.hpp"
#include "engine/catalog/string_pool.hpp"
#include "engine/common/value.hpp"
#include "engine/storage/graph_stats.hpp"
#include "engine/storage/node_index.hpp"
#include "engine/storage/property_column.hpp"
#include "engine/storage/statistics.hpp"
#include "engine/storage/type_value_summary.hpp"

namespace newsgraph {

class GraphBuilder;

enum class Direction : uint8_t { Out, In };

// One slot of an adjacency list: the relationship and its type (the neighbour is the CSR column).
struct EdgeSlot {
    RelId rel = kInvalidRel;
    TypeId type = 0;
};

// Boost.Graph CSR over node ids with an EdgeSlot bundled on every edge. The graph keeps two: one
// over relationships as they point (out-adjacency) and one over them reversed (in-adjacency).
// Boost's own bidirectional CSR orders a node's in-edges by source only; two directed CSRs let both
// directions keep a node's edges grouped by type, so expanding one type touches only its edges.
using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeSlot, boost::no_property,
                                               NodeId, uint32_t>;

// The edges of one node in one direction (optionally of one type): neighbour ids beside slots.
struct Adjacency {
    const NodeId* neighbors = nullptr;
    const EdgeSlot* slots = nullptr;
    uint32_t size = 0;

    bool empty() const { return size == 0; }
    NodeId neighbor(uint32_t i) const { return neighbors[i]; }
    RelId rel(uint32_t i) const { return slots[i].rel; }
    TypeId type(uint32_t i) const { return slots[i].type; }
};

// The immutable, queryable graph: CSR adjacency in both directions, columnar properties, a
// label -> nodes index, a type -> relationships index and the (label, key) hash index.
class Graph {
public:
    // An empty graph.
    Graph();
    Graph(const Graph&) = delete;
    Graph& operator=(const Graph&) = delete;
    Graph(Graph&&) noexcept;
    Graph& operator=(Graph&&) noexcept;
    ~Graph();

    const Catalog& catalog() const { return catalog_; }
    const StringPool& strings() const { return strings_; }

    // Ids run from 0 to nodeCount() - 1 (relCount() - 1); deleted entities keep their ids but are
    // in no index, no adjacency and no scan.
    uint32_t nodeCount() const { return static_cast<uint32_t>(nodeLabels_.size()); }
    uint32_t relCount() const { return static_cast<uint32_t>(relType_.size()); }
    bool nodeDeleted(NodeId node) const { return node < nodeDeleted_.size() && nodeDeleted_[node] != 0; }
    bool relDeleted(RelId rel) const { return rel < relDeleted_.size() && relDeleted_[rel] != 0; }
    uint64_t liveNodeCount() const { return nodeCount() - deletedNodes_; }
    uint64_t liveRelCount() const { return relCount() - deletedRels_; }

    std::span<const LabelId> labels(NodeId node) const { return catalog_.labelSet(nodeLabels_[node]); }
    // The node's label set: equal for two nodes exactly when their labels are.
    LabelSetId labelSet(NodeId node) const { return nodeLabels_[node]; }
    bool hasLabel(NodeId node, LabelId label) const { return catalog_.labelSetHas(nodeLabels_[node], label); }
    TypeId relType(RelId rel) const { return relType_[rel]; }
    NodeId relSource(RelId rel) const { return relSource_[rel]; }
    NodeId relTarget(RelId rel) const { return relTarget_[rel]; }

    Value nodeProperty(NodeId node, PropertyKeyId key) const;
    Value relProperty(RelId rel, PropertyKeyId key) const;
    // By key name; null when the key is unknown or the entity lacks it.
    Value nodeProperty(NodeId node, std::string_view key) const;
    Value relProperty(RelId rel, std::string_view key) const;
    // The whole column of a key (nullptr when no node / relationship has it).
    const PropertyColumn* nodeColumn(PropertyKeyId key) const;
    const PropertyColumn* relColumn(PropertyKeyId key) const;
    // All properties of an entity as (key, value), ordered by key name.
    PropertyList nodeProperties(NodeId node) const;
    PropertyList relProperties(RelId rel) const;

    std::span<const NodeId> nodesWithLabel(LabelId label) const;
    // The live nodes that carry no label, in id order (the node index holds only labelled ones).
    std::span<const NodeId> unlabeledNodes() const { return unlabeledNodes_; }
    std::span<const RelId> relsOfType(TypeId type) const;
    // Index look-up on (label, key) -- key one of id, name, code, aliases. Candidates: see NodeIndex.
    std::span<const NodeId> lookup(LabelId label, PropertyKeyId key, std::string_view value) const;
    // Nodes with `label` whose name, code, one alias or id is `text`, exactly (after normalization).
    std::vector<NodeId> resolve(std::string_view label, std::string_view text) const;
    const NodeIndex& index() const { return index_; }
    std::optional<NodeId> findExternalId(std::string_view space, std::string_view id) const;

    Adjacency adjacency(NodeId node, Direction direction) const;
    Adjacency adjacency(NodeId node, Direction direction, TypeId type) const;
    const Csr& csr(Direction direction) const { return direction == Direction::Out ? out_ : in_; }

    GraphStats stats() const;
    // What the planner estimates with, gathered when the graph was frozen.
    const Statistics& statistics() const { return statistics_; }
    // Distinct property values per relationship type, computed on first use (see TypeValueSummaries).
    TypeValueSummaries& typeValueSummaries() const { return *typeValueSummaries_; }

private:
    friend class GraphBuilder;
    explicit Graph(GraphBuilder&& builder);
    std::vector<uint32_t> liveRels() const;
    void buildCsr(Direction direction);
    void buildIndexes();

    Catalog catalog_;
    StringPool strings_;
    std::vector<LabelSetId> nodeLabels_;
    std::vector<NodeId> relSource_;
    std::vector<NodeId> relTarget_;
    std::vector<TypeId> relType_;
    std::vector<uint8_t> nodeDeleted_;
    std::vector<uint8_t> relDeleted_;
    uint64_t deletedNodes_ = 0;
    uint64_t deletedRels_ = 0;
    std::vector<PropertyColumn> nodeColumns_;
    std::vector<PropertyColumn> relColumns_;
    Csr out_;
    Csr in_;
    std::vector<uint32_t> labelOffsets_; // nodes of label l: labelNodes_[labelOffsets_[l] .. labelOffsets_[l+1])
    std::vector<NodeId> labelNodes_;
    std::vector<NodeId> unlabeledNodes_;
    std::vector<uint32_t> typeOffsets_;  // relationships of type t, likewise
    std::vector<RelId> typeRels_;
    NodeIndex index_;
    Statistics statistics_;
    std::unordered_map<std::string, NodeId> externalIds_;
    std::unique_ptr<TypeValueSummaries> typeValueSummaries_ = std::make_unique<TypeValueSummaries>();
};

} // namespace newsgraph
