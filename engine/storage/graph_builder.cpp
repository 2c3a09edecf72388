#include "engine/storage/graph_builder.hpp"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

#include "engine/common/exception.hpp"
#include "engine/common/utf8.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph {

namespace {

constexpr char kExternalIdSeparator = '\x1f';

void validateString(const std::string& text) {
    if (auto offset = findInvalidUtf8(text)) {
        throw StorageError(fmt::format("string property values must be valid UTF-8 (bad byte at offset {})", *offset));
    }
}

std::string externalKey(std::string_view space, std::string_view id) {
    std::string key;
    key.reserve(space.size() + 1 + id.size());
    key.append(space);
    key.push_back(kExternalIdSeparator);
    key.append(id);
    return key;
}

} // namespace

void validatePropertyValue(const Value& value) {
    switch (value.type()) {
    case ValueType::Bool:
    case ValueType::Int:
    case ValueType::Float:
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return;
    case ValueType::String: validateString(value.asString()); return;
    case ValueType::List: {
        const auto& items = value.asList();
        for (const Value& item : items) {
            const ValueType type = item.type();
            if (type == ValueType::Null || type == ValueType::List || type == ValueType::Map ||
                type == ValueType::Node || type == ValueType::Relationship || type == ValueType::Path) {
                throw StorageError(fmt::format("a list property may hold only booleans, numbers, strings or temporal values, not {}",
                                               valueTypeName(type)));
            }
            if (type != items.front().type()) {
                throw StorageError(fmt::format("a list property must hold values of one type, not {} and {}",
                                               valueTypeName(items.front().type()), valueTypeName(type)));
            }
            if (type == ValueType::String) {
                validateString(item.asString());
            }
        }
        return;
    }
    case ValueType::Null:
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Relationship:
    case ValueType::Path:
        throw StorageError(fmt::format("a property value cannot be {}", valueTypeName(value.type())));
    }
}

GraphBuilder::GraphBuilder()
    : idKey_(catalog_.internKey(NodeIndex::kIndexedKeys[0])), nameKey_(catalog_.internKey(NodeIndex::kIndexedKeys[1])),
      codeKey_(catalog_.internKey(NodeIndex::kIndexedKeys[2])), aliasesKey_(catalog_.internKey(NodeIndex::kIndexedKeys[3])) {}

void GraphBuilder::checkNode(NodeId node) const {
    if (node >= nodeCount() || nodeDeleted(node)) {
        throw StorageError(fmt::format("no node with id {} (the graph has {} nodes)", node, nodeCount()));
    }
}

void GraphBuilder::checkRel(RelId rel) const {
    if (rel >= relCount() || relDeleted(rel)) {
        throw StorageError(fmt::format("no relationship with id {} (the graph has {} relationships)", rel, relCount()));
    }
}

PropertyColumn& GraphBuilder::nodeColumn(PropertyKeyId key) {
    if (key >= nodeColumns_.size()) {
        nodeColumns_.resize(key + 1U);
    }
    return nodeColumns_[key];
}

PropertyColumn& GraphBuilder::relColumn(PropertyKeyId key) {
    if (key >= relColumns_.size()) {
        relColumns_.resize(key + 1U);
    }
    return relColumns_[key];
}

bool GraphBuilder::indexed(PropertyKeyId key) const {
    return key == idKey_ || key == nameKey_ || key == codeKey_ || key == aliasesKey_;
}

void GraphBuilder::indexValue(NodeId node, LabelId label, PropertyKeyId key, const Value& value, bool add) {
    auto apply = [&](const std::string& text) {
        if (add) {
            index_.add(label, key, text, node);
        } else {
            index_.remove(label, key, text, node);
        }
    };
    if (value.type() == ValueType::String) {
        apply(value.asString());
        return;
    }
    if (value.type() == ValueType::List) {
        for (const Value& item : value.asList()) {
            if (item.type() == ValueType::String) {
                apply(item.asString());
            }
        }
    }
}

void GraphBuilder::indexNode(NodeId node, bool add) {
    for (PropertyKeyId key : {idKey_, nameKey_, codeKey_, aliasesKey_}) {
        const Value value = nodeProperty(node, key);
        if (value.isNull()) {
            continue;
        }
        for (LabelId label : catalog_.labelSet(nodeLabels_[node])) {
            indexValue(node, label, key, value, add);
        }
    }
}

NodeId GraphBuilder::addNode(std::span<const LabelId> labels) {
    if (nodeCount() >= kMaxEntities) {
        throw StorageError(fmt::format("too many nodes: the limit is {}", kMaxEntities));
    }
    for (LabelId label : labels) {
        if (label >= catalog_.labelCount()) {
            throw StorageError(fmt::format("no label with id {}", label));
        }
    }
    const LabelSetId set = catalog_.internLabelSet({labels.begin(), labels.end()});
    nodeLabels_.push_back(set);
    return nodeCount() - 1;
}

NodeId GraphBuilder::addNode(std::initializer_list<std::string_view> labels, const PropertyList& properties) {
    for (const auto& [key, value] : properties) {
        if (!value.isNull()) {
            validatePropertyValue(value);
        }
    }
    std::vector<LabelId> ids;
    for (std::string_view label : labels) {
        ids.push_back(catalog_.internLabel(label));
    }
    const NodeId node = addNode(ids);
    for (const auto& [key, value] : properties) {
        setNodeProperty(node, key, value);
    }
    return node;
}

std::span<const LabelId> GraphBuilder::nodeLabels(NodeId node) const {
    checkNode(node);
    return catalog_.labelSet(nodeLabels_[node]);
}

void GraphBuilder::storeLabels(NodeId node, LabelSetId labels) {
    indexNode(node, false);
    nodeLabels_[node] = labels;
    indexNode(node, true);
}

void GraphBuilder::addLabel(NodeId node, LabelId label) {
    checkNode(node);
    if (label >= catalog_.labelCount()) {
        throw StorageError(fmt::format("no label with id {}", label));
    }
    if (catalog_.labelSetHas(nodeLabels_[node], label)) {
        return;
    }
    std::vector<LabelId> labels(nodeLabels(node).begin(), nodeLabels(node).end());
    labels.push_back(label);
    const LabelSetId set = catalog_.internLabelSet(std::move(labels));
    if (olderThanMark(node)) {
        undoLog_.emplace_back(LabelUndo{node, nodeLabels_[node]});
    }
    storeLabels(node, set);
}

void GraphBuilder::removeLabel(NodeId node, LabelId label) {
    checkNode(node);
    if (label >= catalog_.labelCount() || !catalog_.labelSetHas(nodeLabels_[node], label)) {
        return;
    }
    std::vector<LabelId> labels;
    for (LabelId existing : nodeLabels(node)) {
        if (existing != label) {
            labels.push_back(existing);
        }
    }
    const LabelSetId set = catalog_.internLabelSet(std::move(labels));
    if (olderThanMark(node)) {
        undoLog_.emplace_back(LabelUndo{node, nodeLabels_[node]});
    }
    storeLabels(node, set);
}

void GraphBuilder::storeNodeProperty(NodeId node, PropertyKeyId key, const Value& value) {
    const bool isIndexed = indexed(key);
    const std::span<const LabelId> labels = catalog_.labelSet(nodeLabels_[node]);
    if (isIndexed) {
        const Value old = nodeProperty(node, key);
        for (LabelId label : labels) {
            indexValue(node, label, key, old, false);
        }
    }
    if (value.isNull()) {
        nodeColumn(key).erase(node);
    } else {
        nodeColumn(key).set(node, value, strings_);
    }
    if (isIndexed) {
        for (LabelId label : labels) {
            indexValue(node, label, key, value, true);
        }
    }
}

void GraphBuilder::setNodeProperty(NodeId node, PropertyKeyId key, const Value& value) {
    checkNode(node);
    if (key >= catalog_.keyCount()) {
        throw StorageError(fmt::format("no property key with id {}", key));
    }
    if (!value.isNull()) {
        validatePropertyValue(value);
    }
    if (olderThanMark(node)) {
        undoLog_.emplace_back(NodePropertyUndo{node, key, nodeProperty(node, key)});
    }
    storeNodeProperty(node, key, value);
}

void GraphBuilder::setNodeProperty(NodeId node, std::string_view key, const Value& value) {
    checkNode(node);
    if (!value.isNull()) {
        validatePropertyValue(value);
    }
    setNodeProperty(node, catalog_.internKey(key), value);
}

void GraphBuilder::addAlias(NodeId node, std::string_view alias) {
    checkNode(node);
    const std::string normalized = NodeIndex::normalize(alias);
    Value::List aliases;
    const Value current = nodeProperty(node, aliasesKey_);
    if (current.type() == ValueType::List) {
        aliases = current.asList();
    } else if (current.type() == ValueType::String) {
        aliases.push_back(current);
    }
    for (const Value& existing : aliases) {
        if (existing.type() == ValueType::String && NodeIndex::normalize(existing.asString()) == normalized) {
            return;
        }
    }
    aliases.emplace_back(std::string(alias));
    setNodeProperty(node, aliasesKey_, Value(std::move(aliases)));
}

void GraphBuilder::deleteRelationship(RelId rel) {
    if (relDeleted(rel)) {
        return;
    }
    checkRel(rel);
    if (relDeleted_.size() <= rel) {
        relDeleted_.resize(rel + 1U, 0);
    }
    relDeleted_[rel] = 1;
    if (logging()) {
        undoLog_.emplace_back(DeleteUndo{false, rel});
    }
}

void GraphBuilder::deleteNode(NodeId node) {
    if (nodeDeleted(node)) {
        return;
    }
    checkNode(node);
    for (RelId rel = 0; rel < relCount(); ++rel) {
        if (!relDeleted(rel) && (relSource_[rel] == node || relTarget_[rel] == node)) {
            throw StorageError(fmt::format("node {} still has relationships: delete them first", node));
        }
    }
    indexNode(node, false);
    if (nodeDeleted_.size() <= node) {
        nodeDeleted_.resize(node + 1U, 0);
    }
    nodeDeleted_[node] = 1;
    if (logging()) {
        undoLog_.emplace_back(DeleteUndo{true, node});
    }
}

RelId GraphBuilder::addRelationship(NodeId source, TypeId type, NodeId target) {
    checkNode(source);
    checkNode(target);
    if (type >= catalog_.typeCount()) {
        throw StorageError(fmt::format("no relationship type with id {}", type));
    }
    if (relCount() >= kMaxEntities) {
        throw StorageError(fmt::format("too many relationships: the limit is {}", kMaxEntities));
    }
    relSource_.push_back(source);
    relTarget_.push_back(target);
    relType_.push_back(type);
    return relCount() - 1;
}

RelId GraphBuilder::addRelationship(NodeId source, std::string_view type, NodeId target,
                                    const PropertyList& properties) {
    checkNode(source);
    checkNode(target);
    for (const auto& [key, value] : properties) {
        if (!value.isNull()) {
            validatePropertyValue(value);
        }
    }
    const RelId rel = addRelationship(source, catalog_.internType(type), target);
    for (const auto& [key, value] : properties) {
        setRelProperty(rel, key, value);
    }
    return rel;
}

void GraphBuilder::setRelProperty(RelId rel, PropertyKeyId key, const Value& value) {
    checkRel(rel);
    if (key >= catalog_.keyCount()) {
        throw StorageError(fmt::format("no property key with id {}", key));
    }
    if (!value.isNull()) {
        validatePropertyValue(value);
    }
    if (logging() && rel < marks_.back().rels) {
        undoLog_.emplace_back(RelPropertyUndo{rel, key, relProperty(rel, key)});
    }
    if (value.isNull()) {
        relColumn(key).erase(rel);
    } else {
        relColumn(key).set(rel, value, strings_);
    }
}

InternedString GraphBuilder::internString(std::string_view text) {
    if (auto offset = findInvalidUtf8(text)) {
        throw StorageError(fmt::format("string property values must be valid UTF-8 (bad byte at offset {})", *offset));
    }
    return InternedString{strings_.intern(text)};
}

void GraphBuilder::setRelProperty(RelId rel, PropertyKeyId key, InternedString value) {
    checkRel(rel);
    if (key >= catalog_.keyCount()) {
        throw StorageError(fmt::format("no property key with id {}", key));
    }
    if (value.id >= strings_.size()) {
        throw StorageError(fmt::format("no interned string with id {}", value.id));
    }
    if (logging() && rel < marks_.back().rels) {
        undoLog_.emplace_back(RelPropertyUndo{rel, key, relProperty(rel, key)});
    }
    relColumn(key).setString(rel, value.id, strings_);
}

void GraphBuilder::reserveRelationships(size_t count) {
    relSource_.reserve(relSource_.size() + count);
    relTarget_.reserve(relTarget_.size() + count);
    relType_.reserve(relType_.size() + count);
}

void GraphBuilder::reserveRelProperty(PropertyKeyId key, size_t count, ColumnKind expected) {
    if (key >= catalog_.keyCount()) {
        throw StorageError(fmt::format("no property key with id {}", key));
    }
    PropertyColumn& column = relColumn(key);
    column.reserve(column.count() + count, expected);
}

void GraphBuilder::setRelProperty(RelId rel, std::string_view key, const Value& value) {
    checkRel(rel);
    if (!value.isNull()) {
        validatePropertyValue(value);
    }
    setRelProperty(rel, catalog_.internKey(key), value);
}

Value GraphBuilder::nodeProperty(NodeId node, PropertyKeyId key) const {
    if (key >= nodeColumns_.size()) {
        return {};
    }
    return nodeColumns_[key].get(node, strings_);
}

Value GraphBuilder::relProperty(RelId rel, PropertyKeyId key) const {
    if (key >= relColumns_.size()) {
        return {};
    }
    return relColumns_[key].get(rel, strings_);
}

GraphBuilder::FindOrCreate GraphBuilder::findOrCreateNode(LabelId label, PropertyKeyId key, std::string_view value) {
    if (!indexed(key)) {
        throw StorageError(fmt::format("find-or-create needs an indexed key (id, name, code or aliases), not '{}'",
                                       catalog_.keyName(key)));
    }
    Value stored{std::string(value)};
    validatePropertyValue(stored);
    if (auto found = lookup(label, key, value); !found.empty()) {
        return {found.front(), false};
    }
    const std::array<LabelId, 1> labels{label};
    const NodeId node = addNode(labels);
    setNodeProperty(node, key, stored);
    return {node, true};
}

std::span<const NodeId> GraphBuilder::lookup(LabelId label, PropertyKeyId key, std::string_view value) const {
    return index_.find(label, key, value);
}

std::optional<NodeId> GraphBuilder::resolve(LabelId label, std::string_view text) const {
    for (PropertyKeyId key : {nameKey_, codeKey_, aliasesKey_, idKey_}) {
        if (auto found = lookup(label, key, text); !found.empty()) {
            return found.front();
        }
    }
    return std::nullopt;
}

void GraphBuilder::bindExternalId(std::string_view space, std::string_view id, NodeId node) {
    checkNode(node);
    std::string key = externalKey(space, id);
    auto [it, inserted] = externalIds_.emplace(key, node);
    if (!inserted) {
        if (it->second == node) {
            return;
        }
        throw StorageError(fmt::format("duplicate node id '{}'{}", id,
                                       space.empty() ? std::string() : fmt::format(" in ID space '{}'", space)));
    }
    if (logging()) {
        undoLog_.emplace_back(ExternalIdUndo{std::move(key)});
    }
}

std::optional<NodeId> GraphBuilder::findExternalId(std::string_view space, std::string_view id) const {
    if (auto it = externalIds_.find(externalKey(space, id)); it != externalIds_.end()) {
        return it->second;
    }
    return std::nullopt;
}

GraphBuilder::Savepoint GraphBuilder::savepoint() {
    marks_.push_back(Mark{nodeCount(), relCount(), catalog_.labelCount(), catalog_.typeCount(), catalog_.keyCount(),
                          catalog_.labelSetCount(), undoLog_.size()});
    return Savepoint{marks_.size() - 1};
}

void GraphBuilder::undo(Undo& entry) {
    std::visit(
        [this](auto& item) {
            using Item = std::decay_t<decltype(item)>;
            if constexpr (std::is_same_v<Item, NodePropertyUndo>) {
                storeNodeProperty(item.node, item.key, item.old);
            } else if constexpr (std::is_same_v<Item, RelPropertyUndo>) {
                if (item.old.isNull()) {
                    relColumn(item.key).erase(item.rel);
                } else {
                    relColumn(item.key).set(item.rel, item.old, strings_);
                }
            } else if constexpr (std::is_same_v<Item, LabelUndo>) {
                storeLabels(item.node, item.old);
            } else if constexpr (std::is_same_v<Item, DeleteUndo>) {
                if (item.node) {
                    nodeDeleted_[item.id] = 0;
                    indexNode(item.id, true);
                } else {
                    relDeleted_[item.id] = 0;
                }
            } else {
                externalIds_.erase(item.key);
            }
        },
        entry);
}

void GraphBuilder::rollback(Savepoint savepoint) {
    if (savepoint.depth + 1 != marks_.size()) {
        throw StorageError("rollback of a savepoint that is not the innermost open one");
    }
    const Mark mark = marks_.back();
    while (undoLog_.size() > mark.undoSize) {
        undo(undoLog_.back());
        undoLog_.pop_back();
    }
    for (NodeId node = mark.nodes; node < nodeCount(); ++node) {
        indexNode(node, false);
    }
    nodeLabels_.resize(mark.nodes);
    nodeDeleted_.resize(std::min<size_t>(nodeDeleted_.size(), mark.nodes));
    relDeleted_.resize(std::min<size_t>(relDeleted_.size(), mark.rels));
    relSource_.resize(mark.rels);
    relTarget_.resize(mark.rels);
    relType_.resize(mark.rels);
    for (PropertyColumn& column : nodeColumns_) {
        column.truncate(mark.nodes);
    }
    for (PropertyColumn& column : relColumns_) {
        column.truncate(mark.rels);
    }
    nodeColumns_.resize(std::min<size_t>(nodeColumns_.size(), mark.keys));
    relColumns_.resize(std::min<size_t>(relColumns_.size(), mark.keys));
    catalog_.truncate(mark.labels, mark.types, mark.keys, mark.labelSets);
    marks_.pop_back();
}

void GraphBuilder::commit(Savepoint savepoint) {
    if (savepoint.depth + 1 != marks_.size()) {
        throw StorageError("commit of a savepoint that is not the innermost open one");
    }
    marks_.pop_back();
    if (marks_.empty()) {
        undoLog_.clear();
    }
}

GraphBuilder GraphBuilder::thaw(const Graph& graph) {
    GraphBuilder builder;
    builder.catalog_ = graph.catalog_;
    builder.strings_ = graph.strings_.clone();
    builder.nodeLabels_ = graph.nodeLabels_;
    builder.relSource_ = graph.relSource_;
    builder.relTarget_ = graph.relTarget_;
    builder.relType_ = graph.relType_;
    builder.nodeDeleted_ = graph.nodeDeleted_;
    builder.relDeleted_ = graph.relDeleted_;
    builder.nodeColumns_.reserve(graph.nodeColumns_.size());
    for (const PropertyColumn& column : graph.nodeColumns_) {
        builder.nodeColumns_.push_back(column.thaw());
    }
    builder.relColumns_.reserve(graph.relColumns_.size());
    for (const PropertyColumn& column : graph.relColumns_) {
        builder.relColumns_.push_back(column.thaw());
    }
    builder.index_ = graph.index_;
    builder.externalIds_ = graph.externalIds_;
    return builder;
}

Graph GraphBuilder::freeze() && {
    if (!marks_.empty()) {
        throw StorageError("cannot freeze a graph while a savepoint is open");
    }
    return Graph(std::move(*this));
}

} // namespace newsgraph
