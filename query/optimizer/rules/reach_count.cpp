// reach_count: count(DISTINCT x), alone, over a breadth-first expansion to x (with any filters in
// between) is one ReachCount: the end nodes of every start row's search are counted in a bitmap,
// and the filters run once per end node not counted yet, with no row made per end node.
#include <algorithm>

#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t ReachCountRule::apply(OptimizerContext& context) {
    return rewriteEach<Aggregate>(context, [](Aggregate& aggregate, std::unique_ptr<Operator>& slot) {
        const std::optional<LoneCount> count = loneCount(aggregate);
        if (!count || !count->distinct || !count->column) {
            return false;
        }
        // Filters between the aggregate and the expansion become the count's predicates.
        std::vector<const ast::Expr*> predicates;
        Operator* below = aggregate.child();
        while (auto* filter = dynamic_cast<Filter*>(below)) {
            predicates.push_back(filter->predicate());
            below = filter->child();
        }
        auto* expand = dynamic_cast<VarExpand*>(below);
        if (expand == nullptr || !expand->distinctEndpoints()) {
            return false;
        }
        const ExpandSpec& spec = expand->spec();
        // The search is called without the per-row set-up of relationship uniqueness and inline
        // relationship properties: only plain expansions qualify.
        if (spec.into || spec.toSlot != *count->column || !spec.distinctFrom.empty() ||
            !spec.distinctFromLists.empty() || expand->relProperties() != nullptr) {
            return false;
        }
        std::reverse(predicates.begin(), predicates.end()); // innermost first, as the filters ran
        auto reach = std::make_unique<ReachCount>(spec, expand->minHops(), expand->maxHops(), std::move(predicates),
                                                  expand->outputWidth(), aggregate.aggregates().front().slot);
        reach->setOutputWidth(aggregate.outputWidth());
        reach->addChild(expand->releaseChild(0));
        slot = std::move(reach);
        return true;
    });
}

} // namespace newsgraph
