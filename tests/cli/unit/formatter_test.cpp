// The four result formats on a small graph built in the test.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "cli/formatters/formatter.hpp"
#include "cli/formatters/text.hpp"
#include "engine/storage/graph_builder.hpp"

using newsgraph::Database;
using newsgraph::QueryResult;
using newsgraph::ResultDisplay;
using newsgraph::Value;

namespace {

Database smallDatabase() {
    newsgraph::GraphBuilder builder;
    const auto group = builder.addNode({"Actor", "Group"}, {{"name", Value("APT31")}, {"since", Value(2010)}});
    const auto state = builder.addNode({"Actor", "Country"}, {{"name", Value("China \"PRC\"")}});
    builder.addRelationship(group, "ASSOCIATED_WITH", state, {{"weight", Value(0.5)}});
    return Database(std::move(builder).freeze());
}

std::string format(newsgraph::OutputFormat format, Database& database, const std::string& query,
                   ResultDisplay display = {}) {
    const QueryResult result = database.execute(query);
    std::ostringstream out;
    newsgraph::writeResult(format, out, database, result, display);
    return out.str();
}

} // namespace

TEST_CASE("csv: header, RFC 4180 quoting, CRLF, null versus empty string", "[cli][format]") {
    Database database = smallDatabase();
    const std::string csv = format(newsgraph::OutputFormat::Csv, database,
                                   "RETURN 'a,b' AS `x,y`, 'say \"hi\"' AS q, 'two\nlines' AS n, '' AS e, null AS z, "
                                   "1 AS i, 1.0 AS f, true AS b, date('2025-05-28') AS d, ['a', 1] AS l");
    CHECK(csv == "\"x,y\",q,n,e,z,i,f,b,d,l\r\n"
                 "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"\",,1,1.0,true,2025-05-28,\"['a', 1]\"\r\n");
}

TEST_CASE("csv: statements without columns write nothing", "[cli][format]") {
    Database database = smallDatabase();
    CHECK(format(newsgraph::OutputFormat::Csv, database, "CREATE (:X)").empty());
}

TEST_CASE("json: typed values, escapes, one object per row", "[cli][format]") {
    Database database = smallDatabase();
    const std::string json = format(newsgraph::OutputFormat::Json, database,
                                    "UNWIND [1, 2] AS i RETURN i, 1.0 AS f, 1e300 AS big, 'q\"\\\\\n\t\u00e9' AS s, "
                                    "date('2025-05-28') AS d, null AS z, [true, {k: 2}] AS l");
    CHECK(json == "{\"i\":1,\"f\":1.0,\"big\":1e+300,\"s\":\"q\\\"\\\\\\n\\t\u00e9\",\"d\":\"2025-05-28\",\"z\":null,"
                  "\"l\":[true,{\"k\":2}]}\n"
                  "{\"i\":2,\"f\":1.0,\"big\":1e+300,\"s\":\"q\\\"\\\\\\n\\t\u00e9\",\"d\":\"2025-05-28\",\"z\":null,"
                  "\"l\":[true,{\"k\":2}]}\n");
}

TEST_CASE("json: nodes, relationships and paths", "[cli][format]") {
    Database database = smallDatabase();
    const std::string json =
        format(newsgraph::OutputFormat::Json, database, "MATCH p = (g:Group)-[r]->(c) RETURN g, r, p");
    CHECK(json ==
          "{\"g\":{\"id\":0,\"labels\":[\"Actor\",\"Group\"],\"properties\":{\"name\":\"APT31\",\"since\":2010}},"
          "\"r\":{\"id\":0,\"type\":\"ASSOCIATED_WITH\",\"start\":0,\"end\":1,\"properties\":{\"weight\":0.5}},"
          "\"p\":{\"nodes\":[{\"id\":0,\"labels\":[\"Actor\",\"Group\"],\"properties\":{\"name\":\"APT31\",\"since\":2010}},"
          "{\"id\":1,\"labels\":[\"Actor\",\"Country\"],\"properties\":{\"name\":\"China \\\"PRC\\\"\"}}],"
          "\"relationships\":[{\"id\":0,\"type\":\"ASSOCIATED_WITH\",\"start\":0,\"end\":1,\"properties\":{\"weight\":0.5}}]}}\n");
}

TEST_CASE("table: aligned, numbers right-aligned, footer", "[cli][format]") {
    Database database = smallDatabase();
    const std::string table = format(newsgraph::OutputFormat::Table, database,
                                     "MATCH (a:Actor) RETURN a.name AS name, size(a.name) AS n ORDER BY n",
                                     ResultDisplay{1.5, 0});
    CHECK(table == "+---------------+----+\n"
                   "| name          | n  |\n"
                   "+---------------+----+\n"
                   "| 'APT31'       |  5 |\n"
                   "| 'China \"PRC\"' | 11 |\n"
                   "+---------------+----+\n"
                   "2 rows (1.50 ms)\n");
}

TEST_CASE("table: long cells are cut with an ellipsis, long results with a footer", "[cli][format]") {
    Database database = smallDatabase();
    const std::string wide = format(newsgraph::OutputFormat::Table, database, "RETURN reduce(s = '', i IN range(1, 100) | s + 'x') AS s");
    CHECK(wide.find("x\u2026 |") != std::string::npos);
    const std::string cut = format(newsgraph::OutputFormat::Table, database, "UNWIND range(1, 10) AS i RETURN i",
                                   ResultDisplay{2.0, 3});
    CHECK(cut.ends_with("showing 3 of 10 rows (2.00 ms)\n"));
}

TEST_CASE("table: control characters cannot reach the terminal", "[cli][format]") {
    Database database = smallDatabase();
    const std::string table = format(newsgraph::OutputFormat::Table, database, "RETURN '\x1b[31mred' AS `a\x07b`");
    CHECK(table.find('\x1b') == std::string::npos);
    CHECK(table.find('\x07') == std::string::npos);
    CHECK(table.find("\\u001b[31mred") != std::string::npos);
}

TEST_CASE("table: write statements say what they changed", "[cli][format]") {
    Database database = smallDatabase();
    const std::string table =
        format(newsgraph::OutputFormat::Table, database, "CREATE (:Test {name: 'x'})", ResultDisplay{0.25, 0});
    CHECK(table == "nodes created: 1, properties set: 1, labels added: 1 (0.25 ms)\n");
}

TEST_CASE("dot: the result's nodes and relationships, named and typed", "[cli][format]") {
    Database database = smallDatabase();
    const std::string dot = format(newsgraph::OutputFormat::Dot, database, "MATCH (g:Group)-[r]->(c) RETURN r");
    CHECK(dot.starts_with("digraph newsgraph {\n"));
    CHECK(dot.find("n0 [label=\"APT31\\n:Actor:Group\"") != std::string::npos);
    CHECK(dot.find("n1 [label=\"China \\\"PRC\\\"\\n:Actor:Country\"") != std::string::npos);
    CHECK(dot.find("n0 -> n1 [label=\"ASSOCIATED_WITH\"];") != std::string::npos);
    CHECK(dot.ends_with("}\n"));
    const std::string scalars = format(newsgraph::OutputFormat::Dot, database, "RETURN 1 AS x");
    CHECK(scalars.find("->") == std::string::npos);
}

TEST_CASE("text helpers: width, truncation, UTF-8 repair", "[cli][format]") {
    CHECK(newsgraph::displayWidth("\u010de\u0161tina") == 7);
    CHECK(newsgraph::truncateToWidth("abcdef", 4) == "abc\u2026");
    CHECK(newsgraph::truncateToWidth("\u010d\u010d\u010d", 2) == "\u010d\u2026");
    CHECK(newsgraph::truncateToWidth("abc", 3) == "abc");
    CHECK(newsgraph::validUtf8("a\xff" "b\xe2\x82") == "a\uFFFDb\uFFFD");
    CHECK(newsgraph::jsonString("\x01\"") == "\"\\u0001\\\"\"");
}
