#include "query/parser/transformer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "query/parser/transform_context.hpp"

namespace newsgraph::parser {

namespace detail {

namespace {

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

} // namespace

PositionIndex::PositionIndex(std::string_view text) : text_(text) {
    lineStarts_.push_back(0);
    blockCodePoints_.reserve(text.size() / kBlock + 1);
    uint32_t codePoints = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if (i % kBlock == 0) {
            blockCodePoints_.push_back(codePoints);
        }
        if (!isContinuationByte(text[i])) {
            ++codePoints;
        }
        if (text[i] == '\n') {
            lineStarts_.push_back(i + 1);
        }
    }
    if (text.size() % kBlock == 0) {
        blockCodePoints_.push_back(codePoints); // the end of the text starts a block of its own
    }
}

size_t PositionIndex::codePointsBefore(size_t offset) const {
    const size_t block = offset / kBlock;
    if (block >= blockCodePoints_.size()) {
        return 0;
    }
    size_t count = blockCodePoints_[block];
    for (size_t i = block * kBlock; i < offset; ++i) {
        if (!isContinuationByte(text_[i])) {
            ++count;
        }
    }
    return count;
}

SourcePosition PositionIndex::at(size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto after = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    const size_t line = static_cast<size_t>(after - lineStarts_.begin()); // 1-based
    const size_t lineStart = lineStarts_[line - 1];
    const size_t column = codePointsBefore(offset) - codePointsBefore(lineStart) + 1;
    return SourcePosition{static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
}

Transformer::Transformer(const syntax::PositionTable& positions, std::string_view text)
    : positions_(positions), text_(text), index_(text) {}

std::string Transformer::textBetween(size_t from, size_t to) const {
    to = std::min(to, text_.size());
    while (from < to && isSpace(text_[from])) {
        ++from;
    }
    while (to > from && isSpace(text_[to - 1])) {
        --to;
    }
    return std::string(text_.substr(from, to - from));
}

size_t Transformer::skipSpace(size_t offset) const {
    while (offset < text_.size()) {
        if (isSpace(text_[offset])) {
            ++offset;
        } else if (text_.substr(offset, 2) == "//") {
            const size_t newline = text_.find('\n', offset);
            offset = newline == std::string_view::npos ? text_.size() : newline + 1;
        } else if (text_.substr(offset, 2) == "/*") {
            const size_t close = text_.find("*/", offset + 2);
            offset = close == std::string_view::npos ? text_.size() : close + 2;
        } else {
            break;
        }
    }
    return offset;
}

ast::ExprPtr Transformer::makeNode(ast::ExprKind kind, size_t from, size_t to) const {
    auto expr = std::make_unique<ast::Expr>();
    expr->kind = kind;
    expr->position = position(from);
    expr->text = textBetween(from, to);
    return expr;
}

void Transformer::fail(std::string detail, const std::string& message, size_t offset) const {
    throw syntaxError(std::move(detail), message, position(offset));
}

void Transformer::checkDepth(uint32_t depth, size_t offset) const {
    if (depth > kMaxExpressionDepth) {
        fail("NestingTooDeep", fmt::format("expression nested too deeply (more than {} levels)", kMaxExpressionDepth),
             offset);
    }
}

ast::Statement Transformer::statement(const syntax::Query& query) {
    constexpr uint32_t kClauseDepth = 1;
    ast::Statement statement;
    statement.explain = query.explain;
    statement.queries.push_back(singleQuery(query.first.clauses, kClauseDepth));
    for (const auto& part : query.unions) {
        statement.unionAll.push_back(part.all);
        statement.queries.push_back(singleQuery(part.query.clauses, kClauseDepth));
    }
    return statement;
}

} // namespace detail

ast::Statement transform(const syntax::ParsedQuery& parsed, std::string_view text) {
    detail::Transformer transformer(parsed.positions, text);
    return transformer.statement(parsed.query);
}

} // namespace newsgraph::parser
