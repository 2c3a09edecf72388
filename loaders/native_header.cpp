#include "loaders/native_header.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "engine/function/temporal_parse.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

namespace {

constexpr char kArrayDelimiter = ';';
constexpr uint64_t kHeaderLine = 1;

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    const size_t last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// Splits `ID(Space)` into role word and space.
std::pair<std::string, std::string> splitSpace(std::string_view type) {
    const size_t open = type.find('(');
    if (open == std::string_view::npos || type.back() != ')') {
        return {std::string(type), ""};
    }
    return {std::string(type.substr(0, open)), std::string(type.substr(open + 1, type.size() - open - 2))};
}

std::optional<ScalarType> scalarType(const std::string& name) {
    if (name == "string") {
        return ScalarType::String;
    }
    if (name == "int" || name == "long" || name == "short" || name == "byte") {
        return ScalarType::Int;
    }
    if (name == "float" || name == "double") {
        return ScalarType::Float;
    }
    if (name == "boolean") {
        return ScalarType::Boolean;
    }
    if (name == "date") {
        return ScalarType::Date;
    }
    if (name == "localtime") {
        return ScalarType::LocalTime;
    }
    if (name == "time") {
        return ScalarType::Time;
    }
    if (name == "localdatetime") {
        return ScalarType::LocalDateTime;
    }
    if (name == "datetime") {
        return ScalarType::DateTime;
    }
    if (name == "duration") {
        return ScalarType::Duration;
    }
    return std::nullopt;
}

const char* scalarTypeName(ScalarType type) {
    switch (type) {
    case ScalarType::String: return "a string";
    case ScalarType::Int: return "an integer";
    case ScalarType::Float: return "a float";
    case ScalarType::Boolean: return "a boolean (true or false)";
    case ScalarType::Date: return "a date (YYYY-MM-DD)";
    case ScalarType::LocalTime: return "a local time (HH:MM:SS)";
    case ScalarType::Time: return "a time (HH:MM:SS+HH:MM)";
    case ScalarType::LocalDateTime: return "a local datetime (YYYY-MM-DDTHH:MM:SS)";
    case ScalarType::DateTime: return "a datetime (YYYY-MM-DDTHH:MM:SSZ, +HH:MM or [Zone/Name])";
    case ScalarType::Duration: return "a duration (ISO 8601, P1DT2H)";
    }
    return "a value";
}

std::optional<Value> convertScalar(ScalarType type, std::string_view text) {
    if (type == ScalarType::String) {
        return Value(std::string(text));
    }
    text = trim(text);
    switch (type) {
    case ScalarType::Int: {
        if (!text.empty() && text.front() == '+') {
            text.remove_prefix(1);
        }
        int64_t number = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
            return std::nullopt;
        }
        return Value(number);
    }
    case ScalarType::Float: {
        if (!text.empty() && text.front() == '+') {
            text.remove_prefix(1);
        }
        double number = 0.0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
            return std::nullopt;
        }
        return Value(number);
    }
    case ScalarType::Boolean: {
        const std::string word = lower(text);
        if (word == "true" || word == "false") {
            return Value(word == "true");
        }
        return std::nullopt;
    }
    case ScalarType::Date: {
        if (auto date = Date::parse(text)) {
            return Value(*date);
        }
        return std::nullopt;
    }
    case ScalarType::LocalTime: return temporalparse::parseValue(ValueType::LocalTime, text);
    case ScalarType::Time: return temporalparse::parseValue(ValueType::Time, text);
    case ScalarType::LocalDateTime: return temporalparse::parseValue(ValueType::LocalDateTime, text);
    case ScalarType::DateTime: return temporalparse::parseValue(ValueType::DateTime, text);
    case ScalarType::Duration: return temporalparse::parseValue(ValueType::Duration, text);
    case ScalarType::String: break;
    }
    return std::nullopt;
}

std::string describeColumn(const ColumnSpec& column) {
    return column.name.empty() ? std::string("(unnamed)") : column.name;
}

} // namespace

std::vector<ColumnSpec> parseHeader(const std::vector<CsvField>& fields, FileKind kind, const std::string& file) {
    std::vector<ColumnSpec> columns;
    std::set<std::string> names;
    std::set<ColumnRole> roles;
    for (size_t i = 0; i < fields.size(); ++i) {
        const std::string_view text = trim(fields[i].text);
        const size_t colon = text.find(':');
        ColumnSpec column;
        column.name = std::string(colon == std::string_view::npos ? text : text.substr(0, colon));
        std::string type = colon == std::string_view::npos ? "" : std::string(text.substr(colon + 1));
        if (type.size() > 2 && type.ends_with("[]")) {
            column.array = true;
            type.resize(type.size() - 2);
        }
        auto [roleWord, space] = splitSpace(type);
        const std::string role = lower(roleWord);
        column.idSpace = space;
        if (role.empty() || scalarType(role)) {
            column.role = ColumnRole::Property;
            column.type = role.empty() ? ScalarType::String : *scalarType(role);
        } else if (role == "id" && kind == FileKind::Nodes) {
            column.role = ColumnRole::Id;
        } else if (role == "label" && kind == FileKind::Nodes) {
            column.role = ColumnRole::Label;
        } else if (role == "start_id" && kind == FileKind::Relationships) {
            column.role = ColumnRole::StartId;
        } else if (role == "end_id" && kind == FileKind::Relationships) {
            column.role = ColumnRole::EndId;
        } else if (role == "type" && kind == FileKind::Relationships) {
            column.role = ColumnRole::Type;
        } else if (role == "ignore") {
            column.role = ColumnRole::Ignore;
        } else {
            throw LoadError(file, kHeaderLine,
                            fmt::format("unknown type '{}' in header column {} '{}' of a {} file", roleWord, i + 1, text,
                                        kind == FileKind::Nodes ? "node" : "relationship"));
        }
        if (column.role == ColumnRole::Property && column.name.empty()) {
            throw LoadError(file, kHeaderLine, fmt::format("header column {} has no property name", i + 1));
        }
        if (column.role != ColumnRole::Property && column.role != ColumnRole::Ignore && column.role != ColumnRole::Label &&
            !roles.insert(column.role).second) {
            throw LoadError(file, kHeaderLine, fmt::format("header column {} '{}' repeats a column", i + 1, text));
        }
        const bool storesProperty =
            column.role == ColumnRole::Property || (column.role == ColumnRole::Id && !column.name.empty());
        if (storesProperty && !names.insert(column.name).second) {
            throw LoadError(file, kHeaderLine, fmt::format("header names property '{}' twice", column.name));
        }
        columns.push_back(std::move(column));
    }
    if (kind == FileKind::Relationships) {
        for (auto [role, name] : {std::pair{ColumnRole::StartId, ":START_ID"}, std::pair{ColumnRole::EndId, ":END_ID"},
                                  std::pair{ColumnRole::Type, ":TYPE"}}) {
            if (!roles.contains(role)) {
                throw LoadError(file, kHeaderLine, fmt::format("a relationship file needs a {} column", name));
            }
        }
    }
    return columns;
}

std::optional<std::string> convertField(const ColumnSpec& column, const CsvField& field, Value& value) {
    value = Value();
    if (field.text.empty() && (!field.quoted || column.type != ScalarType::String || column.array)) {
        return std::nullopt;
    }
    if (!column.array) {
        auto converted = convertScalar(column.type, field.text);
        if (!converted) {
            return fmt::format("field '{}': '{}' is not {}", describeColumn(column), field.text, scalarTypeName(column.type));
        }
        value = std::move(*converted);
        return std::nullopt;
    }
    Value::List items;
    std::string_view rest = field.text;
    while (true) {
        const size_t cut = rest.find(kArrayDelimiter);
        const std::string_view element = rest.substr(0, cut);
        auto converted = convertScalar(column.type, element);
        if (!converted) {
            return fmt::format("field '{}': array element '{}' is not {}", describeColumn(column), element,
                               scalarTypeName(column.type));
        }
        items.push_back(std::move(*converted));
        if (cut == std::string_view::npos) {
            break;
        }
        rest.remove_prefix(cut + 1);
    }
    value = Value(std::move(items));
    return std::nullopt;
}

} // namespace newsgraph
