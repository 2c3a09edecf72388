#include "query/ast/statement.hpp"

namespace newsgraph::ast {

namespace {

ExprPtr cloneOrNull(const ExprPtr& expr) {
    return expr ? expr->clone() : nullptr;
}

std::vector<ExprPtr> cloneAll(const std::vector<ExprPtr>& exprs) {
    std::vector<ExprPtr> copies;
    copies.reserve(exprs.size());
    for (const auto& expr : exprs) {
        copies.push_back(cloneOrNull(expr));
    }
    return copies;
}

std::vector<PatternPart> cloneAll(const std::vector<PatternPart>& parts) {
    std::vector<PatternPart> copies;
    copies.reserve(parts.size());
    for (const auto& part : parts) {
        copies.push_back(part.clone());
    }
    return copies;
}

std::vector<SetItem> cloneAll(const std::vector<SetItem>& items) {
    std::vector<SetItem> copies;
    copies.reserve(items.size());
    for (const auto& item : items) {
        copies.push_back(SetItem{item.kind, cloneOrNull(item.target), item.variable, item.labels,
                                 cloneOrNull(item.value), item.position});
    }
    return copies;
}

std::vector<RemoveItem> cloneAll(const std::vector<RemoveItem>& items) {
    std::vector<RemoveItem> copies;
    copies.reserve(items.size());
    for (const auto& item : items) {
        copies.push_back(RemoveItem{item.kind, cloneOrNull(item.target), item.variable, item.labels, item.position});
    }
    return copies;
}

Projection cloneProjection(const Projection& projection) {
    Projection copy;
    copy.distinct = projection.distinct;
    copy.star = projection.star;
    copy.items.reserve(projection.items.size());
    for (const auto& item : projection.items) {
        copy.items.push_back(ProjectionItem{cloneOrNull(item.expression), item.alias, item.aliased, item.position});
    }
    copy.order.reserve(projection.order.size());
    for (const auto& item : projection.order) {
        copy.order.push_back(SortItem{cloneOrNull(item.expression), item.descending});
    }
    copy.skip = cloneOrNull(projection.skip);
    copy.limit = cloneOrNull(projection.limit);
    return copy;
}

} // namespace

Clause Clause::clone() const {
    Clause copy;
    copy.kind = kind;
    copy.position = position;
    copy.optional = optional;
    copy.pattern = cloneAll(pattern);
    copy.where = cloneOrNull(where);
    copy.expression = cloneOrNull(expression);
    copy.variable = variable;
    copy.projection = cloneProjection(projection);
    copy.setItems = cloneAll(setItems);
    copy.onCreate = cloneAll(onCreate);
    copy.onMatch = cloneAll(onMatch);
    copy.removeItems = cloneAll(removeItems);
    copy.detach = detach;
    copy.deleteExpressions = cloneAll(deleteExpressions);
    copy.procedure = procedure;
    copy.implicitArguments = implicitArguments;
    copy.arguments = cloneAll(arguments);
    copy.yieldStar = yieldStar;
    copy.hasYield = hasYield;
    copy.yields = yields;
    return copy;
}

SingleQuery SingleQuery::clone() const {
    SingleQuery copy;
    copy.clauses.reserve(clauses.size());
    for (const auto& clause : clauses) {
        copy.clauses.push_back(clause.clone());
    }
    return copy;
}

} // namespace newsgraph::ast
