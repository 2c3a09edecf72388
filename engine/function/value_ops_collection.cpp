// List membership, element access, slicing and property access:
// - Null3 / List5: `x IN list` is true on a match, otherwise null when some comparison was null,
//   otherwise false; `null IN []` is false.
// - List1 / Map2: list[i] needs an integer (TypeError InvalidArgumentType), negative counts from the
//   end, out of range is null; map[k] needs a string (TypeError MapElementAccessByNonString);
//   indexing anything else is a TypeError InvalidArgumentType; a null container or index is null.
// - List2: slices clamp to the list, negative bounds count from the end, an empty range is [].
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "engine/function/date_fields.hpp"
#include "engine/function/temporal_fields.hpp"
#include "engine/function/function_support.hpp"
#include "engine/function/property_access.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace {

using fnsupport::kInvalidArgumentType;

QueryError notIndexable(const Value& container) {
    return typeError(kInvalidArgumentType,
                     fmt::format("cannot index into a {} with `[]`", valueTypeName(container.type())));
}

int64_t sliceBound(const Value& bound, int64_t size) {
    if (bound.type() != ValueType::Int) {
        throw typeError(kInvalidArgumentType,
                        fmt::format("a list slice bound must be an INTEGER, not {}", valueTypeName(bound.type())));
    }
    const int64_t raw = bound.asInt();
    // raw + size cannot overflow: size is at most a list's length and raw is negative here.
    const int64_t position = raw < 0 ? raw + size : raw;
    return std::clamp<int64_t>(position, 0, size);
}

Value sliceImpl(const Value& list, const Value* from, const Value* to) {
    if (list.isNull()) {
        return Value();
    }
    if (list.type() != ValueType::List) {
        throw typeError(kInvalidArgumentType,
                        fmt::format("cannot slice a {} with `[..]`", valueTypeName(list.type())));
    }
    if ((from != nullptr && from->isNull()) || (to != nullptr && to->isNull())) {
        return Value();
    }
    const Value::List& items = list.asList();
    const auto size = static_cast<int64_t>(items.size());
    const int64_t start = from != nullptr ? sliceBound(*from, size) : 0;
    const int64_t end = to != nullptr ? sliceBound(*to, size) : size;
    if (start >= end) {
        return Value(Value::List{});
    }
    return Value(Value::List(items.begin() + start, items.begin() + end));
}

Value entityProperty(const Value& entity, const std::string& key, const EntityAccessor& entities) {
    if (entity.type() == ValueType::Node) {
        const NodeId node = entity.asNode().id;
        if (entities.nodeDeleted(node)) {
            throw fnsupport::deletedEntity(entity);
        }
        return entities.nodeProperty(node, key);
    }
    const RelId rel = entity.asRelationship().id;
    if (entities.relDeleted(rel)) {
        throw fnsupport::deletedEntity(entity);
    }
    return entities.relProperty(rel, key);
}

} // namespace

Value inList(const Value& element, const Value& list) {
    if (list.isNull()) {
        return Value();
    }
    if (list.type() != ValueType::List) {
        throw fnsupport::operandTypeError("IN", element, list);
    }
    const Value::List& items = list.asList();
    if (items.empty()) {
        return Value(false);
    }
    bool unknown = false;
    for (const Value& item : items) {
        const Value same = equals(element, item);
        if (same.isNull()) {
            unknown = true;
        } else if (same.asBool()) {
            return Value(true);
        }
    }
    return unknown ? Value() : Value(false);
}

Value subscript(const Value& container, const Value& index) {
    switch (container.type()) {
    case ValueType::Null: return Value();
    case ValueType::List: {
        if (index.isNull()) {
            return Value();
        }
        if (index.type() != ValueType::Int) {
            throw typeError(kInvalidArgumentType,
                            fmt::format("a list index must be an INTEGER, not {}", valueTypeName(index.type())));
        }
        const Value::List& items = container.asList();
        const auto size = static_cast<int64_t>(items.size());
        const int64_t raw = index.asInt();
        const int64_t position = raw < 0 ? raw + size : raw;
        if (position < 0 || position >= size) {
            return Value();
        }
        return items[static_cast<size_t>(position)];
    }
    case ValueType::Map: {
        if (index.isNull()) {
            return Value();
        }
        if (index.type() != ValueType::String) {
            throw typeError(fnsupport::kMapElementAccessByNonString,
                            fmt::format("a map key must be a STRING, not {}", valueTypeName(index.type())));
        }
        const Value* found = container.find(index.asString());
        return found != nullptr ? *found : Value();
    }
    default: throw notIndexable(container);
    }
}

Value slice(const Value& list, const Value& from, const Value& to) {
    return sliceImpl(list, from.isNull() ? nullptr : &from, to.isNull() ? nullptr : &to);
}

Value sliceBounds(const Value& list, const std::optional<Value>& from, const std::optional<Value>& to) {
    return sliceImpl(list, from ? &*from : nullptr, to ? &*to : nullptr);
}

Value propertyAccess(const Value& target, const std::string& key, const EntityAccessor& entities) {
    switch (target.type()) {
    case ValueType::Null: return Value();
    case ValueType::Map: {
        const Value* found = target.find(key);
        return found != nullptr ? *found : Value();
    }
    case ValueType::Node:
    case ValueType::Relationship: return entityProperty(target, key, entities);
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return temporalfields::field(target, key).value_or(Value());
    default:
        throw typeError(kInvalidArgumentType,
                        fmt::format("cannot read property `{}` of a {}", key, valueTypeName(target.type())));
    }
}

Value subscript(const Value& container, const Value& index, const EntityAccessor& entities) {
    const bool entity = container.type() == ValueType::Node || container.type() == ValueType::Relationship;
    if (!entity) {
        return subscript(container, index);
    }
    if (index.isNull()) {
        return Value();
    }
    if (index.type() != ValueType::String) {
        throw typeError(kInvalidArgumentType,
                        fmt::format("a property key must be a STRING, not {}", valueTypeName(index.type())));
    }
    return entityProperty(container, index.asString(), entities);
}

} // namespace newsgraph
