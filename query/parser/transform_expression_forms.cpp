// Expressions with their own syntax: CASE, comprehensions, quantifiers, reduce, pattern
// expressions, EXISTS subqueries and map projections.
#include <fmt/format.h>

#include "query/parser/transform_context.hpp"

namespace newsgraph::parser::detail {

namespace {

using ast::ExprKind;
using ast::ExprPtr;

std::string lowerCase(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

} // namespace

// children: [subject], when1, then1, ..., [else].
ExprPtr Transformer::caseExpression(const syntax::CaseExpression& expr, uint32_t depth) {
    auto node = makeNode(ExprKind::Case, start(expr), end(expr));
    if (expr.subject) {
        node->caseHasSubject = true;
        node->children.push_back(expression(*expr.subject, depth + 1));
    }
    for (const auto& alternative : expr.alternatives) {
        node->children.push_back(expression(alternative.when, depth + 1));
        node->children.push_back(expression(alternative.then, depth + 1));
    }
    if (expr.otherwise) {
        node->caseHasElse = true;
        node->children.push_back(expression(*expr.otherwise, depth + 1));
    }
    return node;
}

// [x IN list WHERE p | e]: children list, where (or nullptr), projection (or nullptr).
// all/any/none/single(x IN list WHERE p): children list, where (or nullptr).
ExprPtr Transformer::comprehension(const syntax::Comprehension& expr, uint32_t depth) {
    const std::string kind = lowerCase(expr.kind);
    if (kind == "list") {
        auto node = makeNode(ExprKind::ListComprehension, start(expr), end(expr));
        node->name = expr.variable.name;
        node->children.push_back(expression(expr.list, depth + 1));
        node->children.push_back(whereExpression(expr.where, depth + 1));
        node->children.push_back(optionalExpression(expr.projection, depth + 1));
        return node;
    }
    auto node = makeNode(ExprKind::Quantifier, start(expr), end(expr));
    if (kind == "all") {
        node->quantifier = ast::QuantifierKind::All;
    } else if (kind == "any") {
        node->quantifier = ast::QuantifierKind::Any;
    } else if (kind == "none") {
        node->quantifier = ast::QuantifierKind::None;
    } else {
        node->quantifier = ast::QuantifierKind::Single;
    }
    node->name = expr.variable.name;
    node->children.push_back(expression(expr.list, depth + 1));
    node->children.push_back(whereExpression(expr.where, depth + 1));
    return node;
}

// reduce(acc = init, x IN list | e): name acc, name2 x, children init, list, e.
ExprPtr Transformer::reduce(const syntax::Reduce& expr, uint32_t depth) {
    auto node = makeNode(ExprKind::Reduce, start(expr), end(expr));
    node->name = expr.accumulator.name;
    node->name2 = expr.variable.name;
    node->children.push_back(expression(expr.init, depth + 1));
    node->children.push_back(expression(expr.list, depth + 1));
    node->children.push_back(expression(expr.expression, depth + 1));
    return node;
}

// [p = pattern WHERE w | e]: name p (may be empty), pattern, children where (or nullptr), e.
ExprPtr Transformer::patternComprehension(const syntax::PatternComprehension& expr, uint32_t depth) {
    auto node = makeNode(ExprKind::PatternComprehension, start(expr), end(expr));
    if (expr.pathVariable) {
        node->name = expr.pathVariable->name;
    }
    ast::PatternPart part = patternElement(expr.element, depth + 1);
    part.pathVariable = node->name;
    node->pattern.push_back(std::move(part));
    node->children.push_back(whereExpression(expr.where, depth + 1));
    node->children.push_back(expression(expr.projection, depth + 1));
    return node;
}

// A pattern is a predicate only: outside a WHERE condition (RETURN (a)-->(), size((a)-->()))
// it is a SyntaxError, as in the TCK.
ExprPtr Transformer::patternPredicate(const syntax::PatternPredicate& expr, uint32_t depth) {
    if (whereNesting_ == 0) {
        fail("UnexpectedSyntax",
             fmt::format("a pattern expression can only be used as a predicate in WHERE: '{}'", textOf(expr)),
             start(expr));
    }
    auto node = makeNode(ExprKind::PatternPredicate, start(expr), end(expr));
    node->pattern.push_back(patternElement(expr.element, depth + 1));
    return node;
}

// EXISTS { pattern WHERE w } keeps the pattern form; so does EXISTS { MATCH pattern WHERE w }.
// Any other body (WITH, RETURN, several clauses) becomes a subquery.
ExprPtr Transformer::existsSubquery(const syntax::ExistsSubquery& expr, uint32_t depth) {
    auto node = makeNode(ExprKind::Exists, start(expr), end(expr));
    if (expr.clauses.empty()) {
        node->pattern = pattern(expr.pattern, depth + 1);
        node->children.push_back(whereExpression(expr.where, depth + 1));
        return node;
    }
    ast::SingleQuery query = singleQuery(expr.clauses, depth + 1);
    const bool simpleMatch = query.clauses.size() == 1 && query.clauses[0].kind == ast::ClauseKind::Match &&
                             !query.clauses[0].optional;
    if (simpleMatch) {
        node->pattern = std::move(query.clauses[0].pattern);
        node->children.push_back(std::move(query.clauses[0].where));
        return node;
    }
    node->subquery = std::make_unique<ast::SingleQuery>(std::move(query));
    return node;
}

ExprPtr Transformer::mapProjection(const syntax::MapProjection& expr, uint32_t depth) {
    auto node = makeNode(ExprKind::MapProjection, start(expr), end(expr));
    node->name = expr.variable.name;
    // The projected variable is the node's one child, bound and evaluated like any variable.
    auto base = ast::makeVariable(expr.variable.name, node->position);
    base->text = expr.variable.name;
    node->children.push_back(std::move(base));
    for (const auto& item : expr.items) {
        ast::MapProjectionItem out;
        out.key = item.key;
        if (item.kind == "*") {
            out.kind = ast::MapItemKind::AllProperties;
        } else if (item.kind == ".") {
            out.kind = ast::MapItemKind::Property;
        } else if (item.kind == ":") {
            out.kind = ast::MapItemKind::Literal;
            if (!item.value) {
                fail("UnexpectedSyntax", fmt::format("map projection entry '{}' has no value", item.key), start(item));
            }
            out.value = expression(*item.value, depth + 1);
        } else {
            // `{x}`: the entry x with the value of variable x.
            out.kind = ast::MapItemKind::Variable;
            out.value = ast::makeVariable(item.key, position(start(item)));
            out.value->text = item.key;
        }
        node->mapItems.push_back(std::move(out));
    }
    return node;
}

} // namespace newsgraph::parser::detail
