#include <algorithm>

#include <fmt/format.h>

#include "engine/function/aggregate_functions.hpp"
#include "engine/function/scalar_functions.hpp"
#include "query/planner/planner_impl.hpp"
#include "query/processor/evaluator.hpp"

namespace newsgraph {

namespace {

using ast::Expr;
using ast::ExprKind;

constexpr uint32_t kVariadic = UINT32_MAX;

bool isExistsName(const std::string& name) {
    constexpr std::string_view kExists = "exists";
    if (name.size() != kExists.size()) {
        return false;
    }
    for (size_t i = 0; i < name.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(name[i])) != kExists[i]) {
            return false;
        }
    }
    return true;
}

// Operands whose type is known when the query is compiled and is not boolean: a compile-time
// InvalidArgumentType, as the TCK expects for `123 AND true`.
void checkBooleanOperand(const Expr& operand, const char* op) {
    const bool literalNonBoolean = operand.kind == ExprKind::Literal && !operand.value.isNull() &&
                                   operand.value.type() != ValueType::Bool;
    const bool collection = operand.kind == ExprKind::List || operand.kind == ExprKind::Map;
    if (literalNonBoolean || collection) {
        throw syntaxError("InvalidArgumentType", fmt::format("{} needs boolean operands, not '{}'", op, operand.text),
                          operand.position);
    }
}

} // namespace

bool isAggregateCall(const Expr& expr) {
    return expr.kind == ExprKind::CountStar || (expr.kind == ExprKind::Function && isAggregateFunction(expr.name));
}

bool containsAggregate(const Expr& expr) {
    if (isAggregateCall(expr)) {
        return true;
    }
    for (const auto& child : expr.children) {
        if (child && containsAggregate(*child)) {
            return true;
        }
    }
    for (const auto& item : expr.mapItems) {
        if (item.value && containsAggregate(*item.value)) {
            return true;
        }
    }
    return false;
}

ast::Expr* Planner::synthesize(ast::ExprPtr expr) {
    prepared_.synthesized.push_back(std::move(expr));
    return prepared_.synthesized.back().get();
}

// A scalar function of literals (date('2018-03-01'), toUpper('x')) is computed once here instead
// of once per row. rand() stays a call, range() too (its list could be huge); a call that fails is
// left to fail at run time, where the error belongs.
void Planner::foldConstantCall(Expr& expr) const {
    if (expr.function == nullptr || expr.name == "rand" || expr.name == "range" ||
        !std::all_of(expr.children.begin(), expr.children.end(),
                     [](const ast::ExprPtr& child) { return child && child->kind == ExprKind::Literal; })) {
        return;
    }
    ExecutionContext context;
    context.graph = &graph_;
    context.parameters = &parameters_;
    const std::vector<Value> noRow;
    Value folded;
    try {
        folded = evaluate(expr, RowRef{nullptr, 0, &noRow}, context);
    } catch (const std::exception&) {
        return;
    }
    if (folded.type() == ValueType::List || folded.type() == ValueType::Map) {
        return; // a literal is copied each time it is read: a big range() would cost more, not less
    }
    expr.kind = ExprKind::Literal;
    expr.value = std::move(folded);
    expr.children.clear();
    expr.function = nullptr;
}

std::optional<ValueType> Planner::staticType(const Expr& expr, const Scope& scope) const {
    switch (expr.kind) {
    case ExprKind::Literal:
        return expr.value.isNull() ? std::nullopt : std::optional<ValueType>(expr.value.type());
    case ExprKind::List: return ValueType::List;
    case ExprKind::Map: return ValueType::Map;
    case ExprKind::Binary: {
        // Arithmetic on known numbers: 1 + 1 is an INTEGER, 1 + 1.5 a FLOAT.
        const bool arithmetic = expr.op == ast::BinaryOp::Add || expr.op == ast::BinaryOp::Subtract ||
                                expr.op == ast::BinaryOp::Multiply || expr.op == ast::BinaryOp::Divide ||
                                expr.op == ast::BinaryOp::Modulo;
        if (!arithmetic || expr.children.size() != 2) {
            return std::nullopt;
        }
        const std::optional<ValueType> lhs = staticType(*expr.children[0], scope);
        const std::optional<ValueType> rhs = staticType(*expr.children[1], scope);
        auto number = [](const std::optional<ValueType>& t) {
            return t && (*t == ValueType::Int || *t == ValueType::Float);
        };
        if (!number(lhs) || !number(rhs)) {
            return std::nullopt;
        }
        return *lhs == ValueType::Int && *rhs == ValueType::Int ? ValueType::Int : ValueType::Float;
    }
    case ExprKind::Variable: {
        if (expr.slot < -1) {
            const auto found = localTypes_.find(expr.slot);
            return found != localTypes_.end() ? std::optional<ValueType>(found->second) : std::nullopt;
        }
        const ScopeVariable* variable = scope.find(expr.name);
        if (variable == nullptr || static_cast<int32_t>(variable->slot) != expr.slot) {
            return std::nullopt;
        }
        switch (variable->kind) {
        case VarKind::Node: return ValueType::Node;
        case VarKind::Relationship: return ValueType::Relationship;
        case VarKind::RelationshipList: return ValueType::List;
        case VarKind::Path: return ValueType::Path;
        case VarKind::Value: return variable->valueType;
        }
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

namespace {

// The element type of a list written out with elements of one type; nothing otherwise.
std::optional<ValueType> elementType(const Expr& list) {
    std::optional<ValueType> type;
    auto accept = [&](ValueType element) {
        if (type && *type != element) {
            return false;
        }
        type = element;
        return true;
    };
    if (list.kind == ExprKind::Literal && list.value.type() == ValueType::List) {
        for (const Value& item : list.value.asList()) {
            if (item.isNull() || !accept(item.type())) {
                return std::nullopt;
            }
        }
        return type;
    }
    if (list.kind == ExprKind::List) {
        for (const auto& item : list.children) {
            if (!item || item->kind != ExprKind::Literal || item->value.isNull() || !accept(item->value.type())) {
                return std::nullopt;
            }
        }
        return type;
    }
    return std::nullopt;
}

QueryError staticTypeError(const char* error, const std::string& message, SourcePosition position) {
    return QueryError(error, QueryPhase::CompileTime, "InvalidArgumentType", message, position);
}

} // namespace

void Planner::checkStaticTypes(const Expr& expr, const Scope& scope) const {
    auto typeOf = [&](size_t child) -> std::optional<ValueType> {
        return child < expr.children.size() && expr.children[child] ? staticType(*expr.children[child], scope)
                                                                     : std::nullopt;
    };
    auto isScalar = [](ValueType type) {
        return type == ValueType::Int || type == ValueType::Float || type == ValueType::Bool ||
               type == ValueType::String || type == ValueType::List || type == ValueType::Path;
    };
    switch (expr.kind) {
    case ExprKind::Property: {
        const std::optional<ValueType> target = typeOf(0);
        if (target && (*target == ValueType::Node || *target == ValueType::Relationship) &&
            !graph_.catalog().findKey(expr.name)) {
            unknown_.keys.insert(expr.name);
        }
        if (target && isScalar(*target)) {
            // A path is a syntax error (MatchWhere1), other scalars a type error (Map1, Graph6).
            throw staticTypeError(*target == ValueType::Path ? "SyntaxError" : "TypeError",
                                  fmt::format("cannot read property '{}' of a {}", expr.name, valueTypeName(*target)),
                                  expr.position);
        }
        return;
    }
    case ExprKind::Binary: {
        const bool arithmetic = expr.op == ast::BinaryOp::Subtract || expr.op == ast::BinaryOp::Multiply ||
                                expr.op == ast::BinaryOp::Divide || expr.op == ast::BinaryOp::Modulo ||
                                expr.op == ast::BinaryOp::Power;
        if (!arithmetic) {
            return;
        }
        for (size_t i = 0; i < 2; ++i) {
            const std::optional<ValueType> operand = typeOf(i);
            if (operand && (*operand == ValueType::String || *operand == ValueType::Bool)) {
                throw staticTypeError("SyntaxError",
                                      fmt::format("`{}` needs numbers, not a {} ('{}')", ast::binaryOpText(expr.op),
                                                  valueTypeName(*operand), expr.children[i]->text),
                                      expr.position);
            }
        }
        return;
    }
    case ExprKind::Function: {
        if (expr.function == nullptr || expr.children.empty()) {
            return;
        }
        const std::optional<ValueType> argument = typeOf(0);
        if (!argument) {
            return;
        }
        const std::string_view name = expr.function->name;
        const ValueType type = *argument;
        const bool wrong =
            (name == "length" && (type == ValueType::Node || type == ValueType::Relationship)) ||
            (name == "type" && type == ValueType::Node) || (name == "labels" && type == ValueType::Path) ||
            (name == "size" && type == ValueType::Path) ||
            (name == "properties" && (isScalar(type) && type != ValueType::Path));
        if (wrong) {
            throw staticTypeError("SyntaxError",
                                  fmt::format("{}() does not accept a {} ('{}')", name, valueTypeName(type),
                                              expr.children[0]->text),
                                  expr.position);
        }
        return;
    }
    default: return;
    }
}

void Planner::bind(Expr& expr, const Scope& scope, ExprContext context, bool inAggregate) {
    if (expr.aggregate >= 0) {
        return; // an aggregate already computed into a column
    }
    auto bindChildren = [&](bool aggregateArgs) {
        for (auto& child : expr.children) {
            if (child) {
                bind(*child, scope, context, aggregateArgs);
            }
        }
    };
    switch (expr.kind) {
    case ExprKind::Variable: {
        for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
            if (it->first == expr.name) {
                expr.slot = it->second;
                return;
            }
        }
        const ScopeVariable* variable = scope.find(expr.name);
        if (variable == nullptr) {
            throw syntaxError("UndefinedVariable", fmt::format("variable '{}' is not defined", expr.name), expr.position);
        }
        expr.slot = static_cast<int32_t>(variable->slot);
        return;
    }
    case ExprKind::Parameter: {
        for (const auto& [name, value] : parameters_) {
            if (name == expr.name) {
                return;
            }
        }
        throw QueryError("ParameterMissing", QueryPhase::CompileTime, "MissingParameter",
                         fmt::format("expected a parameter named ${}", expr.name), expr.position);
    }
    case ExprKind::CountStar:
        if (context != ExprContext::Projection) {
            throw syntaxError("InvalidAggregation", "count(*) can only be used in WITH and RETURN", expr.position);
        }
        if (inAggregate) {
            throw syntaxError("NestedAggregation", "an aggregate cannot contain another aggregate", expr.position);
        }
        return;
    case ExprKind::Function: {
        // exists((a)-->(b)) is the pattern predicate itself.
        if (expr.children.size() == 1 && expr.children[0] &&
            (expr.children[0]->kind == ExprKind::PatternPredicate || expr.children[0]->kind == ExprKind::Exists) &&
            isExistsName(expr.name)) {
            ast::ExprPtr inner = std::move(expr.children[0]);
            const std::string text = expr.text;
            expr = std::move(*inner);
            expr.text = text;
            bind(expr, scope, context, inAggregate);
            return;
        }
        if (isAggregateFunction(expr.name)) {
            if (context != ExprContext::Projection) {
                throw syntaxError("InvalidAggregation",
                                  fmt::format("aggregate function {}() can only be used in WITH and RETURN", expr.name),
                                  expr.position);
            }
            if (inAggregate) {
                throw syntaxError("NestedAggregation", "an aggregate cannot contain another aggregate", expr.position);
            }
            const bool percentile = expr.name.size() > 10 && (expr.name.find("ercentile") != std::string::npos);
            const size_t wanted = percentile ? 2 : 1;
            if (expr.children.size() != wanted) {
                throw syntaxError("InvalidNumberOfArguments",
                                  fmt::format("{}() takes {} argument{}, got {}", expr.name, wanted, wanted == 1 ? "" : "s",
                                              expr.children.size()),
                                  expr.position);
            }
            bindChildren(true);
            return;
        }
        const ScalarFunction* function = findScalarFunction(expr.name);
        if (function == nullptr) {
            throw syntaxError("UnknownFunction", fmt::format("unknown function '{}'", expr.name), expr.position);
        }
        const auto count = static_cast<uint32_t>(expr.children.size());
        if (count < function->minArgs || (function->maxArgs != kVariadic && count > function->maxArgs)) {
            throw syntaxError("InvalidNumberOfArguments",
                              fmt::format("{}() takes {} argument(s), got {}", function->name,
                                          function->minArgs == function->maxArgs
                                              ? std::to_string(function->minArgs)
                                              : fmt::format("{} to {}", function->minArgs,
                                                            function->maxArgs == kVariadic ? std::string("any")
                                                                                           : std::to_string(function->maxArgs)),
                                          count),
                              expr.position);
        }
        expr.function = function;
        bindChildren(inAggregate);
        checkStaticTypes(expr, scope);
        foldConstantCall(expr);
        return;
    }
    case ExprKind::ListComprehension:
    case ExprKind::Quantifier: {
        bind(*expr.children[0], scope, context, inAggregate);
        expr.slot = -2 - nextLocal_++;
        if (const std::optional<ValueType> element = elementType(*expr.children[0])) {
            localTypes_[expr.slot] = *element;
        }
        locals_.emplace_back(expr.name, expr.slot);
        for (size_t i = 1; i < expr.children.size(); ++i) {
            if (expr.children[i]) {
                bind(*expr.children[i], scope, context, inAggregate);
            }
        }
        locals_.pop_back();
        return;
    }
    case ExprKind::Reduce: {
        bind(*expr.children[0], scope, context, inAggregate);
        bind(*expr.children[1], scope, context, inAggregate);
        expr.slot2 = -2 - nextLocal_++;
        expr.slot = -2 - nextLocal_++;
        locals_.emplace_back(expr.name, expr.slot2);
        locals_.emplace_back(expr.name2, expr.slot);
        bind(*expr.children[2], scope, context, inAggregate);
        locals_.pop_back();
        locals_.pop_back();
        return;
    }
    case ExprKind::PatternPredicate:
    case ExprKind::PatternComprehension:
    case ExprKind::Exists:
        bindPatternExpression(expr, scope);
        return;
    case ExprKind::Not:
        bindChildren(inAggregate);
        checkBooleanOperand(*expr.children[0], "NOT");
        return;
    case ExprKind::Binary:
        bindChildren(inAggregate);
        if (expr.op == ast::BinaryOp::In) {
            const Expr& list = *expr.children[1];
            const bool literalNonList = list.kind == ExprKind::Literal && !list.value.isNull() &&
                                        list.value.type() != ValueType::List;
            if (literalNonList || list.kind == ExprKind::Map) {
                throw syntaxError("InvalidArgumentType", fmt::format("IN needs a list, not '{}'", list.text), list.position);
            }
        }
        if (expr.op == ast::BinaryOp::And || expr.op == ast::BinaryOp::Or || expr.op == ast::BinaryOp::Xor) {
            checkBooleanOperand(*expr.children[0], ast::binaryOpText(expr.op));
            checkBooleanOperand(*expr.children[1], ast::binaryOpText(expr.op));
        }
        checkStaticTypes(expr, scope);
        return;
    case ExprKind::MapProjection:
        bindChildren(inAggregate);
        for (auto& item : expr.mapItems) {
            if (item.value) {
                bind(*item.value, scope, context, inAggregate);
            }
        }
        return;
    default:
        bindChildren(inAggregate);
        checkStaticTypes(expr, scope);
        return;
    }
}

void Planner::bindPatternExpression(Expr& expr, const Scope& scope) {
    if (expr.kind == ExprKind::Exists && expr.subquery) {
        // EXISTS { MATCH ... WITH ... RETURN ... }: the clauses run per outer row; any row is true.
        auto [subplan, innerScope] = startSubplan(scope);
        Plan plan{std::move(subplan->root), std::move(innerScope)};
        auto outerPending = std::move(pending_);
        pending_.clear();
        std::vector<std::string> columns;
        planClauses(plan, *expr.subquery, columns, true);
        pending_ = std::move(outerPending);
        subplan->root = std::move(plan.root);
        expr.subplan = static_cast<int32_t>(prepared_.subplans.size());
        prepared_.subplans.push_back(std::move(subplan));
        return;
    }
    // Comprehension variables the pattern names as nodes come into the sub-plan as extra columns.
    std::vector<std::pair<std::string, int32_t>> usedLocals;
    for (const auto& part : expr.pattern) {
        for (const auto& node : part.nodes) {
            for (auto it = locals_.rbegin(); it != locals_.rend(); ++it) {
                const bool seen = std::any_of(usedLocals.begin(), usedLocals.end(),
                                              [&](const auto& used) { return used.first == it->first; });
                if (node.variable == it->first && !seen) {
                    usedLocals.push_back(*it);
                    break;
                }
            }
        }
    }
    if (expr.kind == ExprKind::PatternPredicate) {
        // A pattern used as a predicate cannot introduce variables.
        for (const auto& part : expr.pattern) {
            auto check = [&](const std::string& name, SourcePosition position) {
                const bool local = std::any_of(usedLocals.begin(), usedLocals.end(),
                                               [&](const auto& used) { return used.first == name; });
                if (!name.empty() && scope.find(name) == nullptr && !local) {
                    throw syntaxError("UndefinedVariable",
                                      fmt::format("variable '{}' is not defined (a pattern predicate cannot introduce "
                                                  "new variables)",
                                                  name),
                                      position);
                }
            };
            for (const auto& node : part.nodes) {
                check(node.variable, node.position);
            }
            for (const auto& rel : part.rels) {
                check(rel.variable, rel.position);
            }
        }
    }
    auto [subplan, innerScope] = startSubplan(scope);
    Plan plan{std::move(subplan->root), std::move(innerScope)};
    if (!usedLocals.empty()) {
        for (const auto& [name, slot] : usedLocals) {
            plan.scope.add(name, VarKind::Value);
            subplan->locals.push_back(slot);
        }
        subplan->argument->setOutputWidth(plan.scope.width());
    }
    std::vector<size_t> relSlots;
    std::vector<size_t> relListSlots;
    auto outerPending = std::move(pending_);
    pending_.clear();
    planPattern(plan, expr.pattern, relSlots, relListSlots);
    pending_ = std::move(outerPending);
    const bool comprehension = expr.kind == ExprKind::PatternComprehension;
    if (!expr.children.empty() && expr.children[0]) {
        bind(*expr.children[0], plan.scope);
        addFilter(plan, expr.children[0].get());
    }
    if (comprehension) {
        ast::Expr& projection = *expr.children[1];
        bind(projection, plan.scope);
        const size_t slot = plan.scope.addHidden();
        auto project = std::make_unique<Project>(std::vector<const ast::Expr*>{&projection}, std::vector<size_t>{slot});
        plan.root = wrap(std::move(plan.root), std::move(project), plan.scope.width());
        subplan->resultSlot = static_cast<int32_t>(slot);
    }
    subplan->root = std::move(plan.root);
    expr.subplan = static_cast<int32_t>(prepared_.subplans.size());
    prepared_.subplans.push_back(std::move(subplan));
}

std::pair<std::unique_ptr<Subplan>, Scope> Planner::startSubplan(const Scope& outer) {
    auto subplan = std::make_unique<Subplan>();
    auto argument = std::make_unique<ArgumentOperator>();
    argument->setOutputWidth(outer.width());
    subplan->argument = argument.get();
    subplan->root = std::move(argument);
    return {std::move(subplan), outer};
}

void Planner::addFilter(Plan& plan, ast::Expr* predicate) {
    const std::optional<ValueType> type = staticType(*predicate, plan.scope);
    if (type && *type != ValueType::Bool) {
        throw syntaxError("InvalidArgumentType",
                          fmt::format("a predicate must be a boolean, not a {} ('{}')", valueTypeName(*type), predicate->text),
                          predicate->position);
    }
    plan.root = wrap(std::move(plan.root), std::make_unique<Filter>(predicate), plan.scope.width());
}

std::unique_ptr<Operator> Planner::wrap(std::unique_ptr<Operator> child, std::unique_ptr<Operator> parent, size_t width) {
    parent->addChild(std::move(child));
    parent->setOutputWidth(width);
    return parent;
}

void Planner::checkNewVariable(const Scope& scope, const std::string& name, VarKind kind, SourcePosition position) {
    const ScopeVariable* existing = scope.find(name);
    if (existing == nullptr) {
        return;
    }
    if (existing->kind != kind) {
        throw syntaxError("VariableTypeConflict",
                          fmt::format("variable '{}' is a {}, not a {}", name, varKindName(existing->kind), varKindName(kind)),
                          position);
    }
}

} // namespace newsgraph
