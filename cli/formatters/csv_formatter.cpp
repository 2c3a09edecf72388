#include <ostream>
#include <string>

#include "cli/formatters/formatter.hpp"
#include "cli/formatters/text.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kRecordEnd = "\r\n";

std::string quoteField(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    return out + "\"";
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    return quoteField(text);
}

std::string csvValue(const Database& database, const Value& value) {
    switch (value.type()) {
    case ValueType::Null: return "";
    case ValueType::String: return value.asString().empty() ? "\"\"" : csvField(validUtf8(value.asString()));
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return value.temporalString();
    case ValueType::Bool:
    case ValueType::Int:
    case ValueType::Float: return value.toString();
    default: return csvField(validUtf8(database.render(value)));
    }
}

} // namespace

void writeCsv(std::ostream& out, const Database& database, const QueryResult& result) {
    if (result.columns.empty()) {
        return;
    }
    for (size_t c = 0; c < result.columns.size(); ++c) {
        out << (c == 0 ? "" : ",") << csvField(validUtf8(result.columns[c]));
    }
    out << kRecordEnd;
    for (const std::vector<Value>& row : result.rows) {
        for (size_t c = 0; c < result.columns.size(); ++c) {
            out << (c == 0 ? "" : ",") << (c < row.size() ? csvValue(database, row[c]) : "");
        }
        out << kRecordEnd;
    }
}

} // namespace newsgraph
