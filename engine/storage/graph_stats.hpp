#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace newsgraph {

// What a graph holds and what it costs in memory.
struct GraphStats {
    uint64_t nodes = 0;
    uint64_t relationships = 0;
    std::vector<std::pair<std::string, uint64_t>> labels; // label -> nodes, by name
    std::vector<std::pair<std::string, uint64_t>> types;  // type -> relationships, by name
    uint64_t propertyKeys = 0;
    uint64_t strings = 0;
    // Bytes attributed to nodes (labels, node properties, adjacency offsets, label and key indexes),
    // to relationships (endpoints, types, both CSR columns, type index, properties) and to shared
    // structures (interned strings, catalog).
    uint64_t nodeBytes = 0;
    uint64_t relBytes = 0;
    uint64_t sharedBytes = 0;

    double bytesPerNode() const { return nodes == 0 ? 0.0 : static_cast<double>(nodeBytes) / static_cast<double>(nodes); }
    double bytesPerRel() const {
        return relationships == 0 ? 0.0 : static_cast<double>(relBytes) / static_cast<double>(relationships);
    }
    uint64_t totalBytes() const { return nodeBytes + relBytes + sharedBytes; }
    // A human-readable multi-line report.
    std::string toString() const;
};

} // namespace newsgraph
