#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/catalog/string_pool.hpp"
#include "engine/common/value.hpp"
#include "engine/storage/node_index.hpp"
#include "engine/storage/property_column.hpp"

namespace newsgraph {

class Graph;

// Throws StorageError unless `value` can be stored as a property: a bool, int, float, string (valid
// UTF-8), date, or a list of one of those types without nulls.
void validatePropertyValue(const Value& value);

// A string value already in the builder's pool (see GraphBuilder::internString).
struct InternedString {
    StringId id;
};

// The mutable side of the store. Loaders and write clauses add nodes, relationships, labels and
// properties here; freeze() turns the result into an immutable Graph.
//
// Every operation validates its input before it changes anything, so a failed call leaves the
// builder as it was. Several calls become one atomic batch with a savepoint: rollback() undoes
// everything done since, commit() keeps it. Savepoints nest.
class GraphBuilder {
public:
    struct Savepoint {
        size_t depth;
    };
    struct FindOrCreate {
        NodeId node;
        bool created;
    };

    GraphBuilder();
    GraphBuilder(const GraphBuilder&) = delete;
    GraphBuilder& operator=(const GraphBuilder&) = delete;
    GraphBuilder(GraphBuilder&&) = default;
    GraphBuilder& operator=(GraphBuilder&&) = default;
    ~GraphBuilder() = default;

    Catalog& catalog() { return catalog_; }
    const Catalog& catalog() const { return catalog_; }
    StringPool& strings() { return strings_; }

    // The property keys whose string values (and string-list elements) the (label, key) index holds.
    PropertyKeyId idKey() const { return idKey_; }
    PropertyKeyId nameKey() const { return nameKey_; }
    PropertyKeyId codeKey() const { return codeKey_; }
    PropertyKeyId aliasesKey() const { return aliasesKey_; }

    NodeId addNode(std::span<const LabelId> labels);
    NodeId addNode(std::initializer_list<std::string_view> labels, const PropertyList& properties = {});
    void addLabel(NodeId node, LabelId label);
    void removeLabel(NodeId node, LabelId label);
    // Sets a property; a null value removes it.
    void setNodeProperty(NodeId node, PropertyKeyId key, const Value& value);
    void setNodeProperty(NodeId node, std::string_view key, const Value& value);
    // Adds `alias` to the node's `aliases` list unless an equal alias (after normalization) is there.
    void addAlias(NodeId node, std::string_view alias);

    // Deletes a relationship (ids are never reused; a deleted one is skipped everywhere).
    void deleteRelationship(RelId rel);
    // Deletes a node; its relationships must have been deleted first (StorageError otherwise).
    void deleteNode(NodeId node);
    bool nodeDeleted(NodeId node) const { return node < nodeDeleted_.size() && nodeDeleted_[node] != 0; }
    bool relDeleted(RelId rel) const { return rel < relDeleted_.size() && relDeleted_[rel] != 0; }

    RelId addRelationship(NodeId source, TypeId type, NodeId target);
    RelId addRelationship(NodeId source, std::string_view type, NodeId target,
                          const PropertyList& properties = {});
    void setRelProperty(RelId rel, PropertyKeyId key, const Value& value);
    void setRelProperty(RelId rel, std::string_view key, const Value& value);

    // Bulk loading: a string checked and interned once (internString: StorageError on invalid
    // UTF-8), then set on many relationships without hashing or copying it again.
    InternedString internString(std::string_view text);
    void setRelProperty(RelId rel, PropertyKeyId key, InternedString value);
    // Room for `count` more relationships, and for `count` more values of relationship property
    // `key` of kind `expected` (a loader that knows its row count avoids growing in steps).
    void reserveRelationships(size_t count);
    void reserveRelProperty(PropertyKeyId key, size_t count, ColumnKind expected);

    // The node with `label` whose `key` property equals `value` (after normalization); created with
    // that label and property when there is none. Several matches: the lowest id.
    FindOrCreate findOrCreateNode(LabelId label, PropertyKeyId key, std::string_view value);
    std::span<const NodeId> lookup(LabelId label, PropertyKeyId key, std::string_view value) const;
    // A node with `label` whose name, code or one of its aliases is `text`.
    std::optional<NodeId> resolve(LabelId label, std::string_view text) const;

    // External ids (the `:ID` column of node files), one namespace per ID space.
    void bindExternalId(std::string_view space, std::string_view id, NodeId node);
    std::optional<NodeId> findExternalId(std::string_view space, std::string_view id) const;

    uint32_t nodeCount() const { return static_cast<uint32_t>(nodeLabels_.size()); }
    uint32_t relCount() const { return static_cast<uint32_t>(relType_.size()); }
    std::span<const LabelId> nodeLabels(NodeId node) const;
    Value nodeProperty(NodeId node, PropertyKeyId key) const;
    Value relProperty(RelId rel, PropertyKeyId key) const;
    TypeId relType(RelId rel) const { return relType_.at(rel); }
    NodeId relSource(RelId rel) const { return relSource_.at(rel); }
    NodeId relTarget(RelId rel) const { return relTarget_.at(rel); }

    Savepoint savepoint();
    void rollback(Savepoint savepoint);
    void commit(Savepoint savepoint);

    // Builds the immutable graph from everything added; the builder is left empty.
    Graph freeze() &&;
    // A builder holding a copy of `graph` (same ids), to change it and freeze again.
    static GraphBuilder thaw(const Graph& graph);

private:
    friend class Graph;

    struct NodePropertyUndo {
        NodeId node;
        PropertyKeyId key;
        Value old; // null: there was none
    };
    struct RelPropertyUndo {
        RelId rel;
        PropertyKeyId key;
        Value old;
    };
    struct LabelUndo {
        NodeId node;
        LabelSetId old;
    };
    struct ExternalIdUndo {
        std::string key;
    };
    struct DeleteUndo {
        bool node; // a node, else a relationship
        uint32_t id;
    };
    using Undo = std::variant<NodePropertyUndo, RelPropertyUndo, LabelUndo, ExternalIdUndo, DeleteUndo>;

    struct Mark {
        uint32_t nodes;
        uint32_t rels;
        uint32_t labels;
        uint32_t types;
        uint32_t keys;
        uint32_t labelSets;
        size_t undoSize;
    };

    void checkNode(NodeId node) const;
    void checkRel(RelId rel) const;
    bool logging() const { return !marks_.empty(); }
    bool olderThanMark(NodeId node) const { return logging() && node < marks_.back().nodes; }
    PropertyColumn& nodeColumn(PropertyKeyId key);
    PropertyColumn& relColumn(PropertyKeyId key);
    bool indexed(PropertyKeyId key) const;
    // Adds or removes the index entries of one (label, key) of a node from its current value.
    void indexValue(NodeId node, LabelId label, PropertyKeyId key, const Value& value, bool add);
    void indexNode(NodeId node, bool add);
    void storeNodeProperty(NodeId node, PropertyKeyId key, const Value& value);
    void storeLabels(NodeId node, LabelSetId labels);
    void undo(Undo& entry);

    Catalog catalog_;
    StringPool strings_;
    PropertyKeyId idKey_;
    PropertyKeyId nameKey_;
    PropertyKeyId codeKey_;
    PropertyKeyId aliasesKey_;

    std::vector<LabelSetId> nodeLabels_;
    std::vector<PropertyColumn> nodeColumns_; // by property key id
    std::vector<NodeId> relSource_;
    std::vector<NodeId> relTarget_;
    std::vector<TypeId> relType_;
    std::vector<uint8_t> nodeDeleted_; // sized lazily: shorter than nodeCount() means "not deleted"
    std::vector<uint8_t> relDeleted_;
    std::vector<PropertyColumn> relColumns_;
    NodeIndex index_;
    std::unordered_map<std::string, NodeId> externalIds_;

    std::vector<Mark> marks_;
    std::vector<Undo> undoLog_;
};

} // namespace newsgraph
