#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/value.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph {

// The types a procedure's inputs and outputs are declared with (the TCK's signature types).
enum class ProcedureType : uint8_t { Any, Boolean, Integer, Float, Number, String, Map, List, Node, Relationship, Path, Date };

// One input or output of a procedure. An input with a default may be left out of a call.
struct ProcedureField {
    std::string name;
    ProcedureType type = ProcedureType::Any;
    std::optional<Value> defaultValue;
};

// `name(inputs) :: (outputs)`; a procedure without outputs is a void procedure.
struct ProcedureSignature {
    std::string name;
    std::vector<ProcedureField> inputs;
    std::vector<ProcedureField> outputs;
    std::string description;

    // The signature as written in the TCK and `:help`: `algo.pagerank(config :: MAP?) :: (node :: NODE, ...)`.
    std::string toString() const;
    // How many inputs a call must pass (those before the first one with a default).
    size_t requiredInputs() const;
};

// What a running procedure may read.
struct ProcedureContext {
    const Graph& graph;
    const std::atomic<bool>* cancelled = nullptr;
};

// A procedure callable with CALL. call() gets one argument per input (defaults filled in, types
// checked against the signature) and returns rows of one value per output, in signature order.
class Procedure {
public:
    explicit Procedure(ProcedureSignature signature) : signature_(std::move(signature)) {}
    Procedure(const Procedure&) = delete;
    Procedure& operator=(const Procedure&) = delete;
    Procedure(Procedure&&) = delete;
    Procedure& operator=(Procedure&&) = delete;
    virtual ~Procedure() = default;

    const ProcedureSignature& signature() const { return signature_; }
    virtual std::vector<std::vector<Value>> call(const ProcedureContext& context,
                                                 const std::vector<Value>& arguments) const = 0;

private:
    ProcedureSignature signature_;
};

// Procedures by name (names compare case-insensitively, as Neo4j's do).
class ProcedureRegistry {
public:
    // Adds or replaces the procedure of that name.
    void add(std::shared_ptr<const Procedure> procedure);
    const Procedure* find(std::string_view name) const;
    std::vector<const Procedure*> all() const;

private:
    // Shared so that a Database's registry starts as a cheap copy of the built-in one.
    std::map<std::string, std::shared_ptr<const Procedure>> procedures_;
};

// db.labels, db.relationshipTypes, db.propertyKeys, db.schema and the algo.* procedures.
const ProcedureRegistry& builtinProcedures();

std::string_view procedureTypeName(ProcedureType type);
// Parses a TCK signature type name (`INTEGER?`, `STRING`, `NUMBER?`...); nothing when unknown.
std::optional<ProcedureType> parseProcedureType(std::string_view name);
// Whether `value` may be passed for / returned as `type` (null always may; an integer is a FLOAT).
bool procedureTypeAccepts(ProcedureType type, const Value& value);

} // namespace newsgraph
