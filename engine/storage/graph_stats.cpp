#include "engine/storage/graph_stats.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/storage/graph.hpp"

namespace newsgraph {

namespace {

template <typename T>
uint64_t vectorBytes(const std::vector<T>& items) {
    return items.capacity() * sizeof(T);
}

uint64_t columnBytes(const std::vector<PropertyColumn>& columns) {
    uint64_t bytes = vectorBytes(columns);
    for (const PropertyColumn& column : columns) {
        bytes += column.bytesUsed();
    }
    return bytes;
}

constexpr double kMebibyte = 1024.0 * 1024.0;

} // namespace

std::string GraphStats::toString() const {
    std::string out = fmt::format("nodes: {}\nrelationships: {}\n", nodes, relationships);
    out += "labels:\n";
    for (const auto& [name, count] : labels) {
        out += fmt::format("  :{:<36} {:>12}\n", name, count);
    }
    out += "relationship types:\n";
    for (const auto& [name, count] : types) {
        out += fmt::format("  :{:<36} {:>12}\n", name, count);
    }
    out += fmt::format("property keys: {}\ndistinct strings: {}\n", propertyKeys, strings);
    out += fmt::format("memory: {:.1f} MiB ({:.1f} bytes per node, {:.1f} bytes per relationship, {:.1f} MiB shared)\n",
                       static_cast<double>(totalBytes()) / kMebibyte, bytesPerNode(), bytesPerRel(),
                       static_cast<double>(sharedBytes) / kMebibyte);
    return out;
}

GraphStats Graph::stats() const {
    GraphStats stats;
    stats.nodes = liveNodeCount();
    stats.relationships = liveRelCount();
    for (LabelId label = 0; label < catalog_.labelCount(); ++label) {
        stats.labels.emplace_back(catalog_.labelName(label), nodesWithLabel(label).size());
    }
    for (TypeId type = 0; type < catalog_.typeCount(); ++type) {
        stats.types.emplace_back(catalog_.typeName(type), relsOfType(type).size());
    }
    std::sort(stats.labels.begin(), stats.labels.end());
    std::sort(stats.types.begin(), stats.types.end());
    stats.propertyKeys = catalog_.keyCount();
    stats.strings = strings_.size();

    const uint64_t rowStarts = vectorBytes(out_.m_forward.m_rowstart) + vectorBytes(in_.m_forward.m_rowstart);
    stats.nodeBytes = vectorBytes(nodeLabels_) + columnBytes(nodeColumns_) + rowStarts + vectorBytes(labelOffsets_) +
                      vectorBytes(labelNodes_) + index_.bytesUsed();
    stats.relBytes = vectorBytes(relSource_) + vectorBytes(relTarget_) + vectorBytes(relType_) +
                     vectorBytes(out_.m_forward.m_column) + vectorBytes(out_.m_forward.m_edge_properties) +
                     vectorBytes(in_.m_forward.m_column) + vectorBytes(in_.m_forward.m_edge_properties) +
                     vectorBytes(typeOffsets_) + vectorBytes(typeRels_) + columnBytes(relColumns_);
    stats.sharedBytes = strings_.bytesUsed();
    return stats;
}

} // namespace newsgraph
