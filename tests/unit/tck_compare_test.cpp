// The TCK runner's judging: value equality, result tables, error steps and side effects.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "tests/tck/feature_parser.hpp"
#include "tests/tck/result_compare.hpp"
#include "tests/tck/tck_report.hpp"
#include "tests/tck/tck_steps.hpp"
#include "tests/tck/tck_value.hpp"

using newsgraph::tck::ActualResult;
using newsgraph::tck::compareResults;
using newsgraph::tck::DataTable;
using newsgraph::tck::ErrorPhase;
using newsgraph::tck::ExpectedResult;
using newsgraph::tck::ListOrder;
using newsgraph::tck::RowOrder;
using newsgraph::tck::StepKind;
using newsgraph::tck::TckValue;
using newsgraph::tck::tckEquals;

namespace {

TckValue value(const std::string& text) {
    newsgraph::tck::TckParseResult result = newsgraph::tck::parseTckValue(text);
    INFO(text << ": " << result.error);
    REQUIRE(result.value);
    return *result.value;
}

bool same(const std::string& expected, const std::string& actual, ListOrder lists = ListOrder::Ordered) {
    return tckEquals(value(expected), value(actual), lists);
}

ExpectedResult expected(const std::vector<std::vector<std::string>>& table) {
    const newsgraph::tck::ExpectedResultParse parse = newsgraph::tck::parseExpectedResult(DataTable{table});
    INFO(parse.error);
    REQUIRE(parse.result);
    return *parse.result;
}

ActualResult actual(std::vector<std::string> columns, const std::vector<std::vector<std::string>>& rows) {
    ActualResult result;
    result.columns = std::move(columns);
    for (const auto& row : rows) {
        std::vector<TckValue> values;
        for (const auto& cell : row) {
            values.push_back(value(cell));
        }
        result.rows.push_back(std::move(values));
    }
    return result;
}

} // namespace

TEST_CASE("TCK comparison: scalar rules", "[tck]") {
    CHECK(same("1", "1"));
    CHECK_FALSE(same("1", "1.0"));
    CHECK_FALSE(same("1.0", "1"));
    CHECK(same("1.0", "1.00"));
    CHECK(same(".5", "0.5"));
    CHECK_FALSE(same("0.1", "0.10000000000000002"));
    CHECK(same("NaN", "NaN"));
    CHECK_FALSE(same("NaN", "1.0"));
    CHECK(same("null", "null"));
    CHECK_FALSE(same("null", "false"));
    CHECK(same("'a'", "\"a\""));
    CHECK_FALSE(same("'a'", "'A'"));
    CHECK_FALSE(same("'1'", "1"));
}

TEST_CASE("TCK comparison: lists, maps, nodes, relationships, paths", "[tck]") {
    CHECK(same("[1, 2]", "[1, 2]"));
    CHECK_FALSE(same("[1, 2]", "[2, 1]"));
    CHECK(same("[1, 2]", "[2, 1]", ListOrder::Ignored));
    CHECK(same("[[1, 2], [3]]", "[[3], [2, 1]]", ListOrder::Ignored));
    CHECK_FALSE(same("[1, 1, 2]", "[1, 2, 2]", ListOrder::Ignored));
    CHECK_FALSE(same("[1]", "[1, 1]", ListOrder::Ignored));

    CHECK(same("{a: 1, b: 2}", "{b: 2, a: 1}"));
    CHECK_FALSE(same("{a: 1}", "{a: 1, b: null}"));
    CHECK_FALSE(same("{a: 1}", "{a: 1.0}"));

    CHECK(same("(:A:B {x: 1, y: 'z'})", "(:B:A {y: 'z', x: 1})"));
    CHECK_FALSE(same("(:A)", "(:A:B)"));
    CHECK_FALSE(same("(:A {x: 1})", "(:A)"));
    CHECK(same("()", "()"));
    CHECK(same("[:T {w: 1}]", "[:T {w: 1}]"));
    CHECK_FALSE(same("[:T]", "[:U]"));
    CHECK_FALSE(same("(:A)", "[:A]"));

    CHECK(same("<(:A)-[:T]->(:B)>", "<(:A)-[:T]->(:B)>"));
    CHECK_FALSE(same("<(:A)-[:T]->(:B)>", "<(:A)<-[:T]-(:B)>"));
    CHECK_FALSE(same("<(:A)-[:T]->(:B)>", "<(:A)-[:T]->(:C)>"));
    CHECK_FALSE(same("<(:A)>", "<(:A)-[:T]->(:A)>"));

    // A self-loop matches either direction.
    TckValue loop = value("<(:A)-[:T]->(:A)>");
    loop.items[1].selfLoop = true;
    CHECK(tckEquals(value("<(:A)<-[:T]-(:A)>"), loop));
}

TEST_CASE("TCK comparison: result tables", "[tck]") {
    const ExpectedResult twoRows = expected({{"n", "m"}, {"1", "'a'"}, {"2", "'b'"}});

    // Multiset: any row order matches.
    CHECK(compareResults(twoRows, actual({"n", "m"}, {{"2", "'b'"}, {"1", "'a'"}}), RowOrder::Any,
                         ListOrder::Ordered)
              .matched);
    // In order: the order matters.
    CHECK_FALSE(compareResults(twoRows, actual({"n", "m"}, {{"2", "'b'"}, {"1", "'a'"}}), RowOrder::Ordered,
                               ListOrder::Ordered)
                    .matched);
    CHECK(compareResults(twoRows, actual({"n", "m"}, {{"1", "'a'"}, {"2", "'b'"}}), RowOrder::Ordered,
                         ListOrder::Ordered)
              .matched);
    // Columns matched by name when listed in another order.
    CHECK(compareResults(twoRows, actual({"m", "n"}, {{"'a'", "1"}, {"'b'", "2"}}), RowOrder::Ordered,
                         ListOrder::Ordered)
              .matched);
    // Wrong column names, counts, duplicates.
    const auto wrongName = compareResults(twoRows, actual({"n", "x"}, {{"1", "'a'"}, {"2", "'b'"}}),
                                          RowOrder::Any, ListOrder::Ordered);
    CHECK_FALSE(wrongName.matched);
    CHECK(wrongName.message.find("columns") != std::string::npos);
    CHECK_FALSE(compareResults(twoRows, actual({"n", "m"}, {{"1", "'a'"}}), RowOrder::Any, ListOrder::Ordered)
                    .matched);
    CHECK_FALSE(compareResults(twoRows, actual({"n", "m"}, {{"1", "'a'"}, {"1", "'a'"}}), RowOrder::Any,
                               ListOrder::Ordered)
                    .matched);
    // Multiset counts duplicates.
    const ExpectedResult dup = expected({{"x"}, {"1"}, {"1"}, {"2"}});
    CHECK(compareResults(dup, actual({"x"}, {{"1"}, {"2"}, {"1"}}), RowOrder::Any, ListOrder::Ordered).matched);
    CHECK_FALSE(compareResults(dup, actual({"x"}, {{"1"}, {"2"}, {"2"}}), RowOrder::Any, ListOrder::Ordered).matched);
    // Lists inside rows: element order ignored only when asked.
    const ExpectedResult lists = expected({{"l"}, {"[1, 2, 3]"}});
    CHECK_FALSE(compareResults(lists, actual({"l"}, {{"[3, 2, 1]"}}), RowOrder::Any, ListOrder::Ordered).matched);
    CHECK(compareResults(lists, actual({"l"}, {{"[3, 2, 1]"}}), RowOrder::Any, ListOrder::Ignored).matched);
    // An empty expectation with a header.
    CHECK(compareResults(expected({{"x"}}), actual({"x"}, {}), RowOrder::Any, ListOrder::Ordered).matched);

    CHECK_FALSE(newsgraph::tck::parseExpectedResult(DataTable{{{"a", "b"}, {"1"}}}).result);
    CHECK_FALSE(newsgraph::tck::parseExpectedResult(DataTable{{{"a"}, {"(:A"}}}).result);
    CHECK_FALSE(newsgraph::tck::parseExpectedResult(DataTable{}).result);
}

TEST_CASE("TCK steps: classification", "[tck]") {
    using newsgraph::tck::classifyStep;
    CHECK(classifyStep("an empty graph").kind == StepKind::EmptyGraph);
    CHECK(classifyStep("any graph").kind == StepKind::AnyGraph);
    const auto named = classifyStep("the binary-tree-1 graph");
    CHECK(named.kind == StepKind::NamedGraph);
    CHECK(named.argument == "binary-tree-1");
    CHECK(classifyStep("having executed:").kind == StepKind::HavingExecuted);
    CHECK(classifyStep("parameters are:").kind == StepKind::Parameters);
    const auto procedure = classifyStep("there exists a procedure test.doNothing() :: ():");
    CHECK(procedure.kind == StepKind::Procedure);
    CHECK(procedure.argument == "test.doNothing() :: ()");
    CHECK(classifyStep("executing query:").kind == StepKind::ExecuteQuery);
    CHECK(classifyStep("executing control query:").kind == StepKind::ExecuteControlQuery);
    CHECK(classifyStep("the result should be empty").kind == StepKind::ExpectEmpty);
    CHECK(classifyStep("no side effects").kind == StepKind::NoSideEffects);
    CHECK(classifyStep("the side effects should be:").kind == StepKind::SideEffects);
    CHECK(classifyStep("something else entirely").kind == StepKind::Unknown);

    const auto anyOrder = classifyStep("the result should be, in any order:");
    CHECK(anyOrder.kind == StepKind::ExpectResult);
    CHECK(anyOrder.rowOrder == RowOrder::Any);
    CHECK(anyOrder.listOrder == ListOrder::Ordered);
    const auto inOrder = classifyStep("the result should be, in order:");
    CHECK(inOrder.rowOrder == RowOrder::Ordered);
    const auto ignoring = classifyStep("the result should be (ignoring element order for lists):");
    CHECK(ignoring.kind == StepKind::ExpectResult);
    CHECK(ignoring.rowOrder == RowOrder::Any);
    CHECK(ignoring.listOrder == ListOrder::Ignored);
    const auto both = classifyStep("the result should be, in order (ignoring element order for lists):");
    CHECK(both.rowOrder == RowOrder::Ordered);
    CHECK(both.listOrder == ListOrder::Ignored);
}

TEST_CASE("TCK steps: error expectations", "[tck]") {
    using newsgraph::tck::parseErrorStep;
    const auto syntax = parseErrorStep("a SyntaxError should be raised at compile time: UndefinedVariable");
    REQUIRE(syntax);
    CHECK(syntax->kind == "SyntaxError");
    CHECK(syntax->phase == ErrorPhase::CompileTime);
    CHECK(syntax->detail == "UndefinedVariable");

    const auto runtime = parseErrorStep("Then a TypeError should be raised at runtime: InvalidArgumentValue");
    REQUIRE(runtime);
    CHECK(runtime->phase == ErrorPhase::Runtime);
    const auto anyTime = parseErrorStep("a TypeError should be raised at any time: *");
    REQUIRE(anyTime);
    CHECK(anyTime->phase == ErrorPhase::AnyTime);
    CHECK(anyTime->detail == "*");
    const auto an = parseErrorStep("an ArgumentError should be raised at runtime: NumberOutOfRange");
    REQUIRE(an);
    CHECK(an->kind == "ArgumentError");

    CHECK_FALSE(parseErrorStep("a SyntaxError should be raised at lunch time: X"));
    CHECK_FALSE(parseErrorStep("the result should be empty"));
    CHECK(newsgraph::tck::classifyStep("a EntityNotFound should be raised at runtime: DeletedEntityAccess").kind ==
          StepKind::ExpectError);
}

TEST_CASE("TCK steps: side effects and parameters", "[tck]") {
    const auto parse = newsgraph::tck::parseSideEffects(
        DataTable{{{"+nodes", "2"}, {"-relationships", "1"}, {"+properties", "3"}, {"-labels", "4"}}});
    REQUIRE(parse.effects);
    newsgraph::tck::SideEffects wanted;
    wanted.nodesCreated = 2;
    wanted.relationshipsDeleted = 1;
    wanted.propertiesSet = 3;
    wanted.labelsRemoved = 4;
    CHECK(*parse.effects == wanted);
    CHECK(newsgraph::tck::compareSideEffects(wanted, wanted).matched);
    newsgraph::tck::SideEffects extra = wanted;
    extra.labelsAdded = 1; // an unlisted counter must be zero
    const auto differs = newsgraph::tck::compareSideEffects(wanted, extra);
    CHECK_FALSE(differs.matched);
    CHECK(differs.message.find("+labels 1") != std::string::npos);
    CHECK(newsgraph::tck::compareSideEffects({}, {}).matched);

    CHECK_FALSE(newsgraph::tck::parseSideEffects(DataTable{{{"+widgets", "1"}}}).effects);
    CHECK_FALSE(newsgraph::tck::parseSideEffects(DataTable{{{"+nodes", "x"}}}).effects);
    CHECK_FALSE(newsgraph::tck::parseSideEffects(DataTable{{{"+nodes"}}}).effects);

    const auto parameters = newsgraph::tck::parseParameters(DataTable{{{"expr", "{name: 'Apa'}"}, {"idx", "0"}}});
    REQUIRE(parameters.parameters);
    REQUIRE(parameters.parameters->size() == 2);
    CHECK((*parameters.parameters)[0].first == "expr");
    CHECK((*parameters.parameters)[0].second.kind == newsgraph::tck::TckKind::Map);
    CHECK((*parameters.parameters)[1].second.integer == 0);
    CHECK_FALSE(newsgraph::tck::parseParameters(DataTable{{{"x", "[1,"}}}).parameters);
}

TEST_CASE("TCK report: folder summary", "[tck]") {
    newsgraph::tck::RunSummary summary;
    summary.record("clauses/match/Match1.feature", true);
    summary.record("clauses/match/Match2.feature", false);
    summary.record("expressions/list/List1.feature", true);
    CHECK(summary.passed() == 2);
    CHECK(summary.total() == 3);
    REQUIRE(summary.folders().size() == 2);
    CHECK(summary.folders().at("clauses/match").passed == 1);
    CHECK(summary.folders().at("clauses/match").total == 2);
    const std::string table = summary.table();
    CHECK(table.find("clauses/match") != std::string::npos);
    CHECK(table.find("expressions/list") != std::string::npos);
}
