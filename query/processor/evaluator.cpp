#include "query/processor/evaluator.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/function/scalar_functions.hpp"
#include "engine/function/temporal_fields.hpp"
#include "engine/function/value_ops.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

namespace {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

QueryError deletedAccess(SourcePosition position) {
    return QueryError("EntityNotFound", QueryPhase::Runtime, "DeletedEntityAccess",
                      "the entity was deleted earlier in this query", position);
}

// A property key's id, looked up once per expression (see Expr::propertyKey); nothing while the
// catalog does not have it.
std::optional<PropertyKeyId> cachedKey(const Expr& property, const Graph& graph) {
    if (property.propertyKey < 0) {
        const std::optional<PropertyKeyId> key = graph.catalog().findKey(property.name);
        if (!key) {
            return std::nullopt;
        }
        property.propertyKey = *key;
    }
    return static_cast<PropertyKeyId>(property.propertyKey);
}

// n.key / r.key read as a view into the string pool, for string predicates that need no copy.
struct StoredString {
    enum class Kind : uint8_t { Fallback, Null, Text } kind = Kind::Fallback;
    std::string_view text;
};

StoredString storedString(const Expr& property, const RowRef& row, ExecutionContext& context) {
    const Value target = evaluate(*property.children[0], row, context);
    const Graph& graph = *context.graph;
    const PropertyColumn* column = nullptr;
    uint32_t entity = 0;
    if (target.type() == ValueType::Node && !graph.nodeDeleted(target.asNode().id)) {
        entity = target.asNode().id;
        const auto key = cachedKey(property, graph);
        column = key ? graph.nodeColumn(*key) : nullptr;
    } else if (target.type() == ValueType::Relationship && !graph.relDeleted(target.asRelationship().id)) {
        entity = target.asRelationship().id;
        const auto key = cachedKey(property, graph);
        column = key ? graph.relColumn(*key) : nullptr;
    } else {
        return {};
    }
    if (column == nullptr) {
        return {StoredString::Kind::Null, {}};
    }
    const std::optional<size_t> slot = column->slot(entity);
    if (!slot) {
        return {StoredString::Kind::Null, {}};
    }
    if (column->values().kind() != ColumnKind::String) {
        return {};
    }
    return {StoredString::Kind::Text, graph.strings().get(column->values().strings()[*slot])};
}

// STARTS WITH / ENDS WITH / CONTAINS with a stored string property on the left, without copying it;
// nothing when the general path has to decide (other types, deleted entities, computed values).
std::optional<Value> stringPredicateOnProperty(const Expr& expr, const Value& rhs, const RowRef& row,
                                               ExecutionContext& context) {
    if (expr.children[0]->kind != ExprKind::Property || rhs.type() != ValueType::String) {
        return std::nullopt;
    }
    const StoredString lhs = storedString(*expr.children[0], row, context);
    switch (lhs.kind) {
    case StoredString::Kind::Fallback: return std::nullopt;
    case StoredString::Kind::Null: return Value();
    case StoredString::Kind::Text: break;
    }
    const std::string& pattern = rhs.asString();
    switch (expr.op) {
    case BinaryOp::StartsWith: return Value(lhs.text.starts_with(pattern));
    case BinaryOp::EndsWith: return Value(lhs.text.ends_with(pattern));
    default: return Value(lhs.text.find(pattern) != std::string_view::npos);
    }
}

Value binary(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    const BinaryOp op = expr.op;
    // AND / OR decide on one side when they can, so the other side's errors do not matter.
    if (op == BinaryOp::And || op == BinaryOp::Or) {
        const Value lhs = evaluate(*expr.children[0], row, context);
        const bool decisive = op == BinaryOp::And ? false : true;
        if (lhs.type() == ValueType::Bool && lhs.asBool() == decisive) {
            const Value rhsCheck = evaluate(*expr.children[1], row, context);
            if (!rhsCheck.isNull() && rhsCheck.type() != ValueType::Bool) {
                return op == BinaryOp::And ? logicalAnd(lhs, rhsCheck) : logicalOr(lhs, rhsCheck);
            }
            return Value(decisive);
        }
        const Value rhs = evaluate(*expr.children[1], row, context);
        return op == BinaryOp::And ? logicalAnd(lhs, rhs) : logicalOr(lhs, rhs);
    }
    if (op == BinaryOp::StartsWith || op == BinaryOp::EndsWith || op == BinaryOp::Contains) {
        const Value rhs = evaluate(*expr.children[1], row, context);
        if (std::optional<Value> fast = stringPredicateOnProperty(expr, rhs, row, context)) {
            return *fast;
        }
        const Value lhs = evaluate(*expr.children[0], row, context);
        return op == BinaryOp::StartsWith ? startsWith(lhs, rhs)
               : op == BinaryOp::EndsWith ? endsWith(lhs, rhs)
                                          : contains(lhs, rhs);
    }
    const Value lhs = evaluate(*expr.children[0], row, context);
    const Value rhs = evaluate(*expr.children[1], row, context);
    switch (op) {
    case BinaryOp::Xor: return logicalXor(lhs, rhs);
    case BinaryOp::Equal: return equals(lhs, rhs);
    case BinaryOp::NotEqual: return notEquals(lhs, rhs);
    case BinaryOp::Less: return lessThan(lhs, rhs);
    case BinaryOp::LessEqual: return lessOrEqual(lhs, rhs);
    case BinaryOp::Greater: return greaterThan(lhs, rhs);
    case BinaryOp::GreaterEqual: return greaterOrEqual(lhs, rhs);
    case BinaryOp::StartsWith: return startsWith(lhs, rhs);
    case BinaryOp::EndsWith: return endsWith(lhs, rhs);
    case BinaryOp::Contains: return contains(lhs, rhs);
    case BinaryOp::RegexMatch: return regexMatch(lhs, rhs);
    case BinaryOp::In: return inList(lhs, rhs);
    case BinaryOp::Add: return add(lhs, rhs);
    case BinaryOp::Subtract: return subtract(lhs, rhs);
    case BinaryOp::Multiply: return multiply(lhs, rhs);
    case BinaryOp::Divide: return divide(lhs, rhs);
    case BinaryOp::Modulo: return modulo(lhs, rhs);
    case BinaryOp::Power: return power(lhs, rhs);
    case BinaryOp::And:
    case BinaryOp::Or: break;
    }
    return {};
}

Value caseExpression(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    size_t first = 0;
    Value subject;
    if (expr.caseHasSubject) {
        subject = evaluate(*expr.children[0], row, context);
        first = 1;
    }
    const size_t end = expr.children.size() - (expr.caseHasElse ? 1 : 0);
    for (size_t i = first; i + 1 < end; i += 2) {
        const Value when = evaluate(*expr.children[i], row, context);
        const bool matches = expr.caseHasSubject ? equivalent(subject, when) && !subject.isNull()
                                                 : (when.type() == ValueType::Bool && when.asBool());
        if (matches) {
            return evaluate(*expr.children[i + 1], row, context);
        }
    }
    if (expr.caseHasElse) {
        return evaluate(*expr.children.back(), row, context);
    }
    return {};
}

// Binds a comprehension variable for the duration of a scope.
class LocalScope {
public:
    LocalScope(ExecutionContext& context, int32_t slot) : context_(context), index_(static_cast<size_t>(-2 - slot)) {
        if (context_.locals.size() <= index_) {
            context_.locals.resize(index_ + 1);
        }
        saved_ = context_.locals[index_];
    }
    LocalScope(const LocalScope&) = delete;
    LocalScope& operator=(const LocalScope&) = delete;
    LocalScope(LocalScope&&) = delete;
    LocalScope& operator=(LocalScope&&) = delete;
    ~LocalScope() { context_.locals[index_] = std::move(saved_); }
    void set(Value value) { context_.locals[index_] = std::move(value); }

private:
    ExecutionContext& context_;
    size_t index_;
    Value saved_;
};

const Value::List* listOperand(const Value& list, const Expr& expr) {
    if (list.isNull()) {
        return nullptr;
    }
    if (list.type() != ValueType::List) {
        throw typeError("InvalidArgumentType", fmt::format("expected a list after IN, got {}", valueTypeName(list.type())),
                        expr.position);
    }
    return &list.asList();
}

Value listComprehension(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Value list = evaluate(*expr.children[0], row, context);
    const Value::List* items = listOperand(list, expr);
    if (items == nullptr) {
        return {};
    }
    LocalScope scope(context, expr.slot);
    Value::List out;
    for (const Value& item : *items) {
        scope.set(item);
        if (expr.children[1] && !evaluatePredicate(*expr.children[1], row, context)) {
            continue;
        }
        out.push_back(expr.children[2] ? evaluate(*expr.children[2], row, context) : item);
    }
    return Value(std::move(out));
}

Value quantifier(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Value list = evaluate(*expr.children[0], row, context);
    const Value::List* items = listOperand(list, expr);
    if (items == nullptr) {
        return {};
    }
    LocalScope scope(context, expr.slot);
    size_t trues = 0;
    size_t nulls = 0;
    for (const Value& item : *items) {
        scope.set(item);
        const Value verdict = expr.children[1] ? evaluate(*expr.children[1], row, context) : Value(true);
        if (verdict.isNull()) {
            ++nulls;
        } else if (verdict.type() == ValueType::Bool && verdict.asBool()) {
            ++trues;
        } else if (verdict.type() != ValueType::Bool) {
            throw typeError("InvalidArgumentType", "a quantifier predicate must be boolean", expr.position);
        }
    }
    const size_t falses = items->size() - trues - nulls;
    switch (expr.quantifier) {
    case ast::QuantifierKind::All: return falses > 0 ? Value(false) : (nulls > 0 ? Value() : Value(true));
    case ast::QuantifierKind::Any: return trues > 0 ? Value(true) : (nulls > 0 ? Value() : Value(false));
    case ast::QuantifierKind::None: return trues > 0 ? Value(false) : (nulls > 0 ? Value() : Value(true));
    case ast::QuantifierKind::Single:
        if (trues > 1) {
            return Value(false);
        }
        if (nulls > 0) {
            return {};
        }
        return Value(trues == 1);
    }
    return {};
}

Value reduce(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    Value accumulator = evaluate(*expr.children[0], row, context);
    const Value list = evaluate(*expr.children[1], row, context);
    const Value::List* items = listOperand(list, expr);
    if (items == nullptr) {
        return {};
    }
    LocalScope accumulatorScope(context, expr.slot2);
    LocalScope variableScope(context, expr.slot);
    for (const Value& item : *items) {
        accumulatorScope.set(accumulator);
        variableScope.set(item);
        accumulator = evaluate(*expr.children[2], row, context);
    }
    return accumulator;
}

Value mapProjection(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Value base = evaluate(*expr.children[0], row, context);
    if (base.isNull()) {
        return {};
    }
    Value::Map entries;
    for (const ast::MapProjectionItem& item : expr.mapItems) {
        switch (item.kind) {
        case ast::MapItemKind::AllProperties: {
            PropertyList all;
            if (base.type() == ValueType::Node) {
                all = context.entities.nodeProperties(base.asNode().id);
            } else if (base.type() == ValueType::Relationship) {
                all = context.entities.relProperties(base.asRelationship().id);
            } else if (base.type() == ValueType::Map) {
                all = base.asMap();
            }
            entries.insert(entries.end(), all.begin(), all.end());
            break;
        }
        case ast::MapItemKind::Property:
            entries.emplace_back(item.key, propertyOf(base, item.key, context, expr.position));
            break;
        case ast::MapItemKind::Literal:
        case ast::MapItemKind::Variable:
            entries.emplace_back(item.key, evaluate(*item.value, row, context));
            break;
        }
    }
    return Value::map(std::move(entries));
}

Value labelCheck(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Value target = evaluate(*expr.children[0], row, context);
    if (target.isNull()) {
        return {};
    }
    if (target.type() == ValueType::Relationship && !expr.labels.empty()) {
        // r:T is a check of the relationship's type (Graph5): true when every name is its type.
        const std::string type = context.entities.relType(target.asRelationship().id);
        return Value(std::all_of(expr.labels.begin(), expr.labels.end(), [&](const std::string& name) { return name == type; }));
    }
    if (target.type() != ValueType::Node) {
        throw typeError("InvalidArgumentType", fmt::format("a label check needs a node, got {}", valueTypeName(target.type())),
                        expr.position);
    }
    return Value(hasLabels(*context.graph, target.asNode().id, expr.labels, expr.labelIds));
}

Value function(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    std::vector<Value> args;
    args.reserve(expr.children.size());
    for (const auto& child : expr.children) {
        args.push_back(evaluate(*child, row, context));
    }
    try {
        return expr.function->fn(args, context.entities);
    } catch (QueryError& error) {
        if (!error.position().known()) {
            error.setPosition(expr.position);
        }
        throw;
    }
}

} // namespace

void resolveCatalogIds(const ast::Expr& expr, const Graph& graph) {
    if (expr.kind == ExprKind::Property) {
        cachedKey(expr, graph);
    }
    if (expr.kind == ExprKind::LabelCheck && expr.labelIds.size() != expr.labels.size()) {
        std::vector<LabelId> found;
        for (const std::string& name : expr.labels) {
            if (const std::optional<LabelId> id = graph.catalog().findLabel(name)) {
                found.push_back(*id);
            }
        }
        if (found.size() == expr.labels.size()) {
            expr.labelIds = std::move(found);
        }
    }
    for (const auto& child : expr.children) {
        if (child) {
            resolveCatalogIds(*child, graph);
        }
    }
    for (const auto& item : expr.mapItems) {
        if (item.value) {
            resolveCatalogIds(*item.value, graph);
        }
    }
}

bool hasLabels(const Graph& graph, NodeId node, const std::vector<std::string>& names, std::vector<LabelId>& ids) {
    if (ids.size() != names.size()) {
        std::vector<LabelId> found;
        for (const std::string& name : names) {
            const std::optional<LabelId> id = graph.catalog().findLabel(name);
            if (!id) {
                return false; // no node has it (yet)
            }
            found.push_back(*id);
        }
        ids = std::move(found);
    }
    return std::all_of(ids.begin(), ids.end(), [&](LabelId label) { return graph.hasLabel(node, label); });
}

Value propertyOf(const Value& target, const std::string& key, ExecutionContext& context, SourcePosition position) {
    switch (target.type()) {
    case ValueType::Null: return {};
    case ValueType::Node:
        if (context.entities.nodeDeleted(target.asNode().id)) {
            throw deletedAccess(position);
        }
        return context.entities.nodeProperty(target.asNode().id, key);
    case ValueType::Relationship:
        if (context.entities.relDeleted(target.asRelationship().id)) {
            throw deletedAccess(position);
        }
        return context.entities.relProperty(target.asRelationship().id, key);
    case ValueType::Map: {
        const Value* found = target.find(key);
        return found != nullptr ? *found : Value();
    }
    default:
        if (isTemporal(target.type())) {
            return temporalfields::field(target, key).value_or(Value());
        }
        throw typeError("InvalidArgumentType",
                        fmt::format("cannot read property '{}' of a {}", key, valueTypeName(target.type())), position);
    }
}

// n.key / r.key with the key id looked up once per expression instead of once per row.
static Value entityProperty(const Expr& expr, const Value& target, ExecutionContext& context) {
    const Graph& graph = *context.graph;
    const std::optional<PropertyKeyId> found = cachedKey(expr, graph);
    const bool created = target.type() == ValueType::Node ? target.asNode().id >= graph.nodeCount()
                                                          : target.asRelationship().id >= graph.relCount();
    if (!found || created) { // created by the running write clause: only its builder has it
        return propertyOf(target, expr.name, context, expr.position); // null, or the deleted-entity error
    }
    const PropertyKeyId key = *found;
    if (target.type() == ValueType::Node) {
        if (graph.nodeDeleted(target.asNode().id)) {
            throw deletedAccess(expr.position);
        }
        return graph.nodeProperty(target.asNode().id, key);
    }
    if (graph.relDeleted(target.asRelationship().id)) {
        throw deletedAccess(expr.position);
    }
    return graph.relProperty(target.asRelationship().id, key);
}

Value evaluate(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    if (expr.aggregate >= 0) {
        return row[static_cast<size_t>(expr.aggregate)];
    }
    try {
        switch (expr.kind) {
        case ExprKind::Literal: return expr.value;
        case ExprKind::Parameter: {
            for (const auto& [name, value] : *context.parameters) {
                if (name == expr.name) {
                    return value;
                }
            }
            throw QueryError("ParameterMissing", QueryPhase::CompileTime, "MissingParameter",
                             fmt::format("expected a parameter named ${}", expr.name), expr.position);
        }
        case ExprKind::Variable:
            if (expr.slot >= 0) {
                return row[static_cast<size_t>(expr.slot)];
            }
            return context.locals.at(static_cast<size_t>(-2 - expr.slot));
        case ExprKind::Property: {
            const Value target = evaluate(*expr.children[0], row, context);
            const bool entity = target.type() == ValueType::Node || target.type() == ValueType::Relationship;
            if (!entity) {
                return propertyOf(target, expr.name, context, expr.position);
            }
            return entityProperty(expr, target, context);
        }
        case ExprKind::Subscript: {
            const Value target = evaluate(*expr.children[0], row, context);
            const Value index = evaluate(*expr.children[1], row, context);
            if ((target.type() == ValueType::Node || target.type() == ValueType::Relationship) &&
                index.type() == ValueType::String) {
                return propertyOf(target, index.asString(), context, expr.position);
            }
            return subscript(target, index);
        }
        case ExprKind::Slice: {
            const Value target = evaluate(*expr.children[0], row, context);
            std::optional<Value> from;
            std::optional<Value> to;
            if (expr.children[1]) {
                from = evaluate(*expr.children[1], row, context);
            }
            if (expr.children[2]) {
                to = evaluate(*expr.children[2], row, context);
            }
            return sliceBounds(target, from, to);
        }
        case ExprKind::List: {
            Value::List items;
            items.reserve(expr.children.size());
            for (const auto& child : expr.children) {
                items.push_back(evaluate(*child, row, context));
            }
            return Value(std::move(items));
        }
        case ExprKind::Map: {
            Value::Map entries;
            for (size_t i = 0; i < expr.children.size(); ++i) {
                entries.emplace_back(expr.keys[i], evaluate(*expr.children[i], row, context));
            }
            return Value::map(std::move(entries));
        }
        case ExprKind::MapProjection: return mapProjection(expr, row, context);
        case ExprKind::Not: return logicalNot(evaluate(*expr.children[0], row, context));
        case ExprKind::Negate: return negate(evaluate(*expr.children[0], row, context));
        case ExprKind::Binary: return binary(expr, row, context);
        case ExprKind::IsNull: return Value(evaluate(*expr.children[0], row, context).isNull());
        case ExprKind::IsNotNull: return Value(!evaluate(*expr.children[0], row, context).isNull());
        case ExprKind::Function: return function(expr, row, context);
        case ExprKind::CountStar:
            throw syntaxError("InvalidAggregation", "count(*) is not allowed here", expr.position);
        case ExprKind::Case: return caseExpression(expr, row, context);
        case ExprKind::ListComprehension: return listComprehension(expr, row, context);
        case ExprKind::Quantifier: return quantifier(expr, row, context);
        case ExprKind::Reduce: return reduce(expr, row, context);
        case ExprKind::PatternPredicate:
        case ExprKind::Exists: return Value(subplanHasRows(expr, row, context));
        case ExprKind::PatternComprehension: return subplanCollect(expr, row, context);
        case ExprKind::LabelCheck: return labelCheck(expr, row, context);
        }
    } catch (QueryError& error) {
        if (!error.position().known()) {
            error.setPosition(expr.position);
        }
        throw;
    }
    return {};
}

bool evaluatePredicate(const Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Value verdict = evaluate(expr, row, context);
    if (verdict.type() == ValueType::Bool) {
        return verdict.asBool();
    }
    if (verdict.isNull()) {
        return false;
    }
    throw typeError("InvalidArgumentType",
                    fmt::format("a predicate must be boolean, got {}", valueTypeName(verdict.type())), expr.position);
}

} // namespace newsgraph
