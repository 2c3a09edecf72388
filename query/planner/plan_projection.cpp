#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "query/planner/planner_impl.hpp"

namespace newsgraph {

namespace {

using ast::Expr;
using ast::ExprKind;

VarKind kindOfItem(const Expr& expr, const Scope& scope) {
    if (expr.kind == ExprKind::Variable) {
        if (const ScopeVariable* variable = scope.find(expr.name)) {
            return variable->kind;
        }
    }
    return VarKind::Value;
}

// Collects the aggregate calls of an expression (not looking inside them).
// Whether `expr` calls rand(): an aggregate over random values has no defined answer.
bool callsRand(const Expr& expr) {
    if (expr.kind == ExprKind::Function && fnsupport::equalsIgnoreCase(expr.name, "rand")) {
        return true;
    }
    return std::any_of(expr.children.begin(), expr.children.end(),
                       [](const ast::ExprPtr& child) { return child && callsRand(*child); });
}

void collectAggregates(Expr& expr, std::vector<Expr*>& out, bool inComprehension = false) {
    if (isAggregateCall(expr) && callsRand(expr)) {
        throw syntaxError("NonConstantExpression",
                          fmt::format("an aggregate cannot take a random value ('{}')", expr.text), expr.position);
    }
    if (isAggregateCall(expr)) {
        if (inComprehension) {
            // An aggregate per list element has no group to aggregate over (List12).
            throw syntaxError("InvalidAggregation",
                              fmt::format("an aggregate cannot be used inside a list comprehension, quantifier or reduce "
                                          "('{}')",
                                          expr.text),
                              expr.position);
        }
        out.push_back(&expr);
        return;
    }
    const bool iterates = expr.kind == ExprKind::ListComprehension || expr.kind == ExprKind::Quantifier ||
                          expr.kind == ExprKind::Reduce;
    for (size_t i = 0; i < expr.children.size(); ++i) {
        if (expr.children[i]) {
            // The list a comprehension iterates (its first child; reduce's first two) is outside it.
            const size_t outside = expr.kind == ExprKind::Reduce ? 2 : 1;
            collectAggregates(*expr.children[i], out, inComprehension || (iterates && i >= outside));
        }
    }
    for (auto& item : expr.mapItems) {
        if (item.value) {
            collectAggregates(*item.value, out, inComprehension);
        }
    }
}

} // namespace

void Planner::planUnwind(Plan& plan, ast::Clause& clause) {
    bind(*clause.expression, plan.scope);
    if (plan.scope.find(clause.variable) != nullptr) {
        throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", clause.variable),
                          clause.position);
    }
    const size_t slot = plan.scope.add(clause.variable, VarKind::Value);
    plan.root = wrap(std::move(plan.root), std::make_unique<Unwind>(clause.expression.get(), slot), plan.scope.width());
}

namespace {

// After aggregation only the items are in scope: ORDER BY a.name, with a.name a grouping key,
// means that item's column. Sub-expressions written exactly as a grouping key item are replaced by
// a reference to its alias (what Neo4j accepts); anything else must be bound as written.
// Beside an aggregate (me.age + count(*)) only a key that is a property access may be referred to
// (Return6, With6, ReturnOrderBy6: me.age + you.age + count(*) is ambiguous even when
// me.age + you.age is a key).
void referToGroupingKeys(ast::ExprPtr& expr, const ast::Projection& projection, bool besideAggregate = false) {
    if (expr && isAggregateCall(*expr)) {
        return; // its argument was bound before the aggregation and is evaluated there
    }
    if (!expr || containsAggregate(*expr)) {
        if (expr) {
            for (ast::ExprPtr& child : expr->children) {
                referToGroupingKeys(child, projection, true);
            }
        }
        return;
    }
    for (const ast::ProjectionItem& item : projection.items) {
        const bool referable = !besideAggregate || item.expression->kind == ExprKind::Property;
        if (referable && !expr->text.empty() && expr->kind != ExprKind::Variable && expr->kind != ExprKind::Literal &&
            !containsAggregate(*item.expression) && item.expression->text == expr->text) {
            auto reference = ast::makeVariable(item.alias, expr->position);
            reference->text = expr->text;
            expr = std::move(reference);
            return;
        }
    }
    for (ast::ExprPtr& child : expr->children) {
        referToGroupingKeys(child, projection, besideAggregate);
    }
}

// Whether `expr` repeats a grouping key that is more than a property access (me.age + you.age),
// which an expression beside an aggregate may not use.
bool mentionsComplexKey(const Expr& expr, const ast::Projection& projection) {
    for (const ast::ProjectionItem& item : projection.items) {
        const Expr& key = *item.expression;
        if (key.kind != ExprKind::Property && key.kind != ExprKind::Variable && !containsAggregate(key) &&
            !expr.text.empty() && key.text == expr.text) {
            return true;
        }
    }
    return std::any_of(expr.children.begin(), expr.children.end(),
                       [&](const ast::ExprPtr& child) { return child && mentionsComplexKey(*child, projection); });
}

// Every variable `expr` reads that was in scope before the projection must be one of its items.
void requireProjectedNames(const Expr& expr, const ast::Projection& projection, const Scope& before) {
    if (expr.kind == ExprKind::Variable) {
        const bool item = std::any_of(projection.items.begin(), projection.items.end(),
                                      [&](const ast::ProjectionItem& projected) { return projected.alias == expr.name; });
        if (!item && before.find(expr.name) != nullptr) {
            throw syntaxError("UndefinedVariable",
                              fmt::format("variable '{}' is not projected by DISTINCT and cannot order it", expr.name),
                              expr.position);
        }
        return;
    }
    for (const auto& child : expr.children) {
        if (child) {
            requireProjectedNames(*child, projection, before);
        }
    }
}

} // namespace

void Planner::planProjection(Plan& plan, ast::Clause& clause, bool isReturn, std::vector<std::string>* columns) {
    ast::Projection& projection = clause.projection;
    // RETURN * / WITH *: every named variable, by name.
    if (projection.star) {
        std::vector<ast::ProjectionItem> starItems;
        std::set<std::string> names;
        for (const ScopeVariable& variable : plan.scope.variables()) {
            names.insert(variable.name);
        }
        for (const std::string& name : names) {
            ast::ProjectionItem item;
            item.expression = ast::makeVariable(name, clause.position);
            item.expression->text = name;
            item.alias = name;
            starItems.push_back(std::move(item));
        }
        if (starItems.empty() && projection.items.empty()) {
            const bool plain = !projection.distinct && projection.order.empty() && !projection.skip && !projection.limit;
            if (isReturn || !plain) {
                throw syntaxError("NoVariablesInScope", "RETURN * needs at least one variable in scope", clause.position);
            }
            // WITH * over anonymous patterns only (MATCH () CREATE () WITH * CREATE ()): the rows go on.
            if (clause.where) {
                bind(*clause.where, plan.scope);
                addFilter(plan, clause.where.get());
            }
            return;
        }
        for (auto& item : projection.items) {
            starItems.push_back(std::move(item));
        }
        projection.items = std::move(starItems);
        projection.star = false;
    }
    std::set<std::string> aliases;
    for (const ast::ProjectionItem& item : projection.items) {
        if (!isReturn && !item.aliased && item.expression->kind != ExprKind::Variable) {
            throw syntaxError("NoExpressionAlias", fmt::format("expression '{}' in WITH needs an alias (AS name)",
                                                               item.expression->text),
                              item.position);
        }
        if (!aliases.insert(item.alias).second) {
            throw syntaxError("ColumnNameConflict", fmt::format("column name '{}' is used twice", item.alias),
                              item.position);
        }
    }
    const bool aggregating = std::any_of(projection.items.begin(), projection.items.end(),
                                         [](const ast::ProjectionItem& item) { return containsAggregate(*item.expression); });
    const Scope before = plan.scope;
    Scope after;
    std::vector<size_t> itemSlots;

    if (aggregating) {
        std::vector<const Expr*> keys;
        std::vector<size_t> keySlots;
        std::vector<AggregateSpec> aggregates;
        std::vector<size_t> aggregateItems;
        // Grouping keys first: their columns come first in the new scope.
        for (size_t i = 0; i < projection.items.size(); ++i) {
            ast::ProjectionItem& item = projection.items[i];
            if (containsAggregate(*item.expression)) {
                aggregateItems.push_back(i);
                continue;
            }
            bind(*item.expression, before, ExprContext::Plain);
            keys.push_back(item.expression.get());
            const size_t slot = after.add(item.alias, kindOfItem(*item.expression, before));
            keySlots.push_back(slot);
        }
        itemSlots.assign(projection.items.size(), 0);
        for (size_t k = 0, i = 0; i < projection.items.size(); ++i) {
            if (!containsAggregate(*projection.items[i].expression)) {
                itemSlots[i] = keySlots[k++];
            }
        }
        // Aggregate calls get hidden columns; the items around them are evaluated afterwards.
        std::vector<std::pair<size_t, Expr*>> calls;
        for (size_t i : aggregateItems) {
            std::vector<Expr*> found;
            collectAggregates(*projection.items[i].expression, found);
            for (Expr* call : found) {
                bind(*call, before, ExprContext::Projection);
                calls.emplace_back(i, call);
            }
        }
        // Also aggregates in ORDER BY (when they are not items themselves).
        std::vector<Expr*> orderCalls;
        for (ast::SortItem& sort : projection.order) {
            collectAggregates(*sort.expression, orderCalls);
        }
        for (Expr* call : orderCalls) {
            // After WITH only what it projects is in scope: an aggregate it does not project
            // cannot order it (WithOrderBy4); RETURN's ORDER BY may aggregate further.
            const bool projected = std::any_of(projection.items.begin(), projection.items.end(),
                                               [&](const ast::ProjectionItem& item) {
                                                   return item.expression->text == call->text;
                                               });
            if (!isReturn && !projected) {
                throw syntaxError("UndefinedVariable",
                                  fmt::format("WITH ... ORDER BY can only use aggregates the WITH projects, not '{}'",
                                              call->text),
                                  call->position);
            }
            bind(*call, before, ExprContext::Projection);
        }
        Scope aggregated = after;
        for (auto& [item, call] : calls) {
            const size_t slot = aggregated.addHidden();
            aggregates.push_back(AggregateSpec{call, call->kind == ExprKind::CountStar, call->name, call->distinct, slot});
            call->aggregate = static_cast<int32_t>(slot);
        }
        for (Expr* call : orderCalls) {
            const size_t slot = aggregated.addHidden();
            aggregates.push_back(AggregateSpec{call, call->kind == ExprKind::CountStar, call->name, call->distinct, slot});
            call->aggregate = static_cast<int32_t>(slot);
        }
        auto aggregate = std::make_unique<Aggregate>(keys, keySlots, aggregates);
        // Every key item and hidden aggregate column lives in `aggregated`; items with aggregates follow.
        plan.root = wrap(std::move(plan.root), std::move(aggregate), aggregated.width());
        std::vector<const Expr*> post;
        std::vector<size_t> postSlots;
        for (size_t i : aggregateItems) {
            ast::ProjectionItem& item = projection.items[i];
            // me.age + count(you.age) beside the key me.age reads the key's column (Return6, With6).
            referToGroupingKeys(item.expression, projection);
            try {
                bind(*item.expression, aggregated, ExprContext::Plain);
            } catch (const QueryError& error) {
                if (error.detail() == "UndefinedVariable") {
                    throw syntaxError("AmbiguousAggregationExpression",
                                      fmt::format("expression '{}' mixes aggregation with values that are not grouping keys",
                                                  item.expression->text),
                                      item.position);
                }
                throw;
            }
            const size_t slot = aggregated.add(item.alias, VarKind::Value);
            post.push_back(item.expression.get());
            postSlots.push_back(slot);
            itemSlots[i] = slot;
        }
        if (!post.empty()) {
            plan.root = wrap(std::move(plan.root), std::make_unique<Project>(post, postSlots), aggregated.width());
        }
        plan.scope = aggregated;
        for (ast::SortItem& sort : projection.order) {
            referToGroupingKeys(sort.expression, projection);
            try {
                bind(*sort.expression, plan.scope);
            } catch (const QueryError& error) {
                if (error.detail() == "UndefinedVariable" && containsAggregate(*sort.expression) &&
                    mentionsComplexKey(*sort.expression, projection)) {
                    throw syntaxError("AmbiguousAggregationExpression",
                                      fmt::format("ORDER BY '{}' mixes aggregation with values that are not grouping keys",
                                                  sort.expression->text),
                                      sort.expression->position);
                }
                throw;
            }
        }
    } else {
        for (ast::ProjectionItem& item : projection.items) {
            bind(*item.expression, before, ExprContext::Plain);
        }
        std::vector<const Expr*> expressions;
        for (ast::ProjectionItem& item : projection.items) {
            // A plain variable keeps its column; anything else is computed into a new one.
            expressions.push_back(item.expression.get());
            itemSlots.push_back(
                plan.scope.add(item.alias, kindOfItem(*item.expression, before), staticType(*item.expression, before)));
        }
        plan.root = wrap(std::move(plan.root), std::make_unique<Project>(expressions, itemSlots), plan.scope.width());
        // ORDER BY sees the projected names first, then the variables from before.
        Scope sortScope = before;
        for (size_t i = 0; i < projection.items.size(); ++i) {
            sortScope.add(projection.items[i].alias, kindOfItem(*projection.items[i].expression, before));
        }
        for (ast::SortItem& sort : projection.order) {
            if (projection.distinct) {
                // After DISTINCT only the projected values exist: ORDER BY a.name may repeat an
                // item, ORDER BY a.age (not projected) is undefined (ReturnOrderBy2).
                referToGroupingKeys(sort.expression, projection);
                requireProjectedNames(*sort.expression, projection, before);
                bind(*sort.expression, plan.scope);
            } else {
                bind(*sort.expression, sortScope);
            }
        }
    }
    if (projection.distinct) {
        plan.root = wrap(std::move(plan.root), std::make_unique<Distinct>(itemSlots), plan.scope.width());
    }
    if (!projection.order.empty()) {
        std::vector<SortKey> keys;
        for (const ast::SortItem& sort : projection.order) {
            keys.push_back(SortKey{sort.expression.get(), sort.descending});
        }
        plan.root = wrap(std::move(plan.root), std::make_unique<Sort>(std::move(keys)), plan.scope.width());
    }
    const Scope empty;
    for (ast::ExprPtr* count : {&projection.skip, &projection.limit}) {
        if (*count) {
            try {
                bind(**count, empty);
            } catch (const QueryError& error) {
                if (error.detail() == "UndefinedVariable") {
                    throw syntaxError("NonConstantExpression", "SKIP and LIMIT need a constant expression",
                                      (*count)->position);
                }
                throw;
            }
            if ((*count)->kind == ExprKind::Literal) {
                const Value& value = (*count)->value;
                if (value.type() != ValueType::Int) {
                    throw syntaxError("InvalidArgumentType", "SKIP and LIMIT need an integer", (*count)->position);
                }
                if (value.asInt() < 0) {
                    throw syntaxError("NegativeIntegerArgument", "SKIP and LIMIT need a non-negative integer",
                                      (*count)->position);
                }
            }
        }
    }
    if (projection.skip || projection.limit) {
        plan.root = wrap(std::move(plan.root), std::make_unique<SkipLimit>(projection.skip.get(), projection.limit.get()),
                         plan.scope.width());
    }
    // WITH ... WHERE without aggregation or DISTINCT filters the projected rows and may still read
    // the variables from before the projection (TriadicSelection1: WITH c WHERE r IS NULL).
    const bool whereSeesBefore = clause.where && !aggregating && !projection.distinct;
    if (whereSeesBefore) {
        bind(*clause.where, plan.scope);
        addFilter(plan, clause.where.get());
    }
    // Keep only the items, in order.
    Scope next;
    for (size_t i = 0; i < projection.items.size(); ++i) {
        const ast::ProjectionItem& item = projection.items[i];
        const ScopeVariable* variable = plan.scope.find(item.alias);
        next.add(item.alias, variable != nullptr ? variable->kind : VarKind::Value,
                 variable != nullptr ? variable->valueType : std::nullopt);
    }
    plan.root = wrap(std::move(plan.root), std::make_unique<Select>(itemSlots), next.width());
    plan.scope = std::move(next);
    if (columns != nullptr) {
        for (const ast::ProjectionItem& item : projection.items) {
            columns->push_back(item.alias);
        }
    }
    if (clause.where && !whereSeesBefore) {
        // WITH DISTINCT a.name AS name WHERE a.name = 'B' reads the item (WithWhere1).
        referToGroupingKeys(clause.where, projection);
        bind(*clause.where, plan.scope);
        addFilter(plan, clause.where.get());
    }
}

} // namespace newsgraph
