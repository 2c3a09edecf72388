#include "query/planner/scope.hpp"

namespace newsgraph {

const char* varKindName(VarKind kind) {
    switch (kind) {
    case VarKind::Node: return "node";
    case VarKind::Relationship: return "relationship";
    case VarKind::RelationshipList: return "list of relationships";
    case VarKind::Path: return "path";
    case VarKind::Value: return "value";
    }
    return "value";
}

const ScopeVariable* Scope::find(const std::string& name) const {
    for (auto it = variables_.rbegin(); it != variables_.rend(); ++it) {
        if (it->name == name) {
            return &*it;
        }
    }
    return nullptr;
}

size_t Scope::add(const std::string& name, VarKind kind, std::optional<ValueType> valueType) {
    const size_t slot = width_++;
    variables_.push_back(ScopeVariable{name, kind, slot, valueType});
    return slot;
}

} // namespace newsgraph
