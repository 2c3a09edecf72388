#pragma once

#include <optional>
#include "engine/common/value.hpp"

#include <string>
#include <vector>

namespace newsgraph {

enum class VarKind : uint8_t { Node, Relationship, RelationshipList, Path, Value };

const char* varKindName(VarKind kind);

struct ScopeVariable {
    std::string name; // empty for hidden columns
    VarKind kind = VarKind::Value;
    size_t slot = 0;
    // What a value variable is known to hold at planning (WITH 123 AS x: an INTEGER); the
    // planner refuses what cannot work on it (x.num) before running anything.
    std::optional<ValueType> valueType;

    // A value variable that may hold a `type` at run time (nothing known says otherwise): it may
    // then stand where a node or a relationship list is expected, checked per row.
    bool mayHold(ValueType type) const { return kind == VarKind::Value && (!valueType || *valueType == type); }
};

// The variables visible at a point of the query and the columns they live in. Columns are only
// ever appended; a projection (WITH, RETURN) starts a fresh scope.
class Scope {
public:
    const ScopeVariable* find(const std::string& name) const;
    size_t add(const std::string& name, VarKind kind, std::optional<ValueType> valueType = std::nullopt);
    size_t addHidden() { return width_++; }
    size_t width() const { return width_; }
    // Named variables in order of their slots.
    const std::vector<ScopeVariable>& variables() const { return variables_; }

private:
    std::vector<ScopeVariable> variables_;
    size_t width_ = 0;
};

} // namespace newsgraph
