// --param and :param values: Cypher literals only, evaluated by the engine.
#include <catch2/catch.hpp>

#include "cli/parameter_literal.hpp"

using newsgraph::evaluateParameterLiteral;
using newsgraph::isCypherLiteral;
using newsgraph::ParameterError;
using newsgraph::Value;

TEST_CASE("literals are recognised", "[cli][param]") {
    for (const char* text : {"1", "-3", "+4", "3.5", "1e-3", "-2.5E+10", "0x1F", ".5", "'APT31'", "\"it's\"",
                             "'a\\'b'", "true", "FALSE", "null", "date('2025-05-28')", "[]", "[1, 'a', [true]]",
                             "{}", "{a: 1, `b c`: ['x'], d: {e: null}}", "  42  "}) {
        INFO(text);
        CHECK(isCypherLiteral(text));
    }
}

TEST_CASE("expressions, variables and unquoted words are not literals", "[cli][param]") {
    for (const char* text : {"", "APT31", "1 + 2", "n.name", "$p", "rand()", "toUpper('a')", "[1, x]", "{a 1}",
                             "'unterminated", "[1, 2", "date(1)", "1 2", "- 1", "{1: 2}", "[[[[", "'a' 'b'"}) {
        INFO(text);
        CHECK_FALSE(isCypherLiteral(text));
    }
}

TEST_CASE("literals evaluate to typed values", "[cli][param]") {
    CHECK(evaluateParameterLiteral("3") == Value(3));
    CHECK(evaluateParameterLiteral("2.5") == Value(2.5));
    CHECK(evaluateParameterLiteral("'APT31'") == Value("APT31"));
    CHECK(evaluateParameterLiteral("null").isNull());
    CHECK(evaluateParameterLiteral("[1, 'a']") == Value(Value::List{Value(1), Value("a")}));
    CHECK(evaluateParameterLiteral("date('2025-05-28')").type() == newsgraph::ValueType::Date);
    CHECK(evaluateParameterLiteral("{b: 1}").type() == newsgraph::ValueType::Map);
    CHECK(evaluateParameterLiteral("datetime('2025-05-28T10:00[Europe/Prague]')").toString() ==
          "datetime('2025-05-28T10:00+02:00[Europe/Prague]')");
    CHECK(evaluateParameterLiteral("duration('P7D')").type() == newsgraph::ValueType::Duration);
    CHECK(evaluateParameterLiteral("[localtime('10:00'), time('10:00Z'), localdatetime('2025-05-28T10:00')]")
              .asList()
              .size() == 3);
}

TEST_CASE("bad literals are rejected with a message", "[cli][param]") {
    CHECK_THROWS_AS(evaluateParameterLiteral("APT31"), ParameterError);
    CHECK_THROWS_AS(evaluateParameterLiteral("1 + 2"), ParameterError);
    CHECK_THROWS_AS(evaluateParameterLiteral("99999999999999999999999"), ParameterError);
    CHECK_THROWS_AS(evaluateParameterLiteral("date('2025-02-30')"), ParameterError);
    CHECK_THROWS_AS(evaluateParameterLiteral("duration('P1Y2X')"), ParameterError);
    CHECK_THROWS_AS(evaluateParameterLiteral("datetime('2025-05-28T10:00[Mars/Olympus]')"), ParameterError);
    CHECK_THROWS_AS(evaluateParameterLiteral("duration({days: 1})"), ParameterError); // a map argument is not a literal
    CHECK_THROWS_AS(evaluateParameterLiteral("'\xff'"), ParameterError);
    CHECK_THROWS_WITH(evaluateParameterLiteral("APT31"), Catch::Contains("not a Cypher literal"));
}

TEST_CASE("deep nesting is refused, not a crash", "[cli][param]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK_FALSE(isCypherLiteral(deep));
}
