#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/value.hpp"
#include "loaders/csv_reader.hpp"

namespace newsgraph {

// The role of a column in a neo4j-admin import header.
enum class ColumnRole : uint8_t { Property, Id, Label, StartId, EndId, Type, Ignore };
enum class ScalarType : uint8_t { String, Int, Float, Boolean, Date, LocalTime, Time, LocalDateTime, DateTime, Duration };

struct ColumnSpec {
    std::string name;            // property key (for an :ID column, empty when unnamed)
    ColumnRole role = ColumnRole::Property;
    ScalarType type = ScalarType::String;
    bool array = false;          // `type[]`: elements separated by ';'
    std::string idSpace;         // `:ID(Space)`, `:START_ID(Space)`, `:END_ID(Space)`
};

enum class FileKind : uint8_t { Nodes, Relationships };

// Parses a header line; throws LoadError(file, 1, reason) on an unknown type, a duplicate
// column or a missing required column (:START_ID, :END_ID and :TYPE for relationships).
std::vector<ColumnSpec> parseHeader(const std::vector<CsvField>& fields, FileKind kind, const std::string& file);

// Converts one field to its typed value; an error message when the text does not fit the type.
// `value` is null for an absent (empty, unquoted) field.
std::optional<std::string> convertField(const ColumnSpec& column, const CsvField& field, Value& value);

} // namespace newsgraph
