#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/storage/graph.hpp"

namespace newsgraph {

// What the graph holds, by name: how many nodes carry each label, how many relationships have
// each type, and how many nodes and relationships have each property key.
struct SchemaSummary {
    struct Count {
        std::string name;
        uint64_t count = 0;
    };
    struct KeyCount {
        std::string name;
        uint64_t nodes = 0;
        uint64_t relationships = 0;
    };
    std::vector<Count> labels;
    std::vector<Count> types;
    std::vector<KeyCount> keys;
};

// Names sorted; names no live entity uses any more are left out.
SchemaSummary summarizeSchema(const Graph& graph);
// The :schema text.
std::string describeSchema(const Graph& graph);

} // namespace newsgraph
