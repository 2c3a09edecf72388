#pragma once

#include <string>

#include "engine/function/function_context.hpp"

namespace newsgraph {

// Static property access `target.key` (Map1, Graph6, Null1): null on a null target or a missing key,
// a map's entry, a node's or relationship's property (EntityNotFound DeletedEntityAccess when the
// entity was deleted, Return2), a date's field (year, month, day, quarter, week, weekYear,
// dayOfWeek, ordinalDay, dayOfQuarter; null for other keys); TypeError InvalidArgumentType on any
// other target.
Value propertyAccess(const Value& target, const std::string& key, const EntityAccessor& entities);

// Dynamic access `container[index]` with graph access (Graph7: n['name']): like subscript() in
// value_ops.hpp, and a node or relationship indexed by a string reads that property.
Value subscript(const Value& container, const Value& index, const EntityAccessor& entities);

} // namespace newsgraph
