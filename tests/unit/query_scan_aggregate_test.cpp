// ScanAggregate against the Aggregate over rows it replaces: on random graphs whose keys mix what
// codes must not confuse -- names shared by several nodes, missing properties, a column of
// integers and texts, floats, dates, nodes with no label, one or two, three relationship types --
// every query of a family (keys over the start, the far node, the relationship, its type, a
// property's function, none; DISTINCT aggregates, min, max, collect, sum, avg; filters on the
// start and on the step, memoized per value or not; either direction) answers with the same rows in the same order with
// scan_aggregate as without it, on one thread and on two (the same rows in another order when the
// step is walked in relationship order, zone maps skipping blocks of it).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"
#include "query_test_support.hpp"

namespace {

using newsgraph::Value;

// Enough relationships that two threads split the scan (parallel_support's kMinParallelWork).
constexpr size_t kNodes = 2000;
constexpr size_t kRels = 20000;

newsgraph::Database randomGraph(uint32_t seed) {
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    const newsgraph::LabelId labelA = builder.catalog().internLabel("A");
    const newsgraph::LabelId labelB = builder.catalog().internLabel("B");
    constexpr int kNames = 40;
    for (size_t i = 0; i < kNodes; ++i) {
        std::vector<newsgraph::LabelId> labels;
        switch (random() % 4) {
        case 0: break;
        case 1: labels = {labelA}; break;
        case 2: labels = {labelB}; break;
        default: labels = {labelA, labelB}; break;
        }
        const newsgraph::NodeId node = builder.addNode(labels);
        builder.setNodeProperty(node, "seq", Value(static_cast<int64_t>(i)));
        if (random() % 10 != 0) { // names shared by many nodes, some missing
            builder.setNodeProperty(node, "name", Value("n" + std::to_string(random() % kNames)));
        }
        // integers and floats that are equal (one column of mixed kinds)
        const auto num = static_cast<int64_t>(random() % 5);
        builder.setNodeProperty(node, "num", random() % 2 == 0 ? Value(num) : Value(static_cast<double>(num)));
    }
    const char* types[] = {"X", "Y", "Z"};
    for (size_t i = 0; i < kRels; ++i) {
        const auto source = static_cast<newsgraph::NodeId>(random() % kNodes);
        const auto target = static_cast<newsgraph::NodeId>(random() % kNodes);
        const newsgraph::RelId rel = builder.addRelationship(source, types[random() % 3], target);
        builder.setRelProperty(rel, "code", Value("c" + std::to_string(random() % 7)));
        builder.setRelProperty(rel, "date", Value(newsgraph::Date::fromDays(static_cast<int32_t>(18000 + random() % 90))));
        if (random() % 3 != 0) {
            builder.setRelProperty(rel, "w", Value(static_cast<double>(random() % 8) / 4)); // exact sums
        }
        const auto mixed = static_cast<int64_t>(random() % 3);
        builder.setRelProperty(rel, "mixed", random() % 2 == 0 ? Value(mixed) : Value(std::to_string(mixed)));
    }
    return newsgraph::Database(std::move(builder).freeze());
}

std::vector<std::string> rowsOf(newsgraph::Database& database, const std::string& query, bool rule, uint32_t threads) {
    newsgraph::ExecuteOptions options;
    options.threads = threads;
    if (!rule) {
        options.disabledRules = {"scan_aggregate"};
    }
    return newsgraph::testing::renderedRows(database, database.execute(query, {}, options));
}

std::vector<std::string> sorted(std::vector<std::string> rows) {
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

TEST_CASE("scan aggregate answers as the Aggregate does, row for row", "[scan_aggregate]") {
    // {query, whether the rule must fire}
    const std::vector<std::pair<std::string, bool>> family = {
        {"MATCH ()-[r]->() RETURN type(r) AS t, count(*)", true},
        {"MATCH (a)-[r]->(b) RETURN a.name, b.name, count(*)", true},
        {"MATCH (a:A)-[r:X|Y]->(b:B) RETURN a.name, count(DISTINCT b), min(r.date), max(r.code)", true},
        {"MATCH (a)-[r]-(b) RETURN labels(a), count(*), sum(r.w)", true},
        {"MATCH (n) RETURN n.name, count(*), collect(n.seq)", true},
        // Keys and filters over labels alone, read once per label set.
        {"MATCH (n) WHERE n:A OR NOT n:B RETURN size(labels(n)) AS s, labels(n) AS l, count(*)", true},
        {"MATCH (a)-[r]->(b) WHERE b:A RETURN labels(b), a:B AS isB, count(*), count(DISTINCT labels(a))", true},
        {"MATCH (a:B) RETURN labels(a), n.num, count(*)", false}, // n is not bound: an error either way
        {"MATCH (a)<-[r]-(b) WHERE r.date >= date('2019-04-10') RETURN r.code, count(DISTINCT a.name), avg(b.num)", true},
        {"MATCH (a)-[r]->(b) WHERE a.num > 2 RETURN r.mixed, count(*)", true},
        {"MATCH (a)-[r]->(b) RETURN r.date.month AS m, count(r.w)", true},
        {"MATCH (a)-[r]->(b) RETURN count(*), count(DISTINCT r.code), count(DISTINCT type(r)), count(DISTINCT b.num)", true},
        {"MATCH (a:A:B)-[r]->(b) RETURN a, count(*)", true},
        // count(DISTINCT x) of one group per start node: counted without a state (x by its code).
        {"MATCH (a)-[r]->(b) RETURN a, a.name, count(DISTINCT b), count(DISTINCT r.code), count(DISTINCT type(r)), "
         "count(DISTINCT b.name), count(DISTINCT b.num), count(*)", true},
        {"MATCH (a:B)-[r]-(b) WHERE b.seq % 3 = 0 RETURN a, count(DISTINCT b) AS n, count(DISTINCT labels(b))", true},
        {"MATCH (a) RETURN a, count(DISTINCT a.name)", true},
        {"MATCH (a)<-[r:Y]-(b) WITH a, count(DISTINCT b) AS outs WHERE outs > 2 RETURN count(*)", true},
        {"MATCH (a)-[r]->(b) RETURN toLower(a.name) AS k, count(*)", true},
        {"MATCH (a)-[r]->(b) WHERE a.name <> b.name RETURN r.w, count(*), collect(DISTINCT b.name)", true},
        {"MATCH (a)-[r]->(b) RETURN collect(DISTINCT b.name) AS names", true},
        // Filters over one property of each end, memoized per pair of stored values (texts,
        // integers, a key nobody has; mixed integers and floats read per row).
        {"MATCH (a)-[r]->(b) WHERE a.name <> b.name AND b.seq > a.seq RETURN a.name, b.name, count(*)", true},
        {"MATCH (a:B)<-[r:X|Z]-(b) WHERE coalesce(b.nokey, a.name) = b.name RETURN type(r), count(*)", true},
        {"MATCH (a)-[r]-(b) WHERE a.num = b.num RETURN r.code, count(*)", true},
        {"MATCH (a)-[r]->(b) WHERE a.name = b.name OR a.seq < b.seq RETURN count(*), sum(r.w)", true},
        // Filters over one property, memoized per stored value (texts, dates, a key nobody has, floats
        // read per row), and over two variables.
        {"MATCH (a:A)-[r]->(b) WHERE r.code STARTS WITH 'c1' AND a.name <> 'n3' AND r.nokey IS NULL AND b.name < 'n2' "
         "RETURN b.name, count(*)", true},
        {"MATCH (a)-[r:X]-(b) WHERE r.date.dayOfWeek = 3 AND r.w >= 1.0 AND a.seq < b.seq RETURN type(r), count(*)", true},
        {"MATCH (a)-[r:NOPE]->(b) RETURN count(*), collect(a.name)", true},
        {"MATCH (a)-[r:NOPE]->(b) RETURN a.name, count(*)", true},
        {"MATCH (a)-[r]->(b) RETURN a.name, b.name, r.code, count(*), min(b.seq)", true},
        {"MATCH (n) RETURN n.num, count(*), max(n.name)", true},
        {"MATCH (a)-[r]-(b) RETURN r, count(*)", true},
        {"MATCH (a:A)-[r]->(b) RETURN a.name + b.name AS pair, count(*)", false}, // a key over two variables
        {"MATCH (a)-[r]->(a) RETURN count(*)", false},                               // the far node is bound
        {"MATCH (a)-[r]->(b) RETURN a.name, rand() < 2 AS t, count(*)", false},       // not deterministic
        {"MATCH (a)-[r]->(b)-[s]->(c) RETURN a.name, count(*)", false},               // two steps
    };
    for (const uint32_t seed : {1U, 2U}) {
        newsgraph::Database database = randomGraph(seed);
        for (const auto& [query, fires] : family) {
            if (query.find("n.num") != std::string::npos && query.find("(a:B)") != std::string::npos) {
                CHECK_THROWS(database.execute(query));
                continue;
            }
            const std::string plan = database.explain(query, {});
            INFO("seed " << seed << ": " << query << "\n" << plan);
            CHECK((plan.find("ScanAggregate") != std::string::npos) == fires);
            const std::vector<std::string> expected = rowsOf(database, query, false, 1);
            if (plan.find(" by relationship") == std::string::npos) {
                CHECK(rowsOf(database, query, true, 1) == expected);
                CHECK(rowsOf(database, query, true, 2) == rowsOf(database, query, false, 2));
            } else {
                // In relationship order the groups come in another order: the same rows.
                CHECK(sorted(rowsOf(database, query, true, 1)) == sorted(expected));
                CHECK(sorted(rowsOf(database, query, true, 2)) == sorted(expected));
            }
            CHECK((!expected.empty() || query.find("NOPE") != std::string::npos));
        }
    }
}

TEST_CASE("scan aggregate: errors and empty graphs answer as the Aggregate does", "[scan_aggregate]") {
    newsgraph::Database database;
    CHECK(database.execute("MATCH (n) RETURN count(*)").rows.at(0).at(0).asInt() == 0);
    CHECK(database.execute("MATCH (n)-[r]->() RETURN type(r), count(*)").rows.empty());
    database.execute("CREATE (:P {v: 'x'})-[:T {w: 'y'}]->(:P {v: 1})");
    // sum() of a text: the same error, with the aggregate's position, whether the rule runs or not.
    for (const bool rule : {true, false}) {
        newsgraph::ExecuteOptions options;
        if (!rule) {
            options.disabledRules = {"scan_aggregate"};
        }
        CHECK_THROWS_WITH(database.execute("MATCH (a)-[r]->(b) RETURN a.v, sum(r.w)", {}, options),
                          Catch::Contains("sum"));
    }
}

TEST_CASE("scan aggregate in relationship order: zone maps skip only blocks nothing in them passes", "[scan_aggregate]") {
    // Dates rising with the relationship id, as news loads them (some missing, some out of order),
    // an integer key that does not rise: ranges of every spelling against the Aggregate over rows.
    newsgraph::GraphBuilder builder;
    std::mt19937 random(7);
    const newsgraph::LabelId label = builder.catalog().internLabel("A");
    for (size_t i = 0; i < kNodes; ++i) {
        builder.addNode(i % 3 == 0 ? std::vector<newsgraph::LabelId>{label} : std::vector<newsgraph::LabelId>{});
    }
    const char* types[] = {"X", "Y"};
    for (size_t i = 0; i < kRels; ++i) {
        const newsgraph::RelId rel = builder.addRelationship(static_cast<newsgraph::NodeId>(random() % kNodes),
                                                             types[random() % 2],
                                                             static_cast<newsgraph::NodeId>(random() % kNodes));
        if (i % 11 != 0) {
            const auto day = static_cast<int32_t>(18000 + (i % 997 == 0 ? random() % 200 : i / 100));
            builder.setRelProperty(rel, "date", Value(newsgraph::Date::fromDays(day)));
        }
        builder.setRelProperty(rel, "n", Value(static_cast<int64_t>(random() % 50)));
    }
    newsgraph::Database database(std::move(builder).freeze());
    const newsgraph::Parameters parameters = {{"d", Value(newsgraph::Date::fromDays(18100))}};
    for (const char* query :
         {"MATCH (a)-[r]->(b) WHERE r.date = date('2019-04-20') RETURN count(*)",
          "MATCH (a)-[r]->(b) WHERE r.date >= date('2019-04-01') AND r.date < date('2019-04-08') RETURN type(r), count(*)",
          "MATCH (a)<-[r:X]-(b) WHERE date('2019-05-01') > r.date AND r.date > $d RETURN b, count(*)",
          "MATCH (a)-[r]->(b) WHERE r.date <= $d RETURN r.date.month AS m, count(*)",
          "MATCH (a)-[r]->(b) WHERE r.n > 45 AND r.n <= 47 RETURN r.n, count(*)",
          "MATCH (a)-[r]->(b) WHERE r.n < 0 RETURN count(*)", "MATCH (a)-[r]->(b) WHERE r.date = 3 RETURN count(*)",
          "MATCH (a)-[r]->(b) WHERE r.n = 4.0 RETURN count(*)", "MATCH (a)-[r]->(b) WHERE r.date > null RETURN count(*)",
          "MATCH (a)-[r]->(b) WHERE r.date > date('2100-01-01') RETURN count(*)",
          "MATCH (a)-[r]->(b) WHERE r.n < -9223372036854775807 - 1 RETURN count(*)"}) {
        const std::string plan = database.explain(query, parameters);
        INFO(query << "\n" << plan);
        CHECK_THAT(plan, Catch::Contains("ScanAggregate") && Catch::Contains("by relationship"));
        for (const uint32_t threads : {1U, 2U}) {
            newsgraph::ExecuteOptions on;
            on.threads = threads;
            newsgraph::ExecuteOptions off = on;
            off.disabledRules = {"scan_aggregate"};
            CHECK(sorted(newsgraph::testing::renderedRows(database, database.execute(query, parameters, on))) ==
                  sorted(newsgraph::testing::renderedRows(database, database.execute(query, parameters, off))));
        }
    }
}

TEST_CASE("aggregate_top_k: the groups a TopK over the aggregate needs, the same rows", "[scan_aggregate]") {
    // ORDER BY an aggregate ... LIMIT over a ScanAggregate: with the rule and without it (the same
    // ScanAggregate emitting every group), row for row -- ties at the k-th value, SKIP, a parameter,
    // LIMIT 0, more rows asked than groups, aggregates other than count(*), ascending and not.
    const std::vector<std::pair<std::string, bool>> family = {
        {"MATCH (a)-[r]->(b) RETURN a.name, b.name, count(*) AS n ORDER BY n DESC, a.name, b.name LIMIT 7", true},
        {"MATCH (a)-[r]->(b) RETURN a.name AS x, count(*) AS n ORDER BY n DESC LIMIT 3", true},
        {"MATCH (a:A)-[r]->(b) RETURN a.name, count(DISTINCT b) AS n ORDER BY n LIMIT 4", true},
        {"MATCH (a)-[r]->(b) RETURN a, count(DISTINCT b) AS n ORDER BY n DESC SKIP 5 LIMIT 5", true},
        {"MATCH (a)-[r]->(b) RETURN r.code, type(r), max(b.seq) AS m ORDER BY m DESC, r.code LIMIT 2", true},
        {"MATCH (a)-[r]->(b) RETURN b.name, avg(r.w) AS w ORDER BY w LIMIT 6", true},
        {"MATCH (a)-[r]->(b) RETURN toLower(a.name) AS k, count(*) AS n ORDER BY n DESC, k LIMIT 5", true},
        {"MATCH (a)-[r]->(b) RETURN a.name, count(*) ORDER BY count(*) DESC, a.name LIMIT 3", true},
        {"MATCH (n) RETURN labels(n) AS l, count(*) AS c ORDER BY c DESC LIMIT 2", true},
        {"MATCH (a)-[r]->(b) RETURN a.name, b.name, count(*) AS n ORDER BY n DESC LIMIT 0", true},
        {"MATCH (a)-[r]->(b) RETURN type(r) AS t, count(*) AS n ORDER BY n DESC LIMIT 100", true},
        {"MATCH (a)-[r]->(b) RETURN a.name, b.name, count(*) AS n ORDER BY n DESC, a.name, b.name LIMIT $k", true},
        // The first sort key is a grouping key, or a projection computed over the aggregate: no.
        {"MATCH (a)-[r]->(b) RETURN a.name AS x, count(*) AS n ORDER BY x, n LIMIT 3", false},
        {"MATCH (a)-[r]->(b) RETURN a.name AS x, count(*) * 2 AS n ORDER BY n DESC, x LIMIT 3", false},
        // A filter between drops groups: no.
        {"MATCH (a)-[r]->(b) WITH a.name AS x, count(*) AS n WHERE n > 1 RETURN x, n ORDER BY n DESC, x LIMIT 3", false},
    };
    const newsgraph::Parameters parameters = {{"k", Value(int64_t{4})}};
    for (const uint32_t seed : {3U, 4U}) {
        newsgraph::Database database = randomGraph(seed);
        for (const auto& [query, fires] : family) {
            const std::string plan = database.explain(query, parameters);
            INFO("seed " << seed << ": " << query << "\n" << plan);
            CHECK((plan.find("top groups") != std::string::npos) == fires);
            for (const uint32_t threads : {1U, 2U}) {
                newsgraph::ExecuteOptions with;
                with.threads = threads;
                newsgraph::ExecuteOptions without = with;
                without.disabledRules = {"aggregate_top_k"};
                const auto expected = newsgraph::testing::renderedRows(database, database.execute(query, parameters, without));
                CHECK(newsgraph::testing::renderedRows(database, database.execute(query, parameters, with)) == expected);
                CHECK((!expected.empty() || query.find("LIMIT 0") != std::string::npos));
            }
        }
    }
}

TEST_CASE("scan aggregate: more DISTINCT aggregates than the distinct set's index holds", "[scan_aggregate]") {
    // The distinct set keys (group, aggregate) by 8 bits of aggregate index: past 256 aggregates
    // the arguments are evaluated per row instead, with the same answers.
    newsgraph::Database database = randomGraph(7);
    std::string query = "MATCH (a:A)-[r]->(b) RETURN a.name";
    constexpr int kAggregates = 300;
    for (int i = 0; i < kAggregates; ++i) {
        query += i % 2 == 0 ? ", count(DISTINCT b.name)" : ", count(DISTINCT r.code)";
        query += " AS c" + std::to_string(i);
    }
    CHECK(database.explain(query, {}).find("ScanAggregate") != std::string::npos);
    CHECK(sorted(rowsOf(database, query, true, 2)) == sorted(rowsOf(database, query, false, 1)));
}
