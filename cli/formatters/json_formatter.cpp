#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/formatters/formatter.hpp"
#include "cli/formatters/text.hpp"

namespace newsgraph {

namespace {

// Lists and maps nested deeper than this are not written (the writer is recursive).
constexpr size_t kMaxNesting = 10000;

std::string jsonValue(const Graph& graph, const Value& value, size_t depth = 0);

void appendSeparator(std::string& out, size_t index) {
    if (index > 0) {
        out += ',';
    }
}

std::string jsonProperties(const Graph& graph, const PropertyList& properties) {
    std::string out = "{";
    for (size_t i = 0; i < properties.size(); ++i) {
        appendSeparator(out, i);
        out += jsonString(properties[i].first);
        out += ':';
        out += jsonValue(graph, properties[i].second);
    }
    out += '}';
    return out;
}

std::string jsonNode(const Graph& graph, NodeId node) {
    std::string out = fmt::format("{{\"id\":{},\"labels\":[", node);
    if (node >= graph.nodeCount()) {
        out += "],\"properties\":{}}";
        return out;
    }
    std::vector<std::string> labels;
    for (LabelId label : graph.labels(node)) {
        labels.push_back(graph.catalog().labelName(label));
    }
    std::sort(labels.begin(), labels.end());
    for (size_t i = 0; i < labels.size(); ++i) {
        appendSeparator(out, i);
        out += jsonString(labels[i]);
    }
    out += "],\"properties\":";
    out += jsonProperties(graph, graph.nodeProperties(node));
    out += '}';
    return out;
}

std::string jsonRelationship(const Graph& graph, RelId rel) {
    if (rel >= graph.relCount()) {
        return fmt::format("{{\"id\":{},\"type\":null,\"start\":null,\"end\":null,\"properties\":{{}}}}", rel);
    }
    return fmt::format("{{\"id\":{},\"type\":{},\"start\":{},\"end\":{},\"properties\":{}}}", rel,
                       jsonString(graph.catalog().typeName(graph.relType(rel))), graph.relSource(rel),
                       graph.relTarget(rel), jsonProperties(graph, graph.relProperties(rel)));
}

std::string jsonFloat(double number) {
    const std::string text = formatFloat(number);
    // JSON has no NaN or infinities: they are written as strings.
    if (text == "NaN" || text == "Infinity" || text == "-Infinity") {
        return fmt::format("\"{}\"", text);
    }
    return text;
}

std::string jsonValue(const Graph& graph, const Value& value, size_t depth) {
    if (depth > kMaxNesting) {
        throw std::runtime_error(fmt::format("a value nested deeper than {} levels cannot be written as JSON", kMaxNesting));
    }
    switch (value.type()) {
    case ValueType::Null: return "null";
    case ValueType::Bool: return value.asBool() ? "true" : "false";
    case ValueType::Int: return std::to_string(value.asInt());
    case ValueType::Float: return jsonFloat(value.asFloat());
    case ValueType::String: return jsonString(value.asString());
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return jsonString(value.temporalString());
    case ValueType::List: {
        std::string out = "[";
        const Value::List& items = value.asList();
        for (size_t i = 0; i < items.size(); ++i) {
            appendSeparator(out, i);
            out += jsonValue(graph, items[i], depth + 1);
        }
        out += ']';
        return out;
    }
    case ValueType::Map: {
        std::string out = "{";
        const Value::Map& entries = value.asMap();
        for (size_t i = 0; i < entries.size(); ++i) {
            appendSeparator(out, i);
            out += jsonString(entries[i].first);
            out += ':';
            out += jsonValue(graph, entries[i].second, depth + 1);
        }
        out += '}';
        return out;
    }
    case ValueType::Node: return jsonNode(graph, value.asNode().id);
    case ValueType::Relationship: return jsonRelationship(graph, value.asRelationship().id);
    case ValueType::Path: {
        const PathValue& path = value.asPath();
        std::string out = "{\"nodes\":[";
        for (size_t i = 0; i < path.nodes.size(); ++i) {
            appendSeparator(out, i);
            out += jsonNode(graph, path.nodes[i]);
        }
        out += "],\"relationships\":[";
        for (size_t i = 0; i < path.rels.size(); ++i) {
            appendSeparator(out, i);
            out += jsonRelationship(graph, path.rels[i]);
        }
        out += "]}";
        return out;
    }
    }
    return "null";
}

} // namespace

void writeJsonLines(std::ostream& out, const Database& database, const QueryResult& result) {
    if (result.columns.empty()) {
        return;
    }
    const Graph& graph = database.graph();
    for (const std::vector<Value>& row : result.rows) {
        std::string line = "{";
        for (size_t c = 0; c < result.columns.size(); ++c) {
            appendSeparator(line, c);
            line += jsonString(result.columns[c]);
            line += ':';
            line += c < row.size() ? jsonValue(graph, row[c]) : "null";
        }
        line += "}\n";
        out << line;
    }
}

} // namespace newsgraph
