// The query-file reader shared by the e2e tests and the benchmark suites: every directive, and a
// message naming file:line for each malformed block.
#include <catch2/catch.hpp>

#include <fstream>

#include "test_support.hpp"
#include "testing/query_file.hpp"

namespace {

using newsgraph::testing::Expectation;
using newsgraph::testing::GraphDirective;
using newsgraph::testing::QueryFileError;
using newsgraph::testing::readQueryFile;

std::string write(const newsgraph::testing::TempDir& dir, const std::string& text) {
    const std::string path = dir.file("q.test");
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST_CASE("query files: directives, statements and expectations", "[query-file]") {
    const newsgraph::testing::TempDir dir;
    const std::string path = write(dir,
                                   "# a comment\n"
                                   "-DATASET czech-apt31\n"
                                   "-PARAM who 'APT31'\n"
                                   "-NAME Q1\n"
                                   "-STATEMENT MATCH (g {name: $who})\r\n"
                                   "-ORDERED\n"
                                   "RETURN g.name\n"
                                   "---- 2\n"
                                   "'a'\n"
                                   "'b'\n"
                                   "\n"
                                   "-PARAM who 'ZIRCONIUM'\n"
                                   "-MAYFAIL\n"
                                   "-STATEMENT RETURN 1\n"
                                   "---- ?\n"
                                   "-LOAD icews:${SHARED}/x gdelt:y\n"
                                   "-STATEMENT RETURN nope\n"
                                   "---- error UndefinedVariable\n"
                                   "nope\n"
                                   "-STATEMENT CREATE ()\n"
                                   "---- ok\n");
    const auto file = readQueryFile(path);
    REQUIRE(file.statements.size() == 4);
    CHECK(file.dataset == "czech-apt31");
    const auto& first = file.statements[0];
    CHECK(first.name == "Q1");
    CHECK(first.query == "MATCH (g {name: $who})\nRETURN g.name");
    CHECK(first.ordered);
    CHECK(first.line == 5);
    REQUIRE(first.graph.has_value());
    CHECK(first.graph->kind == GraphDirective::Kind::Dataset);
    CHECK(first.expectation == Expectation::Rows);
    CHECK(first.rows == std::vector<std::string>{"'a'", "'b'"});
    CHECK(first.parameters == std::vector<std::pair<std::string, std::string>>{{"who", "'APT31'"}});
    const auto& second = file.statements[1];
    CHECK(second.name == "S2");
    CHECK(second.mayFail);
    CHECK_FALSE(second.graph.has_value());
    CHECK(second.expectation == Expectation::Unchecked);
    CHECK(second.parameters == std::vector<std::pair<std::string, std::string>>{{"who", "'ZIRCONIUM'"}});
    const auto& third = file.statements[2];
    REQUIRE(third.graph.has_value());
    CHECK(third.graph->kind == GraphDirective::Kind::Load);
    CHECK(third.graph->value == "icews:${SHARED}/x gdelt:y");
    CHECK(third.expectation == Expectation::Error);
    CHECK(third.errorKind == "UndefinedVariable");
    CHECK(third.errorNeedle == "nope");
    CHECK(file.statements[3].expectation == Expectation::Ok);
    CHECK_FALSE(file.statements[3].mayFail);

    // --record: answers replace the expectations they are given for, multiset rows sorted.
    const std::string recorded = newsgraph::testing::recordAnswers(
        file, {std::nullopt, std::vector<std::string>{"2", "1"}, std::nullopt, std::nullopt});
    CHECK_THAT(recorded, Catch::Contains("-STATEMENT RETURN 1\n---- 2\n1\n2\n-LOAD"));
    CHECK_THAT(recorded, Catch::Contains("---- 2\n'a'\n'b'\n"));
}

TEST_CASE("query files: malformed blocks are reported with file and line", "[query-file]") {
    const newsgraph::testing::TempDir dir;
    const std::pair<const char*, const char*> cases[] = {
        {"-STATEMENT RETURN 1\n", "q.test:1: statement without a ---- expectation line"},
        {"\n-STATEMENT RETURN 1\n---- x\n", "q.test:3: expected '---- N', '---- ok', '---- ?' or '---- error KIND', got: ---- x"},
        {"-STATEMENT RETURN 1\n---- 3\n1\n", "q.test:2: 3 rows announced, only 1 lines left"},
        {"-PARAM lonely\n", "q.test:1: -PARAM needs a name and a Cypher literal"},
        {"RETURN 1\n", "q.test:1: expected -STATEMENT, -PARAM, -DISABLE-RULES, -THREADS, -NAME, -MAYFAIL, -DATASET, -LOAD or a # comment, got: RETURN 1"},
        {"-THREADS 0\n-STATEMENT RETURN 1\n---- ok\n", "q.test:1: -THREADS takes a whole number of threads >= 1, or all"},
        {"-STATEMENT RETURN 1\n---- ok\n-DATASET empty\n", "q.test:3: a -DATASET or -LOAD line without a statement after it"},
    };
    for (const auto& [text, message] : cases) {
        INFO(text);
        const std::string path = write(dir, text);
        CHECK_THROWS_WITH(readQueryFile(path), Catch::EndsWith(message));
    }
    CHECK_THROWS_AS(readQueryFile(dir.file("missing.test")), QueryFileError);
}

TEST_CASE("query files: -DISABLE-RULES applies to the statements after it", "[query-file]") {
    const newsgraph::testing::TempDir dir;
    const std::string path = write(dir, "-STATEMENT RETURN 1\n---- ok\n"
                                        "-DISABLE-RULES reach_count  distinct_endpoints\n"
                                        "-STATEMENT RETURN 2\n---- ok\n-STATEMENT RETURN 3\n---- ok\n"
                                        "-DISABLE-RULES\n-STATEMENT RETURN 4\n---- ok\n");
    const auto file = readQueryFile(path);
    REQUIRE(file.statements.size() == 4);
    CHECK(file.statements[0].disabledRules.empty());
    const std::vector<std::string> both{"reach_count", "distinct_endpoints"};
    CHECK(file.statements[1].disabledRules == both);
    CHECK(file.statements[2].disabledRules == both);
    CHECK(file.statements[3].disabledRules.empty());
}
