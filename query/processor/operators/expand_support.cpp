#include "query/processor/operators/expand_support.hpp"

namespace newsgraph {

void collectEdges(const Graph& graph, NodeId node, const ExpandSpec& spec, std::vector<std::pair<RelId, NodeId>>& out) {
    out.clear();
    if (spec.impossible || node >= graph.nodeCount() || graph.nodeDeleted(node)) {
        return;
    }
    auto collect = [&](Direction direction, bool skipLoops) {
        auto add = [&](const Adjacency& edges) {
            for (uint32_t i = 0; i < edges.size; ++i) {
                if (skipLoops && edges.neighbor(i) == node) {
                    continue;
                }
                out.emplace_back(edges.rel(i), edges.neighbor(i));
            }
        };
        if (spec.types.empty()) {
            add(graph.adjacency(node, direction));
            return;
        }
        for (TypeId type : spec.types) {
            add(graph.adjacency(node, direction, type));
        }
    };
    if (spec.bothDirections) {
        collect(Direction::Out, false);
        collect(Direction::In, true); // a self-loop was already seen going out
        return;
    }
    collect(spec.direction, false);
}

} // namespace newsgraph
