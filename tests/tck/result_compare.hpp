// Comparing what a query returned with what a TCK table expects.
#pragma once

#include <string>
#include <vector>

#include "tests/tck/tck_steps.hpp"
#include "tests/tck/tck_value.hpp"

namespace newsgraph::tck {

// Equality the TCK way: kinds must match (1 and 1.0 differ), floats compare exactly with NaN
// equal to NaN, maps and property sets ignore order, node identity is ignored (labels and
// properties only). With ListOrder::Ignored every list, at any depth, compares as a multiset.
bool tckEquals(const TckValue& expected, const TckValue& actual, ListOrder lists = ListOrder::Ordered);

// A query result with every value already converted to its TCK form.
struct ActualResult {
    std::vector<std::string> columns;
    std::vector<std::vector<TckValue>> rows;
};

struct CompareOutcome {
    bool matched = false;
    std::string message; // why not, with the expected and actual rows
};

// Column names must match the header (in order, or as a set, then matched by name). Rows form a
// multiset under RowOrder::Any and a sequence under RowOrder::Ordered.
CompareOutcome compareResults(const ExpectedResult& expected, const ActualResult& actual, RowOrder rows,
                              ListOrder lists);

CompareOutcome compareSideEffects(const SideEffects& expected, const SideEffects& actual);

} // namespace newsgraph::tck
