// Clauses: MATCH, UNWIND, WITH, RETURN, CREATE, SET, REMOVE, DELETE, MERGE, CALL.
#include <fmt/format.h>

#include "query/parser/transform_context.hpp"

namespace newsgraph::parser::detail {

namespace {

using ast::ClauseKind;

bool startsWithNoCase(const std::string& text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (size_t i = 0; i < prefix.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
        if (c != prefix[i]) {
            return false;
        }
    }
    return true;
}

ast::Projection projection(Transformer& transformer, const syntax::ProjectionBody& body, uint32_t depth) {
    ast::Projection out;
    out.distinct = body.distinct;
    out.star = body.items.star == "*";
    for (const auto& item : body.items.items) {
        ast::ProjectionItem projected;
        projected.expression = transformer.expression(item.expression, depth);
        projected.position = transformer.position(item);
        if (item.alias) {
            projected.alias = item.alias->name;
            projected.aliased = true;
        } else {
            projected.alias = projected.expression->text;
        }
        out.items.push_back(std::move(projected));
    }
    for (const auto& item : body.order) {
        ast::SortItem sort;
        sort.expression = transformer.expression(item.expression, depth);
        sort.descending = item.direction && startsWithNoCase(*item.direction, "desc");
        out.order.push_back(std::move(sort));
    }
    out.skip = transformer.optionalExpression(body.skip, depth);
    out.limit = transformer.optionalExpression(body.limit, depth);
    return out;
}

// The target of SET n.key = ... and REMOVE n.key must be a property lookup.
ast::ExprPtr propertyTarget(Transformer& transformer, const syntax::Expression& target, const char* clause,
                            uint32_t depth) {
    ast::ExprPtr expr = transformer.expression(target, depth);
    if (expr->kind != ast::ExprKind::Property) {
        transformer.fail("UnexpectedSyntax",
                         fmt::format("invalid {} target '{}': expected a property such as n.name", clause, expr->text),
                         transformer.start(target));
    }
    return expr;
}

struct SetItemVisitor {
    using result_type = ast::SetItem;
    Transformer& transformer;
    uint32_t depth;

    ast::SetItem operator()(const syntax::SetProperty& item) const {
        ast::SetItem out;
        out.kind = ast::SetKind::Property;
        out.position = transformer.position(item);
        out.target = propertyTarget(transformer, item.target, "SET", depth);
        out.value = transformer.expression(item.value, depth);
        return out;
    }
    ast::SetItem operator()(const syntax::SetVariable& item) const {
        ast::SetItem out;
        out.kind = item.op == "+=" ? ast::SetKind::MergeProperties : ast::SetKind::ReplaceProperties;
        out.position = transformer.position(item);
        out.variable = item.variable.name;
        out.value = transformer.expression(item.value, depth);
        return out;
    }
    ast::SetItem operator()(const syntax::SetLabels& item) const {
        ast::SetItem out;
        out.kind = ast::SetKind::Labels;
        out.position = transformer.position(item);
        out.variable = item.variable.name;
        out.labels = item.labels;
        return out;
    }
};

std::vector<ast::SetItem> setItems(Transformer& transformer, const std::vector<syntax::SetItem>& items,
                                   uint32_t depth) {
    std::vector<ast::SetItem> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.push_back(boost::apply_visitor(SetItemVisitor{transformer, depth}, item.get()));
    }
    return out;
}

struct RemoveItemVisitor {
    using result_type = ast::RemoveItem;
    Transformer& transformer;
    uint32_t depth;

    ast::RemoveItem operator()(const syntax::RemoveLabels& item) const {
        ast::RemoveItem out;
        out.kind = ast::RemoveKind::Labels;
        out.position = transformer.position(item);
        out.variable = item.variable.name;
        out.labels = item.labels;
        return out;
    }
    ast::RemoveItem operator()(const syntax::Expression& item) const {
        ast::RemoveItem out;
        out.kind = ast::RemoveKind::Property;
        out.position = transformer.position(item);
        out.target = propertyTarget(transformer, item, "REMOVE", depth);
        return out;
    }
};

struct ClauseVisitor {
    using result_type = ast::Clause;
    Transformer& transformer;
    uint32_t depth;

    ast::Clause start(ClauseKind kind, const x3::position_tagged& node) const {
        ast::Clause clause;
        clause.kind = kind;
        clause.position = transformer.position(node);
        return clause;
    }

    ast::Clause operator()(const syntax::Match& match) const {
        ast::Clause clause = start(ClauseKind::Match, match);
        clause.optional = match.optional;
        clause.pattern = transformer.pattern(match.pattern, depth);
        clause.where = transformer.whereExpression(match.where, depth);
        return clause;
    }
    ast::Clause operator()(const syntax::Unwind& unwind) const {
        ast::Clause clause = start(ClauseKind::Unwind, unwind);
        clause.expression = transformer.expression(unwind.expression, depth);
        clause.variable = unwind.variable.name;
        return clause;
    }
    ast::Clause operator()(const syntax::With& with) const {
        ast::Clause clause = start(ClauseKind::With, with);
        clause.projection = projection(transformer, with.body, depth);
        clause.where = transformer.whereExpression(with.where, depth);
        return clause;
    }
    ast::Clause operator()(const syntax::Return& ret) const {
        ast::Clause clause = start(ClauseKind::Return, ret);
        clause.projection = projection(transformer, ret.body, depth);
        return clause;
    }
    ast::Clause operator()(const syntax::Create& create) const {
        ast::Clause clause = start(ClauseKind::Create, create);
        clause.pattern = transformer.pattern(create.pattern, depth);
        return clause;
    }
    ast::Clause operator()(const syntax::Set& set) const {
        ast::Clause clause = start(ClauseKind::Set, set);
        clause.setItems = setItems(transformer, set.items, depth);
        return clause;
    }
    ast::Clause operator()(const syntax::Remove& remove) const {
        ast::Clause clause = start(ClauseKind::Remove, remove);
        for (const auto& item : remove.items) {
            clause.removeItems.push_back(boost::apply_visitor(RemoveItemVisitor{transformer, depth}, item.get()));
        }
        return clause;
    }
    ast::Clause operator()(const syntax::Delete& del) const {
        ast::Clause clause = start(ClauseKind::Delete, del);
        clause.detach = del.detach;
        for (const auto& expr : del.expressions) {
            clause.deleteExpressions.push_back(transformer.expression(expr, depth));
        }
        return clause;
    }
    ast::Clause operator()(const syntax::Merge& merge) const {
        ast::Clause clause = start(ClauseKind::Merge, merge);
        clause.pattern.push_back(transformer.patternPart(merge.part, depth));
        for (const auto& action : merge.actions) {
            auto items = setItems(transformer, action.items, depth);
            auto& target = action.on == "create" ? clause.onCreate : clause.onMatch;
            for (auto& item : items) {
                target.push_back(std::move(item));
            }
        }
        return clause;
    }
    ast::Clause operator()(const syntax::Call& call) const {
        ast::Clause clause = start(ClauseKind::Call, call);
        for (size_t i = 0; i < call.procedure.size(); ++i) {
            clause.procedure += (i == 0 ? "" : ".") + call.procedure[i];
        }
        clause.implicitArguments = !call.args.has_value();
        if (call.args) {
            for (const auto& arg : *call.args) {
                clause.arguments.push_back(transformer.expression(arg, depth));
            }
        }
        if (call.yield) {
            clause.hasYield = true;
            clause.yieldStar = call.yield->star == "*";
            for (const auto& item : call.yield->items) {
                ast::YieldItem yield;
                yield.field = item.field.name;
                yield.alias = item.alias ? item.alias->name : item.field.name;
                yield.position = transformer.position(item);
                clause.yields.push_back(std::move(yield));
            }
            clause.where = transformer.whereExpression(call.yield->where, depth);
        }
        return clause;
    }
};

} // namespace

ast::Clause Transformer::clause(const syntax::Clause& clause, uint32_t depth) {
    return boost::apply_visitor(ClauseVisitor{*this, depth}, clause.get());
}

ast::SingleQuery Transformer::singleQuery(const std::vector<syntax::Clause>& clauses, uint32_t depth) {
    ast::SingleQuery query;
    query.clauses.reserve(clauses.size());
    for (const auto& syntaxClause : clauses) {
        if (query.clauses.size() == kMaxClauses) {
            fail("QueryTooLarge", fmt::format("a query may have at most {} clauses", kMaxClauses), start(syntaxClause));
        }
        query.clauses.push_back(clause(syntaxClause, depth));
        const ast::Clause& last = query.clauses.back();
        if (last.kind == ClauseKind::Call && last.yieldStar && clauses.size() > 1) {
            fail("UnexpectedSyntax", "YIELD * is only allowed in a standalone procedure call",
                 start(syntaxClause));
        }
    }
    return query;
}

} // namespace newsgraph::parser::detail
