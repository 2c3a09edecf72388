#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace newsgraph {

enum class OutputFormat : uint8_t { Table, Csv, Json, Dot };

// "table", "csv", "json" or "dot" (exact, lower case); nothing for any other name.
std::optional<OutputFormat> parseOutputFormat(std::string_view name);
std::string_view outputFormatName(OutputFormat format);
// "table, csv, json, dot", for messages.
std::string_view outputFormatNames();

} // namespace newsgraph
