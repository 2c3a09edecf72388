#pragma once

// Turns the X3 syntax tree (ast.hpp) into the query stage's AST (query/ast/statement.hpp):
// literals converted, escapes decoded, operator chains folded into binary trees, patterns and
// clauses normalised. Every node gets its position (line and column) and, for expressions, the
// text it was written as.

#include <cstdint>
#include <string_view>

#include "query/ast/statement.hpp"
#include "query/parser/grammar.hpp"

namespace newsgraph::parser {

// The deepest expression tree transform() produces (a chain `1 + 1 + ... + 1` counts one level per
// operator). Deeper: SyntaxError NestingTooDeep, so later stages may recurse freely.
inline constexpr uint32_t kMaxExpressionDepth = 500;
// The most clauses one query (a UNION branch) and relationships one pattern part may have. Each
// clause and step becomes operators that open and pull their child recursively, and a step checks
// uniqueness against every earlier one: beyond these the plan's depth and size are the input's to
// set. More: SyntaxError QueryTooLarge at the first clause or relationship past the limit.
inline constexpr size_t kMaxClauses = 1000;
inline constexpr size_t kMaxPatternLength = 1000;

// `text` is the query `parsed` was parsed from. Throws QueryError (SyntaxError, compile time) for
// what the grammar lets through but is invalid: number literals (InvalidNumberLiteral,
// IntegerOverflow, FloatingPointOverflow), string escapes (InvalidUnicodeLiteral), malformed
// subscripts and SET / REMOVE targets (UnexpectedSyntax), too deep expressions (NestingTooDeep), too many
// clauses or pattern steps (QueryTooLarge).
ast::Statement transform(const syntax::ParsedQuery& parsed, std::string_view text);

} // namespace newsgraph::parser
