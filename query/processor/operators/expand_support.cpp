#include "query/processor/operators/expand_support.hpp"

namespace newsgraph {

void collectEdges(const Graph& graph, NodeId node, const ExpandSpec& spec, std::vector<std::pair<RelId, NodeId>>& out) {
    out.clear();
    forEachEdge(graph, node, spec, [&](RelId rel, NodeId neighbor) { out.emplace_back(rel, neighbor); });
}

} // namespace newsgraph
