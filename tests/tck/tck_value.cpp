#include "tests/tck/tck_value.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace newsgraph::tck {

const char* tckKindName(TckKind kind) {
    switch (kind) {
    case TckKind::Null: return "null";
    case TckKind::Bool: return "boolean";
    case TckKind::Int: return "integer";
    case TckKind::Float: return "float";
    case TckKind::String: return "string";
    case TckKind::List: return "list";
    case TckKind::Map: return "map";
    case TckKind::Node: return "node";
    case TckKind::Relationship: return "relationship";
    case TckKind::Path: return "path";
    }
    return "unknown";
}

TckValue::Entries normalizeEntries(TckValue::Entries entries) {
    // Stable sort keeps equal keys in their written order; then keep the last of each run.
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& lhs, const auto& rhs) { return lhs.first < rhs.first; });
    TckValue::Entries out;
    out.reserve(entries.size());
    for (auto& entry : entries) {
        if (!out.empty() && out.back().first == entry.first) {
            out.back().second = std::move(entry.second);
            continue;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

TckValue TckValue::fromBool(bool value) {
    TckValue out;
    out.kind = TckKind::Bool;
    out.boolean = value;
    return out;
}

TckValue TckValue::fromInt(int64_t value) {
    TckValue out;
    out.kind = TckKind::Int;
    out.integer = value;
    return out;
}

TckValue TckValue::fromFloat(double value) {
    TckValue out;
    out.kind = TckKind::Float;
    out.real = value;
    return out;
}

TckValue TckValue::fromString(std::string value) {
    TckValue out;
    out.kind = TckKind::String;
    out.text = std::move(value);
    return out;
}

TckValue TckValue::list(std::vector<TckValue> items) {
    TckValue out;
    out.kind = TckKind::List;
    out.items = std::move(items);
    return out;
}

TckValue TckValue::map(Entries entries) {
    TckValue out;
    out.kind = TckKind::Map;
    out.entries = normalizeEntries(std::move(entries));
    return out;
}

TckValue TckValue::node(std::vector<std::string> labels, Entries properties) {
    TckValue out;
    out.kind = TckKind::Node;
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    out.labels = std::move(labels);
    out.entries = normalizeEntries(std::move(properties));
    return out;
}

TckValue TckValue::relationship(std::string type, Entries properties) {
    TckValue out;
    out.kind = TckKind::Relationship;
    out.text = std::move(type);
    out.entries = normalizeEntries(std::move(properties));
    return out;
}

TckValue TckValue::path(std::vector<TckValue> items) {
    TckValue out;
    out.kind = TckKind::Path;
    out.items = std::move(items);
    return out;
}

std::string formatTckFloat(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "Infinity" : "-Infinity";
    }
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
    if (ec != std::errc{}) {
        return "?";
    }
    std::string out(buffer, end);
    if (out.find_first_of(".eE") == std::string::npos) {
        out += ".0";
    }
    return out;
}

std::string quoteTckString(std::string_view text) {
    std::string out = "'";
    for (const char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: out += c; break;
        }
    }
    return out + "'";
}

bool isTckNameStart(unsigned char c) {
    return std::isalpha(c) != 0 || c == '_' || c >= 0x80;
}

bool isTckNamePart(unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c >= 0x80;
}

namespace {

std::string writeName(const std::string& name) {
    const bool plain = !name.empty() && isTckNameStart(static_cast<unsigned char>(name[0])) &&
                       std::all_of(name.begin(), name.end(),
                                   [](char c) { return isTckNamePart(static_cast<unsigned char>(c)); });
    if (plain) {
        return name;
    }
    std::string out = "`";
    for (const char c : name) {
        out += c;
        if (c == '`') {
            out += '`';
        }
    }
    return out + "`";
}

std::string writeEntries(const TckValue::Entries& entries) {
    std::string out = "{";
    for (size_t i = 0; i < entries.size(); ++i) {
        out += i == 0 ? "" : ", ";
        out += writeName(entries[i].first) + ": " + entries[i].second.toString();
    }
    return out + "}";
}

std::string writeNode(const TckValue& node) {
    std::string out = "(";
    for (const auto& label : node.labels) {
        out += ':';
        out += writeName(label);
    }
    if (!node.entries.empty()) {
        out += node.labels.empty() ? "" : " ";
        out += writeEntries(node.entries);
    }
    return out + ")";
}

std::string writeRelationship(const TckValue& rel) {
    std::string out = "[:";
    out += writeName(rel.text);
    if (!rel.entries.empty()) {
        out += ' ';
        out += writeEntries(rel.entries);
    }
    return out + "]";
}

} // namespace

std::string TckValue::toString() const {
    switch (kind) {
    case TckKind::Null: return "null";
    case TckKind::Bool: return boolean ? "true" : "false";
    case TckKind::Int: return std::to_string(integer);
    case TckKind::Float: return formatTckFloat(real);
    case TckKind::String: return quoteTckString(text);
    case TckKind::List: {
        std::string out = "[";
        for (size_t i = 0; i < items.size(); ++i) {
            out += i == 0 ? "" : ", ";
            out += items[i].toString();
        }
        return out + "]";
    }
    case TckKind::Map: return writeEntries(entries);
    case TckKind::Node: return writeNode(*this);
    case TckKind::Relationship: return writeRelationship(*this);
    case TckKind::Path: {
        std::string out = "<";
        for (size_t i = 0; i < items.size(); ++i) {
            const TckValue& item = items[i];
            if (item.kind != TckKind::Relationship) {
                out += item.toString();
                continue;
            }
            out += item.forward ? "-" : "<-";
            out += item.toString();
            out += item.forward ? "->" : "-";
        }
        return out + ">";
    }
    }
    return "?";
}


} // namespace newsgraph::tck
