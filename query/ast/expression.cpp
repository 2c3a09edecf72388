#include "query/ast/expression.hpp"

#include <utility>

#include "query/ast/pattern.hpp"
#include "query/ast/statement.hpp"

namespace newsgraph::ast {

Expr::Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;
Expr::~Expr() = default;

namespace {

ExprPtr cloneOrNull(const ExprPtr& expr) {
    return expr ? expr->clone() : nullptr;
}

} // namespace

ExprPtr Expr::clone() const {
    auto copy = std::make_unique<Expr>();
    copy->kind = kind;
    copy->position = position;
    copy->text = text;
    copy->value = value;
    copy->name = name;
    copy->name2 = name2;
    copy->op = op;
    copy->quantifier = quantifier;
    copy->distinct = distinct;
    copy->caseHasSubject = caseHasSubject;
    copy->caseHasElse = caseHasElse;
    copy->children.reserve(children.size());
    for (const auto& child : children) {
        copy->children.push_back(cloneOrNull(child));
    }
    copy->keys = keys;
    copy->labels = labels;
    copy->mapItems.reserve(mapItems.size());
    for (const auto& item : mapItems) {
        copy->mapItems.push_back(MapProjectionItem{item.kind, item.key, cloneOrNull(item.value)});
    }
    copy->pattern.reserve(pattern.size());
    for (const auto& part : pattern) {
        copy->pattern.push_back(part.clone());
    }
    if (subquery) {
        copy->subquery = std::make_unique<SingleQuery>(subquery->clone());
    }
    return copy;
}

const char* binaryOpText(BinaryOp op) {
    switch (op) {
    case BinaryOp::Or: return "OR";
    case BinaryOp::Xor: return "XOR";
    case BinaryOp::And: return "AND";
    case BinaryOp::Equal: return "=";
    case BinaryOp::NotEqual: return "<>";
    case BinaryOp::Less: return "<";
    case BinaryOp::LessEqual: return "<=";
    case BinaryOp::Greater: return ">";
    case BinaryOp::GreaterEqual: return ">=";
    case BinaryOp::StartsWith: return "STARTS WITH";
    case BinaryOp::EndsWith: return "ENDS WITH";
    case BinaryOp::Contains: return "CONTAINS";
    case BinaryOp::RegexMatch: return "=~";
    case BinaryOp::In: return "IN";
    case BinaryOp::Add: return "+";
    case BinaryOp::Subtract: return "-";
    case BinaryOp::Multiply: return "*";
    case BinaryOp::Divide: return "/";
    case BinaryOp::Modulo: return "%";
    case BinaryOp::Power: return "^";
    }
    return "?";
}

ExprPtr makeLiteral(Value value, SourcePosition position) {
    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::Literal;
    expr->position = position;
    expr->text = value.toString();
    expr->value = std::move(value);
    return expr;
}

ExprPtr makeVariable(std::string name, SourcePosition position) {
    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::Variable;
    expr->position = position;
    expr->text = name;
    expr->name = std::move(name);
    return expr;
}

ExprPtr makeBinary(BinaryOp op, ExprPtr lhs, ExprPtr rhs, SourcePosition position) {
    auto expr = std::make_unique<Expr>();
    expr->kind = ExprKind::Binary;
    expr->position = position;
    expr->op = op;
    if (lhs && rhs) {
        expr->text = lhs->text + " " + binaryOpText(op) + " " + rhs->text;
    }
    expr->children.push_back(std::move(lhs));
    expr->children.push_back(std::move(rhs));
    return expr;
}

} // namespace newsgraph::ast
