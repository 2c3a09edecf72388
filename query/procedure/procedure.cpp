#include "query/procedure/procedure.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include <fmt/format.h>

#include "query/procedure/algo_procedures.hpp"
#include "query/procedure/db_procedures.hpp"

namespace newsgraph {

namespace {

std::string lowered(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

constexpr std::array<std::pair<ProcedureType, std::string_view>, 12> kTypeNames{{
    {ProcedureType::Any, "ANY"},
    {ProcedureType::Boolean, "BOOLEAN"},
    {ProcedureType::Integer, "INTEGER"},
    {ProcedureType::Float, "FLOAT"},
    {ProcedureType::Number, "NUMBER"},
    {ProcedureType::String, "STRING"},
    {ProcedureType::Map, "MAP"},
    {ProcedureType::List, "LIST"},
    {ProcedureType::Node, "NODE"},
    {ProcedureType::Relationship, "RELATIONSHIP"},
    {ProcedureType::Path, "PATH"},
    {ProcedureType::Date, "DATE"},
}};

std::string fieldList(const std::vector<ProcedureField>& fields) {
    std::string out;
    for (const ProcedureField& field : fields) {
        out += fmt::format("{}{} :: {}?", out.empty() ? "" : ", ", field.name, procedureTypeName(field.type));
    }
    return out;
}

} // namespace

std::string ProcedureSignature::toString() const {
    return fmt::format("{}({}) :: ({})", name, fieldList(inputs), fieldList(outputs));
}

size_t ProcedureSignature::requiredInputs() const {
    size_t required = 0;
    while (required < inputs.size() && !inputs[required].defaultValue) {
        ++required;
    }
    return required;
}

void ProcedureRegistry::add(std::shared_ptr<const Procedure> procedure) {
    procedures_[lowered(procedure->signature().name)] = std::move(procedure);
}

const Procedure* ProcedureRegistry::find(std::string_view name) const {
    const auto it = procedures_.find(lowered(name));
    return it == procedures_.end() ? nullptr : it->second.get();
}

std::vector<const Procedure*> ProcedureRegistry::all() const {
    std::vector<const Procedure*> out;
    for (const auto& [name, procedure] : procedures_) {
        out.push_back(procedure.get());
    }
    return out;
}

const ProcedureRegistry& builtinProcedures() {
    static const ProcedureRegistry registry = [] {
        ProcedureRegistry built;
        addDbProcedures(built);
        addAlgoProcedures(built);
        return built;
    }();
    return registry;
}

std::string_view procedureTypeName(ProcedureType type) {
    for (const auto& [candidate, name] : kTypeNames) {
        if (candidate == type) {
            return name;
        }
    }
    return "ANY";
}

std::optional<ProcedureType> parseProcedureType(std::string_view name) {
    if (!name.empty() && name.back() == '?') {
        name.remove_suffix(1);
    }
    for (const auto& [type, typeName] : kTypeNames) {
        if (typeName == name) {
            return type;
        }
    }
    return std::nullopt;
}

bool procedureTypeAccepts(ProcedureType type, const Value& value) {
    const ValueType actual = value.type();
    if (actual == ValueType::Null) {
        return true;
    }
    switch (type) {
    case ProcedureType::Any: return true;
    case ProcedureType::Boolean: return actual == ValueType::Bool;
    case ProcedureType::Integer: return actual == ValueType::Int;
    case ProcedureType::Float:
    case ProcedureType::Number: return actual == ValueType::Int || actual == ValueType::Float;
    case ProcedureType::String: return actual == ValueType::String;
    case ProcedureType::Map: return actual == ValueType::Map;
    case ProcedureType::List: return actual == ValueType::List;
    case ProcedureType::Node: return actual == ValueType::Node;
    case ProcedureType::Relationship: return actual == ValueType::Relationship;
    case ProcedureType::Path: return actual == ValueType::Path;
    case ProcedureType::Date: return actual == ValueType::Date;
    }
    return false;
}

} // namespace newsgraph
