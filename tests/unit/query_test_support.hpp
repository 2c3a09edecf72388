#pragma once

// Helpers shared by the query-engine tests.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "query/database.hpp"

namespace newsgraph::testing {

// The one integer a counting query returns (the test fails unless there is exactly one row).
inline int64_t single(Database& database, const std::string& query) {
    const auto result = database.execute(query);
    REQUIRE(result.rows.size() == 1);
    return result.rows[0][0].asInt();
}

// The same, with the named optimizer rules switched off.
inline int64_t single(Database& database, const std::string& query, std::vector<std::string> disabledRules) {
    ExecuteOptions options;
    options.disabledRules = std::move(disabledRules);
    const auto result = database.execute(query, {}, options);
    REQUIRE(result.rows.size() == 1);
    return result.rows[0][0].asInt();
}

// A result's rows rendered, one text per row in their order ('v1 | v2 | ').
inline std::vector<std::string> renderedRows(Database& database, const QueryResult& result) {
    std::vector<std::string> rows;
    for (const auto& row : result.rows) {
        std::string text;
        for (const Value& value : row) {
            text += database.render(value) + " | ";
        }
        rows.push_back(std::move(text));
    }
    return rows;
}

// A query's rows rendered and sorted (a multiset), with the named optimizer rules switched off.
inline std::vector<std::string> sortedRows(Database& database, const std::string& query,
                                           std::vector<std::string> disabledRules = {}) {
    ExecuteOptions options;
    options.disabledRules = std::move(disabledRules);
    std::vector<std::string> rows = renderedRows(database, database.execute(query, {}, options));
    std::sort(rows.begin(), rows.end());
    return rows;
}

inline std::string explainWithout(Database& database, const std::string& query, std::vector<std::string> disabledRules) {
    ExecuteOptions options;
    options.disabledRules = std::move(disabledRules);
    return database.explain(query, {}, options);
}

} // namespace newsgraph::testing
