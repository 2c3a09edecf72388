#pragma once

// Helpers shared by the query-engine tests.

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "query/database.hpp"

namespace newsgraph::testing {

// The one integer a counting query returns (the test fails unless there is exactly one row).
inline int64_t single(Database& database, const std::string& query) {
    const auto result = database.execute(query);
    REQUIRE(result.rows.size() == 1);
    return result.rows[0][0].asInt();
}

} // namespace newsgraph::testing
