// top_k: ORDER BY under SKIP/LIMIT through a bounded heap (TopK) gives exactly the rows, in
// exactly the order, of sorting everything (stable: ties keep their input order) -- checked
// against the rule switched off over keys with ties, nulls, mixed types, descending keys and
// every kind of bound.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <fmt/format.h>

#include "query/database.hpp"
#include "query_test_support.hpp"

namespace {

std::vector<std::string> orderedRows(newsgraph::Database& database, const std::string& query,
                                     std::vector<std::string> disabled = {}) {
    newsgraph::ExecuteOptions options;
    options.disabledRules = std::move(disabled);
    const auto result = database.execute(query, {{"n", newsgraph::Value(int64_t{4})}}, options);
    std::vector<std::string> rows;
    for (const auto& row : result.rows) {
        std::string text;
        for (const newsgraph::Value& value : row) {
            text += database.render(value) + " | ";
        }
        rows.push_back(std::move(text));
    }
    return rows;
}

} // namespace

TEST_CASE("top_k: the bounded heap agrees with the full sort", "[query][optimizer]") {
    newsgraph::Database database;
    // i in input order; k with many ties; m mixing nulls, strings, integers and floats.
    const std::string rows =
        "UNWIND range(1, 700) AS i "
        "WITH i, (i * 7919) % 13 AS k, CASE i % 5 WHEN 0 THEN null WHEN 1 THEN toString(i % 7) "
        "WHEN 2 THEN i % 11 ELSE toFloat(i % 9) / 2 END AS m ";
    const std::vector<std::string> orders = {"k", "k DESC", "m", "m DESC, i", "k, m DESC", "i % 3, k DESC, m"};
    const std::vector<std::string> bounds = {"LIMIT 10", "SKIP 5 LIMIT 10", "LIMIT 0", "SKIP 695 LIMIT 10",
                                             "LIMIT 1000", "SKIP 2 LIMIT $n", "LIMIT 1"};
    for (const std::string& order : orders) {
        for (const std::string& bound : bounds) {
            const std::string query = fmt::format("{}RETURN i, k, m ORDER BY {} {}", rows, order, bound);
            INFO(query);
            REQUIRE_THAT(database.explain(query, {{"n", newsgraph::Value(int64_t{4})}}), Catch::Contains("TopK"));
            CHECK(orderedRows(database, query) == orderedRows(database, query, {"top_k"}));
        }
    }
    // WITH ... ORDER BY ... LIMIT between clauses, and after aggregation.
    for (const std::string& query :
         {rows + "WITH i, k ORDER BY k DESC, i LIMIT 20 RETURN sum(i) AS s, count(*) AS c",
          rows + "RETURN k, count(*) AS c, sum(i) AS s ORDER BY s DESC LIMIT 3",
          rows + "RETURN DISTINCT k ORDER BY k SKIP 2 LIMIT 4"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), Catch::Contains("TopK"));
        CHECK(orderedRows(database, query) == orderedRows(database, query, {"top_k"}));
    }
    // SKIP without LIMIT, or ORDER BY alone, sorts everything.
    CHECK_THAT(database.explain(rows + "RETURN i ORDER BY k SKIP 3"), !Catch::Contains("TopK"));
    CHECK_THAT(database.explain(rows + "RETURN i ORDER BY k"), !Catch::Contains("TopK"));
    // A negative or non-integer bound is the error it always was.
    CHECK_THROWS_WITH(database.execute("UNWIND [1, 2] AS x RETURN x ORDER BY x LIMIT $n", {{"n", newsgraph::Value(int64_t{-1})}}),
                      Catch::Contains("LIMIT needs a non-negative integer"));
}
