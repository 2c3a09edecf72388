// Many threads on one Database: eight readers run a mix of read queries over one graph for a
// bounded time while a writer changes a part of the graph none of them reads, and every answer
// must equal the one a single thread gave before. Built with -DNEWSGRAPH_SANITIZE=thread it is
// the ThreadSanitizer check of the engine's concurrency: snapshots of the frozen graph, the
// caches the graph fills on first use (type value summaries), the writer's publication.
//
// A second case runs aggregations split among threads (ParallelAggregate) from three statements
// at once. NEWSGRAPH_STRESS_SECONDS sets how long the readers run (default 2).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "query/database.hpp"

namespace newsgraph {

namespace {

constexpr int kPeople = 600;
constexpr int kReaders = 8;
constexpr double kDefaultSeconds = 2.0;

// Every query reads only :Person nodes and :KNOWS / :ACCUSED relationships; the writer touches
// :Scratch nodes only, so no answer changes while it runs.
const std::vector<std::string>& readQueries() {
    static const std::vector<std::string> queries = {
        "MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN count(*)",
        "MATCH (a:Person) RETURN a.group AS g, count(*) AS n, min(a.id) AS lo, max(a.id) AS hi ORDER BY g",
        "MATCH (a:Person {id: 7})-[:KNOWS*1..3]->(b:Person) RETURN count(DISTINCT b)",
        "MATCH (a:Person {id: 7})-[:KNOWS*1..3]->(b:Person) WHERE b.group <> 3 RETURN count(DISTINCT b)",
        "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person) WHERE a.group = c.group RETURN count(*)",
        "MATCH (a:Person)-[e:ACCUSED]->(b:Person) WHERE e.code STARTS WITH '112' RETURN count(*)",
        "MATCH (a:Person)-[e:ACCUSED]->(b:Person) WHERE e.date >= date('2025-03-01') "
        "RETURN b.group AS g, count(DISTINCT a) AS accusers ORDER BY g",
        "MATCH (a:Person) WHERE a.id % 50 = 0 OPTIONAL MATCH (a)-[:ACCUSED]->(b:Person) "
        "RETURN a.id AS id, collect(b.id) AS targets ORDER BY id",
        "MATCH p = shortestPath((a:Person {id: 1})-[:KNOWS*..12]->(b:Person {id: 499})) RETURN length(p)",
        "MATCH (a:Person)-[:KNOWS]->(b:Person) RETURN a.id AS id, count(b) AS out ORDER BY out DESC, id LIMIT 5",
        "MATCH (a:Person)-[:KNOWS]->(b:Person) WHERE NOT (b)-[:KNOWS]->(a) RETURN count(*)",
        "MATCH (a:Person)-[e1:ACCUSED]->(b:Person)-[e2:ACCUSED]->(c:Person) WHERE e1.date < e2.date RETURN count(*)",
        "UNWIND range(1, 200) AS i MATCH (a:Person {id: i}) RETURN sum(a.group)",
    };
    return queries;
}

Database makeGraph() {
    Database db;
    db.execute(fmt::format("UNWIND range(0, {}) AS i CREATE (:Person {{id: i, group: i % 7, name: 'p' + toString(i)}})",
                           kPeople - 1));
    db.execute(fmt::format("MATCH (a:Person), (b:Person) WHERE b.id = (a.id * 7 + 3) % {0} OR b.id = (a.id + 1) % {0} "
                           "CREATE (a)-[:KNOWS]->(b)",
                           kPeople));
    db.execute(fmt::format("MATCH (a:Person), (b:Person) WHERE b.id = (a.id * 13 + 5) % {} AND a.id % 3 = 0 "
                           "CREATE (a)-[:ACCUSED {{code: CASE a.id % 4 WHEN 0 THEN '112' WHEN 1 THEN '1121' ELSE '040' END, "
                           "date: date('2025-01-01') + duration({{days: a.id % 120}})}}]->(b)",
                           kPeople));
    return db;
}

// A result's rows rendered, in their order.
std::vector<std::string> renderedRows(const QueryResult& result) {
    std::vector<std::string> rows;
    for (const auto& row : result.rows) {
        std::string text;
        for (const Value& value : row) {
            text += value.toString() + "|";
        }
        rows.push_back(std::move(text));
    }
    return rows;
}

// A result as sorted rendered rows, so that row order of unordered queries does not matter.
std::vector<std::string> answer(Database& db, const std::string& query) {
    std::vector<std::string> rows = renderedRows(db.execute(query));
    std::sort(rows.begin(), rows.end());
    return rows;
}

double stressSeconds() {
    const char* text = std::getenv("NEWSGRAPH_STRESS_SECONDS");
    return text != nullptr ? std::atof(text) : kDefaultSeconds;
}

} // namespace

TEST_CASE("Concurrent readers and a writer on one Database answer as one thread does", "[stress]") {
    Database db = makeGraph();
    const auto& queries = readQueries();
    std::vector<std::vector<std::string>> expected;
    for (const std::string& query : queries) {
        expected.push_back(answer(db, query));
    }
    REQUIRE(expected[0] != std::vector<std::string>{"0|"});

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(stressSeconds());
    std::atomic<uint64_t> checked{0};
    std::atomic<uint64_t> writes{0};
    std::atomic<bool> failed{false};
    std::vector<std::string> failures(kReaders);

    std::vector<std::thread> threads;
    for (int reader = 0; reader < kReaders; ++reader) {
        threads.emplace_back([&, reader] {
            size_t next = static_cast<size_t>(reader);
            while (std::chrono::steady_clock::now() < deadline && !failed.load()) {
                const size_t index = next++ % queries.size();
                try {
                    if (answer(db, queries[index]) != expected[index]) {
                        failures[reader] = "wrong answer: " + queries[index];
                        failed.store(true);
                    }
                } catch (const std::exception& error) {
                    failures[reader] = std::string(error.what()) + ": " + queries[index];
                    failed.store(true);
                }
                checked.fetch_add(1);
            }
        });
    }
    threads.emplace_back([&] {
        int round = 0;
        while (std::chrono::steady_clock::now() < deadline && !failed.load()) {
            db.execute(fmt::format("CREATE (:Scratch {{round: {}}})", round));
            if (++round % 4 == 0) {
                db.execute("MATCH (s:Scratch) WHERE s.round % 2 = 0 DELETE s");
            }
            writes.fetch_add(1);
        }
    });
    for (auto& thread : threads) {
        thread.join();
    }
    for (const std::string& failure : failures) {
        INFO(failure);
        CHECK(failure.empty());
    }
    CHECK(checked.load() >= queries.size());
    CHECK(writes.load() > 0);
    // The writer's rounds all landed, one after another.
    const QueryResult scratch = db.execute("MATCH (s:Scratch) RETURN count(*)");
    const int64_t rounds = static_cast<int64_t>(writes.load());
    int64_t kept = 0;
    for (int64_t round = 0; round < rounds; ++round) {
        const bool deleted = round % 2 == 0 && (round / 4 + 1) * 4 <= rounds;
        kept += deleted ? 0 : 1;
    }
    CHECK(scratch.rows[0][0].asInt() == kept);
    for (size_t i = 0; i < queries.size(); ++i) {
        INFO(queries[i]);
        CHECK(answer(db, queries[i]) == expected[i]);
    }
}

} // namespace newsgraph

namespace newsgraph {

namespace {

// Large enough that ParallelAggregate splits its scan (its threshold is 32k units of work).
constexpr int kSplitPeople = 12000;

} // namespace

// The threads of one statement: aggregations split among workers (each with copies of the
// pipeline, hash-join tables and per-row plans) while two other statements do the same, every
// answer row for row what one thread gives.
TEST_CASE("Parallel aggregation on several threads answers as one thread does", "[stress]") {
    Database db;
    db.execute(fmt::format("UNWIND range(0, {}) AS i CREATE (:Person {{id: i, group: i % 7, name: 'p' + toString(i % 900)}})",
                           kSplitPeople - 1));
    db.execute(fmt::format("MATCH (a:Person), (b:Person) WHERE b.id = (a.id * 7 + 3) % {0} CREATE (a)-[:KNOWS {{w: a.id % 5}}]->(b)",
                           kSplitPeople));
    db.execute(fmt::format("MATCH (a:Person), (b:Person) WHERE b.id = (a.id + 1) % {0} CREATE (a)-[:KNOWS {{w: a.id % 3}}]->(b)",
                           kSplitPeople));
    const std::vector<std::string> queries = {
        "MATCH (a:Person)-[r:KNOWS]->(b) RETURN a.group AS g, count(*) AS n, sum(r.w) AS s, collect(DISTINCT b.group) AS gs",
        "MATCH (a:Person) OPTIONAL MATCH (a)-[r:KNOWS]->(b) WHERE r.w > 2 RETURN a.group AS g, count(b) AS n",
        "MATCH (a:Person) WHERE a.id % 3 = 0 MATCH (b:Person) WHERE b.name = a.name RETURN a.group AS g, count(*) AS n",
        "MATCH (a:Person)-[:KNOWS]->(b)-[:KNOWS]->(c) WHERE c.group = a.group RETURN b.group AS g, max(c.id) AS top",
    };
    std::vector<std::vector<std::string>> expected;
    ExecuteOptions one;
    one.threads = 1;
    for (const std::string& query : queries) {
        const std::string plan = db.explain(query); // ScanAggregate: one scan and step, on threads its own way
        REQUIRE((plan.find("ParallelAggregate") != std::string::npos || plan.find("ScanAggregate") != std::string::npos));
        expected.push_back(renderedRows(db.execute(query, {}, one)));
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> statements;
    for (int caller = 0; caller < 3; ++caller) {
        statements.emplace_back([&, caller] {
            ExecuteOptions options;
            options.threads = 3;
            for (size_t i = 0; i < queries.size(); ++i) {
                const size_t which = (i + static_cast<size_t>(caller)) % queries.size();
                if (renderedRows(db.execute(queries[which], {}, options)) != expected[which]) {
                    ++mismatches;
                }
            }
        });
    }
    for (auto& statement : statements) {
        statement.join();
    }
    CHECK(mismatches.load() == 0);
}

} // namespace newsgraph
