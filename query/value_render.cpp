#include "query/value_render.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace newsgraph {

namespace {

std::string renderProperties(const Graph& graph, const PropertyList& properties) {
    if (properties.empty()) {
        return "";
    }
    std::string out = " {";
    for (size_t i = 0; i < properties.size(); ++i) {
        out += fmt::format("{}{}: {}", i == 0 ? "" : ", ", properties[i].first, renderValue(graph, properties[i].second));
    }
    return out + "}";
}

std::string renderNode(const Graph& graph, NodeId node) {
    if (node >= graph.nodeCount()) {
        return "()";
    }
    std::vector<std::string> labels;
    for (LabelId label : graph.labels(node)) {
        labels.push_back(graph.catalog().labelName(label));
    }
    std::sort(labels.begin(), labels.end());
    std::string out = "(";
    for (const std::string& label : labels) {
        out += ":" + label;
    }
    std::string properties = renderProperties(graph, graph.nodeProperties(node));
    if (labels.empty() && !properties.empty()) {
        properties.erase(0, 1);
    }
    return out + properties + ")";
}

std::string renderRel(const Graph& graph, RelId rel) {
    if (rel >= graph.relCount()) {
        return "[]";
    }
    return fmt::format("[:{}{}]", graph.catalog().typeName(graph.relType(rel)), renderProperties(graph, graph.relProperties(rel)));
}

} // namespace

std::string renderValue(const Graph& graph, const Value& value) {
    switch (value.type()) {
    case ValueType::Node: return renderNode(graph, value.asNode().id);
    case ValueType::Relationship: return renderRel(graph, value.asRelationship().id);
    case ValueType::Path: {
        const PathValue& path = value.asPath();
        std::string out = "<" + renderNode(graph, path.nodes.front());
        for (size_t i = 0; i < path.rels.size(); ++i) {
            const RelId rel = path.rels[i];
            const bool forward = rel < graph.relCount() && graph.relSource(rel) == path.nodes[i];
            out += forward ? "-" + renderRel(graph, rel) + "->" : "<-" + renderRel(graph, rel) + "-";
            out += renderNode(graph, path.nodes[i + 1]);
        }
        return out + ">";
    }
    case ValueType::List: {
        std::string out = "[";
        const auto& items = value.asList();
        for (size_t i = 0; i < items.size(); ++i) {
            out += (i == 0 ? "" : ", ") + renderValue(graph, items[i]);
        }
        return out + "]";
    }
    case ValueType::Map: {
        std::string out = "{";
        const auto& entries = value.asMap();
        for (size_t i = 0; i < entries.size(); ++i) {
            out += fmt::format("{}{}: {}", i == 0 ? "" : ", ", entries[i].first, renderValue(graph, entries[i].second));
        }
        return out + "}";
    }
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return quoteString(value.temporalString());
    default: return value.toString();
    }
}

} // namespace newsgraph
