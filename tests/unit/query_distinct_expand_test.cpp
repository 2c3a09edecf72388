// A variable-length pattern read only up to duplicates runs breadth first (the distinct_endpoints
// rule: BreadthFirstDistinctExpand) and a lone count(DISTINCT x) over it counts in a bitmap (the
// reach_count rule); these tests check both against the path-enumerating plan, which switching the
// rules off gives, on random graphs, for the family of queries users write around them.
#include <catch2/catch.hpp>

#include <random>

#include <fmt/format.h>

#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"
#include "query_test_support.hpp"

namespace {

// With `skewed`, endpoints favour low ids (a product of two uniform picks): hub nodes, as in news data.
newsgraph::Database randomGraph(uint32_t seed, size_t nodes, size_t rels, bool skewed = false) {
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    std::uniform_int_distribution<size_t> pick(0, nodes - 1);
    const newsgraph::LabelId label = builder.catalog().internLabel("N");
    const newsgraph::TypeId types[] = {builder.catalog().internType("A"), builder.catalog().internType("B")};
    for (size_t i = 0; i < nodes; ++i) {
        const newsgraph::NodeId node = builder.addNode(std::vector<newsgraph::LabelId>{label});
        builder.setNodeProperty(node, "k", newsgraph::Value(static_cast<int64_t>(i)));
    }
    for (size_t i = 0; i < rels; ++i) {
        auto endpoint = [&] { return static_cast<newsgraph::NodeId>(skewed ? pick(random) * pick(random) / nodes : pick(random)); };
        const newsgraph::NodeId source = endpoint();
        const newsgraph::RelId rel = builder.addRelationship(source, types[i % 2], endpoint());
        builder.setRelProperty(rel, "w", newsgraph::Value(static_cast<int64_t>(i % 3)));
    }
    return newsgraph::Database(std::move(builder).freeze());
}

using newsgraph::testing::explainWithout;
using newsgraph::testing::single;

} // namespace

TEST_CASE("breadth-first count(DISTINCT x) agrees with path enumeration", "[query][expand]") {
    constexpr size_t kNodes = 40;
    constexpr size_t kRels = 70;
    for (uint32_t seed : {1U, 2U, 3U}) {
        newsgraph::Database database = randomGraph(seed, kNodes, kRels);
        for (const char* arrow : {"-[*1..3]->", "<-[*1..2]-", "-[*1..3]-", "-[:A*1..4]-", "-[:B*0..2]->", "-[*..3]->"}) {
            for (int start : {0, 7, 19}) {
                const std::string reach =
                    fmt::format("MATCH (a:N {{k: {}}}){}(x) RETURN count(DISTINCT x)", start, arrow);
                INFO(reach);
                const int64_t enumerated = single(database, reach, {"distinct_endpoints"});
                CHECK(single(database, reach) == enumerated);
                CHECK(single(database, reach, {"reach_count"}) == enumerated);
            }
        }
        // Several start rows share one count; a label on the end node filters it.
        const std::string many = "MATCH (a:N)-[*1..2]->(x) RETURN count(DISTINCT x)";
        CHECK(single(database, many) == single(database, many, {"distinct_endpoints"}));
        CHECK(single(database, "MATCH (a:N)-[*1..2]->(x:Nope) RETURN count(DISTINCT x)") == 0);
        CHECK_THAT(database.explain("MATCH (a:N {k: 1})-[*1..3]-(x) RETURN count(DISTINCT x)"),
                   Catch::Contains("ReachCount") && Catch::Contains("rules fired: distinct_endpoints, reach_count"));
        CHECK_THAT(explainWithout(database, "MATCH (a:N {k: 1})-[*1..3]-(x) RETURN count(DISTINCT x)", {"reach_count"}),
                   Catch::Contains("BreadthFirstDistinctExpand") && !Catch::Contains("ReachCount"));
        CHECK_THAT(database.explain("MATCH (a:N {k: 1})-[*1..3]-(x) RETURN count(x)"),
                   !Catch::Contains("BreadthFirstDistinctExpand") && !Catch::Contains("ReachCount"));
    }
}

TEST_CASE("breadth-first expansion: the family of queries around the reach count", "[query][expand][optimizer]") {
    constexpr size_t kNodes = 40;
    constexpr size_t kRels = 80;
    // What a user adds to a reach query: filters on the end node (alone, against the start, on its
    // labels), a relationship type, the other direction, other bounds, grouping, DISTINCT rows,
    // WITH DISTINCT, collect(DISTINCT), min/max, EXISTS, several start nodes, a fixed step after it.
    const std::vector<std::string> queries = {
        "MATCH (a:N {k: 3})-[*1..3]->(b) WHERE b.k <> 3 RETURN count(DISTINCT b)",
        "MATCH (a:N {k: 3})-[*1..3]-(b) WHERE b.k > a.k RETURN count(DISTINCT b)",
        "MATCH (a:N {k: 3})<-[:A*1..4]-(b) WHERE b.k % 2 = 0 AND b.k < 30 RETURN count(DISTINCT b)",
        "MATCH (a:N {k: 5})-[*0..2]-(b:N) RETURN count(DISTINCT b)",
        "MATCH (a:N {k: 5})-[*..3]->(b) WHERE b:N RETURN count(DISTINCT b)",
        "MATCH (a:N)-[*1..2]->(b) WHERE a.k < 10 AND b.k >= 20 RETURN count(DISTINCT b)",
        "MATCH (a:N)-[*1..2]->(b) WHERE a.k < 10 RETURN a.k, count(DISTINCT b)",
        "MATCH (a:N)-[:B*1..3]-(b) WHERE a.k < 6 RETURN DISTINCT a.k, b.k",
        "MATCH (a:N {k: 2})-[*1..3]->(b) WITH DISTINCT b WHERE b.k > 4 RETURN b.k",
        "MATCH (a:N {k: 2})-[*1..3]->(b) WITH collect(DISTINCT b.k % 5) AS ks UNWIND ks AS k RETURN k",
        "MATCH (a:N {k: 2})-[*1..3]->(b) RETURN min(b.k), max(b.k)",
        "MATCH (a:N {k: 2})-[*1..3]->(b)-[:A]->(c) RETURN count(DISTINCT c)",
        "MATCH (a:N)-[:A*1..2]->(b) WHERE a.k IN [1, 2, 3] RETURN DISTINCT b.k",
        "MATCH (a:N) WHERE a.k < 8 AND EXISTS { MATCH (a)-[*2..3]->(b) WHERE b.k = 0 } RETURN count(*)",
        "MATCH (a:N) WHERE a.k < 8 AND (a)-[*1..3]->(:N {k: 1}) RETURN count(*)",
        "MATCH (a:N {k: 4}) OPTIONAL MATCH (a)-[*1..2]->(b) WHERE b.k > 30 RETURN count(DISTINCT b)",
        "MATCH (a:N {k: 4}), (c:N {k: 9}) MATCH (a)-[*1..3]-(c) RETURN count(DISTINCT c)",
    };
    for (uint32_t seed : {21U, 22U, 23U}) {
        newsgraph::Database database = randomGraph(seed, kNodes, kRels, seed == 23U);
        for (const std::string& query : queries) {
            INFO(query << " seed " << seed);
            const auto enumerated = newsgraph::testing::sortedRows(database, query, {"distinct_endpoints"});
            CHECK(newsgraph::testing::sortedRows(database, query) == enumerated);
            CHECK(newsgraph::testing::sortedRows(database, query, {"reach_count"}) == enumerated);
        }
    }
    newsgraph::Database database = randomGraph(24, kNodes, kRels);
    // The filtered reach count stays one ReachCount with its predicates.
    CHECK_THAT(database.explain(queries[0]), Catch::Contains("ReachCount") && Catch::Contains("where b.k <> 3"));
    // Grouped and DISTINCT rows: breadth first under the aggregate.
    CHECK_THAT(database.explain(queries[6]), Catch::Contains("BreadthFirstDistinctExpand"));
    CHECK_THAT(database.explain(queries[7]), Catch::Contains("BreadthFirstDistinctExpand"));
    // Where the paths count, or are read, every path is enumerated.
    for (const char* query : {"MATCH (a:N {k: 2})-[*1..3]->(b) RETURN count(b)",
                              "MATCH (a:N {k: 2})-[r*1..3]->(b) RETURN count(DISTINCT size(r))",
                              "MATCH p = (a:N {k: 2})-[*1..3]->(b) RETURN count(DISTINCT length(p))",
                              "MATCH (a:N {k: 2})-[*1..3]->(b) WITH b LIMIT 3 RETURN count(DISTINCT b)",
                              "MATCH (a:N {k: 2})-[*1..3]->(b) WITH b, rand() AS r RETURN count(DISTINCT b.k + r)"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), !Catch::Contains("ReachCount"));
        CHECK_THAT(database.explain(query), !Catch::Contains("BreadthFirstDistinctExpand"));
    }
}

TEST_CASE("directed reach on dense graphs: bottom-up levels agree with path enumeration", "[query][expand]") {
    // Average degree 20, and hubs: from the second or third level on, the frontier's edges
    // outweigh all edges into the nodes not seen yet and the search runs bottom up; self-loops and
    // cycles back to the start included.
    constexpr size_t kNodes = 150;
    constexpr size_t kRels = 3000;
    for (uint32_t seed : {5U, 6U}) {
        newsgraph::Database database = randomGraph(seed, kNodes, kRels, seed == 6U);
        for (const char* arrow : {"-[*1..3]->", "<-[*1..3]-", "-[:A*1..4]->", "<-[:B*..3]-", "-[:A|B*0..2]->"}) {
            for (int start : {0, 33, 149}) {
                const std::string reach =
                    fmt::format("MATCH (a:N {{k: {}}}){}(x) RETURN count(DISTINCT x)", start, arrow);
                INFO(reach << " seed " << seed);
                REQUIRE_THAT(database.explain(reach), Catch::Contains("ReachCount"));
                CHECK(single(database, reach) == single(database, reach, {"distinct_endpoints"}));
            }
        }
    }
}

TEST_CASE("a minimum of two or more hops: breadth first plus trails agree with path enumeration", "[query][expand]") {
    // The nodes nearer than the minimum (the start, its neighbours) qualify only through a longer
    // trail: closed trails back to the start, a neighbour reached again the long way, undirected
    // patterns that cannot use one relationship twice, relationship filters, type sets, hubs and
    // self-loops (sparse and dense graphs), unbounded maxima.
    struct Shape {
        size_t nodes;
        size_t rels;
    };
    for (const Shape shape : {Shape{12, 14}, Shape{40, 70}, Shape{60, 400}}) {
        for (uint32_t seed : {31U, 32U, 33U}) {
            newsgraph::Database database = randomGraph(seed, shape.nodes, shape.rels, seed == 33U);
            for (const char* arrow : {"-[*2..3]->", "-[*2..2]-", "<-[:A*2..4]-", "-[*3..4]->", "-[:A|B*2..]->",
                                      "-[*2..3]-", "-[*3..2]->", "-[*2..3 {w: 1}]->"}) {
                const bool unbounded = std::string_view(arrow).ends_with("..]->");
                if (unbounded && shape.nodes > 12) {
                    continue; // every trail of the larger graphs is too many to enumerate for the reference
                }
                for (int start : {0, 5, 11}) {
                    const std::string reach =
                        fmt::format("MATCH (a:N {{k: {}}}){}(x) RETURN count(DISTINCT x)", start, arrow);
                    INFO(reach << " seed " << seed << " graph " << shape.nodes << "/" << shape.rels);
                    const int64_t enumerated = single(database, reach, {"distinct_endpoints"});
                    CHECK(single(database, reach) == enumerated);
                    CHECK(single(database, reach, {"reach_count"}) == enumerated);
                }
            }
            // Many starts, a filter on the end, a relationship bound earlier in the pattern.
            for (const char* query : {"MATCH (a:N)-[*2..3]->(x) WHERE a.k < 4 RETURN a.k, count(DISTINCT x)",
                                      "MATCH (a:N)-[r:A]->(m)-[*2..3]-(x) WHERE a.k < 3 RETURN DISTINCT a.k, x.k",
                                      "MATCH (a:N {k: 1})-[*2..3]->(x) WHERE x.k <> 1 RETURN count(DISTINCT x)"}) {
                INFO(query << " seed " << seed);
                CHECK(newsgraph::testing::sortedRows(database, query) ==
                      newsgraph::testing::sortedRows(database, query, {"distinct_endpoints"}));
            }
        }
    }
    newsgraph::Database database = randomGraph(34, 40, 70);
    CHECK_THAT(database.explain("MATCH (a:N {k: 1})-[*2..3]->(x) RETURN count(DISTINCT x)"),
               Catch::Contains("ReachCount") && Catch::Contains("*2..3"));
}

TEST_CASE("count(DISTINCT) over nodes and relationships counts each entity once", "[query][aggregate]") {
    // Enough entities to grow the aggregate's entity set several times; nodes and relationships
    // with equal ids must not collide.
    constexpr size_t kNodes = 300;
    constexpr size_t kRels = 900;
    newsgraph::Database database = randomGraph(11, kNodes, kRels);
    CHECK(single(database, "MATCH (a)-[r]->(b) UNWIND [a, b, r, a] AS x RETURN count(DISTINCT x)") ==
          single(database, "MATCH (a)-[r]->(b) UNWIND [a, b] AS n WITH collect(DISTINCT n) AS ns, count(DISTINCT r) AS rs "
                           "RETURN size(ns) + rs"));
    CHECK(single(database, "MATCH (n) UNWIND [n, n] AS x RETURN count(DISTINCT x)") == static_cast<int64_t>(kNodes));
    CHECK(single(database, "MATCH ()-[r]->() UNWIND [r, r, r] AS x RETURN count(DISTINCT x)") ==
          static_cast<int64_t>(kRels));
    CHECK(single(database, "MATCH (n) WITH n LIMIT 5 UNWIND [n, n.k, n.k + 0.0] AS x RETURN count(DISTINCT x)") == 10);
}
