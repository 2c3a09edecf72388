// The parser's failures: malformed queries become SyntaxErrors with a detail code, a stable message
// and a line:column, never a crash; and every query of the openCypher TCK parses.
#include <filesystem>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "engine/common/query_error.hpp"
#include "query/parser/parser.hpp"
#include "query/parser/transformer.hpp"
#include "tests/tck/feature_parser.hpp"
#include "tests/tck/tck_steps.hpp"

using newsgraph::QueryError;
using newsgraph::parser::parseQuery;
namespace ast = newsgraph::ast;

namespace {

struct Failure {
    std::string kind;
    std::string detail;
    std::string message;
    uint32_t line = 0;
    uint32_t column = 0;
    std::string rendered;
};

// The SyntaxError parsing `query` raises (fails the test when it parses).
Failure failureOf(std::string_view query) {
    try {
        parseQuery(query);
    } catch (const QueryError& error) {
        return Failure{error.kind(), error.detail(), error.what(), error.position().line, error.position().column,
                       error.render(query)};
    }
    FAIL("expected a SyntaxError for: " << query);
    return {};
}

void checkFailure(std::string_view query, std::string_view detail, uint32_t line, uint32_t column) {
    INFO("query: " << query);
    const Failure failure = failureOf(query);
    INFO("message: " << failure.message);
    CHECK(failure.kind == "SyntaxError");
    CHECK(failure.detail == detail);
    CHECK(failure.line == line);
    CHECK(failure.column == column);
}

std::string repeat(std::string_view piece, size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (size_t i = 0; i < times; ++i) {
        out += piece;
    }
    return out;
}

std::string nested(std::string_view open, std::string_view inner, std::string_view close, size_t depth) {
    return repeat(open, depth) + std::string(inner) + repeat(close, depth);
}

} // namespace

TEST_CASE("parser errors: unbalanced brackets", "[parser]") {
    const Failure paren = failureOf("MATCH (n RETURN n");
    CHECK(paren.kind == "SyntaxError");
    CHECK(paren.detail == "UnexpectedSyntax");
    CHECK(paren.message == "invalid input 'RETURN': expected ':' or ')'");
    CHECK(paren.line == 1);
    CHECK(paren.column == 10);

    const Failure list = failureOf("RETURN [1, 2");
    CHECK(list.detail == "UnexpectedSyntax");
    CHECK(list.message == "unexpected end of the query: expected ']'");
    CHECK(list.column == 13);

    const Failure map = failureOf("RETURN {a: 1");
    CHECK(map.message == "unexpected end of the query: expected '}'");
    CHECK(map.column == 13);

    const Failure call = failureOf("RETURN f(1, 2");
    CHECK(call.message == "unexpected end of the query: expected ')'");
    checkFailure("RETURN (1 + 2", "UnexpectedSyntax", 1, 14);
    checkFailure("MATCH (a)-[r:T->(b) RETURN a", "UnexpectedSyntax", 1, 15);
    checkFailure("RETURN [1, 2]]", "UnexpectedSyntax", 1, 14);
    checkFailure("RETURN 1)", "UnexpectedSyntax", 1, 9);
}

TEST_CASE("parser errors: what was expected, in words", "[parser]") {
    const Failure limit = failureOf("MATCH (n) RETURN n LIMIT");
    CHECK(limit.detail == "UnexpectedSyntax");
    CHECK(limit.message == "unexpected end of the query: expected an expression");
    CHECK(limit.line == 1);
    CHECK(limit.column == 25);

    const Failure select = failureOf("SELECT * FROM t");
    CHECK(select.detail == "UnexpectedSyntax");
    CHECK(select.message == "invalid input 'SELECT': expected a clause");
    CHECK(select.column == 1);

    CHECK(failureOf("").message == "unexpected end of the query: expected a clause");
    CHECK(failureOf("MATCH (n) RETRUN n").message == "invalid input 'RETRUN': expected a clause or the end of the query");
    CHECK(failureOf("RETURN 1 +").message == "unexpected end of the query: expected an expression");
    CHECK(failureOf("RETURN 1 AS").message == "unexpected end of the query: expected a name");
    CHECK(failureOf("RETURN n.").message == "unexpected end of the query: expected a name");
    CHECK(failureOf("MATCH RETURN 1").message == "invalid input 'RETURN': expected a pattern");
    CHECK(failureOf("MATCH (a)--> RETURN a").message == "invalid input 'RETURN': expected '('");
    CHECK(failureOf("UNWIND [1] x RETURN x").message == "invalid input 'x': expected AS");
    CHECK(failureOf("RETURN CASE WHEN true THEN 1").message ==
          "unexpected end of the query: expected WHEN, ELSE or END");
    CHECK(failureOf("RETURN {a 1}").message == "invalid input '1': expected ':'");
    CHECK(failureOf("RETURN [1, ]").message == "invalid input ']': expected an expression");
    CHECK(failureOf("MATCH (n) RETURN n ORDER n").message == "invalid input 'n': expected BY");
    CHECK(failureOf("MATCH (n) SET n.x 1").message == "invalid input '1': expected '='");

    CHECK(failureOf("RETURN [, ] AS literal").message == "invalid input ',': expected an expression or ']'");
    CHECK(failureOf("RETURN {, } AS literal").message == "invalid input ',': expected a name or '}'");
    checkFailure("MATCH (n)\nWHERE n.x = \nRETURN n", "UnexpectedSyntax", 3, 1);
    checkFailure("RETURN {1B2c3e67:1} AS literal", "UnexpectedSyntax", 1, 9);
    checkFailure("RETURN {k1#k: 1} AS literal", "UnexpectedSyntax", 1, 11);
    checkFailure("RETURN [, ] AS literal", "UnexpectedSyntax", 1, 9);
    checkFailure("RETURN list[]", "UnexpectedSyntax", 1, 12);
    checkFailure("RETURN list[1 2]", "UnexpectedSyntax", 1, 15);
    checkFailure("MATCH (n) SET count(n) = 1", "UnexpectedSyntax", 1, 15);
    checkFailure("MATCH (n) REMOVE n", "UnexpectedSyntax", 1, 18);
}

TEST_CASE("parser errors: constructs the TCK rejects at compile time", "[parser]") {
    // Patterns are predicates: only in WHERE.
    checkFailure("MATCH (n) RETURN (n)-[]->()", "UnexpectedSyntax", 1, 18);
    checkFailure("MATCH (n) WITH (n)-[]->() AS x RETURN x", "UnexpectedSyntax", 1, 16);
    checkFailure("MATCH (a) RETURN size((a)-->())", "UnexpectedSyntax", 1, 23);
    checkFailure("MATCH (n) SET n.prop = head(nodes(head((n)-[:REL]->()))).foo", "UnexpectedSyntax", 1, 40);
    CHECK(failureOf("MATCH (n) RETURN (n)-[]->()").message ==
          "a pattern expression can only be used as a predicate in WHERE: '(n)-[]->()'");
    CHECK_NOTHROW(parseQuery("MATCH (n) RETURN [x IN [n] WHERE (x)-->()] AS xs"));
    CHECK_NOTHROW(parseQuery("MATCH (n) WHERE exists((n)-->()) AND NOT (n)<--() RETURN n"));
    CHECK_NOTHROW(parseQuery("MATCH (n) RETURN EXISTS { MATCH (m) WHERE (m)-->(n) } AS e"));
    CHECK_NOTHROW(parseQuery("MATCH (n) WITH n WHERE (n)--() RETURN [p = (n)-->() WHERE (n)<--() | p] AS ps"));
    // Ranges need their star and non-negative bounds.
    checkFailure("MATCH (a:A) MATCH (a)-[:LIKES..]->(c) RETURN c.name", "InvalidRelationshipPattern", 1, 30);
    checkFailure("MATCH (a:A) MATCH (a)-[:LIKES*-2]->(c) RETURN c.name", "InvalidRelationshipPattern", 1, 30);
    // YIELD * only in a standalone CALL.
    checkFailure("CALL test.my.proc('Stefan', 1) YIELD * RETURN city", "UnexpectedSyntax", 1, 1);
    CHECK_NOTHROW(parseQuery("CALL test.my.proc('Stefan', 1) YIELD *"));
}

TEST_CASE("parser errors: nesting limits", "[parser]") {
    // The bracket pre-scan stops 200-deep nesting at the 101st bracket.
    const std::string parens = "RETURN " + nested("(", "1", ")", 200);
    checkFailure(parens, "NestingTooDeep", 1, 8 + newsgraph::parser::kMaxBracketNesting);
    const std::string lists = "RETURN " + nested("[", "1", "]", 200);
    checkFailure(lists, "NestingTooDeep", 1, 8 + newsgraph::parser::kMaxBracketNesting);
    const std::string maps = "RETURN " + nested("{a: ", "1", "}", 150);
    checkFailure(maps, "NestingTooDeep", 1, 8 + 4 * newsgraph::parser::kMaxBracketNesting);
    // Unbalanced: never closed.
    checkFailure("RETURN " + repeat("(", 5000), "NestingTooDeep", 1, 8 + newsgraph::parser::kMaxBracketNesting);
    checkFailure("RETURN " + repeat("[", 100000), "NestingTooDeep", 1, 8 + newsgraph::parser::kMaxBracketNesting);
    // Brackets inside strings, escaped names and comments do not count.
    CHECK_NOTHROW(parseQuery("RETURN '" + repeat("(", 500) + "' AS `" + repeat("[", 500) + "` // " +
                             repeat("{", 500) + "\n /* " + repeat("(", 500) + " */"));

    // Exactly at the limit: parses (and does not exhaust the stack).
    const auto deepest = parseQuery("RETURN " + nested("(", "1", ")", newsgraph::parser::kMaxBracketNesting));
    CHECK(deepest.queries[0].clauses[0].projection.items[0].expression->value == newsgraph::Value(int64_t{1}));
    CHECK_NOTHROW(parseQuery("RETURN " + nested("[", "1", "]", newsgraph::parser::kMaxBracketNesting)));
    CHECK_NOTHROW(parseQuery("RETURN " + nested("{a: ", "1", "}", newsgraph::parser::kMaxBracketNesting)));
    CHECK_NOTHROW(parseQuery("RETURN " + nested("[x IN ", "[1]", "]", newsgraph::parser::kMaxBracketNesting - 1)));
    CHECK_NOTHROW(parseQuery("MATCH (n) WHERE " + nested("(", "(n)-->()", ")", 98) + " RETURN n"));
    CHECK_NOTHROW(parseQuery("RETURN " + nested("-(", "1", ")", newsgraph::parser::kMaxBracketNesting)));

    // Nesting without brackets is bounded by the grammar.
    const std::string cases = "RETURN " + nested("CASE WHEN true THEN ", "1", " END", 400);
    // The WHEN condition of the innermost CASE within the limit is the first expression too deep.
    checkFailure(cases, "NestingTooDeep", 1,
                 static_cast<uint32_t>(8 + 20 * (newsgraph::syntax::kMaxSyntaxNesting - 1) + 10));

    // Long operator chains and prefix runs become deep trees: bounded after transformation.
    checkFailure("RETURN " + repeat("1 + ", 600) + "1", "NestingTooDeep", 1, 8);
    checkFailure("RETURN " + repeat("NOT ", 600) + "true", "NestingTooDeep", 1, 8);
    checkFailure("RETURN " + repeat("- ", 600) + "1", "NestingTooDeep", 1, 8);
    checkFailure("RETURN x" + repeat(".a", 600), "NestingTooDeep", 1, 8);
    checkFailure("RETURN x" + repeat("[0]", 600), "NestingTooDeep", 1, 8);
    checkFailure("RETURN " + repeat("1 < ", 600) + "1", "NestingTooDeep", 1, 8);
    CHECK_NOTHROW(parseQuery("RETURN " + repeat("1 + ", 400) + "1"));
    CHECK_NOTHROW(parseQuery("RETURN " + repeat("NOT ", 400) + "true"));
    CHECK_NOTHROW(parseQuery("RETURN x" + repeat(".a", 400)));
    // A very long chain is rejected, not a stack overflow.
    checkFailure("RETURN " + repeat("1 + ", 20000) + "1", "NestingTooDeep", 1, 8);
    checkFailure("RETURN " + repeat("NOT ", 100000) + "true", "NestingTooDeep", 1, 8);
    // Many siblings are fine.
    CHECK_NOTHROW(parseQuery("RETURN [" + repeat("1, ", 10000) + "1]"));
}

TEST_CASE("parser errors: clause and pattern length limits", "[parser]") {
    using newsgraph::parser::kMaxClauses;
    using newsgraph::parser::kMaxPatternLength;
    // 20,000 WITH clauses would be 40,000 operators opened and pulled recursively: stopped at the
    // first clause past the limit, on its own line.
    const std::string withs = "WITH 1 AS x\n" + repeat("WITH x\n", 20000) + "RETURN x";
    checkFailure(withs, "QueryTooLarge", static_cast<uint32_t>(kMaxClauses + 1), 1);
    CHECK_NOTHROW(parseQuery("WITH 1 AS x\n" + repeat("WITH x\n", kMaxClauses - 2) + "RETURN x"));
    // Each UNION branch counts on its own.
    const std::string branch = "WITH 1 AS x " + repeat("WITH x ", kMaxClauses - 2) + "RETURN x";
    CHECK_NOTHROW(parseQuery(branch + " UNION " + branch));
    // A hop chain: stopped at the first relationship past the limit (`-->()` is 5 characters).
    const std::string hops = "MATCH (a)" + repeat("-->()", 5000) + " RETURN count(*)";
    checkFailure(hops, "QueryTooLarge", 1, static_cast<uint32_t>(10 + 5 * kMaxPatternLength));
    CHECK_NOTHROW(parseQuery("MATCH (a)" + repeat("-->()", kMaxPatternLength) + " RETURN count(*)"));
}

TEST_CASE("parser: backtracking stays linear", "[parser]") {
    // A comprehension that turns out to be a list literal is re-parsed; nested, that would be
    // exponential without the memo (2^50 re-parses: the test would never end).
    const std::string comprehensions = "RETURN " + nested("[x IN ", "[1]", ", 2]", 50);
    CHECK_NOTHROW(parseQuery(comprehensions));
    const std::string failing = "RETURN " + nested("[x IN ", "[1", ", 2]", 50);
    checkFailure(failing, "UnexpectedSyntax", 1, static_cast<uint32_t>(failing.size() + 1));
    const std::string quantifiers = "RETURN " + nested("any(x IN ", "[1]", ", 2)", 50);
    CHECK_NOTHROW(parseQuery(quantifiers));
    const std::string properties = "MATCH (n) WHERE " + nested("({a: ", "1", "} + 1)", 45) + " RETURN n";
    CHECK_NOTHROW(parseQuery(properties));
}

TEST_CASE("parser errors: number literals", "[parser]") {
    checkFailure("RETURN 0x", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 0x1z", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 0x1A2b3j4D5E6f7 AS literal", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 0o", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 0o8", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 9223372h54775808 AS literal", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 12abc", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 1.5x", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 1e", "InvalidNumberLiteral", 1, 8);
    checkFailure("RETURN 9223372036854775808 AS literal", "IntegerOverflow", 1, 8);
    checkFailure("RETURN -9223372036854775809 AS literal", "IntegerOverflow", 1, 9);
    checkFailure("RETURN 0x8000000000000000", "IntegerOverflow", 1, 8);
    checkFailure("RETURN -0x8000000000000001", "IntegerOverflow", 1, 9);
    checkFailure("RETURN 0o1000000000000000000000", "IntegerOverflow", 1, 8);
    checkFailure("RETURN [1, 99999999999999999999]", "IntegerOverflow", 1, 12);
    checkFailure("RETURN 1.34E999", "FloatingPointOverflow", 1, 8);
    checkFailure("RETURN -1e309", "FloatingPointOverflow", 1, 9);
    checkFailure("MATCH (a)-[*99999999999999999999]->(b) RETURN a", "IntegerOverflow", 1, 12);
    checkFailure("MATCH (a)-[*1 2]->(b) RETURN a", "UnexpectedSyntax", 1, 12);
    const Failure overflow = failureOf("RETURN 9223372036854775808");
    CHECK(overflow.message == "integer literal 9223372036854775808 is too large for a 64-bit integer");
    const Failure invalid = failureOf("RETURN 0x");
    CHECK(invalid.message == "invalid number literal '0x'");
}

TEST_CASE("parser errors: string literals and characters", "[parser]") {
    checkFailure("RETURN '\\uH'", "InvalidUnicodeLiteral", 1, 9);
    checkFailure("RETURN 'ab\\u12'", "InvalidUnicodeLiteral", 1, 11);
    checkFailure("RETURN '\\U0011FFFF'", "InvalidUnicodeLiteral", 1, 9);
    checkFailure("RETURN '\\uD800'", "InvalidUnicodeLiteral", 1, 9);
    checkFailure("RETURN 'a\\qb'", "UnexpectedSyntax", 1, 10);
    CHECK(failureOf("RETURN '\\uH'").message == "invalid unicode escape '\\uH''");

    // Unterminated literals point at the opening quote.
    const Failure unterminated = failureOf("RETURN 'abc");
    CHECK(unterminated.detail == "UnexpectedSyntax");
    CHECK(unterminated.message == "unterminated string literal");
    CHECK(unterminated.column == 8);
    checkFailure("MATCH (n)\nRETURN \"abc", "UnexpectedSyntax", 2, 8);
    CHECK(failureOf("RETURN `abc").message == "unterminated escaped name");
    CHECK(failureOf("RETURN 1 /* never closed").message == "unterminated comment");

    // Invalid UTF-8 bytes: the first bad byte.
    checkFailure("RETURN 'a\xFF'", "InvalidUnicodeCharacter", 1, 10);
    checkFailure("MATCH (n)\nRETURN n.\xC3(", "InvalidUnicodeCharacter", 2, 10);
    checkFailure(std::string("RETURN 'é\xE9'"), "InvalidUnicodeCharacter", 1, 10);
    checkFailure("RETURN '\xED\xA0\x80'", "InvalidUnicodeCharacter", 1, 9); // an encoded surrogate
    checkFailure("RETURN 1\xC0\x80", "InvalidUnicodeCharacter", 1, 9);        // an overlong NUL

    // Valid UTF-8 that is no token.
    checkFailure("RETURN 42 — 41", "InvalidUnicodeCharacter", 1, 11);
    CHECK(failureOf("RETURN 42 — 41").message ==
          "invalid character '—' (U+2014): expected a clause or the end of the query");
    checkFailure("RETURN 1 😀", "InvalidUnicodeCharacter", 1, 10);
    // Letters of other scripts are names; Unicode white space separates tokens.
    CHECK_NOTHROW(parseQuery("WITH 1 AS straße, 2 AS 名前 RETURN straße + 名前"));
    CHECK_NOTHROW(parseQuery("RETURN\xC2\xA0" "1\xE2\x80\x83" "AS x"));
}

TEST_CASE("parser: a 1 MB string literal", "[parser]") {
    constexpr size_t kLength = size_t{1} << 20U;
    const std::string big(kLength, 'x');
    const auto statement = parseQuery("RETURN '" + big + "' AS s");
    const auto& value = statement.queries[0].clauses[0].projection.items[0].expression->value;
    REQUIRE(value.type() == newsgraph::ValueType::String);
    CHECK(value.asString().size() == kLength);

    const Failure unterminated = failureOf("MATCH (n)\nRETURN n, '" + big);
    CHECK(unterminated.detail == "UnexpectedSyntax");
    CHECK(unterminated.message == "unterminated string literal");
    CHECK(unterminated.line == 2);
    CHECK(unterminated.column == 11);

    const std::string escapes = repeat("\\n", kLength / 2);
    const auto decoded = parseQuery("RETURN \"" + escapes + "\"");
    CHECK(decoded.queries[0].clauses[0].projection.items[0].expression->value.asString().size() == kLength / 2);
}

TEST_CASE("parser errors: render puts the caret under the column", "[parser]") {
    const Failure paren = failureOf("MATCH (n RETURN n");
    CHECK(paren.rendered == "SyntaxError: invalid input 'RETURN': expected ':' or ')' (line 1, column 10)\n"
                            "  MATCH (n RETURN n\n"
                            "           ^");
    const Failure second = failureOf("MATCH (n)\nRETURN n LIMIT");
    CHECK(second.rendered == "SyntaxError: unexpected end of the query: expected an expression (line 2, column 15)\n"
                             "  RETURN n LIMIT\n"
                             "                ^");
    const Failure unicode = failureOf("RETURN 'é', 0x");
    CHECK(unicode.rendered == "SyntaxError: invalid number literal '0x' (line 1, column 13)\n"
                              "  RETURN 'é', 0x\n"
                              "              ^");
}

TEST_CASE("parser: every TCK query parses or fails with a SyntaxError", "[parser][tck]") {
    const std::filesystem::path dir = NEWSGRAPH_TCK_FEATURES_DIR;
    if (!std::filesystem::is_directory(dir)) {
        WARN("TCK features not found at " << dir << "; skipped");
        return;
    }
    const newsgraph::tck::FeatureSet features = newsgraph::tck::loadFeatures(dir);
    size_t total = 0;
    size_t parsed = 0;
    size_t expectedFailures = 0;
    std::vector<std::string> unexpected;
    for (const auto& scenario : features.scenarios) {
        bool expectsSyntaxError = false;
        for (const auto& step : scenario.steps) {
            const auto info = newsgraph::tck::classifyStep(step.text);
            if (info.kind == newsgraph::tck::StepKind::ExpectError && info.error.kind == "SyntaxError" &&
                info.error.phase != newsgraph::tck::ErrorPhase::Runtime) {
                expectsSyntaxError = true;
            }
        }
        for (const auto& step : scenario.steps) {
            const auto info = newsgraph::tck::classifyStep(step.text);
            const bool isQuery = info.kind == newsgraph::tck::StepKind::ExecuteQuery ||
                                 info.kind == newsgraph::tck::StepKind::HavingExecuted ||
                                 info.kind == newsgraph::tck::StepKind::ExecuteControlQuery;
            if (!isQuery || !step.docString) {
                continue;
            }
            ++total;
            try {
                parseQuery(*step.docString);
                ++parsed;
            } catch (const QueryError& error) {
                INFO(scenario.key() << "\n" << *step.docString << "\n" << error.render(*step.docString));
                CHECK(error.kind() == "SyntaxError");
                if (expectsSyntaxError && info.kind == newsgraph::tck::StepKind::ExecuteQuery) {
                    ++expectedFailures;
                } else {
                    unexpected.push_back(scenario.key() + ": " + error.render(*step.docString));
                }
            }
        }
    }
    WARN("TCK queries: " << parsed << " of " << total << " parse; " << expectedFailures
                         << " fail in scenarios expecting a SyntaxError; " << unexpected.size() << " fail otherwise");
    for (const auto& failure : unexpected) {
        UNSCOPED_INFO(failure);
    }
    CHECK(unexpected.empty());
    CHECK(total > 3000);
}
