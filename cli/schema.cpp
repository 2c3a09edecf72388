#include "cli/schema.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace newsgraph {

namespace {

template <typename IsDeleted>
uint64_t liveCount(const PropertyColumn* column, IsDeleted isDeleted) {
    if (column == nullptr) {
        return 0;
    }
    uint64_t count = 0;
    for (uint32_t entity : column->entities()) {
        count += isDeleted(entity) ? 0 : 1;
    }
    return count;
}

template <typename T>
void sortByName(std::vector<T>& items) {
    std::sort(items.begin(), items.end(), [](const T& lhs, const T& rhs) { return lhs.name < rhs.name; });
}

std::string plural(uint64_t count, std::string_view noun) {
    return count == 1 ? std::string(noun) : fmt::format("{}s", noun);
}

size_t widest(const SchemaSummary& schema) {
    size_t width = 0;
    for (const auto& label : schema.labels) {
        width = std::max(width, label.name.size() + 1);
    }
    for (const auto& type : schema.types) {
        width = std::max(width, type.name.size() + 1);
    }
    for (const auto& key : schema.keys) {
        width = std::max(width, key.name.size());
    }
    return width;
}

} // namespace

SchemaSummary summarizeSchema(const Graph& graph) {
    SchemaSummary schema;
    const Catalog& catalog = graph.catalog();
    for (LabelId label = 0; label < catalog.labelCount(); ++label) {
        if (const size_t count = graph.nodesWithLabel(label).size(); count > 0) {
            schema.labels.push_back({catalog.labelName(label), count});
        }
    }
    for (TypeId type = 0; type < catalog.typeCount(); ++type) {
        if (const size_t count = graph.relsOfType(type).size(); count > 0) {
            schema.types.push_back({catalog.typeName(type), count});
        }
    }
    for (PropertyKeyId key = 0; key < catalog.keyCount(); ++key) {
        const uint64_t nodes = liveCount(graph.nodeColumn(key), [&graph](uint32_t node) { return graph.nodeDeleted(node); });
        const uint64_t rels = liveCount(graph.relColumn(key), [&graph](uint32_t rel) { return graph.relDeleted(rel); });
        if (nodes + rels > 0) {
            schema.keys.push_back({catalog.keyName(key), nodes, rels});
        }
    }
    sortByName(schema.labels);
    sortByName(schema.types);
    sortByName(schema.keys);
    return schema;
}

std::string describeSchema(const Graph& graph) {
    const SchemaSummary schema = summarizeSchema(graph);
    const size_t width = widest(schema);
    std::string out = fmt::format("Node labels ({}):\n", schema.labels.size());
    for (const auto& label : schema.labels) {
        out += fmt::format("  {:<{}}  {:>8} {}\n", ":" + label.name, width, label.count, plural(label.count, "node"));
    }
    out += fmt::format("Relationship types ({}):\n", schema.types.size());
    for (const auto& type : schema.types) {
        out += fmt::format("  {:<{}}  {:>8} {}\n", ":" + type.name, width, type.count,
                           plural(type.count, "relationship"));
    }
    out += fmt::format("Property keys ({}):\n", schema.keys.size());
    for (const auto& key : schema.keys) {
        std::string counts;
        if (key.nodes > 0) {
            counts = fmt::format("{:>8} {}", key.nodes, plural(key.nodes, "node"));
        }
        if (key.relationships > 0) {
            counts += fmt::format("{}{:>8} {}", counts.empty() ? "" : ", ", key.relationships,
                                  plural(key.relationships, "relationship"));
        }
        out += fmt::format("  {:<{}}  {}\n", key.name, width, counts);
    }
    return out;
}

} // namespace newsgraph
