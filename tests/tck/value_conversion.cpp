#include "tests/tck/value_conversion.hpp"

#include <stdexcept>

namespace newsgraph::tck {

namespace {

constexpr int kMaxDepth = 256;

class GraphReader {
public:
    explicit GraphReader(const Graph& graph) : graph_(graph) {}

    // Throws std::out_of_range on ids the graph does not hold (the caller falls back to render).
    TckValue convert(const Value& value, int depth) const {
        if (depth > kMaxDepth) {
            throw std::out_of_range("value nested too deeply");
        }
        switch (value.type()) {
        case ValueType::Null: return TckValue::null();
        case ValueType::Bool: return TckValue::fromBool(value.asBool());
        case ValueType::Int: return TckValue::fromInt(value.asInt());
        case ValueType::Float: return TckValue::fromFloat(value.asFloat());
        case ValueType::String: return TckValue::fromString(value.asString());
        case ValueType::Date:
        case ValueType::LocalTime:
        case ValueType::Time:
        case ValueType::LocalDateTime:
        case ValueType::DateTime:
        case ValueType::Duration: return TckValue::fromString(value.temporalString());
        case ValueType::List: {
            std::vector<TckValue> items;
            items.reserve(value.asList().size());
            for (const Value& item : value.asList()) {
                items.push_back(convert(item, depth + 1));
            }
            return TckValue::list(std::move(items));
        }
        case ValueType::Map: return TckValue::map(convertEntries(value.asMap(), depth, false));
        case ValueType::Node: return node(value.asNode().id, depth);
        case ValueType::Relationship: return relationship(value.asRelationship().id, depth);
        case ValueType::Path: return path(value.asPath(), depth);
        }
        throw std::out_of_range("unknown value type");
    }

private:
    // Map entries keep nulls ({a: null}); an entity's property set to null is no property.
    TckValue::Entries convertEntries(const std::vector<std::pair<std::string, Value>>& entries, int depth,
                                     bool dropNulls) const {
        TckValue::Entries out;
        out.reserve(entries.size());
        for (const auto& [key, item] : entries) {
            if (dropNulls && item.isNull()) {
                continue;
            }
            out.emplace_back(key, convert(item, depth + 1));
        }
        return out;
    }

    TckValue node(NodeId id, int depth) const {
        if (id >= graph_.nodeCount()) {
            throw std::out_of_range("node id out of range");
        }
        std::vector<std::string> labels;
        for (const LabelId label : graph_.labels(id)) {
            labels.push_back(graph_.catalog().labelName(label));
        }
        return TckValue::node(std::move(labels), convertEntries(graph_.nodeProperties(id), depth, true));
    }

    TckValue relationship(RelId id, int depth) const {
        if (id >= graph_.relCount()) {
            throw std::out_of_range("relationship id out of range");
        }
        return TckValue::relationship(graph_.catalog().typeName(graph_.relType(id)),
                                      convertEntries(graph_.relProperties(id), depth, true));
    }

    TckValue path(const PathValue& path, int depth) const {
        if (path.nodes.size() != path.rels.size() + 1) {
            throw std::out_of_range("path with mismatched node and relationship counts");
        }
        std::vector<TckValue> items;
        items.push_back(node(path.nodes[0], depth + 1));
        for (size_t i = 0; i < path.rels.size(); ++i) {
            const RelId rel = path.rels[i];
            TckValue step = relationship(rel, depth + 1);
            const NodeId source = graph_.relSource(rel);
            const NodeId target = graph_.relTarget(rel);
            step.selfLoop = source == target;
            step.forward = source == path.nodes[i];
            items.push_back(std::move(step));
            items.push_back(node(path.nodes[i + 1], depth + 1));
        }
        return TckValue::path(std::move(items));
    }

    const Graph& graph_;
};

} // namespace

ConversionResult toTckValue(const Value& value, const Database& database) {
    ConversionResult result;
    try {
        result.value = GraphReader(database.graph()).convert(value, 0);
        return result;
    } catch (const std::exception& error) {
        result.error = error.what();
    }
    // Fall back to the engine's own TCK rendering.
    try {
        TckParseResult parsed = parseTckValue(database.render(value));
        if (parsed.value) {
            result.value = std::move(parsed.value);
            result.error.clear();
            return result;
        }
        result.error += "; render: " + parsed.error;
    } catch (const std::exception& error) {
        result.error += std::string("; render: ") + error.what();
    }
    return result;
}

ParameterConversion toEngineValue(const TckValue& value) {
    ParameterConversion result;
    switch (value.kind) {
    case TckKind::Null: result.value = Value(); return result;
    case TckKind::Bool: result.value = Value(value.boolean); return result;
    case TckKind::Int: result.value = Value(value.integer); return result;
    case TckKind::Float: result.value = Value(value.real); return result;
    case TckKind::String: result.value = Value(value.text); return result;
    case TckKind::List: {
        Value::List items;
        for (const TckValue& item : value.items) {
            ParameterConversion converted = toEngineValue(item);
            if (!converted.value) {
                return converted;
            }
            items.push_back(std::move(*converted.value));
        }
        result.value = Value(std::move(items));
        return result;
    }
    case TckKind::Map: {
        Value::Map entries;
        for (const auto& [key, item] : value.entries) {
            ParameterConversion converted = toEngineValue(item);
            if (!converted.value) {
                return converted;
            }
            entries.emplace_back(key, std::move(*converted.value));
        }
        result.value = Value::map(std::move(entries));
        return result;
    }
    case TckKind::Node:
    case TckKind::Relationship:
    case TckKind::Path: break;
    }
    result.error = std::string("a ") + tckKindName(value.kind) + " cannot be a parameter";
    return result;
}

} // namespace newsgraph::tck
