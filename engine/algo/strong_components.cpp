#include "engine/algo/components.hpp"

#include <boost/graph/strong_components.hpp>

#include "engine/algo/projection.hpp"

namespace newsgraph::algo {

std::vector<uint32_t> strongComponents(const Graph& graph, const AlgoConfig& config) {
    if (config.direction == EdgeDirection::Both) {
        return weakComponents(graph, config);
    }
    const EdgeView view(graph, config);
    const Projection projection(view, EdgeDirection::Out, PairWeight::Ignore);
    checkCancelled(config);
    std::vector<uint32_t> labels(projection.nodeCount(), kNoComponent);
    if (projection.nodeCount() == 0) {
        return labels;
    }
    boost::strong_components(projection.csr(),
                             boost::make_iterator_property_map(labels.begin(), get(boost::vertex_index, projection.csr())));
    for (NodeId node = 0; node < projection.nodeCount(); ++node) {
        if (!projection.live(node)) {
            labels[node] = kNoComponent;
        }
    }
    return denseComponentIds(labels);
}

} // namespace newsgraph::algo
