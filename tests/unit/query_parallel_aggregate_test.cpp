// ParallelAggregate against one thread: on random graphs large enough to be split, every query of a
// family (patterns of zero to two steps and variable length, labels, filters on any variable,
// grouping keys of every kind, every aggregate) answers with the same rows in the same order on 2,
// 3 and 5 threads as on one -- collect() lists included -- and floats within rounding. Errors,
// timeouts, cancellation and memory limits end the statement as they do on one thread.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "engine/common/memory_limit.hpp"
#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"

namespace {

using newsgraph::Value;
using newsgraph::ValueType;

constexpr size_t kNodes = 4000;
constexpr size_t kRels = 16000;

// Names repeat (groups of several nodes), k is missing on every seventh node, w is a float; rels
// carry a date, an integer weight and a float score; one relationship near the end has a string
// where the others have numbers (`mixed`), for errors met late in the scan.
newsgraph::Database randomGraph(uint32_t seed) {
    constexpr int kNames = 300;
    constexpr int kDays = 60;
    constexpr int kWeights = 10;
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    std::uniform_int_distribution<size_t> pick(0, kNodes - 1);
    std::uniform_int_distribution<int> small(0, kWeights);
    std::uniform_int_distribution<int> day(0, kDays);
    const newsgraph::LabelId labels[] = {builder.catalog().internLabel("N"), builder.catalog().internLabel("M")};
    const newsgraph::TypeId types[] = {builder.catalog().internType("A"), builder.catalog().internType("B")};
    for (size_t i = 0; i < kNodes; ++i) {
        const newsgraph::NodeId node = builder.addNode(std::vector<newsgraph::LabelId>{labels[i % 3 == 0 ? 1 : 0]});
        builder.setNodeProperty(node, "name", Value(fmt::format("n{}", static_cast<int>(random() % kNames))));
        if (i % 7 != 0) {
            builder.setNodeProperty(node, "k", Value(static_cast<int64_t>(random() % 1000)));
        }
        builder.setNodeProperty(node, "w", Value(static_cast<double>(random() % 10000) / 7.0));
    }
    for (size_t i = 0; i < kRels; ++i) {
        const auto source = static_cast<newsgraph::NodeId>(pick(random));
        const auto target = i % 50 == 0 ? source : static_cast<newsgraph::NodeId>(pick(random));
        const newsgraph::RelId rel = builder.addRelationship(source, types[i % 2], target);
        builder.setRelProperty(rel, "date", Value(newsgraph::Date::fromDays(day(random))));
        builder.setRelProperty(rel, "weight", Value(static_cast<int64_t>(small(random))));
        builder.setRelProperty(rel, "score", Value(static_cast<double>(small(random)) / 3.0));
        const bool late = i == kRels - 3;
        builder.setRelProperty(rel, "mixed", late ? Value(std::string("x")) : Value(static_cast<int64_t>(i)));
    }
    return newsgraph::Database(std::move(builder).freeze());
}

newsgraph::QueryResult run(newsgraph::Database& database, const std::string& query, uint32_t threads,
                           std::vector<std::string> disabled = {}) {
    newsgraph::ExecuteOptions options;
    options.threads = threads;
    options.disabledRules = std::move(disabled);
    return database.execute(query, {}, options);
}

// Equal values, floats within a relative 1e-9 (sums merged in another order round differently).
bool same(const newsgraph::Database& database, const Value& lhs, const Value& rhs) {
    if (lhs.type() == ValueType::Float && rhs.type() == ValueType::Float) {
        const double scale = std::max({1.0, std::fabs(lhs.asFloat()), std::fabs(rhs.asFloat())});
        return std::fabs(lhs.asFloat() - rhs.asFloat()) <= 1e-9 * scale;
    }
    if (lhs.type() == ValueType::List && rhs.type() == ValueType::List) {
        const auto& left = lhs.asList();
        const auto& right = rhs.asList();
        if (left.size() != right.size()) {
            return false;
        }
        for (size_t i = 0; i < left.size(); ++i) {
            if (!same(database, left[i], right[i])) {
                return false;
            }
        }
        return true;
    }
    return database.render(lhs) == database.render(rhs);
}

void requireSameRows(const newsgraph::Database& database, const newsgraph::QueryResult& expected,
                     const newsgraph::QueryResult& actual) {
    REQUIRE(actual.rows.size() == expected.rows.size());
    for (size_t r = 0; r < expected.rows.size(); ++r) {
        for (size_t c = 0; c < expected.rows[r].size(); ++c) {
            INFO("row " << r << " column " << c << ": " << database.render(expected.rows[r][c]) << " vs "
                        << database.render(actual.rows[r][c]));
            REQUIRE(same(database, expected.rows[r][c], actual.rows[r][c]));
        }
    }
}

struct Shape {
    const char* pattern;
    std::vector<const char*> filters;
    std::vector<const char*> keys;
    std::vector<const char*> aggregates;
};

// The family: each shape with every filter (and none), every key (and none), aggregates in turn.
std::vector<std::string> family() {
    const std::vector<const char*> nodeAggregates = {
        "count(*)", "count(a.k)", "count(DISTINCT a.name)", "sum(a.k)", "avg(a.w)", "min(a.name)", "max(a.k)",
        "collect(a.k)", "collect(DISTINCT a.name)", "percentileDisc(a.k, 0.5)", "stDev(a.w)", "sum(a.w)"};
    const std::vector<const char*> stepAggregates = {
        "count(*)", "count(DISTINCT b)", "sum(r.weight)", "avg(r.score)", "min(r.date)", "max(b.name)",
        "collect(b.k)", "collect(DISTINCT r.weight)", "percentileCont(r.score, 0.25)", "sum(DISTINCT r.score)",
        "stDevP(r.weight)", "count(DISTINCT [a.k, b.k])"};
    const std::vector<Shape> shapes = {
        {"(a)", {"a.k > 500", "a:M"}, {"a.name", "a.k % 7", "labels(a)"}, nodeAggregates},
        {"(a:N)", {"a.w < 300.0"}, {"a.name", "a"}, nodeAggregates},
        {"(a)-[r]->(b)", {"r.weight < 4", "b.k > a.k", "a.name STARTS WITH 'n1'"}, {"a.name", "b", "type(r)", "r.date"},
         stepAggregates},
        {"(a:N)-[r:A]->(b:M)", {"r.date > date('1970-01-20')"}, {"b.name", "a"}, stepAggregates},
        {"(a)-[r]-(b)", {"a.k < b.k"}, {"a.k % 5", "b.name"}, stepAggregates},
        {"(a)-[q]->(x)-[r]->(b)", {"q.weight = r.weight", "x.k > 900"}, {"a.name", "x"}, stepAggregates},
        {"(a)-[*1..2]->(b)", {"b.k < 100"}, {"a.name"}, {"count(*)", "count(DISTINCT b)", "collect(b.k)"}},
    };
    std::vector<std::string> queries;
    size_t turn = 0;
    for (const Shape& shape : shapes) {
        std::vector<std::string> filters{""};
        for (const char* filter : shape.filters) {
            filters.push_back(fmt::format(" WHERE {}", filter));
        }
        std::vector<std::string> keys{""};
        keys.insert(keys.end(), shape.keys.begin(), shape.keys.end());
        for (const std::string& filter : filters) {
            for (const std::string& key : keys) {
                // Two aggregates per query, taken in turn, so that every aggregate meets every shape.
                const char* first = shape.aggregates[turn++ % shape.aggregates.size()];
                const char* second = shape.aggregates[turn++ % shape.aggregates.size()];
                const std::string returned = key.empty() ? fmt::format("{} AS x, {} AS y", first, second)
                                                         : fmt::format("{} AS g, {} AS x, {} AS y", key, first, second);
                queries.push_back(fmt::format("MATCH {}{} RETURN {}", shape.pattern, filter, returned));
            }
        }
    }
    return queries;
}

} // namespace

// The sanitizer build (Debug, ASan) is some 50 times slower: it runs every third query of the
// family, so that CI stays in its time.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kFamilyStride = 3;
#else
constexpr size_t kFamilyStride = 1;
#endif

TEST_CASE("parallel aggregation answers as one thread does, row for row", "[query][parallel]") {
    newsgraph::Database database = randomGraph(20261204);
    const std::vector<std::string> queries = family();
    REQUIRE(queries.size() > 60);
    for (size_t i = 0; i < queries.size(); i += kFamilyStride) {
        const std::string& query = queries[i];
        INFO(query);
        // (scan_aggregate takes the Aggregates over a scan and one step to threads its own way.)
        REQUIRE_THAT(database.explain(query), Catch::Contains("ParallelAggregate") || Catch::Contains("ScanAggregate"));
        const newsgraph::QueryResult one = run(database, query, 1);
        for (uint32_t threads : {2U, 3U, 5U}) {
            INFO("threads " << threads);
            requireSameRows(database, one, run(database, query, threads));
        }
        // And the same multiset as the plain Aggregate (the rule off).
        const newsgraph::QueryResult plain = run(database, query, 1, {"parallel_aggregate"});
        REQUIRE(plain.rows.size() == one.rows.size());
    }
}

TEST_CASE("parallel aggregation: a WITH between the pattern and the aggregate, and more after it", "[query][parallel]") {
    newsgraph::Database database = randomGraph(5);
    for (const char* query :
         {"MATCH (a)-[r]->(b) WITH a, b, r.weight * 2 AS w2 WHERE w2 > 4 RETURN a.name AS n, sum(w2) AS s ORDER BY s DESC, n LIMIT 5",
          "MATCH (a)-[r]->(b) WITH b, count(*) AS c WHERE c > 3 RETURN count(*) AS heavy, max(c) AS most",
          "MATCH (a:M) UNWIND [a.k, a.k + 1] AS v RETURN v % 3 AS m, count(*) AS c, collect(v)[0..3] AS some",
          "MATCH (a)-[r]->(b) RETURN b.name AS n, count(*) AS c ORDER BY c DESC, n SKIP 2 LIMIT 3",
          // OPTIONAL MATCH: each thread runs its own copy of the per-row plan.
          "MATCH (a:M) OPTIONAL MATCH (a)-[r:A]->(b) WHERE r.weight > 5 RETURN a.name AS n, count(b) AS c, "
          "collect(r.weight)[0..3] AS w",
          "MATCH (a) OPTIONAL MATCH (b:M) WHERE b.k = a.k RETURN a.k % 4 AS m, count(b) AS c, min(b.name) AS first",
          "MATCH (a:N) OPTIONAL MATCH (a)-->(x) OPTIONAL MATCH (x)-[r:B]->(y:M) RETURN count(*) AS rows, "
          "count(y) AS ys, sum(r.weight) AS s"}) {
        INFO(query);
        // (scan_aggregate takes the Aggregates over a scan and one step to threads its own way.)
        REQUIRE_THAT(database.explain(query), Catch::Contains("ParallelAggregate") || Catch::Contains("ScanAggregate"));
        const newsgraph::QueryResult one = run(database, query, 1);
        requireSameRows(database, one, run(database, query, 2));
        requireSameRows(database, one, run(database, query, 4));
    }
}

TEST_CASE("parallel aggregation: where the rule leaves the Aggregate alone", "[query][parallel]") {
    newsgraph::Database database = randomGraph(9);
    // A pattern predicate (a sub-plan per row), DISTINCT below the aggregate (duplicates across
    // ranges), a pattern comprehension in the aggregated value, a pattern predicate inside an
    // OPTIONAL MATCH's per-row plan.
    for (const char* query : {"MATCH (a) WHERE (a)-[:A]->() RETURN count(*)",
                              "MATCH (a)-[r]->(b) WITH DISTINCT b RETURN count(*)",
                              "MATCH (a)-[r]->(b) RETURN count([(a)-->() | 1])",
                              "MATCH (a) OPTIONAL MATCH (a)-->(b) WHERE (b)-->(a) RETURN count(b)"}) {
        INFO(query);
        const std::string plan = database.explain(query);
        CHECK_THAT(plan, !Catch::Contains("ParallelAggregate") && !Catch::Contains("ScanAggregate"));
    }
}

TEST_CASE("parallel aggregation: errors, timeouts, cancellation and memory limits", "[query][parallel]") {
    newsgraph::Database database = randomGraph(11);
    SECTION("the error one thread meets first") {
        const std::string query = "MATCH (a)-[r]->(b) RETURN sum(r.mixed)";
        std::string single;
        try {
            run(database, query, 1);
            FAIL("sum of a string must fail");
        } catch (const newsgraph::QueryError& error) {
            single = error.what();
        }
        for (uint32_t threads : {2U, 4U}) {
            try {
                run(database, query, threads);
                FAIL("sum of a string must fail");
            } catch (const newsgraph::QueryError& error) {
                CHECK(std::string(error.what()) == single);
            }
        }
    }
    SECTION("a timeout stops every thread") {
        newsgraph::ExecuteOptions options;
        options.threads = 2;
        options.timeout = std::chrono::milliseconds(100);
        const auto start = std::chrono::steady_clock::now();
        CHECK_THROWS_WITH(database.execute("MATCH (a)-[*1..7]-(b) RETURN count(*)", {}, options),
                          Catch::Contains("timeout"));
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
        CHECK(run(database, "MATCH (a) RETURN count(*)", 2).rows[0][0].asInt() == static_cast<int64_t>(kNodes));
    }
    SECTION("cancellation stops every thread") {
        std::atomic<bool> cancelled{false};
        newsgraph::ExecuteOptions options;
        options.threads = 2;
        options.cancelled = &cancelled;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            cancelled = true;
        });
        CHECK_THROWS_WITH(database.execute("MATCH (a)-[*1..7]-(b) RETURN count(*)", {}, options),
                          Catch::Contains("cancelled"));
        canceller.join();
    }
    SECTION("a memory limit counts what the threads hold") {
        if (!newsgraph::memoryLimitsEnforced()) {
            SUCCEED("the sanitizers own the allocator: nothing is counted");
            return;
        }
        newsgraph::ExecuteOptions options;
        options.threads = 2;
        options.maxMemory = uint64_t{64} << 20U;
        CHECK_THROWS_WITH(database.execute("MATCH (a), (b) RETURN collect(a.name + b.name)", {}, options),
                          Catch::Contains("more memory than its limit"));
        CHECK(run(database, "MATCH (a) RETURN count(*)", 2).rows[0][0].asInt() == static_cast<int64_t>(kNodes));
    }
}
