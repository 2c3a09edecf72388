// Expressions: dispatch, literals, operators (prefix, postfix, chains).
#include <fmt/format.h>

#include "query/parser/literal_conversion.hpp"
#include "query/parser/transform_context.hpp"

namespace newsgraph::parser::detail {

namespace {

using ast::BinaryOp;
using ast::ExprKind;
using ast::ExprPtr;

// Chains without operators, prefix expressions without operators and postfix expressions without
// lookups are wrappers the grammar's precedence levels leave around their single operand.
const syntax::Expression* unwrapOnce(const syntax::Expression& expr) {
    const auto& variant = expr.get();
    if (const auto* chain = boost::get<x3::forward_ast<syntax::OperatorChain>>(&variant)) {
        return chain->get().rest.empty() ? &chain->get().first : nullptr;
    }
    if (const auto* prefix = boost::get<x3::forward_ast<syntax::PrefixExpression>>(&variant)) {
        return prefix->get().ops.empty() ? &prefix->get().operand : nullptr;
    }
    if (const auto* postfix = boost::get<x3::forward_ast<syntax::PostfixExpression>>(&variant)) {
        const auto& node = postfix->get();
        return node.ops.empty() && node.labels.empty() ? &node.primary : nullptr;
    }
    return nullptr;
}

const syntax::Expression& unwrap(const syntax::Expression& expr) {
    const syntax::Expression* current = &expr;
    while (const syntax::Expression* inner = unwrapOnce(*current)) {
        current = inner;
    }
    return *current;
}

struct ExpressionVisitor {
    using result_type = ExprPtr;
    Transformer& transformer;
    uint32_t depth;

    ExprPtr operator()(const syntax::KeywordLiteral& node) const { return transformer.keywordLiteral(node); }
    ExprPtr operator()(const syntax::NumberLiteral& node) const {
        return transformer.numberLiteral(node, false, transformer.start(node));
    }
    ExprPtr operator()(const syntax::StringLiteral& node) const { return transformer.stringLiteral(node); }
    ExprPtr operator()(const syntax::Parameter& node) const { return transformer.parameter(node); }
    ExprPtr operator()(const syntax::Variable& node) const { return transformer.variable(node); }
    ExprPtr operator()(const syntax::CountStar& node) const { return transformer.countStar(node); }
    ExprPtr operator()(const x3::forward_ast<syntax::ListLiteral>& node) const {
        return transformer.listLiteral(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::MapLiteral>& node) const {
        return transformer.mapLiteral(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::FunctionCall>& node) const {
        return transformer.functionCall(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::CaseExpression>& node) const {
        return transformer.caseExpression(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::Comprehension>& node) const {
        return transformer.comprehension(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::Reduce>& node) const {
        return transformer.reduce(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::PatternComprehension>& node) const {
        return transformer.patternComprehension(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::PatternPredicate>& node) const {
        return transformer.patternPredicate(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::ExistsSubquery>& node) const {
        return transformer.existsSubquery(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::MapProjection>& node) const {
        return transformer.mapProjection(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::PostfixExpression>& node) const {
        return transformer.postfix(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::PrefixExpression>& node) const {
        return transformer.prefix(node.get(), depth);
    }
    ExprPtr operator()(const x3::forward_ast<syntax::OperatorChain>& node) const {
        return transformer.operatorChain(node.get(), depth);
    }
};

ExprPtr makeBinaryNode(const Transformer& transformer, BinaryOp op, ExprPtr lhs, ExprPtr rhs, size_t from,
                       size_t to) {
    auto node = transformer.makeNode(ExprKind::Binary, from, to);
    node->op = op;
    node->children.push_back(std::move(lhs));
    node->children.push_back(std::move(rhs));
    return node;
}

bool binaryOpOf(const std::string& text, BinaryOp& op) {
    static const std::pair<const char*, BinaryOp> kOps[] = {
        {"OR", BinaryOp::Or},          {"XOR", BinaryOp::Xor},
        {"AND", BinaryOp::And},        {"=", BinaryOp::Equal},
        {"<>", BinaryOp::NotEqual},    {"<", BinaryOp::Less},
        {"<=", BinaryOp::LessEqual},   {">", BinaryOp::Greater},
        {">=", BinaryOp::GreaterEqual}, {"STARTS WITH", BinaryOp::StartsWith},
        {"ENDS WITH", BinaryOp::EndsWith}, {"CONTAINS", BinaryOp::Contains},
        {"=~", BinaryOp::RegexMatch},  {"IN", BinaryOp::In},
        {"+", BinaryOp::Add},          {"-", BinaryOp::Subtract},
        {"*", BinaryOp::Multiply},     {"/", BinaryOp::Divide},
        {"%", BinaryOp::Modulo},       {"^", BinaryOp::Power},
    };
    for (const auto& [name, value] : kOps) {
        if (text == name) {
            op = value;
            return true;
        }
    }
    return false;
}

} // namespace

ExprPtr Transformer::expression(const syntax::Expression& expr, uint32_t depth) {
    const size_t from = start(expr);
    checkDepth(depth, from);
    const syntax::Expression& inner = unwrap(expr);
    ExprPtr result = boost::apply_visitor(ExpressionVisitor{*this, depth}, inner.get());
    // The whole expression as written, parentheses included (RETURN (a) names its column "(a)").
    if (positions_.tagged(expr) && end(expr) > from) {
        result->text = textOf(expr);
        result->position = position(from);
    }
    return result;
}

ExprPtr Transformer::optionalExpression(const boost::optional<syntax::Expression>& expr, uint32_t depth) {
    return expr ? expression(*expr, depth) : nullptr;
}

ExprPtr Transformer::whereExpression(const boost::optional<syntax::Expression>& expr, uint32_t depth) {
    ++whereNesting_;
    try {
        ExprPtr result = optionalExpression(expr, depth);
        --whereNesting_;
        return result;
    } catch (...) {
        --whereNesting_;
        throw;
    }
}

ExprPtr Transformer::keywordLiteral(const syntax::KeywordLiteral& literal) {
    auto node = makeNode(ExprKind::Literal, start(literal), end(literal));
    if (literal.word == "true") {
        node->value = Value(true);
    } else if (literal.word == "false") {
        node->value = Value(false);
    }
    return node;
}

ExprPtr Transformer::numberLiteral(const syntax::NumberLiteral& literal, bool negative, size_t from) {
    const size_t literalStart = start(literal);
    auto node = makeNode(ExprKind::Literal, from, end(literal));
    try {
        node->value = convertNumberLiteral(literal.text, negative);
    } catch (const LiteralError& error) {
        fail(error.detail(), error.what(), literalStart + error.offset());
    }
    return node;
}

ExprPtr Transformer::stringLiteral(const syntax::StringLiteral& literal) {
    auto node = makeNode(ExprKind::Literal, start(literal), end(literal));
    try {
        node->value = Value(decodeStringLiteral(literal.text));
    } catch (const LiteralError& error) {
        fail(error.detail(), error.what(), start(literal) + error.offset());
    }
    return node;
}

ExprPtr Transformer::parameter(const syntax::Parameter& parameter) {
    auto node = makeNode(ExprKind::Parameter, start(parameter), end(parameter));
    node->name = parameter.name;
    return node;
}

ExprPtr Transformer::variable(const syntax::Variable& variable) {
    auto node = makeNode(ExprKind::Variable, start(variable), end(variable));
    node->name = variable.name;
    return node;
}

ExprPtr Transformer::countStar(const syntax::CountStar& countStar) {
    return makeNode(ExprKind::CountStar, start(countStar), end(countStar));
}

ExprPtr Transformer::listLiteral(const syntax::ListLiteral& list, uint32_t depth) {
    auto node = makeNode(ExprKind::List, start(list), end(list));
    node->children.reserve(list.items.size());
    for (const auto& item : list.items) {
        node->children.push_back(expression(item, depth + 1));
    }
    return node;
}

ExprPtr Transformer::mapLiteral(const syntax::MapLiteral& map, uint32_t depth) {
    checkDepth(depth, start(map));
    auto node = makeNode(ExprKind::Map, start(map), end(map));
    for (const auto& entry : map.entries) {
        node->keys.push_back(entry.key);
        node->children.push_back(expression(entry.value, depth + 1));
    }
    return node;
}

ExprPtr Transformer::functionCall(const syntax::FunctionCall& call, uint32_t depth) {
    auto node = makeNode(ExprKind::Function, start(call), end(call));
    for (size_t i = 0; i < call.name.size(); ++i) {
        node->name += (i == 0 ? "" : ".") + call.name[i];
    }
    node->distinct = call.distinct;
    for (const auto& arg : call.args) {
        node->children.push_back(expression(arg, depth + 1));
    }
    return node;
}

// Prefix operators apply innermost (last) first; a minus right before a number literal is part of
// the literal, so that -9223372036854775808 is an integer.
ExprPtr Transformer::prefix(const syntax::PrefixExpression& expr, uint32_t depth) {
    const size_t exprEnd = end(expr);
    // Where each operator starts.
    std::vector<size_t> opStarts;
    size_t offset = start(expr);
    for (const auto& op : expr.ops) {
        offset = skipSpace(offset);
        opStarts.push_back(offset);
        offset += op.size();
    }
    size_t remaining = expr.ops.size();
    checkDepth(depth + static_cast<uint32_t>(remaining), start(expr));
    ExprPtr result;
    const syntax::Expression& operand = unwrap(expr.operand);
    const auto* number = boost::get<syntax::NumberLiteral>(&operand.get());
    if (number != nullptr && !expr.ops.empty() && expr.ops.back() == "-") {
        checkDepth(depth + static_cast<uint32_t>(remaining) - 1, opStarts.back());
        result = numberLiteral(*number, true, opStarts.back());
        --remaining;
    } else {
        result = expression(expr.operand, depth + static_cast<uint32_t>(remaining));
    }
    while (remaining > 0) {
        --remaining;
        const std::string& op = expr.ops[remaining];
        if (op == "+") {
            continue; // unary plus is the identity
        }
        auto node = makeNode(op == "-" ? ExprKind::Negate : ExprKind::Not, opStarts[remaining], exprEnd);
        node->children.push_back(std::move(result));
        result = std::move(node);
    }
    return result;
}

ExprPtr Transformer::postfix(const syntax::PostfixExpression& expr, uint32_t depth) {
    const size_t from = start(expr);
    const uint32_t levels = static_cast<uint32_t>(expr.ops.size()) + (expr.labels.empty() ? 0 : 1);
    checkDepth(depth + levels, from);
    ExprPtr result = expression(expr.primary, depth + levels);
    uint32_t level = levels;
    for (const auto& op : expr.ops) {
        --level;
        const auto& variant = op.get();
        if (const auto* lookup = boost::get<syntax::PropertyLookup>(&variant)) {
            auto node = makeNode(ExprKind::Property, from, end(*lookup));
            node->name = lookup->key;
            node->children.push_back(std::move(result));
            result = std::move(node);
            continue;
        }
        const auto& index = boost::get<syntax::IndexOrSlice>(variant);
        if (!index.dots) {
            if (!index.from) {
                fail("UnexpectedSyntax", "invalid subscript '[]': expected an expression", start(index));
            }
            if (index.to) {
                fail("UnexpectedSyntax", fmt::format("invalid input '{}': expected ']'", textOf(*index.to)),
                     start(*index.to));
            }
            auto node = makeNode(ExprKind::Subscript, from, end(index));
            node->children.push_back(std::move(result));
            node->children.push_back(expression(*index.from, depth + level + 1));
            result = std::move(node);
            continue;
        }
        auto node = makeNode(ExprKind::Slice, from, end(index));
        node->children.push_back(std::move(result));
        node->children.push_back(optionalExpression(index.from, depth + level + 1));
        node->children.push_back(optionalExpression(index.to, depth + level + 1));
        result = std::move(node);
    }
    if (!expr.labels.empty()) {
        auto node = makeNode(ExprKind::LabelCheck, from, end(expr));
        node->labels = expr.labels;
        node->children.push_back(std::move(result));
        result = std::move(node);
    }
    return result;
}

// Left-associative folding: a - b - c is (a - b) - c, a ^ b ^ c is (a ^ b) ^ c. A comparison
// chain a < b <= c means a < b AND b <= c.
ExprPtr Transformer::operatorChain(const syntax::OperatorChain& chain, uint32_t depth) {
    const size_t from = start(chain);
    const auto operations = static_cast<uint32_t>(chain.rest.size());
    checkDepth(depth + operations, from);
    const bool comparison = chain.level == "comparison" && chain.rest.size() > 1;
    if (comparison) {
        // One comparison per operator, joined by AND; each shared operand is evaluated in both.
        std::vector<ExprPtr> operands;
        std::vector<size_t> starts;
        operands.push_back(expression(chain.first, depth + operations + 1));
        starts.push_back(start(chain.first));
        for (const auto& operation : chain.rest) {
            if (!operation.operand) {
                fail("UnexpectedSyntax", fmt::format("missing operand after '{}'", operation.op), start(operation));
            }
            operands.push_back(expression(*operation.operand, depth + operations + 1));
            starts.push_back(start(*operation.operand));
        }
        ExprPtr result;
        for (size_t i = 0; i < chain.rest.size(); ++i) {
            const auto& operation = chain.rest[i];
            BinaryOp op = BinaryOp::Equal;
            binaryOpOf(operation.op, op);
            // A middle operand is the right side of one comparison (a copy) and the left of the next.
            ExprPtr lhs = std::move(operands[i]);
            ExprPtr rhs = i + 1 < chain.rest.size() ? operands[i + 1]->clone() : std::move(operands[i + 1]);
            auto comparisonNode =
                makeBinaryNode(*this, op, std::move(lhs), std::move(rhs), starts[i], end(operation));
            result = result ? makeBinaryNode(*this, BinaryOp::And, std::move(result), std::move(comparisonNode), from,
                                             end(operation))
                            : std::move(comparisonNode);
        }
        return result;
    }
    ExprPtr result = expression(chain.first, depth + operations);
    uint32_t level = operations;
    for (const auto& operation : chain.rest) {
        --level;
        if (operation.op == "IS NULL" || operation.op == "IS NOT NULL") {
            auto node = makeNode(operation.op == "IS NULL" ? ExprKind::IsNull : ExprKind::IsNotNull, from,
                                 end(operation));
            node->children.push_back(std::move(result));
            result = std::move(node);
            continue;
        }
        BinaryOp op = BinaryOp::And;
        if (!binaryOpOf(operation.op, op) || !operation.operand) {
            fail("UnexpectedSyntax", fmt::format("invalid operator '{}'", operation.op), start(operation));
        }
        ExprPtr rhs = expression(*operation.operand, depth + level + 1);
        result = makeBinaryNode(*this, op, std::move(result), std::move(rhs), from, end(operation));
    }
    return result;
}

} // namespace newsgraph::parser::detail
