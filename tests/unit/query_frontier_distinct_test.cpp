// FrontierDistinct (the frontier_distinct rule: one row per frontier node between the steps of a
// pattern read only up to duplicates) against the enumerating plan, the rule switched off, on
// random graphs with self-loops and parallel relationships, where relationship uniqueness
// decides answers (an undirected pattern walking one relationship back, a cycle through a loop).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"
#include "query/value_render.hpp"
#include "query_test_support.hpp"

namespace {

newsgraph::Database randomGraph(uint32_t seed, size_t nodes, size_t rels) {
    constexpr size_t kSelfLoopEvery = 9;
    constexpr int kWeights = 5;
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    std::uniform_int_distribution<size_t> pick(0, nodes - 1);
    std::uniform_int_distribution<int> weight(0, kWeights);
    const newsgraph::LabelId labels[] = {builder.catalog().internLabel("N"), builder.catalog().internLabel("M")};
    const newsgraph::TypeId types[] = {builder.catalog().internType("A"), builder.catalog().internType("B")};
    for (size_t i = 0; i < nodes; ++i) {
        const newsgraph::NodeId node = builder.addNode(std::vector<newsgraph::LabelId>{labels[i % 4 == 0 ? 1 : 0]});
        builder.setNodeProperty(node, "name", newsgraph::Value(fmt::format("n{}", i)));
    }
    for (size_t i = 0; i < rels; ++i) {
        const auto source = static_cast<newsgraph::NodeId>(pick(random));
        const auto target = i % kSelfLoopEvery == 0 ? source : static_cast<newsgraph::NodeId>(pick(random));
        const newsgraph::RelId rel = builder.addRelationship(source, types[i % 2], target);
        builder.setRelProperty(rel, "w", newsgraph::Value(static_cast<int64_t>(weight(random))));
    }
    return newsgraph::Database(std::move(builder).freeze());
}

// The result rows rendered and sorted: DISTINCT results compare as sets.
std::vector<std::string> sortedRows(newsgraph::Database& database, const std::string& query,
                                    std::vector<std::string> disabled = {}) {
    newsgraph::ExecuteOptions options;
    options.disabledRules = std::move(disabled);
    const auto result = database.execute(query, {}, options);
    std::vector<std::string> rows;
    for (const auto& row : result.rows) {
        std::string text;
        for (const newsgraph::Value& value : row) {
            text += newsgraph::renderValue(database.graph(), value) + " | ";
        }
        rows.push_back(std::move(text));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

TEST_CASE("frontier distinct agrees with enumerating every path", "[query][frontier-distinct]") {
    constexpr size_t kNodes = 24;
    constexpr size_t kRels = 70;
    // {MATCH pattern and WHERE, RETURN items}: `MATCH .. RETURN ..` with the rule on and off, and
    // with a `WITH *` between (which the rule sees through).
    const std::pair<const char*, const char*> queries[] = {
        {"(a)-[r1]->(b)-[r2]->(c:N {name: 'n3'})", "count(DISTINCT a)"},
        {"(a)-[r1]-(b)-[r2]-(c:N {name: 'n3'})", "count(DISTINCT a)"},
        {"(a:M {name: 'n4'})-[r1]-(b)-[r2]-(c)", "count(DISTINCT c)"},
        {"(a:M {name: 'n8'})-[r1]-(b)-[r2:A]-(c)-[r3]-(d)", "count(DISTINCT d)"},
        {"(a)-[:A]->(b)-[:B]-(c)-[r3]->(d:N {name: 'n2'})", "count(DISTINCT a)"},
        {"(a:N {name: 'n1'})-->(b)-->(c)-->(a)", "count(DISTINCT b)"},
        {"(a:N {name: 'n1'})-[r1]-(b)-[r2]-(a)", "count(DISTINCT b)"},
        {"(a:M {name: 'n0'})-[r1]-(b)-[*1..2]-(c)", "count(DISTINCT c)"},
        {"(a:M {name: 'n0'})-[r1:A]->(b)-[:B*..4]->(c)", "count(DISTINCT c)"},
        {"(a)-[r1]->(b:N {name: 'n2'})-[r2]->(c)-[r3]-(d)", "count(DISTINCT a), count(DISTINCT d)"},
        {"(a)-[r1]->(b)-[r2]->(c:N {name: 'n3'}) WHERE r1.w < r2.w", "count(DISTINCT a)"},
        {"(a)-[r1]-(b)-[r2]-(c:N {name: 'n5'}) WHERE a <> c AND r1.w > 1", "count(DISTINCT a)"},
        {"(a:M)-[r1]-(b)-[r2]-(c)", "count(DISTINCT c)"},
        {"(a)-[r1]-(b)-[r2]-(c:N {name: 'n6'})", "DISTINCT a.name, b.name"},
        {"(a)-[r1]-(b)-[r2]->(c:N {name: 'n6'})", "DISTINCT a.name"},
        {"(a)-[r1]-(b)-[r2]->(c:N {name: 'n7'})", "DISTINCT r1.w"},
        {"(a)-[r1]-(b)-[r2]->(c:N {name: 'n7'})", "b.name, collect(DISTINCT a.name) AS names"},
        {"(a)-[r1]-(b)-[r2]->(c:N {name: 'n7'}) WHERE (a)-->(c)", "count(DISTINCT a)"},
    };
    for (uint32_t seed : {1U, 2U, 3U, 4U}) {
        newsgraph::Database database = randomGraph(seed, kNodes, kRels);
        for (const auto& [pattern, items] : queries) {
            const std::string fast = fmt::format("MATCH {} RETURN {}", pattern, items);
            const std::string star = fmt::format("MATCH {} WITH * RETURN {}", pattern, items);
            INFO(fast << " seed " << seed);
            // collect() lists are compared as sets: unwound into rows.
            if (std::string(items).find("collect") != std::string::npos) {
                const std::string fastSorted = fmt::format(
                    "MATCH {} WITH b, collect(DISTINCT a.name) AS names UNWIND names AS n RETURN b.name, n", pattern);
                CHECK(sortedRows(database, fastSorted) == sortedRows(database, fastSorted, {"frontier_distinct"}));
                continue;
            }
            const auto enumerated = sortedRows(database, fast, {"frontier_distinct"});
            CHECK(sortedRows(database, fast) == enumerated);
            CHECK(sortedRows(database, star) == enumerated);
        }
    }
}

TEST_CASE("frontier distinct is planned only where duplicates cannot matter", "[query][frontier-distinct]") {
    newsgraph::Database database = randomGraph(1, 10, 20);
    const std::string pattern = "MATCH (a)-[r1]->(b)-[r2]->(c:N {name: 'n3'}) ";
    CHECK_THAT(database.explain(pattern + "RETURN count(DISTINCT a)"), Catch::Contains("FrontierDistinct on"));
    CHECK_THAT(database.explain(pattern + "RETURN DISTINCT a"), Catch::Contains("FrontierDistinct on"));
    CHECK_THAT(database.explain(pattern + "WITH DISTINCT a RETURN a"), Catch::Contains("FrontierDistinct on"));
    // Multiplicity counts: count(*), a non-distinct aggregate, plain rows.
    for (const char* items : {"count(*)", "count(a)", "a", "count(DISTINCT a), sum(r1.w)", "*"}) {
        INFO(items);
        CHECK_THAT(database.explain(pattern + "RETURN " + items), !Catch::Contains("FrontierDistinct"));
    }
    // The step just walked binds a relationship read later: nothing to merge.
    CHECK_THAT(database.explain(pattern + "RETURN DISTINCT r2"), !Catch::Contains("FrontierDistinct"));
    // A path variable reads every relationship: nothing to merge.
    CHECK_THAT(database.explain("MATCH p = (a)-->(b)-->(c:N {name: 'n3'}) RETURN count(DISTINCT a)"),
               !Catch::Contains("FrontierDistinct"));
    // Inside OPTIONAL MATCH too: merging keeps whether the per-row plan has rows at all.
    const std::string optional = "OPTIONAL MATCH (a)-->(b)-->(c:N {name: 'n3'}) RETURN count(DISTINCT a)";
    CHECK_THAT(database.explain(optional), Catch::Contains("FrontierDistinct"));
    CHECK(sortedRows(database, optional) == sortedRows(database, optional, {"frontier_distinct"}));
    // A pattern predicate planned inside the MATCH counts its own rows.
    CHECK(newsgraph::testing::single(
              database, "MATCH (a)-->(b)-->(c:N {name: 'n3'}) RETURN count(DISTINCT size([(a)-->(x)-->(y) | y]))") ==
          newsgraph::testing::single(
              database, "MATCH (a)-->(b)-->(c:N {name: 'n3'}) WITH * RETURN count(DISTINCT size([(a)-->(x)-->(y) | y]))"));
}
