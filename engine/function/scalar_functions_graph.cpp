// Graph functions: id, labels (Graph3), type (Graph4), properties (Graph9), keys (Graph8, Map3),
// startNode / endNode (Graph2), nodes / relationships (Path1, Path2), length (Path3), exists.
// Reading labels or properties of an entity this query deleted is EntityNotFound
// DeletedEntityAccess (Return2 [15-17]); type() of a deleted relationship still works (Return2 [14]).
#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;

void requireLiveNode(const Value& node, const EntityAccessor& entities) {
    if (entities.nodeDeleted(node.asNode().id)) {
        throw fnsupport::deletedEntity(node);
    }
}

void requireLiveRel(const Value& rel, const EntityAccessor& entities) {
    if (entities.relDeleted(rel.asRelationship().id)) {
        throw fnsupport::deletedEntity(rel);
    }
}

// The properties of a map, node or relationship; throws for other types.
PropertyList propertyListOf(std::string_view function, const Value& target, const EntityAccessor& entities) {
    switch (target.type()) {
    case ValueType::Map: return PropertyList(target.asMap().begin(), target.asMap().end());
    case ValueType::Node:
        requireLiveNode(target, entities);
        return entities.nodeProperties(target.asNode().id);
    case ValueType::Relationship:
        requireLiveRel(target, entities);
        return entities.relProperties(target.asRelationship().id);
    default: throw argumentTypeError(function, target);
    }
}

} // namespace

Value id(Args args, const EntityAccessor& /*entities*/) {
    const Value& target = argAt(args, 0);
    switch (target.type()) {
    case ValueType::Null: return Value();
    case ValueType::Node: return Value(static_cast<int64_t>(target.asNode().id));
    case ValueType::Relationship: return Value(static_cast<int64_t>(target.asRelationship().id));
    default: throw argumentTypeError("id", target);
    }
}

Value labels(Args args, const EntityAccessor& entities) {
    const Value& node = argAt(args, 0);
    if (node.isNull()) {
        return Value();
    }
    if (node.type() != ValueType::Node) {
        throw argumentTypeError("labels", node);
    }
    requireLiveNode(node, entities);
    Value::List out;
    for (std::string& label : entities.nodeLabels(node.asNode().id)) {
        out.emplace_back(std::move(label));
    }
    return Value(std::move(out));
}

Value type(Args args, const EntityAccessor& entities) {
    const Value& rel = argAt(args, 0);
    if (rel.isNull()) {
        return Value();
    }
    if (rel.type() != ValueType::Relationship) {
        throw argumentTypeError("type", rel);
    }
    return Value(entities.relType(rel.asRelationship().id));
}

Value properties(Args args, const EntityAccessor& entities) {
    const Value& target = argAt(args, 0);
    if (target.isNull()) {
        return Value();
    }
    if (target.type() == ValueType::Map) {
        return target;
    }
    return Value::map(propertyListOf("properties", target, entities));
}

Value keys(Args args, const EntityAccessor& entities) {
    const Value& target = argAt(args, 0);
    if (target.isNull()) {
        return Value();
    }
    Value::List out;
    for (auto& [key, value] : propertyListOf("keys", target, entities)) {
        // A map keeps keys whose value is null (Map3 [4]); an entity has no null properties.
        out.emplace_back(std::move(key));
    }
    return Value(std::move(out));
}

Value startNode(Args args, const EntityAccessor& entities) {
    const Value& rel = argAt(args, 0);
    if (rel.isNull()) {
        return Value();
    }
    if (rel.type() != ValueType::Relationship) {
        throw argumentTypeError("startNode", rel);
    }
    return Value(NodeRef{entities.relSource(rel.asRelationship().id)});
}

Value endNode(Args args, const EntityAccessor& entities) {
    const Value& rel = argAt(args, 0);
    if (rel.isNull()) {
        return Value();
    }
    if (rel.type() != ValueType::Relationship) {
        throw argumentTypeError("endNode", rel);
    }
    return Value(NodeRef{entities.relTarget(rel.asRelationship().id)});
}

Value nodes(Args args, const EntityAccessor& /*entities*/) {
    const Value& path = argAt(args, 0);
    if (path.isNull()) {
        return Value();
    }
    if (path.type() != ValueType::Path) {
        throw argumentTypeError("nodes", path);
    }
    Value::List out;
    out.reserve(path.asPath().nodes.size());
    for (NodeId node : path.asPath().nodes) {
        out.emplace_back(NodeRef{node});
    }
    return Value(std::move(out));
}

Value relationships(Args args, const EntityAccessor& /*entities*/) {
    const Value& path = argAt(args, 0);
    if (path.isNull()) {
        return Value();
    }
    if (path.type() != ValueType::Path) {
        throw argumentTypeError("relationships", path);
    }
    Value::List out;
    out.reserve(path.asPath().rels.size());
    for (RelId rel : path.asPath().rels) {
        out.emplace_back(RelRef{rel});
    }
    return Value(std::move(out));
}

Value length(Args args, const EntityAccessor& /*entities*/) {
    const Value& path = argAt(args, 0);
    if (path.isNull()) {
        return Value();
    }
    if (path.type() != ValueType::Path) {
        throw argumentTypeError("length", path);
    }
    return Value(static_cast<int64_t>(path.asPath().rels.size()));
}

Value exists(Args args, const EntityAccessor& /*entities*/) {
    return Value(!argAt(args, 0).isNull());
}

} // namespace newsgraph::scalarfn
