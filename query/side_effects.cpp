#include "query/side_effects.hpp"

#include <set>
#include <string>

namespace newsgraph {

namespace {

// Adds the property differences of one entity that exists before and after.
void diffProperties(const PropertyList& before, const PropertyList& after, QueryStatistics& stats) {
    size_t i = 0;
    size_t j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
            ++stats.propertiesRemoved;
            ++i;
        } else if (i == before.size() || after[j].first < before[i].first) {
            ++stats.propertiesSet;
            ++j;
        } else {
            if (!(before[i].second == after[j].second)) {
                ++stats.propertiesSet;
                ++stats.propertiesRemoved;
            }
            ++i;
            ++j;
        }
    }
}

std::set<std::string> labelsInUse(const Graph& graph) {
    std::set<std::string> out;
    for (LabelId label = 0; label < graph.catalog().labelCount(); ++label) {
        if (!graph.nodesWithLabel(label).empty()) {
            out.insert(graph.catalog().labelName(label));
        }
    }
    return out;
}

template <typename Before, typename After>
void diffEntity(bool liveBefore, bool liveAfter, Before before, After after, uint64_t& created,
                uint64_t& deleted, QueryStatistics& stats) {
    if (liveAfter && !liveBefore) {
        ++created;
        stats.propertiesSet += after().size();
    } else if (liveBefore && !liveAfter) {
        ++deleted;
        stats.propertiesRemoved += before().size();
    } else if (liveBefore && liveAfter) {
        diffProperties(before(), after(), stats);
    }
}

} // namespace

QueryStatistics diffSideEffects(const Graph& before, const Graph& after, const std::unordered_set<NodeId>& nodes,
                                const std::unordered_set<RelId>& rels) {
    QueryStatistics stats;
    for (NodeId node : nodes) {
        const bool liveBefore = node < before.nodeCount() && !before.nodeDeleted(node);
        const bool liveAfter = node < after.nodeCount() && !after.nodeDeleted(node);
        diffEntity(
            liveBefore, liveAfter, [&] { return before.nodeProperties(node); }, [&] { return after.nodeProperties(node); },
            stats.nodesCreated, stats.nodesDeleted, stats);
    }
    for (RelId rel : rels) {
        const bool liveBefore = rel < before.relCount() && !before.relDeleted(rel);
        const bool liveAfter = rel < after.relCount() && !after.relDeleted(rel);
        diffEntity(
            liveBefore, liveAfter, [&] { return before.relProperties(rel); }, [&] { return after.relProperties(rel); },
            stats.relationshipsCreated, stats.relationshipsDeleted, stats);
    }
    if (!nodes.empty()) {
        const std::set<std::string> labelsBefore = labelsInUse(before);
        const std::set<std::string> labelsAfter = labelsInUse(after);
        for (const std::string& label : labelsAfter) {
            stats.labelsAdded += labelsBefore.contains(label) ? 0 : 1;
        }
        for (const std::string& label : labelsBefore) {
            stats.labelsRemoved += labelsAfter.contains(label) ? 0 : 1;
        }
    }
    return stats;
}

} // namespace newsgraph
