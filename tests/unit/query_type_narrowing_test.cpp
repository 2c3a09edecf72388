// Expand's type narrowing (a pushed-down `r.key OP constant` skips the relationship types where
// no value of the key passes) against the same predicate applied after the expansion, forced by
// a `WITH *`, on random graphs whose types hold one value, a few, none, or more than the summary
// keeps; and a write that adds a value to a type.
#include <catch2/catch.hpp>

#include <random>

#include <fmt/format.h>

#include "engine/storage/graph_builder.hpp"
#include "engine/storage/type_value_summary.hpp"
#include "query/database.hpp"
#include "query_test_support.hpp"

namespace {

using newsgraph::Value;
using newsgraph::testing::single;

newsgraph::Database randomGraph(uint32_t seed) {
    constexpr size_t kNodes = 40;
    constexpr size_t kRels = 600;
    constexpr int kManyCodes = 200; // more distinct values than a summary keeps
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    std::uniform_int_distribution<size_t> pick(0, kNodes - 1);
    std::uniform_int_distribution<int> many(0, kManyCodes);
    const newsgraph::LabelId label = builder.catalog().internLabel("N");
    for (size_t i = 0; i < kNodes; ++i) {
        builder.addNode(std::vector<newsgraph::LabelId>{label});
    }
    // ACCUSE: one code; CRITICIZE: three; MIXED: codes of several roots and some without a code;
    // NOISY: hundreds of codes; PLAIN: no code at all; NUMBERS: integers where others have strings.
    const char* types[] = {"ACCUSE", "CRITICIZE", "MIXED", "NOISY", "PLAIN", "NUMBERS"};
    for (size_t i = 0; i < kRels; ++i) {
        const size_t kind = i % std::size(types);
        const newsgraph::RelId rel = builder.addRelationship(static_cast<newsgraph::NodeId>(pick(random)),
                                                             builder.catalog().internType(types[kind]),
                                                             static_cast<newsgraph::NodeId>(pick(random)));
        switch (kind) {
        case 0: builder.setRelProperty(rel, "code", Value(std::string("112"))); break;
        case 1: {
            const size_t round = i / std::size(types);
            builder.setRelProperty(rel, "code", Value(std::string(round % 3 == 0 ? "111" : round % 3 == 1 ? "1121" : "110")));
            break;
        }
        case 2:
            if (const size_t round = i / std::size(types); round % 4 != 0) {
                builder.setRelProperty(rel, "code", Value(std::string(round % 4 == 1 ? "042" : round % 4 == 2 ? "1125" : "190")));
            }
            break;
        case 3: builder.setRelProperty(rel, "code", Value(fmt::format("{:03}", many(random)))); break;
        case 4: break;
        default: builder.setRelProperty(rel, "code", Value(static_cast<int64_t>(112 + static_cast<int>(i / std::size(types) % 2)))); break;
        }
    }
    return newsgraph::Database(std::move(builder).freeze());
}

} // namespace

TEST_CASE("type narrowing agrees with filtering after the expansion", "[query][type-narrowing]") {
    const char* predicates[] = {
        "r.code STARTS WITH '112'", "r.code STARTS WITH '11'", "r.code = '042'",     "r.code = 112",
        "r.code IN ['110', '190']", "r.code < '100'",          "r.code >= '111'",    "r.code ENDS WITH '5'",
        "r.code CONTAINS '2'",      "r.code STARTS WITH $p",   "r.code = $missing",  "r.nokey = 1",
        "r.code STARTS WITH 'x'",
    };
    const char* patterns[] = {"(a)-[r]->(b)", "(a:N)<-[r]-(b)", "(a)-[r:ACCUSE|MIXED|PLAIN]-(b)", "(a)-[r:NOISY]->(b)"};
    for (uint32_t seed : {1U, 2U}) {
        newsgraph::Database database = randomGraph(seed);
        const newsgraph::Parameters parameters{{"p", Value(std::string("11"))}, {"missing", Value()}};
        auto count = [&](const std::string& query) {
            const auto result = database.execute(query, parameters);
            REQUIRE(result.rows.size() == 1);
            return result.rows[0][0].asInt();
        };
        for (const char* pattern : patterns) {
            for (const char* predicate : predicates) {
                const std::string fast = fmt::format("MATCH {} WHERE {} RETURN count(*)", pattern, predicate);
                const std::string slow = fmt::format("MATCH {} WITH * WHERE {} RETURN count(*)", pattern, predicate);
                INFO(fast << " seed " << seed);
                CHECK(count(fast) == count(slow));
            }
        }
        // Two-step patterns, each step narrowed by its own predicate.
        CHECK(count("MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.code STARTS WITH '112' AND r2.code = '042' "
                    "RETURN count(*)") ==
              count("MATCH (a)-[r1]->(b)-[r2]->(c) WITH * WHERE r1.code STARTS WITH '112' AND r2.code = '042' "
                    "RETURN count(*)"));
        CHECK(count("MATCH (a)-[r]->(b) WHERE r.code STARTS WITH '112' RETURN count(*)") > 0);
    }
}

TEST_CASE("type value summaries: few values, too many, none; a write rebuilds them", "[query][type-narrowing]") {
    newsgraph::Database database = randomGraph(3);
    const newsgraph::Graph& graph = database.graph();
    const auto key = *graph.catalog().findKey("code");
    auto values = [&](const char* type) {
        return graph.typeValueSummaries().values(graph, *graph.catalog().findType(type), key);
    };
    REQUIRE(values("ACCUSE").has_value());
    CHECK(values("ACCUSE")->size() == 1);
    CHECK(values("CRITICIZE")->size() == 3);
    CHECK(values("MIXED")->size() == 4); // three codes and null
    CHECK_FALSE(values("NOISY").has_value());
    REQUIRE(values("PLAIN").has_value());
    CHECK(values("PLAIN")->size() == 1);
    CHECK((*values("PLAIN"))[0].isNull());

    // ACCUSE had only '112': a relationship with a code no relationship had, created now, must be found.
    const int64_t before = newsgraph::testing::single(database, "MATCH ()-[r:ACCUSE]->() WHERE r.code = '1124' RETURN count(*)");
    CHECK(before == 0);
    database.execute("MATCH (a) WITH a LIMIT 1 CREATE (a)-[:ACCUSE {code: '1124'}]->(a)");
    CHECK(newsgraph::testing::single(database, "MATCH ()-[r:ACCUSE]->() WHERE r.code = '1124' RETURN count(*)") == 1);
    CHECK(newsgraph::testing::single(database, "MATCH ()-[r]->() WHERE r.code = '1124' RETURN count(*)") == 1);

    // Within one statement: the MATCH after the CREATE reads the written graph, which replaced
    // the one the statement started on while the expansion was already open.
    CHECK(newsgraph::testing::single(database, "CREATE (a)-[:PLAIN {code: '1125x'}]->(a) WITH count(*) AS one "
                                               "MATCH ()-[r:PLAIN]->() WHERE r.code = '1125x' RETURN count(*)") == 1);
    // An OPTIONAL MATCH is opened once per outer row; each opening narrows the same way.
    CHECK(newsgraph::testing::single(database, "MATCH (a) OPTIONAL MATCH (a)-[r]->() WHERE r.code STARTS WITH '112' "
                                               "RETURN count(r)") ==
          newsgraph::testing::single(database, "MATCH (a) OPTIONAL MATCH (a)-[r]->() WITH a, r "
                                               "WHERE r IS NULL OR r.code STARTS WITH '112' RETURN count(r)"));
}
