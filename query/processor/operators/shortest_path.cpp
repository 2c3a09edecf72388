#include "query/processor/operators/shortest_path.hpp"

#include <fmt/format.h>

namespace newsgraph {

namespace {

const char* directionName(algo::EdgeDirection direction) {
    switch (direction) {
    case algo::EdgeDirection::Out: return "->";
    case algo::EdgeDirection::In: return "<-";
    case algo::EdgeDirection::Both: return "--";
    }
    return "--";
}

} // namespace

std::string ShortestPathExpand::describe() const {
    const std::string maxHops = spec_.maxHops == UINT32_MAX ? std::string() : std::to_string(spec_.maxHops);
    return fmt::format("{} #{} {} #{} *{}..{} -> #{}", spec_.all ? "AllShortestPaths" : "ShortestPath", spec_.fromSlot,
                       directionName(spec_.config.direction), spec_.toSlot, spec_.minHops, maxHops, spec_.relListSlot);
}

void ShortestPathExpand::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    paths_.clear();
    position_ = 0;
    const Value& from = input.at(spec_.fromSlot, row);
    const Value& to = input.at(spec_.toSlot, row);
    if (spec_.impossible || from.type() != ValueType::Node || to.type() != ValueType::Node) {
        return;
    }
    algo::AlgoConfig config = spec_.config;
    config.cancelled = context.cancelled;
    const NodeId source = from.asNode().id;
    const NodeId target = to.asNode().id;
    if (spec_.all) {
        paths_ = algo::allShortestPaths(*context.graph, source, target, config, spec_.maxHops);
        // allShortestPaths has no minimum: a zero-length answer where one is not allowed means none.
        if (spec_.minHops > 0 && !paths_.empty() && paths_.front().rels.empty()) {
            paths_.clear();
        }
        return;
    }
    if (auto path = algo::shortestPath(*context.graph, source, target, config, spec_.maxHops, spec_.minHops)) {
        paths_.push_back(std::move(*path));
    }
}

bool ShortestPathExpand::produce(ExecutionContext& /*context*/, const Chunk& input, size_t row, Chunk& out) {
    std::vector<Value> values;
    while (position_ < paths_.size()) {
        if (out.full()) {
            return false;
        }
        const algo::Path& path = paths_[position_++];
        input.readRow(row, values);
        values.resize(out.width());
        Value::List rels;
        rels.reserve(path.rels.size());
        for (RelId rel : path.rels) {
            rels.push_back(Value(RelRef{rel}));
        }
        values[spec_.relListSlot] = Value(std::move(rels));
        if (spec_.pathSlot) {
            values[*spec_.pathSlot] = Value(PathValue{path.nodes, path.rels});
        }
        out.append(std::move(values));
    }
    return true;
}

} // namespace newsgraph
