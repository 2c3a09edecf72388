// reach_count: count(DISTINCT x), alone, over a breadth-first expansion to x (with any filters in
// between) is one ReachCount: the end nodes of every start row's search are counted in a bitmap,
// and the filters run once per end node not counted yet, with no row made per end node.
#include <algorithm>
#include <cctype>

#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

namespace {

bool isCount(const std::string& name) {
    std::string lowered = name;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
    return lowered == "count";
}

// The column a lone count(DISTINCT variable) of `aggregate` counts, or none.
std::optional<size_t> countedColumn(const Aggregate& aggregate) {
    if (!aggregate.keys().empty() || aggregate.aggregates().size() != 1) {
        return std::nullopt;
    }
    const AggregateSpec& spec = aggregate.aggregates().front();
    if (spec.countStar || !spec.distinct || !isCount(spec.name) || spec.call->children.size() != 1) {
        return std::nullopt;
    }
    const ast::Expr& argument = *spec.call->children.front();
    if (argument.kind != ast::ExprKind::Variable || argument.slot < 0) {
        return std::nullopt;
    }
    return static_cast<size_t>(argument.slot);
}

} // namespace

size_t ReachCountRule::apply(OptimizerContext& context) {
    size_t fired = 0;
    forEachOperator(context.prepared, [&](std::unique_ptr<Operator>& slot) {
        auto* aggregate = dynamic_cast<Aggregate*>(slot.get());
        if (aggregate == nullptr) {
            return;
        }
        const std::optional<size_t> counted = countedColumn(*aggregate);
        if (!counted) {
            return;
        }
        // Filters between the aggregate and the expansion become the count's predicates.
        std::vector<const ast::Expr*> predicates;
        Operator* below = aggregate->child();
        while (auto* filter = dynamic_cast<Filter*>(below)) {
            predicates.push_back(filter->predicate());
            below = filter->child();
        }
        auto* expand = dynamic_cast<VarExpand*>(below);
        if (expand == nullptr || !expand->distinctEndpoints()) {
            return;
        }
        const ExpandSpec& spec = expand->spec();
        // The search is called without the per-row set-up of relationship uniqueness and inline
        // relationship properties: only plain expansions qualify.
        if (spec.into || spec.toSlot != *counted || !spec.distinctFrom.empty() || !spec.distinctFromLists.empty() ||
            expand->relProperties() != nullptr) {
            return;
        }
        std::reverse(predicates.begin(), predicates.end()); // innermost first, as the filters ran
        auto reach = std::make_unique<ReachCount>(spec, expand->minHops(), expand->maxHops(), std::move(predicates),
                                                  expand->outputWidth(), aggregate->aggregates().front().slot);
        reach->setOutputWidth(aggregate->outputWidth());
        reach->addChild(expand->releaseChild(0));
        slot = std::move(reach);
        ++fired;
    });
    if (fired > 0) {
        context.planChanged();
    }
    return fired;
}

} // namespace newsgraph
