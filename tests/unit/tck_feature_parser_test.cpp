// The TCK runner's Gherkin reader: scenarios, outlines, doc strings, tables, keys, the real TCK.
#include <filesystem>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "tests/tck/feature_parser.hpp"
#include "tests/tck/tck_steps.hpp"
#include "tests/tck/tck_value.hpp"

using newsgraph::tck::DataTable;
using newsgraph::tck::FeatureFile;
using newsgraph::tck::parseFeature;
using newsgraph::tck::Scenario;

namespace {

const char* const kFeature = R"(#
# A licence header comment
#encoding: utf-8

Feature: Demo - a small feature
  Some description text.

  Background:
    Given an empty graph

  @tagged
  Scenario: [1] Plain scenario
    And having executed:
      """
      CREATE (:A {name: 'a'})
        -[:T]->(:B)
      """
    When executing query:
      """
      MATCH (n) RETURN n
      """
    Then the result should be, in any order:
      | n                  |
      | (:A {name: 'a'})   |
      | 'a\|b'             |
    And no side effects

  Scenario Outline: [2] Outline <what>
    When executing query:
      """
      RETURN <expr> AS x
      """
    Then the result should be, in order:
      | x        |
      | <result> |
    And the side effects should be:
      | +nodes | <n> |

    Examples:
      | what | expr  | result | n |
      | one  | 1     | 1      | 0 |
      | two  | 'a<b' | 'a<b'  | 2 |

    Examples:
      | what  | expr | result | n |
      | three | null | null   | 1 |
)";

} // namespace

TEST_CASE("TCK feature parser reads scenarios, backgrounds, doc strings and tables", "[tck]") {
    const FeatureFile file = parseFeature(kFeature, "clauses/demo/Demo1.feature");
    CHECK(file.issues.empty());
    CHECK(file.name == "Demo - a small feature");
    REQUIRE(file.scenarios.size() == 4);

    const Scenario& plain = file.scenarios[0];
    CHECK(plain.name == "[1] Plain scenario");
    CHECK(plain.key() == "clauses/demo/Demo1.feature:[1] Plain scenario");
    CHECK(plain.tags == std::vector<std::string>{"@tagged"});
    CHECK(plain.exampleIndex == 0);
    REQUIRE(plain.steps.size() == 5);
    CHECK(plain.steps[0].keyword == "Given");
    CHECK(plain.steps[0].text == "an empty graph");
    REQUIRE(plain.steps[1].docString);
    CHECK(*plain.steps[1].docString == "CREATE (:A {name: 'a'})\n  -[:T]->(:B)");
    CHECK(*plain.steps[2].docString == "MATCH (n) RETURN n");
    REQUIRE(plain.steps[3].table);
    const DataTable& table = *plain.steps[3].table;
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0] == std::vector<std::string>{"n"});
    CHECK(table.rows[1] == std::vector<std::string>{"(:A {name: 'a'})"});
    CHECK(table.rows[2] == std::vector<std::string>{"'a|b'"});
    CHECK(plain.steps[4].text == "no side effects");
}

TEST_CASE("TCK feature parser expands scenario outlines", "[tck]") {
    const FeatureFile file = parseFeature(kFeature, "clauses/demo/Demo1.feature");
    REQUIRE(file.scenarios.size() == 4);

    const Scenario& first = file.scenarios[1];
    CHECK(first.name == "[2] Outline <what>");
    CHECK(first.exampleIndex == 1);
    CHECK(first.key() == "clauses/demo/Demo1.feature:[2] Outline <what> (example 1)");
    REQUIRE(first.steps.size() == 4); // background + 3
    CHECK(first.steps[0].text == "an empty graph");
    CHECK(*first.steps[1].docString == "RETURN 1 AS x");
    CHECK(first.steps[2].table->rows[1] == std::vector<std::string>{"1"});
    CHECK(first.steps[3].table->rows[0] == std::vector<std::string>{"+nodes", "0"});

    const Scenario& second = file.scenarios[2];
    CHECK(second.exampleIndex == 2);
    // A substituted value is not scanned again for placeholders.
    CHECK(*second.steps[1].docString == "RETURN 'a<b' AS x");
    CHECK(second.steps[3].table->rows[0] == std::vector<std::string>{"+nodes", "2"});

    // Rows of a second Examples table keep counting.
    const Scenario& third = file.scenarios[3];
    CHECK(third.exampleIndex == 3);
    CHECK(third.key() == "clauses/demo/Demo1.feature:[2] Outline <what> (example 3)");
    CHECK(*third.steps[1].docString == "RETURN null AS x");
}

TEST_CASE("TCK feature parser handles CRLF, indentation and Gherkin cell escapes", "[tck]") {
    const std::string text =
        "Feature: F\r\n"
        "  Scenario: [1] s\r\n"
        "    When executing query:\r\n"
        "      \"\"\"\r\n"
        "      RETURN 1\r\n"
        "        AS x\r\n"
        "      \"\"\"\r\n"
        "    Then the result should be, in any order:\r\n"
        "      | x |\r\n"
        "      | '\\nA\\\\B\\'' |\r\n";
    const FeatureFile file = parseFeature(text, "F.feature");
    CHECK(file.issues.empty());
    REQUIRE(file.scenarios.size() == 1);
    const Scenario& scenario = file.scenarios[0];
    REQUIRE(scenario.steps.size() == 2);
    CHECK(*scenario.steps[0].docString == "RETURN 1\n  AS x");
    // \n -> newline, \\ -> \, other escapes kept for the value parser.
    CHECK(scenario.steps[1].table->rows[1][0] == "'\nA\\B\\''");
}

TEST_CASE("TCK feature parser reports malformed input without throwing", "[tck]") {
    CHECK(parseFeature("", "empty.feature").scenarios.empty());
    const FeatureFile unterminated = parseFeature("Feature: F\n Scenario: [1] s\n When executing query:\n \"\"\"\n RETURN 1\n",
                                                  "u.feature");
    CHECK_FALSE(unterminated.issues.empty());
    const FeatureFile stray = parseFeature("Feature: F\n | a |\n Examples:\n", "s.feature");
    CHECK_FALSE(stray.issues.empty());
    CHECK(newsgraph::tck::splitTableRow("no row").empty());
    CHECK(newsgraph::tck::splitTableRow("| a | b\\|c | d\\\\ |") == std::vector<std::string>{"a", "b|c", "d\\"});
    CHECK(newsgraph::tck::featureFolder("clauses/match/Match1.feature") == "clauses/match");
    CHECK(newsgraph::tck::featureFolder("a/b/c/D.feature") == "a/b");
    CHECK(newsgraph::tck::featureFolder("a/D.feature") == "a");
    CHECK(newsgraph::tck::featureFolder("D.feature") == ".");
}

TEST_CASE("TCK feature parser counts every scenario of the real TCK", "[tck]") {
    const std::filesystem::path dir = NEWSGRAPH_TCK_FEATURES_DIR;
    if (!std::filesystem::is_directory(dir)) {
        WARN("TCK features not found at " << dir << "; skipped");
        return;
    }
    const newsgraph::tck::FeatureSet features = newsgraph::tck::loadFeatures(dir);
    for (const auto& issue : features.issues) {
        UNSCOPED_INFO(issue.toString());
    }
    CHECK(features.issues.empty());
    CHECK(features.featureCount == 220);
    CHECK(features.scenarios.size() == 3897);

    std::set<std::string> keys;
    size_t cells = 0;
    for (const Scenario& scenario : features.scenarios) {
        CHECK(keys.insert(scenario.key()).second);
        for (const newsgraph::tck::Step& step : scenario.steps) {
            const newsgraph::tck::StepInfo info = newsgraph::tck::classifyStep(step.text);
            INFO(scenario.key() << " line " << step.line << ": " << step.text);
            CHECK(info.kind != newsgraph::tck::StepKind::Unknown);
            if (info.kind == newsgraph::tck::StepKind::ExpectResult) {
                REQUIRE(step.table);
                const auto parsed = newsgraph::tck::parseExpectedResult(*step.table);
                INFO(parsed.error);
                CHECK(parsed.result);
                cells += parsed.result ? parsed.result->rows.size() * parsed.result->columns.size() : 0;
            }
            if (info.kind == newsgraph::tck::StepKind::Parameters) {
                REQUIRE(step.table);
                const auto parsed = newsgraph::tck::parseParameters(*step.table);
                INFO(parsed.error);
                CHECK(parsed.parameters);
            }
            if (info.kind == newsgraph::tck::StepKind::SideEffects) {
                REQUIRE(step.table);
                const auto parsed = newsgraph::tck::parseSideEffects(*step.table);
                INFO(parsed.error);
                CHECK(parsed.effects);
            }
        }
    }
    CHECK(cells > 1000);
}
