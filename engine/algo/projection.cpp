#include "engine/algo/projection.hpp"

#include <algorithm>

namespace newsgraph::algo {

namespace {

// One neighbor of the node being projected: the pair's passing relationships and summed weight.
struct PairTally {
    NodeId neighbor;
    uint32_t count;
    double weight;
};

} // namespace

Projection::Projection(const EdgeView& view, EdgeDirection direction, PairWeight pairWeight)
    : nodeCount_(view.nodeCount()), live_(view.nodeCount(), 0) {
    auto& rowstart = csr_.m_forward.m_rowstart;
    auto& column = csr_.m_forward.m_column;
    rowstart.assign(static_cast<size_t>(nodeCount_) + 1U, 0);
    const uint32_t minCount = view.config().minEdgeCount;
    const bool keepWeights = view.weighted() && pairWeight != PairWeight::Ignore;
    // position[v] is v's index in `tallies` while `stamp[v]` is the node being projected; the stamp
    // spares clearing the array per node.
    std::vector<uint32_t> stamp(nodeCount_, kInvalidNode);
    std::vector<uint32_t> position(nodeCount_, 0);
    std::vector<PairTally> tallies;
    CancelCheck cancel(view.config());
    for (NodeId node = 0; node < nodeCount_; ++node) {
        rowstart[node] = static_cast<uint32_t>(column.size());
        if (!view.live(node)) {
            continue;
        }
        live_[node] = 1;
        ++liveNodes_;
        cancel.tick();
        tallies.clear();
        view.forEachRel(node, direction, [&](NodeId neighbor, RelId rel) {
            if (neighbor == node) {
                return;
            }
            const double weight = keepWeights ? view.weight(rel) : 1.0;
            if (stamp[neighbor] != node) {
                stamp[neighbor] = node;
                position[neighbor] = static_cast<uint32_t>(tallies.size());
                tallies.push_back({neighbor, 1, weight});
                return;
            }
            PairTally& tally = tallies[position[neighbor]];
            ++tally.count;
            tally.weight = pairWeight == PairWeight::Min ? std::min(tally.weight, weight) : tally.weight + weight;
        });
        std::sort(tallies.begin(), tallies.end(),
                  [](const PairTally& a, const PairTally& b) { return a.neighbor < b.neighbor; });
        for (const PairTally& tally : tallies) {
            if (tally.count < minCount) {
                continue;
            }
            column.push_back(tally.neighbor);
            if (keepWeights) {
                weights_.push_back(tally.weight);
            }
        }
    }
    rowstart[nodeCount_] = static_cast<uint32_t>(column.size());
}

} // namespace newsgraph::algo
