#pragma once

// What the planner estimates with, gathered once when a graph is frozen (in Graph's constructor,
// so a graph after a write has its own): nodes per label, edges per (label, type, direction) --
// how many relationships of a type leave or enter the nodes that carry a label -- and the number
// of distinct indexed texts per (label, key). A pattern's start node is chosen by the rows these
// predict (planner/plan_start.cpp), not by the order the user wrote the nodes in.
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/common/types.hpp"

namespace newsgraph {

class Graph;
enum class Direction : uint8_t;

class Statistics {
public:
    void gather(const Graph& graph);

    uint64_t nodes() const { return nodes_; }
    uint64_t nodesWithLabel(LabelId label) const { return label < labelNodes_.size() ? labelNodes_[label] : 0; }
    // Relationships of `type` (every type when nullopt) with an end in `direction` at a node with
    // `label` (any node when nullopt): leaving it for Out, entering it for In.
    uint64_t edges(std::optional<LabelId> label, std::optional<TypeId> type, Direction direction) const;
    // Distinct normalized texts of `key` among the nodes with `label` in the node index (0 when none).
    uint64_t distinctIndexed(LabelId label, PropertyKeyId key) const;

private:
    size_t row(std::optional<LabelId> label) const { return label ? *label + 1U : 0; }

    uint64_t nodes_ = 0;
    uint32_t types_ = 0;
    std::vector<uint64_t> labelNodes_;
    // Per direction, (label + 1) * types_ + type; row 0 is every node. A last column per row sums
    // the types.
    std::vector<uint64_t> edges_[2];
    std::vector<std::vector<uint64_t>> distinct_; // [label][key]
};

} // namespace newsgraph
