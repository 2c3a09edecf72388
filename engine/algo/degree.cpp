#include "engine/algo/degree.hpp"

#include "engine/algo/edge_view.hpp"

namespace newsgraph::algo {

std::vector<double> degree(const Graph& graph, const AlgoConfig& config) {
    const EdgeView view(graph, config);
    std::vector<double> score(graph.nodeCount(), 0.0);
    CancelCheck cancel(config);
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        if (!view.live(node)) {
            continue;
        }
        cancel.tick();
        double sum = 0.0;
        view.forEachEdge(node, config.direction, [&](NodeId /*neighbor*/, RelId rel) { sum += view.weight(rel); });
        score[node] = sum;
    }
    return score;
}

} // namespace newsgraph::algo
