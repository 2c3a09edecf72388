#pragma once

// The parser's entry point: query text in, query AST out.

#include <cstddef>
#include <string_view>

#include "query/ast/statement.hpp"

namespace newsgraph::parser {

// The deepest nesting of brackets ( [ { a query may have. Deeper: SyntaxError NestingTooDeep at
// the bracket that crosses the limit.
inline constexpr size_t kMaxBracketNesting = 100;

// Parses one statement. Throws QueryError (SyntaxError, compile time): InvalidUnicodeCharacter
// for bytes that are not UTF-8 (at the first bad byte), NestingTooDeep for brackets nested deeper
// than kMaxBracketNesting, then whatever parseSyntax (grammar.hpp) and transform (transformer.hpp)
// report. Never crashes on any input: the recursive parser runs on a stack sized for the nesting
// limits.
ast::Statement parseQuery(std::string_view text);

// The bracket pre-scan parseQuery does: string literals, escaped names and comments are skipped.
// Throws SyntaxError NestingTooDeep when brackets nest deeper than `limit`.
void checkBracketNesting(std::string_view text, size_t limit = kMaxBracketNesting);

} // namespace newsgraph::parser
