// Limits a user sets on a statement: the memory limit (engine/common/memory_limit.hpp) stops a
// runaway statement with MemoryLimitError and leaves the graph as it was, whether the memory goes
// to a collected list, a sort, enumerated paths or the writes of CREATE; the timeout does the same
// in time. A statement under its limits answers as it would without them.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "engine/common/memory_limit.hpp"
#include "query/database.hpp"

using newsgraph::Database;
using newsgraph::ExecuteOptions;
using newsgraph::QueryError;

namespace {

constexpr uint64_t kMiB = 1024 * 1024;

Database graphOf(int nodes) {
    Database db;
    db.execute(fmt::format("UNWIND range(1, {}) AS i CREATE (:Actor {{name: 'actor number ' + toString(i)}})", nodes));
    db.execute("MATCH (hub:Actor {name: 'actor number 1'}), (a:Actor) WHERE a <> hub CREATE (a)-[:KNOWS]->(hub)");
    return db;
}

ExecuteOptions limitedTo(uint64_t bytes) {
    ExecuteOptions options;
    options.maxMemory = bytes;
    return options;
}

std::string memoryErrorOf(Database& db, const std::string& query, uint64_t limit) {
    try {
        db.execute(query, {}, limitedTo(limit));
    } catch (const QueryError& error) {
        CHECK(error.kind() == "MemoryLimitError");
        CHECK(error.detail() == "MemoryLimit");
        return error.what();
    }
    FAIL("no MemoryLimitError: " << query);
    return "";
}

} // namespace

TEST_CASE("Memory sizes parse as users write them", "[limits]") {
    using newsgraph::parseMemorySize;
    CHECK(parseMemorySize("500MB") == 500 * kMiB);
    CHECK(parseMemorySize("500 mb") == 500 * kMiB);
    CHECK(parseMemorySize("2GiB") == 2048 * kMiB);
    CHECK(parseMemorySize("1.5G") == 1536 * kMiB);
    CHECK(parseMemorySize("4096") == 4096U);
    CHECK(parseMemorySize("64k") == 65536U);
    if (newsgraph::physicalMemory() > 0) {
        CHECK(parseMemorySize("50%") == newsgraph::physicalMemory() / 2);
        CHECK(newsgraph::defaultMemoryLimit() < newsgraph::physicalMemory());
    }
    CHECK_FALSE(parseMemorySize(""));
    CHECK_FALSE(parseMemorySize("MB"));
    CHECK_FALSE(parseMemorySize("-5MB"));
    CHECK_FALSE(parseMemorySize("5 parsecs"));
    CHECK_FALSE(parseMemorySize("150%"));
    CHECK_FALSE(parseMemorySize("0"));
    CHECK(newsgraph::formatMemorySize(500 * kMiB) == "500 MiB");
    CHECK(newsgraph::formatMemorySize(1536 * kMiB) == "1.5 GiB");
    CHECK(newsgraph::formatMemorySize(12) == "12 B");
}

TEST_CASE("A statement past its memory limit stops with MemoryLimitError and changes nothing", "[limits]") {
    if (!newsgraph::memoryLimitsEnforced()) {
        WARN("not checked: under the sanitizers, whose allocator is not counted");
        return;
    }
    // Built once for all sections (Catch runs the case once per section): a failed statement
    // leaves it as it was, which is what each section checks.
    static Database db = graphOf(2000);
    const auto before = db.execute("MATCH (n) RETURN count(*)").rows;
    const uint64_t limit = 64 * kMiB;

    SECTION("a collected list of four million strings") {
        const std::string message = memoryErrorOf(db, "MATCH (a), (b) RETURN collect(a.name + b.name)", limit);
        CHECK_THAT(message, Catch::Contains("more memory than its limit of 64 MiB"));
        CHECK_THAT(message, Catch::Contains("the graph is unchanged"));
    }
    SECTION("a sort of four million rows") {
        memoryErrorOf(db, "MATCH (a), (b) RETURN a.name + b.name AS pair ORDER BY pair", limit);
    }
    SECTION("a result of four million rows") {
        memoryErrorOf(db, "MATCH (a), (b) RETURN a.name, b.name", limit);
    }
    SECTION("paths enumerated and kept") {
        memoryErrorOf(db, "MATCH p = (a)-[*0..2]-(b) RETURN collect(p)", limit);
    }
    SECTION("a write that creates millions of nodes") {
        memoryErrorOf(db, "UNWIND range(1, 1000) AS i UNWIND range(1, 5000) AS j CREATE (:Junk {i: i, s: 'padding ' + toString(j)})", limit);
    }
    CHECK(db.execute("MATCH (n) RETURN count(*)").rows == before);
    CHECK(db.execute("MATCH (n:Junk) RETURN count(*)").rows[0][0].asInt() == 0);
    // The same statements under a limit they fit in, and the shell stays usable.
    CHECK(db.execute("MATCH (a:Actor {name: 'actor number 7'}), (b) RETURN count(b.name)", {}, limitedTo(limit)).rows[0][0].asInt() ==
          2000);
}

TEST_CASE("No limit, or a limit that is not reached, changes no answer", "[limits]") {
    Database db = graphOf(300);
    const std::string query = "MATCH (a), (b) WHERE a.name < b.name RETURN count(*) AS pairs, size(collect(a.name)) AS c";
    ExecuteOptions unlimited;
    unlimited.maxMemory.reset();
    const auto free = db.execute(query, {}, unlimited).rows;
    CHECK(free[0][0].asInt() == 300 * 299 / 2);
    CHECK(db.execute(query, {}, limitedTo(512 * kMiB)).rows == free);
    CHECK(db.execute(query).rows == free); // the default limit, 80% of the machine
}

TEST_CASE("A write past its timeout changes nothing", "[limits]") {
    Database db = graphOf(100);
    ExecuteOptions options;
    options.timeout = std::chrono::milliseconds(100);
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(db.execute("UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y CREATE (:Junk)", {}, options),
                      Catch::Contains("timeout of 100 ms"));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
    CHECK(db.execute("MATCH (n:Junk) RETURN count(*)").rows[0][0].asInt() == 0);
}
