// distinct_endpoints: a variable-length expansion whose relationship list nothing reads, under
// operators that ignore duplicate rows (DISTINCT, count/collect/sum(DISTINCT), min, max, EXISTS,
// pattern predicates), needs each end node once per input row, not once per path: it runs as a
// breadth-first search (BreadthFirstDistinctExpand). Whatever filters, labels, types, direction
// or grouping sit around it, and whatever the bounds (a minimum of 2 or more adds a pruned search
// over trails for the nodes nearer than it).
#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t DistinctEndpoints::apply(OptimizerContext& context) {
    return rewriteEach<VarExpand>(context, [&](VarExpand& expand, std::unique_ptr<Operator>& /*slot*/) {
        if (expand.distinctEndpoints()) {
            return false;
        }
        const OperatorProperties& properties = context.properties().of(expand);
        if (!properties.duplicatesIgnored || properties.needed.contains(expand.spec().relSlot)) {
            return false;
        }
        expand.setDistinctEndpoints();
        return true;
    });
}

} // namespace newsgraph
