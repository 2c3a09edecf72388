// A MATCH whose rows only reach a projection that ignores duplicates (RETURN DISTINCT, or only
// DISTINCT aggregates such as count(DISTINCT a)) need not carry every path between its steps:
// after each step but the last, FrontierDistinct keeps one row per combination of the columns
// still read, so `(a)-[r1]->(b)-[r2]->(c {name: 'China'})` expands each b once, not once per r2.
#include <algorithm>

#include "query/planner/planner_impl.hpp"
#include "query/processor/operators/frontier_distinct.hpp"

namespace newsgraph {

std::optional<std::vector<std::string>> duplicateInsensitiveReads(const ast::Clause& match, const ast::Clause& next) {
    if (match.kind != ast::ClauseKind::Match || match.optional || match.pattern.size() != 1) {
        return std::nullopt;
    }
    const ast::PatternPart& part = match.pattern.front();
    if (part.rels.size() < 2 || !part.pathVariable.empty() || part.shortest != ast::ShortestKind::None) {
        return std::nullopt;
    }
    if (next.kind != ast::ClauseKind::Return && next.kind != ast::ClauseKind::With) {
        return std::nullopt;
    }
    const ast::Projection& projection = next.projection;
    if (projection.star) {
        return std::nullopt;
    }
    bool anyAggregate = false;
    std::vector<std::string> reads;
    for (const ast::ProjectionItem& item : projection.items) {
        if (hasNonDistinctAggregate(*item.expression) || !collectReads(*item.expression, reads)) {
            return std::nullopt;
        }
        anyAggregate = anyAggregate || containsAggregate(*item.expression);
    }
    if (!projection.distinct && !anyAggregate) {
        return std::nullopt;
    }
    for (const ast::SortItem& item : projection.order) {
        if (!collectReads(*item.expression, reads)) {
            return std::nullopt;
        }
    }
    if (next.where && !collectReads(*next.where, reads)) {
        return std::nullopt;
    }
    return reads;
}

void Planner::planFrontierDistinct(Plan& plan, const ast::PatternPart& part, const std::vector<PatternStep>& steps,
                                   size_t done, const std::vector<size_t>& nodeSlots, const std::vector<bool>& nodeBound,
                                   const std::vector<size_t>& relSlots, const std::vector<size_t>& relListSlots) {
    if (!frontierReads_ || &part != frontierPart_ || done + 1 >= steps.size() || !relListSlots.empty()) {
        return;
    }
    std::vector<std::string> reads = *frontierReads_;
    for (const PendingPredicate& pending : pending_) {
        if (!collectReads(*pending.predicate, reads)) {
            return;
        }
    }
    std::optional<size_t> laterRels = 0;
    std::vector<size_t> keySlots;
    for (size_t j = done + 1; j < steps.size(); ++j) {
        const ast::RelPattern& rel = part.rels[steps[j].rel];
        if (!rel.variableLength) {
            *laterRels += 1;
        } else if (laterRels && rel.maxHops) {
            *laterRels += *rel.maxHops;
        } else {
            laterRels.reset();
        }
        reads.push_back(rel.variable);
        reads.push_back(part.nodes[steps[j].to].variable);
        if (nodeBound[steps[j].from]) {
            keySlots.push_back(nodeSlots[steps[j].from]);
        }
    }
    for (const std::string& name : reads) {
        if (name.empty()) {
            continue;
        }
        if (const ScopeVariable* variable = plan.scope.find(name)) {
            keySlots.push_back(variable->slot);
        }
    }
    std::sort(keySlots.begin(), keySlots.end());
    keySlots.erase(std::unique(keySlots.begin(), keySlots.end()), keySlots.end());
    std::vector<size_t> uniquenessSlots;
    for (size_t slot : relSlots) {
        if (!std::binary_search(keySlots.begin(), keySlots.end(), slot)) {
            uniquenessSlots.push_back(slot);
        }
    }
    // The step just planned binds a relationship still read later: every row is new, nothing to merge.
    if (relSlots.empty() || std::binary_search(keySlots.begin(), keySlots.end(), relSlots.back())) {
        return;
    }
    auto distinct = std::make_unique<FrontierDistinct>(std::move(keySlots), std::move(uniquenessSlots), laterRels);
    plan.root = wrap(std::move(plan.root), std::move(distinct), plan.scope.width());
}

} // namespace newsgraph
