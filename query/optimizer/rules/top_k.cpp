// top_k: ORDER BY under SKIP/LIMIT keeps only the first skip + limit rows while its input streams
// by (TopK, a heap), instead of sorting every row: "the top 10 accusers" sorts 10 rows, not all.
#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t TopKRule::apply(OptimizerContext& context) {
    return rewriteEach<SkipLimit>(context, [](SkipLimit& limit, std::unique_ptr<Operator>& /*slot*/) {
        auto* sort = dynamic_cast<Sort*>(limit.child());
        if (limit.limit() == nullptr || sort == nullptr) {
            return false;
        }
        auto topK = std::make_unique<TopK>(sort->keys(), limit.skip(), limit.limit());
        topK->setOutputWidth(sort->outputWidth());
        topK->addChild(sort->releaseChild(0));
        limit.childSlot(0) = std::move(topK);
        return true;
    });
}

} // namespace newsgraph
