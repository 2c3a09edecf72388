#include "engine/common/value.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

namespace newsgraph {

namespace {

constexpr size_t kHashMix = 0x9e3779b97f4a7c15ULL;

size_t combine(size_t seed, size_t value) {
    return seed ^ (value + kHashMix + (seed << 6) + (seed >> 2));
}

} // namespace

const char* valueTypeName(ValueType type) {
    switch (type) {
    case ValueType::Null: return "NULL";
    case ValueType::Bool: return "BOOLEAN";
    case ValueType::Int: return "INTEGER";
    case ValueType::Float: return "FLOAT";
    case ValueType::String: return "STRING";
    case ValueType::Date: return "DATE";
    case ValueType::LocalTime: return "LOCAL TIME";
    case ValueType::Time: return "ZONED TIME";
    case ValueType::LocalDateTime: return "LOCAL DATETIME";
    case ValueType::DateTime: return "ZONED DATETIME";
    case ValueType::Duration: return "DURATION";
    case ValueType::List: return "LIST";
    case ValueType::Map: return "MAP";
    case ValueType::Node: return "NODE";
    case ValueType::Relationship: return "RELATIONSHIP";
    case ValueType::Path: return "PATH";
    }
    return "UNKNOWN";
}

Value Value::map(Map entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& lhs, const auto& rhs) { return lhs.first < rhs.first; });
    Map unique;
    unique.reserve(entries.size());
    for (auto& entry : entries) {
        if (!unique.empty() && unique.back().first == entry.first) {
            unique.back().second = std::move(entry.second);
            continue;
        }
        unique.push_back(std::move(entry));
    }
    return Value(MapTag{}, std::move(unique));
}

const Value* Value::find(const std::string& key) const {
    const Map& entries = asMap();
    auto it = std::lower_bound(entries.begin(), entries.end(), key,
                               [](const auto& entry, const std::string& k) { return entry.first < k; });
    if (it == entries.end() || it->first != key) {
        return nullptr;
    }
    return &it->second;
}

std::string quoteString(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 2);
    out.push_back('\'');
    for (char c : text) {
        switch (c) {
        case '\'': out += "\\'"; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default: out.push_back(c);
        }
    }
    out.push_back('\'');
    return out;
}

std::string formatFloat(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "Infinity" : "-Infinity";
    }
    std::string out = fmt::format("{}", value);
    if (out.find_first_of(".eE") == std::string::npos) {
        out += ".0";
    }
    return out;
}

std::string Value::temporalString() const {
    switch (type()) {
    case ValueType::Date: return asDate().toString();
    case ValueType::LocalTime: return asLocalTime().toString();
    case ValueType::Time: return asTime().toString();
    case ValueType::LocalDateTime: return asLocalDateTime().toString();
    case ValueType::DateTime: return asDateTime().toString();
    case ValueType::Duration: return asDuration().toString();
    default: return {};
    }
}

std::string Value::toString() const {
    switch (type()) {
    case ValueType::Null: return "null";
    case ValueType::Bool: return asBool() ? "true" : "false";
    case ValueType::Int: return std::to_string(asInt());
    case ValueType::Float: return formatFloat(asFloat());
    case ValueType::String: return quoteString(asString());
    case ValueType::Date: return fmt::format("date('{}')", asDate().toString());
    case ValueType::LocalTime: return fmt::format("localtime('{}')", temporalString());
    case ValueType::Time: return fmt::format("time('{}')", temporalString());
    case ValueType::LocalDateTime: return fmt::format("localdatetime('{}')", temporalString());
    case ValueType::DateTime: return fmt::format("datetime('{}')", temporalString());
    case ValueType::Duration: return fmt::format("duration('{}')", temporalString());
    case ValueType::List: {
        std::string out = "[";
        const List& items = asList();
        for (size_t i = 0; i < items.size(); ++i) {
            out += i == 0 ? "" : ", ";
            out += items[i].toString();
        }
        return out + "]";
    }
    case ValueType::Map: {
        std::string out = "{";
        const Map& entries = asMap();
        for (size_t i = 0; i < entries.size(); ++i) {
            out += i == 0 ? "" : ", ";
            out += entries[i].first + ": " + entries[i].second.toString();
        }
        return out + "}";
    }
    case ValueType::Node: return fmt::format("node({})", asNode().id);
    case ValueType::Relationship: return fmt::format("relationship({})", asRelationship().id);
    case ValueType::Path: {
        const PathValue& path = asPath();
        std::string out = "path(";
        for (size_t i = 0; i < path.nodes.size(); ++i) {
            out += fmt::format("{}node({})", i == 0 ? "" : ", ", path.nodes[i]);
            if (i < path.rels.size()) {
                out += fmt::format(", relationship({})", path.rels[i]);
            }
        }
        return out + ")";
    }
    }
    return "null";
}

bool operator==(const Value& lhs, const Value& rhs) {
    if (lhs.type() != rhs.type()) {
        return false;
    }
    switch (lhs.type()) {
    case ValueType::Null: return true;
    case ValueType::Bool: return lhs.asBool() == rhs.asBool();
    case ValueType::Int: return lhs.asInt() == rhs.asInt();
    case ValueType::Float: return lhs.asFloat() == rhs.asFloat();
    case ValueType::String: return lhs.asString() == rhs.asString();
    case ValueType::Date: return lhs.asDate() == rhs.asDate();
    case ValueType::LocalTime: return lhs.asLocalTime() == rhs.asLocalTime();
    case ValueType::Time: return lhs.asTime() == rhs.asTime();
    case ValueType::LocalDateTime: return lhs.asLocalDateTime() == rhs.asLocalDateTime();
    case ValueType::DateTime: return lhs.asDateTime() == rhs.asDateTime();
    case ValueType::Duration: return lhs.asDuration() == rhs.asDuration();
    case ValueType::List: return lhs.asList() == rhs.asList();
    case ValueType::Map: return lhs.asMap() == rhs.asMap();
    case ValueType::Node: return lhs.asNode() == rhs.asNode();
    case ValueType::Relationship: return lhs.asRelationship() == rhs.asRelationship();
    case ValueType::Path: return lhs.asPath() == rhs.asPath();
    }
    return false;
}

size_t Value::hash() const {
    size_t seed = static_cast<size_t>(type());
    switch (type()) {
    case ValueType::Null: return seed;
    case ValueType::Bool: return combine(seed, asBool() ? 1 : 0);
    case ValueType::Int: return combine(seed, std::hash<int64_t>{}(asInt()));
    case ValueType::Float: return combine(seed, std::hash<double>{}(asFloat()));
    case ValueType::String: return combine(seed, std::hash<std::string>{}(asString()));
    case ValueType::Date: return combine(seed, std::hash<int32_t>{}(asDate().days()));
    case ValueType::LocalTime: return combine(seed, std::hash<int64_t>{}(asLocalTime().nanos()));
    case ValueType::Time: return combine(seed, std::hash<int64_t>{}(asTime().utcNanos()));
    case ValueType::LocalDateTime:
        return combine(combine(seed, std::hash<int64_t>{}(asLocalDateTime().epochSeconds())),
                       std::hash<int32_t>{}(asLocalDateTime().nanos()));
    case ValueType::DateTime:
        return combine(combine(seed, std::hash<int64_t>{}(asDateTime().epochSeconds())),
                       std::hash<int32_t>{}(asDateTime().nanos()));
    case ValueType::Duration:
        return combine(combine(combine(seed, std::hash<int64_t>{}(asDuration().months())),
                               std::hash<int64_t>{}(asDuration().days())),
                       std::hash<int64_t>{}(asDuration().seconds() ^ asDuration().nanos()));
    case ValueType::List:
        for (const Value& item : asList()) {
            seed = combine(seed, item.hash());
        }
        return seed;
    case ValueType::Map:
        for (const auto& [key, item] : asMap()) {
            seed = combine(combine(seed, std::hash<std::string>{}(key)), item.hash());
        }
        return seed;
    case ValueType::Node: return combine(seed, asNode().id);
    case ValueType::Relationship: return combine(seed, asRelationship().id);
    case ValueType::Path:
        for (NodeId node : asPath().nodes) {
            seed = combine(seed, node);
        }
        for (RelId rel : asPath().rels) {
            seed = combine(seed, rel);
        }
        return seed;
    }
    return seed;
}

} // namespace newsgraph
