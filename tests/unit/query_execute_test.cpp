// Database::execute's options: cancellation and the parse / plan / execute split.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "query/database.hpp"

namespace newsgraph {
namespace {

constexpr int kCancelAfterMilliseconds = 50;

TEST_CASE("a cancelled statement stops with TransactionError Cancelled", "[query][cancel]") {
    Database database;
    std::atomic<bool> cancelled{true};
    ExecuteOptions options;
    options.cancelled = &cancelled;
    try {
        static_cast<void>(database.execute("UNWIND range(1, 10) AS x RETURN x", {}, options));
        FAIL("the statement was not cancelled");
    } catch (const QueryError& error) {
        CHECK(error.kind() == "TransactionError");
        CHECK(error.detail() == kCancelledDetail);
    }
}

TEST_CASE("a statement cancelled from another thread ends early", "[query][cancel]") {
    Database database;
    std::atomic<bool> cancelled{false};
    ExecuteOptions options;
    options.cancelled = &cancelled;
    std::thread canceller([&cancelled] {
        std::this_thread::sleep_for(std::chrono::milliseconds(kCancelAfterMilliseconds));
        cancelled.store(true);
    });
    // 10^12 rows: only cancellation ends it in a test's lifetime.
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(database.execute("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y RETURN count(*)", {},
                                     options),
                    QueryError);
    canceller.join();
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
}

TEST_CASE("a cancelled write leaves the graph unchanged", "[query][cancel]") {
    Database database;
    static_cast<void>(database.execute("CREATE (:A {n: 1})"));
    std::atomic<bool> cancelled{true};
    ExecuteOptions options;
    options.cancelled = &cancelled;
    CHECK_THROWS_AS(database.execute("UNWIND range(1, 5000) AS x CREATE (:A {n: x})", {}, options), QueryError);
    const QueryResult count = database.execute("MATCH (a:A) RETURN count(a)");
    CHECK(count.rows.at(0).at(0) == Value(int64_t{1}));
}

TEST_CASE("a statement past its timeout stops with TimeoutError and changes nothing", "[query][cancel]") {
    constexpr auto kTimeout = std::chrono::milliseconds(200);
    // A complete graph on 12 nodes: its undirected trails are far too many to enumerate.
    Database database;
    static_cast<void>(database.execute("UNWIND range(1, 12) AS i CREATE (:N {i: i})"));
    static_cast<void>(database.execute("MATCH (a:N), (b:N) WHERE a.i < b.i CREATE (a)-[:T]->(b)"));
    ExecuteOptions options;
    options.timeout = kTimeout;
    for (const char* runaway : {"MATCH (a)-[*]-(b) RETURN count(*)",
                                "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*)",
                                "CREATE (:Extra) WITH 1 AS one MATCH (a)-[*]-(b) RETURN count(*)",
                                "MATCH (a)-[*]-(b) RETURN a.i AS i ORDER BY i LIMIT 3"}) {
        INFO(runaway);
        const auto start = std::chrono::steady_clock::now();
        try {
            static_cast<void>(database.execute(runaway, {}, options));
            FAIL("the statement was not stopped");
        } catch (const QueryError& error) {
            CHECK(error.kind() == "TimeoutError");
            CHECK_THAT(error.what(), Catch::Contains("timeout of 200 ms"));
        }
        // Stopped soon after the deadline (generous for sanitizer builds on a busy machine).
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    }
    // The write before the runaway read was undone; a statement within its time runs as always.
    CHECK(database.execute("MATCH (n) RETURN count(n)", {}, options).rows.at(0).at(0) == Value(int64_t{12}));
    CHECK(database.execute("MATCH (a)-[*1..2]->(b) RETURN count(*)", {}, options).rows.at(0).at(0) ==
          database.execute("MATCH (a)-[*1..2]->(b) RETURN count(*)").rows.at(0).at(0));
}

TEST_CASE("execute reports where the time went", "[query][timing]") {
    Database database;
    const QueryResult result = database.execute("UNWIND range(1, 1000) AS x RETURN sum(x)");
    CHECK(result.timings.parse.count() > 0);
    CHECK(result.timings.plan.count() > 0);
    CHECK(result.timings.execute.count() > 0);
    CHECK(result.rows.at(0).at(0) == Value(int64_t{500500}));
}

} // namespace
} // namespace newsgraph
