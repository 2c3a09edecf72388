// filter_into_expand: a Filter right above an Expand (nothing bound in between) becomes a
// predicate of the Expand, checked before a row is copied out: the rows it drops are never
// materialized, and type narrowing (type_narrowing.cpp) can read `r.key OP constant` from it.
#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t FilterIntoExpand::apply(OptimizerContext& context) {
    return rewriteEach<Filter>(context, [](Filter& filter, std::unique_ptr<Operator>& slot) {
        auto* expand = dynamic_cast<Expand*>(filter.child());
        if (expand == nullptr || expand->outputWidth() != filter.outputWidth()) {
            return false;
        }
        expand->addPredicate(filter.predicate());
        slot = filter.releaseChild(0);
        return true;
    });
}

} // namespace newsgraph
