// top_k: ORDER BY under SKIP/LIMIT keeps only the first skip + limit rows while its input streams
// by (TopK, a heap), instead of sorting every row: "the top 10 accusers" sorts 10 rows, not all.
#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t TopKRule::apply(OptimizerContext& context) {
    size_t fired = 0;
    forEachOperator(context.prepared, [&](std::unique_ptr<Operator>& slot) {
        auto* limit = dynamic_cast<SkipLimit*>(slot.get());
        if (limit == nullptr || limit->limit() == nullptr) {
            return;
        }
        auto* sort = dynamic_cast<Sort*>(limit->child());
        if (sort == nullptr) {
            return;
        }
        auto topK = std::make_unique<TopK>(sort->keys(), limit->skip(), limit->limit());
        topK->setOutputWidth(sort->outputWidth());
        topK->addChild(sort->releaseChild(0));
        limit->childSlot(0) = std::move(topK);
        ++fired;
    });
    if (fired > 0) {
        context.planChanged();
    }
    return fired;
}

} // namespace newsgraph
