// Expand's type narrowing: a pushed-down conjunct `r.key OP constant` is tried on the few distinct
// values `key` takes within each relationship type (TypeValueSummaries); types where no value
// passes are left out of the expansion, so only the adjacency ranges of the others are read.
#include <algorithm>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

// Above this many remaining types out of an unrestricted expansion, reading the whole adjacency
// once beats one binary search per type.
constexpr size_t kMaxNarrowedTypes = 16;

bool narrowingOperator(BinaryOp op) {
    switch (op) {
    case BinaryOp::Equal:
    case BinaryOp::StartsWith:
    case BinaryOp::EndsWith:
    case BinaryOp::Contains:
    case BinaryOp::In:
    case BinaryOp::Less:
    case BinaryOp::LessEqual:
    case BinaryOp::Greater:
    case BinaryOp::GreaterEqual: return true;
    default: return false;
    }
}

// `stored OP constant` for a narrowingOperator.
Value applyComparison(BinaryOp op, const Value& stored, const Value& constant) {
    switch (op) {
    case BinaryOp::Equal: return equals(stored, constant);
    case BinaryOp::StartsWith: return startsWith(stored, constant);
    case BinaryOp::EndsWith: return endsWith(stored, constant);
    case BinaryOp::Contains: return contains(stored, constant);
    case BinaryOp::In: return inList(stored, constant);
    case BinaryOp::Less: return lessThan(stored, constant);
    case BinaryOp::LessEqual: return lessOrEqual(stored, constant);
    case BinaryOp::Greater: return greaterThan(stored, constant);
    case BinaryOp::GreaterEqual: return greaterOrEqual(stored, constant);
    default: return Value();
    }
}

// The key of `r.key OP constant` over the relationship in relSlot, or null for other shapes.
const Expr* narrowingProperty(const Expr& predicate, size_t relSlot) {
    if (predicate.kind != ExprKind::Binary || predicate.children.size() != 2 || !narrowingOperator(predicate.op)) {
        return nullptr;
    }
    const Expr& property = *predicate.children[0];
    const Expr& constant = *predicate.children[1];
    if (property.kind != ExprKind::Property || property.children.size() != 1 ||
        property.children[0]->kind != ExprKind::Variable || property.children[0]->slot != static_cast<int32_t>(relSlot) ||
        (constant.kind != ExprKind::Literal && constant.kind != ExprKind::Parameter)) {
        return nullptr;
    }
    return &property;
}

} // namespace

void Expand::narrowTypes(ExecutionContext& context) {
    const Graph& graph = *context.graph;
    // Called per input row: the constants (literals, parameters) do not change during a
    // statement, so the narrowing is redone only for another graph (after a write).
    const uint64_t graphId = graph.typeValueSummaries().id();
    if (narrowedFor_ == graphId) {
        return;
    }
    narrowedFor_ = graphId;
    active_ = spec_;
    for (const std::string& name : spec_.unresolvedTypes) {
        const std::optional<TypeId> id = graph.catalog().findType(name);
        if (id && std::find(active_.types.begin(), active_.types.end(), *id) == active_.types.end()) {
            active_.types.push_back(*id);
        }
    }
    if (!spec_.unresolvedTypes.empty()) {
        active_.impossible = active_.types.empty();
    }
    for (const Expr* predicate : predicates_) {
        if (active_.impossible) {
            return;
        }
        const Expr* property = narrowingProperty(*predicate, spec_.relSlot);
        if (property == nullptr) {
            continue;
        }
        const std::optional<PropertyKeyId> key = graph.catalog().findKey(property->name);
        if (!key) {
            continue;
        }
        const std::vector<Value> none;
        const Value constant = evaluate(*predicate->children[1], RowRef{nullptr, 0, &none}, context);
        std::vector<TypeId> candidates = active_.types;
        if (candidates.empty()) {
            for (TypeId type = 0; type < graph.catalog().typeCount(); ++type) {
                candidates.push_back(type);
            }
        }
        std::vector<TypeId> kept;
        for (TypeId type : candidates) {
            const auto values = graph.typeValueSummaries().values(graph, type, *key);
            const bool anyPasses = !values || std::any_of(values->begin(), values->end(), [&](const Value& value) {
                const Value verdict = applyComparison(predicate->op, value, constant);
                return verdict.type() == ValueType::Bool && verdict.asBool();
            });
            if (anyPasses) {
                kept.push_back(type);
            }
        }
        if (kept.size() == candidates.size() || (active_.types.empty() && kept.size() > kMaxNarrowedTypes)) {
            continue;
        }
        active_.types = std::move(kept);
        active_.impossible = active_.types.empty();
    }
}

} // namespace newsgraph
