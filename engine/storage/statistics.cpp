#include "engine/storage/statistics.hpp"

#include "engine/storage/graph.hpp"

namespace newsgraph {

void Statistics::gather(const Graph& graph) {
    const Catalog& catalog = graph.catalog();
    const uint32_t labels = catalog.labelCount();
    types_ = catalog.typeCount();
    const size_t columns = types_ + 1U; // the last column: every type
    nodes_ = graph.liveNodeCount();
    labelNodes_.assign(labels, 0);
    for (LabelId label = 0; label < labels; ++label) {
        labelNodes_[label] = graph.nodesWithLabel(label).size();
    }
    for (const Direction direction : {Direction::Out, Direction::In}) {
        std::vector<uint64_t>& counts = edges_[static_cast<size_t>(direction)];
        counts.assign((labels + 1U) * columns, 0);
        std::vector<std::pair<uint32_t, uint64_t>> runs; // a node's edges per type: adjacency is sorted by type
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            if (graph.nodeDeleted(node)) {
                continue;
            }
            const Adjacency adjacency = graph.adjacency(node, direction);
            if (adjacency.empty()) {
                continue;
            }
            runs.clear();
            for (uint32_t i = 0; i < adjacency.size; ++i) {
                if (runs.empty() || runs.back().first != adjacency.type(i)) {
                    runs.emplace_back(adjacency.type(i), 0);
                }
                ++runs.back().second;
            }
            runs.emplace_back(types_, adjacency.size); // every type
            auto add = [&](size_t rowStart) {
                for (const auto& [type, count] : runs) {
                    counts[rowStart + type] += count;
                }
            };
            add(0);
            for (const LabelId label : graph.labels(node)) {
                add((label + 1U) * columns);
            }
        }
    }
    distinct_.assign(labels, {});
    graph.index().forEach([this](LabelId label, PropertyKeyId key, std::string_view /*text*/, auto /*nodes*/) {
        if (label >= distinct_.size()) {
            return;
        }
        std::vector<uint64_t>& keys = distinct_[label];
        if (key >= keys.size()) {
            keys.resize(key + 1U, 0);
        }
        ++keys[key];
    });
}

uint64_t Statistics::edges(std::optional<LabelId> label, std::optional<TypeId> type, Direction direction) const {
    const std::vector<uint64_t>& counts = edges_[static_cast<size_t>(direction)];
    const size_t columns = types_ + 1U;
    const size_t column = type ? *type : types_;
    const size_t index = row(label) * columns + column;
    if (column >= columns || index >= counts.size()) {
        return 0;
    }
    return counts[index];
}

uint64_t Statistics::distinctIndexed(LabelId label, PropertyKeyId key) const {
    if (label >= distinct_.size() || key >= distinct_[label].size()) {
        return 0;
    }
    return distinct_[label][key];
}

} // namespace newsgraph
