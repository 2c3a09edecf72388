#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "query/processor/evaluator.hpp"
#include "query/processor/operators/write_operators.hpp"

namespace newsgraph {

namespace {

QueryError invalidProperty(const std::string& key, const std::string& reason, SourcePosition position) {
    return QueryError("TypeError", QueryPhase::Runtime, "InvalidPropertyType",
                      fmt::format("cannot store property '{}': {}", key, reason), position);
}

// Sets or removes (null) one property; returns whether anything was stored.
bool storeProperty(ExecutionContext& context, const Value& entity, const std::string& key, const Value& value,
                   SourcePosition position) {
    GraphBuilder& builder = context.beginWrite();
    if (!value.isNull()) {
        try {
            validatePropertyValue(value);
        } catch (const StorageError& error) {
            throw invalidProperty(key, error.what(), position);
        }
    }
    if (entity.type() == ValueType::Node) {
        context.touchedNodes.insert(entity.asNode().id);
        if (builder.nodeDeleted(entity.asNode().id)) {
            throw QueryError("EntityNotFound", QueryPhase::Runtime, "DeletedEntityAccess",
                             "cannot set a property of a deleted node", position);
        }
        const PropertyKeyId id = builder.catalog().internKey(key);
        const bool had = !builder.nodeProperty(entity.asNode().id, id).isNull();
        builder.setNodeProperty(entity.asNode().id, id, value);
        if (value.isNull()) {
            context.statistics.propertiesRemoved += had ? 1 : 0;
        } else {
            ++context.statistics.propertiesSet;
        }
        return true;
    }
    if (entity.type() == ValueType::Relationship) {
        context.touchedRels.insert(entity.asRelationship().id);
        const PropertyKeyId id = builder.catalog().internKey(key);
        const bool had = !builder.relProperty(entity.asRelationship().id, id).isNull();
        builder.setRelProperty(entity.asRelationship().id, id, value);
        if (value.isNull()) {
            context.statistics.propertiesRemoved += had ? 1 : 0;
        } else {
            ++context.statistics.propertiesSet;
        }
        return true;
    }
    if (entity.isNull()) {
        return false;
    }
    throw typeError("InvalidArgumentType",
                    fmt::format("cannot set a property on a {}", valueTypeName(entity.type())), position);
}

// The properties of a map, node or relationship value, for SET n = ..., SET n += ... and CREATE.
PropertyList propertiesOf(ExecutionContext& context, const Value& value, SourcePosition position) {
    switch (value.type()) {
    case ValueType::Null: return {};
    case ValueType::Map: return value.asMap();
    case ValueType::Node: return context.entities.nodeProperties(value.asNode().id);
    case ValueType::Relationship: return context.entities.relProperties(value.asRelationship().id);
    default:
        throw typeError("InvalidArgumentType",
                        fmt::format("expected a map of properties, got {}", valueTypeName(value.type())), position);
    }
}

std::vector<std::string> currentKeys(ExecutionContext& context, const Value& entity) {
    GraphBuilder& builder = context.beginWrite();
    std::vector<std::string> keys;
    for (PropertyKeyId key = 0; key < builder.catalog().keyCount(); ++key) {
        const Value value = entity.type() == ValueType::Node ? builder.nodeProperty(entity.asNode().id, key)
                                                             : builder.relProperty(entity.asRelationship().id, key);
        if (!value.isNull()) {
            keys.push_back(builder.catalog().keyName(key));
        }
    }
    return keys;
}

} // namespace

void WriteOperator::open(ExecutionContext& context) {
    Operator::open(context);
    rows_.clear();
    done_ = false;
    position_ = 0;
}

void WriteOperator::runIfPending(ExecutionContext& context) {
    if (!done_) {
        Chunk unused;
        next(context, unused);
    }
}

bool WriteOperator::next(ExecutionContext& context, Chunk& out) {
    if (!done_) {
        done_ = true;
        std::vector<std::vector<Value>> input;
        Chunk chunk;
        while (child()->next(context, chunk)) {
            for (size_t r = 0; r < chunk.rows(); ++r) {
                std::vector<Value> row;
                chunk.readRow(r, row);
                row.resize(outputWidth());
                input.push_back(std::move(row));
            }
            context.checkCancelled();
        }
        for (auto& row : input) {
            write(context, row, rows_);
            context.checkCancelled();
        }
        finish(context);
        context.endWrite();
    }
    out.reset(outputWidth());
    while (position_ < rows_.size() && !out.full()) {
        out.append(std::move(rows_[position_++]));
    }
    return !out.empty();
}

void createPart(ExecutionContext& context, const CreatePartSpec& part, std::vector<Value>& row) {
    GraphBuilder& builder = context.beginWrite();
    const RowRef ref{nullptr, 0, &row};
    for (const CreateNodeSpec& spec : part.nodes) {
        if (spec.bound) {
            if (row[spec.slot].type() != ValueType::Node) {
                throw QueryError("SemanticError", QueryPhase::Runtime, "InvalidArgumentType",
                                 row[spec.slot].isNull()
                                     ? std::string("cannot create a relationship to a node that is null")
                                     : fmt::format("cannot create a relationship to a {}, only to a node",
                                                   valueTypeName(row[spec.slot].type())));
            }
            continue;
        }
        const PropertyList properties =
            spec.properties != nullptr ? propertiesOf(context, evaluate(*spec.properties, ref, context), spec.properties->position)
                                       : PropertyList();
        std::vector<LabelId> labels;
        for (const std::string& label : spec.labels) {
            labels.push_back(builder.catalog().internLabel(label));
        }
        std::sort(labels.begin(), labels.end());
        labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
        const NodeId node = builder.addNode(labels);
        context.touchedNodes.insert(node);
        ++context.statistics.nodesCreated;
        context.statistics.labelsAdded += labels.size();
        row[spec.slot] = Value(NodeRef{node});
        for (const auto& [key, value] : properties) {
            if (!value.isNull()) {
                storeProperty(context, row[spec.slot], key, value, spec.properties->position);
            }
        }
    }
    for (const CreateRelSpec& spec : part.rels) {
        const Value& from = row[part.nodes[spec.fromNode].slot];
        const Value& to = row[part.nodes[spec.toNode].slot];
        if (from.type() != ValueType::Node || to.type() != ValueType::Node) {
            throw QueryError("SemanticError", QueryPhase::Runtime, "InvalidArgumentType",
                             "cannot create a relationship to a node that is null");
        }
        const PropertyList properties =
            spec.properties != nullptr ? propertiesOf(context, evaluate(*spec.properties, ref, context), spec.properties->position)
                                       : PropertyList();
        const RelId rel = builder.addRelationship(from.asNode().id, builder.catalog().internType(spec.type), to.asNode().id);
        context.touchedRels.insert(rel);
        ++context.statistics.relationshipsCreated;
        row[spec.slot] = Value(RelRef{rel});
        for (const auto& [key, value] : properties) {
            if (!value.isNull()) {
                storeProperty(context, row[spec.slot], key, value, spec.properties->position);
            }
        }
    }
}

void Create::write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) {
    for (const CreatePartSpec& part : parts_) {
        createPart(context, part, row);
    }
    output.push_back(row);
}

void applySetItems(ExecutionContext& context, const std::vector<ast::SetItem>& items, const std::vector<Value>& row) {
    const RowRef ref{nullptr, 0, &row};
    for (const ast::SetItem& item : items) {
        switch (item.kind) {
        case ast::SetKind::Property: {
            const Value entity = evaluate(*item.target->children[0], ref, context);
            const Value value = evaluate(*item.value, ref, context);
            storeProperty(context, entity, item.target->name, value, item.position);
            break;
        }
        case ast::SetKind::ReplaceProperties:
        case ast::SetKind::MergeProperties: {
            const Value entity = evaluate(*item.target, ref, context);
            if (entity.isNull()) {
                break;
            }
            if (entity.type() != ValueType::Node && entity.type() != ValueType::Relationship) {
                throw typeError("InvalidArgumentType", "SET needs a node or a relationship", item.position);
            }
            const Value source = evaluate(*item.value, ref, context);
            const PropertyList properties = propertiesOf(context, source, item.position);
            if (item.kind == ast::SetKind::ReplaceProperties) {
                for (const std::string& key : currentKeys(context, entity)) {
                    const bool kept = std::any_of(properties.begin(), properties.end(),
                                                  [&](const auto& entry) { return entry.first == key; });
                    if (!kept) {
                        storeProperty(context, entity, key, Value(), item.position);
                    }
                }
            }
            for (const auto& [key, value] : properties) {
                storeProperty(context, entity, key, value, item.position);
            }
            break;
        }
        case ast::SetKind::Labels: {
            const Value entity = evaluate(*item.target, ref, context);
            if (entity.isNull()) {
                break;
            }
            if (entity.type() != ValueType::Node) {
                throw typeError("InvalidArgumentType", "labels can only be set on nodes", item.position);
            }
            GraphBuilder& builder = context.beginWrite();
            context.touchedNodes.insert(entity.asNode().id);
            for (const std::string& label : item.labels) {
                const LabelId id = builder.catalog().internLabel(label);
                const auto current = builder.nodeLabels(entity.asNode().id);
                if (std::find(current.begin(), current.end(), id) == current.end()) {
                    builder.addLabel(entity.asNode().id, id);
                    ++context.statistics.labelsAdded;
                }
            }
            break;
        }
        }
    }
}

void SetProperties::write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) {
    if (setItems_ != nullptr) {
        applySetItems(context, *setItems_, row);
    }
    if (removeItems_ != nullptr) {
        const RowRef ref{nullptr, 0, &row};
        for (const ast::RemoveItem& item : *removeItems_) {
            if (item.kind == ast::RemoveKind::Property) {
                const Value entity = evaluate(*item.target->children[0], ref, context);
                storeProperty(context, entity, item.target->name, Value(), item.position);
                continue;
            }
            const Value entity = evaluate(*item.target, ref, context);
            if (entity.type() != ValueType::Node) {
                continue;
            }
            GraphBuilder& builder = context.beginWrite();
            context.touchedNodes.insert(entity.asNode().id);
            for (const std::string& label : item.labels) {
                auto id = builder.catalog().findLabel(label);
                if (!id) {
                    continue;
                }
                const auto current = builder.nodeLabels(entity.asNode().id);
                if (std::find(current.begin(), current.end(), *id) != current.end()) {
                    builder.removeLabel(entity.asNode().id, *id);
                    ++context.statistics.labelsRemoved;
                }
            }
        }
    }
    output.push_back(row);
}

void Delete::write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) {
    const RowRef ref{nullptr, 0, &row};
    for (const ast::Expr* expression : expressions_) {
        const Value target = evaluate(*expression, ref, context);
        switch (target.type()) {
        case ValueType::Null: break;
        case ValueType::Node:
            nodes_.push_back(target.asNode().id);
            nodePositions_.push_back(expression->position);
            break;
        case ValueType::Relationship: rels_.push_back(target.asRelationship().id); break;
        case ValueType::Path:
            for (NodeId node : target.asPath().nodes) {
                nodes_.push_back(node);
                nodePositions_.push_back(expression->position);
            }
            for (RelId rel : target.asPath().rels) {
                rels_.push_back(rel);
            }
            break;
        default:
            throw typeError("InvalidArgumentType",
                            fmt::format("DELETE needs a node, relationship or path, got {}", valueTypeName(target.type())),
                            expression->position);
        }
    }
    output.push_back(row);
}

void Delete::finish(ExecutionContext& context) {
    const Graph& graph = *context.graph;
    std::set<RelId> rels(rels_.begin(), rels_.end());
    for (size_t i = 0; i < nodes_.size(); ++i) {
        const NodeId node = nodes_[i];
        if (node >= graph.nodeCount() || graph.nodeDeleted(node)) {
            continue;
        }
        for (Direction direction : {Direction::Out, Direction::In}) {
            const Adjacency edges = graph.adjacency(node, direction);
            for (uint32_t e = 0; e < edges.size; ++e) {
                if (detach_) {
                    rels.insert(edges.rel(e));
                } else if (!rels.contains(edges.rel(e))) {
                    throw QueryError("ConstraintVerificationFailed", QueryPhase::Runtime, "DeleteConnectedNode",
                                     "cannot delete a node that still has relationships: delete them first or use "
                                     "DETACH DELETE",
                                     nodePositions_[i]);
                }
            }
        }
    }
    if (rels.empty() && nodes_.empty()) {
        return;
    }
    GraphBuilder& builder = context.beginWrite();
    for (RelId rel : rels) {
        context.touchedRels.insert(rel);
        if (!builder.relDeleted(rel)) {
            builder.deleteRelationship(rel);
            ++context.statistics.relationshipsDeleted;
        }
    }
    for (NodeId node : nodes_) {
        context.touchedNodes.insert(node);
        if (!builder.nodeDeleted(node)) {
            builder.deleteNode(node);
            ++context.statistics.nodesDeleted;
        }
    }
    nodes_.clear();
    rels_.clear();
    nodePositions_.clear();
}

namespace {

// MERGE cannot match a null property (nothing equals null) and would create a duplicate on every
// run: openCypher makes it an error (Merge1, Merge5: MergeReadOwnWrites).
void refuseNullProperties(const ast::Expr* properties, const RowRef& row, ExecutionContext& context) {
    if (properties == nullptr) {
        return;
    }
    const Value map = evaluate(*properties, row, context);
    if (map.type() != ValueType::Map) {
        return;
    }
    for (const auto& [key, value] : map.asMap()) {
        if (value.isNull()) {
            throw QueryError("SemanticError", QueryPhase::Runtime, "MergeReadOwnWrites",
                             fmt::format("MERGE cannot use a null property value (`{}`)", key), properties->position);
        }
    }
}

} // namespace

void Merge::write(ExecutionContext& context, std::vector<Value>& row, std::vector<std::vector<Value>>& output) {
    {
        const RowRef ref{nullptr, 0, &row};
        for (const CreateNodeSpec& node : create_.nodes) {
            refuseNullProperties(node.properties, ref, context);
        }
        for (const CreateRelSpec& rel : create_.rels) {
            refuseNullProperties(rel.properties, ref, context);
        }
    }
    // Earlier rows of this MERGE may have created what this row matches: read the graph as it is now.
    context.endWrite();
    match_.argument->setRow(RowRef{nullptr, 0, &row});
    match_.root->open(context);
    Chunk chunk;
    bool matched = false;
    while (match_.root->next(context, chunk)) {
        for (size_t r = 0; r < chunk.rows(); ++r) {
            matched = true;
            std::vector<Value> result;
            chunk.readRow(r, result);
            result.resize(row.size());
            if (onMatch_ != nullptr) {
                applySetItems(context, *onMatch_, result);
            }
            output.push_back(std::move(result));
        }
    }
    if (matched) {
        return;
    }
    createPart(context, create_, row);
    if (onCreate_ != nullptr) {
        applySetItems(context, *onCreate_, row);
    }
    output.push_back(row);
}

} // namespace newsgraph
