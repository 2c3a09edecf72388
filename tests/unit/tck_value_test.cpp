// The TCK runner's value literals: every form a result or parameter table uses.
#include <cmath>
#include <limits>
#include <string>

#include <catch2/catch.hpp>

#include "tests/tck/tck_value.hpp"

using newsgraph::tck::parseTckValue;
using newsgraph::tck::TckKind;
using newsgraph::tck::TckValue;

namespace {

TckValue parsed(const std::string& text) {
    newsgraph::tck::TckParseResult result = parseTckValue(text);
    INFO(text << ": " << result.error);
    REQUIRE(result.value);
    return *result.value;
}

bool fails(const std::string& text) {
    return !parseTckValue(text).value;
}

} // namespace

TEST_CASE("TCK values: scalars", "[tck]") {
    CHECK(parsed("null").kind == TckKind::Null);
    CHECK(parsed("  true ").boolean);
    CHECK(parsed("true").kind == TckKind::Bool);
    CHECK_FALSE(parsed("false").boolean);

    CHECK(parsed("42").kind == TckKind::Int);
    CHECK(parsed("42").integer == 42);
    CHECK(parsed("-7").integer == -7);
    CHECK(parsed("-9223372036854775808").integer == std::numeric_limits<int64_t>::min());
    CHECK(parsed("9223372036854775807").integer == std::numeric_limits<int64_t>::max());
    CHECK(parsed("0x1F").integer == 31);
    CHECK(parsed("-0o17").integer == -15);

    CHECK(parsed("1.0").kind == TckKind::Float);
    CHECK(parsed("1.0").real == 1.0);
    CHECK(parsed(".5").real == 0.5);
    CHECK(parsed("-.5").real == -0.5);
    CHECK(parsed("-1e-3").real == -1e-3);
    CHECK(parsed("1e3").kind == TckKind::Float);
    CHECK(parsed("1.5E+2").real == 150.0);
    CHECK(parsed("-1.2635418652381264e305").real == -1.2635418652381264e305);
    CHECK(std::isnan(parsed("NaN").real));
    CHECK(parsed("Infinity").real == std::numeric_limits<double>::infinity());
    CHECK(parsed("-Infinity").real == -std::numeric_limits<double>::infinity());
    CHECK(parsed("Inf").real == std::numeric_limits<double>::infinity());

    CHECK(fails("9223372036854775808"));
    CHECK(fails("12abc"));
    CHECK(fails("-"));
    CHECK(fails(""));
    CHECK(fails("nulls"));
}

TEST_CASE("TCK values: strings and escapes", "[tck]") {
    CHECK(parsed("'abc'").kind == TckKind::String);
    CHECK(parsed("'abc'").text == "abc");
    CHECK(parsed("''").text.empty());
    CHECK(parsed("\"double\"").text == "double");
    CHECK(parsed(R"('it\'s')").text == "it's");
    CHECK(parsed(R"('a\\b')").text == "a\\b");
    CHECK(parsed(R"('\"q\"')").text == "\"q\"");
    CHECK(parsed(R"('\n\t\r')").text == "\n\t\r");
    CHECK(parsed(R"('\u00e9')").text == "\xC3\xA9");
    CHECK(parsed(R"('\U0001F600')").text == "\xF0\x9F\x98\x80");
    CHECK(parsed("'raw\nnewline'").text == "raw\nnewline");
    CHECK(parsed("'🧐🍌'").text == "🧐🍌");
    // Literals6 [5]: 'a\\bcn5t\'"\\//\\"\'' as the table holds it after Gherkin unescaping.
    CHECK(parsed(R"('a\\bcn5t\'"\\//\\"\'')").text == R"(a\bcn5t'"\//\"')");
    CHECK(parsed("'a, b]'").text == "a, b]");
    CHECK(fails("'unterminated"));
    CHECK(fails(R"('\u12')"));
}

TEST_CASE("TCK values: lists and maps", "[tck]") {
    const TckValue empty = parsed("[]");
    CHECK(empty.kind == TckKind::List);
    CHECK(empty.items.empty());

    const TckValue list = parsed("[1, 'two', [3.0, null], {a: 1}]");
    REQUIRE(list.items.size() == 4);
    CHECK(list.items[0].integer == 1);
    CHECK(list.items[1].text == "two");
    CHECK(list.items[2].items[0].real == 3.0);
    CHECK(list.items[2].items[1].kind == TckKind::Null);
    CHECK(list.items[3].kind == TckKind::Map);

    const TckValue map = parsed("{b: 2, a: 'x', `odd key`: [], c: {d: null}}");
    REQUIRE(map.kind == TckKind::Map);
    REQUIRE(map.entries.size() == 4);
    CHECK(map.entries[0].first == "a"); // sorted by key
    CHECK(map.entries[1].first == "b");
    CHECK(map.entries[2].first == "c");
    CHECK(map.entries[3].first == "odd key");
    CHECK(map.entries[2].second.entries[0].second.kind == TckKind::Null);
    CHECK(parsed("{}").entries.empty());

    CHECK(fails("[1, 2"));
    CHECK(fails("[1 2]"));
    CHECK(fails("{a 1}"));
    CHECK(fails("{a: 1,}"));
    CHECK(fails(std::string(1000, '[') + std::string(1000, ']')));
}

TEST_CASE("TCK values: nodes and relationships", "[tck]") {
    const TckValue bare = parsed("()");
    CHECK(bare.kind == TckKind::Node);
    CHECK(bare.labels.empty());
    CHECK(bare.entries.empty());

    const TckValue node = parsed("(:L2:L1 {name: 'n', age: 3})");
    REQUIRE(node.kind == TckKind::Node);
    CHECK(node.labels == std::vector<std::string>{"L1", "L2"});
    REQUIRE(node.entries.size() == 2);
    CHECK(node.entries[0].first == "age");
    CHECK(parsed("({x: 1})").entries.size() == 1);
    CHECK(parsed("(:`Odd Label`)").labels == std::vector<std::string>{"Odd Label"});

    const TckValue rel = parsed("[:KNOWS {since: 2001}]");
    REQUIRE(rel.kind == TckKind::Relationship);
    CHECK(rel.text == "KNOWS");
    CHECK(rel.entries.size() == 1);
    CHECK(parsed("[ :T ]").kind == TckKind::Relationship);

    const TckValue mixed = parsed("[[:X], (:A), [1]]");
    REQUIRE(mixed.items.size() == 3);
    CHECK(mixed.items[0].kind == TckKind::Relationship);
    CHECK(mixed.items[1].kind == TckKind::Node);
    CHECK(mixed.items[2].kind == TckKind::List);

    CHECK(fails("(:A"));
    CHECK(fails("[:]"));
    CHECK(fails("(:A {x: 1} junk)"));
}

TEST_CASE("TCK values: paths", "[tck]") {
    const TckValue single = parsed("<()>");
    REQUIRE(single.kind == TckKind::Path);
    CHECK(single.items.size() == 1);

    const TckValue path = parsed("<(:A {name: 'a'})-[:T {w: 1}]->(:B)<-[:U]-()>");
    REQUIRE(path.kind == TckKind::Path);
    REQUIRE(path.items.size() == 5);
    CHECK(path.items[0].labels == std::vector<std::string>{"A"});
    CHECK(path.items[1].text == "T");
    CHECK(path.items[1].forward);
    CHECK(path.items[2].labels == std::vector<std::string>{"B"});
    CHECK(path.items[3].text == "U");
    CHECK_FALSE(path.items[3].forward);
    CHECK(path.items[4].kind == TckKind::Node);

    const TckValue nested = parsed("[<({time: 10})-[:T]->({time: 20})>, <(:X)>]");
    REQUIRE(nested.items.size() == 2);
    CHECK(nested.items[0].kind == TckKind::Path);
    CHECK(nested.items[0].items[2].entries[0].second.integer == 20);

    CHECK(fails("<(:A)-[:T]-(:B)>"));
    CHECK(fails("<(:A)-[:T]->>"));
    CHECK(fails("<(:A)"));
}

TEST_CASE("TCK values: written back in TCK syntax", "[tck]") {
    const char* const samples[] = {
        "null", "true", "-3", "1.0", "0.5", "1e+300", "NaN", "'it\\'s'", "[1, [2.5, 'x']]",
        "{a: 1, b: {c: null}}", "()", "(:A:B {k: 'v'})", "[:T {w: 2}]", "<(:A)-[:T]->(:B)<-[:U]-()>",
    };
    for (const char* const sample : samples) {
        INFO(sample);
        CHECK(parsed(sample).toString() == sample);
    }
}
