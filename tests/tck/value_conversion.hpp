// Between engine values and TCK values: query results into the TCK's comparable form (nodes by
// labels and properties, looked up in the graph), TCK parameter literals into engine values.
#pragma once

#include <optional>
#include <string>

#include "engine/common/value.hpp"
#include "query/database.hpp"
#include "tests/tck/tck_value.hpp"

namespace newsgraph::tck {

struct ConversionResult {
    std::optional<TckValue> value;
    std::string error;
};

// A result value in TCK form. Nodes, relationships and paths are read from database.graph();
// when that fails, Database::render's text is parsed instead. Dates become 'YYYY-MM-DD' strings,
// as the TCK writes temporal values.
ConversionResult toTckValue(const Value& value, const Database& database);

struct ParameterConversion {
    std::optional<Value> value;
    std::string error;
};

// A parameter literal as an engine value (nodes, relationships and paths are refused).
ParameterConversion toEngineValue(const TckValue& value);

} // namespace newsgraph::tck
