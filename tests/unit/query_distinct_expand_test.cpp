// count(DISTINCT x) over a variable-length pattern runs breadth first (BreadthFirstDistinctExpand);
// these tests check it against the path-enumerating plan (forced by a WHERE clause) on random graphs.
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
        builder.addRelationship(source, types[i % 2], endpoint());
    }
    return newsgraph::Database(std::move(builder).freeze());
}

using newsgraph::testing::single;

} // namespace

TEST_CASE("breadth-first count(DISTINCT x) agrees with path enumeration", "[query][expand]") {
    constexpr size_t kNodes = 40;
    constexpr size_t kRels = 70;
    for (uint32_t seed : {1U, 2U, 3U}) {
        newsgraph::Database database = randomGraph(seed, kNodes, kRels);
        for (const char* arrow : {"-[*1..3]->", "<-[*1..2]-", "-[*1..3]-", "-[:A*1..4]-", "-[:B*0..2]->", "-[*..3]->"}) {
            for (int start : {0, 7, 19}) {
                // ReachCount (the whole query is one count), the breadth-first expansion under an
                // aggregate (ORDER BY keeps ReachCount out), and plain path enumeration (a
                // non-distinct aggregate beside it needs every path).
                const std::string reach =
                    fmt::format("MATCH (a:N {{k: {}}}){}(x) RETURN count(DISTINCT x)", start, arrow);
                const std::string breadthFirst =
                    fmt::format("MATCH (a:N {{k: {}}}){}(x) RETURN count(DISTINCT x) AS n ORDER BY n", start, arrow);
                const std::string enumerated = fmt::format(
                    "MATCH (a:N){}(x) WHERE a.k = {} RETURN count(DISTINCT x) + 0 * count(*)", arrow, start);
                INFO(reach);
                CHECK(single(database, reach) == single(database, enumerated));
                CHECK(single(database, breadthFirst) == single(database, enumerated));
            }
        }
        // Several start rows share one count; a label on the end node filters it.
        CHECK(single(database, "MATCH (a:N)-[*1..2]->(x) RETURN count(DISTINCT x)") ==
              single(database, "MATCH (a:N)-[*1..2]->(x) RETURN count(DISTINCT x) + 0 * count(*)"));
        CHECK(single(database, "MATCH (a:N)-[*1..2]->(x:Nope) RETURN count(DISTINCT x)") == 0);
        CHECK_THAT(database.explain("MATCH (a:N {k: 1})-[*1..3]-(x) RETURN count(DISTINCT x)"),
                   Catch::Contains("ReachCount"));
        CHECK_THAT(database.explain("MATCH (a:N {k: 1})-[*1..3]-(x) RETURN count(DISTINCT x) AS n ORDER BY n"),
                   Catch::Contains("BreadthFirstDistinctExpand"));
        CHECK_THAT(database.explain("MATCH (a:N {k: 1})-[*1..3]-(x) RETURN count(x)"),
                   !Catch::Contains("BreadthFirstDistinctExpand") && !Catch::Contains("ReachCount"));
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
                const std::string enumerated = fmt::format(
                    "MATCH (a:N){}(x) WHERE a.k = {} RETURN count(DISTINCT x) + 0 * count(*)", arrow, start);
                INFO(reach << " seed " << seed);
                REQUIRE_THAT(database.explain(reach), Catch::Contains("ReachCount"));
                CHECK(single(database, reach) == single(database, enumerated));
            }
        }
    }
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
