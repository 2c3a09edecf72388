// filter_pushdown: a Filter moves below a row-wise operator that only adds columns the filter does
// not read -- a node scan run per earlier row, a hash join, an expansion, an UNWIND -- so that it
// runs once per input row instead of once per row that operator makes, and the rows it drops are
// never extended. The planner places a WHERE conjunct right after the pattern node that binds its
// last variable; a conjunct over variables of an earlier clause (`WITH a, count(*) AS n MATCH (b)
// WHERE n > 1 AND ...`) lands after the first node of the MATCH, and a conjunct over the start of
// a pattern may sit above steps it does not read. Deterministic filters without sub-plans only:
// evaluated once per input row instead of once per output row, they keep the same rows in the
// same order.
#include <algorithm>

#include "query/optimizer/plan_properties.hpp"
#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/value_hash_join.hpp"

namespace newsgraph {

namespace {

// The columns `op` writes on top of its input, or nullopt when it is not an operator the filter
// may pass (one row in, any number out, input columns kept).
std::optional<std::vector<size_t>> addedColumns(const Operator& op) {
    if (const auto* scan = dynamic_cast<const NodeScan*>(&op)) {
        return std::vector<size_t>{scan->slot()};
    }
    if (const auto* seek = dynamic_cast<const IndexSeek*>(&op)) {
        return std::vector<size_t>{seek->slot()};
    }
    if (const auto* join = dynamic_cast<const ValueHashJoin*>(&op)) {
        return std::vector<size_t>{join->slot()};
    }
    if (const auto* expand = dynamic_cast<const Expand*>(&op)) {
        std::vector<size_t> added{expand->spec().relSlot};
        if (!expand->spec().into) {
            added.push_back(expand->spec().toSlot);
        }
        return added;
    }
    if (const auto* unwind = dynamic_cast<const Unwind*>(&op)) {
        return std::vector<size_t>{unwind->slot()};
    }
    return std::nullopt;
}

// Whether `filter` may move below `op`.
bool passes(const Filter& filter, const Operator& op) {
    if (op.children().size() != 1 || op.child()->children().empty()) {
        return false; // over the start row: nothing to gain, and the scan counting rules read it there
    }
    const std::optional<std::vector<size_t>> added = addedColumns(op);
    if (!added || !isDeterministic(*filter.predicate())) {
        return false;
    }
    ColumnSet read;
    collectColumns(*filter.predicate(), read);
    if (read.all()) {
        return false; // a sub-plan reads the whole row
    }
    return std::none_of(added->begin(), added->end(), [&](size_t column) { return read.contains(column); });
}

} // namespace

size_t FilterPushdown::apply(OptimizerContext& context) {
    return rewriteEach<Filter>(context, [](Filter& /*filter*/, std::unique_ptr<Operator>& slot) {
        bool moved = false;
        // `slot` holds the filter; it sinks one operator at a time, `slot` following it down.
        std::unique_ptr<Operator>* at = &slot;
        while (true) {
            auto& filter = static_cast<Filter&>(**at);
            Operator* below = filter.child();
            if (!passes(filter, *below)) {
                break;
            }
            std::unique_ptr<Operator> filterOwned = std::move(*at);
            std::unique_ptr<Operator> belowOwned = filterOwned->releaseChild(0);
            filterOwned->childSlot(0) = belowOwned->releaseChild(0);
            filterOwned->setOutputWidth(filterOwned->child()->outputWidth());
            belowOwned->childSlot(0) = std::move(filterOwned);
            *at = std::move(belowOwned);
            at = &(*at)->childSlot(0);
            moved = true;
        }
        return moved;
    });
}

} // namespace newsgraph
