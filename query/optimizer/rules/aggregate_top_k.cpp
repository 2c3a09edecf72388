// aggregate_top_k: ORDER BY an aggregate ... LIMIT k over a ScanAggregate -- "the ten pairs that
// talk most", `RETURN a.name, b.name, count(*) AS n ORDER BY n DESC, a, b LIMIT 10` -- lets the
// aggregate emit only the groups that can be among the first k: those whose value of the first
// sort key comes no later than the k-th group's, ties included, so the TopK above still breaks
// ties by the other keys and gives the same rows. With keys the codes say (a.name, type(r)), the
// aggregate then evaluates them only for those groups: 177k groups cost a count each, not a pair
// of strings each.
//
// It fires on TopK <- [Project | Select]* <- ScanAggregate when the TopK's first key is, through
// those operators, one of the aggregates' columns, and the Projects only copy columns (an
// expression that may fail on some row must see every row). Nothing between may drop rows: after
// `WITH ... WHERE n > 5` the k-th group kept is not the k-th group. After scan_aggregate and
// top_k, which make the operators it joins.
#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/scan_aggregate.hpp"

namespace newsgraph {

namespace {

// The column whose value `expr` is when it only names one (a variable, or an aggregate call after
// aggregation); nullopt otherwise.
std::optional<size_t> columnOf(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::Variable && expr.slot >= 0) {
        return static_cast<size_t>(expr.slot);
    }
    if (expr.aggregate >= 0) {
        return static_cast<size_t>(expr.aggregate);
    }
    return std::nullopt;
}

} // namespace

size_t AggregateTopKRule::apply(OptimizerContext& context) {
    return rewriteEach<TopK>(context, [](TopK& topK, std::unique_ptr<Operator>& /*slot*/) {
        if (topK.keys().empty()) {
            return false;
        }
        std::optional<size_t> column = columnOf(*topK.keys().front().expression);
        Operator* op = topK.child();
        while (column && op != nullptr) {
            if (auto* aggregate = dynamic_cast<ScanAggregate*>(op); aggregate != nullptr) {
                const std::vector<AggregateSpec>& aggregates = aggregate->aggregates();
                for (size_t a = 0; a < aggregates.size(); ++a) {
                    if (aggregates[a].slot == *column) {
                        aggregate->keepTopGroups(ScanAggregate::TopGroups{a, topK.keys().front().descending,
                                                                          topK.skip(), topK.limit()});
                        return true;
                    }
                }
                return false; // a grouping key: every group has its own
            }
            const ColumnUsage usage = op->usage();
            if (dynamic_cast<const Project*>(op) != nullptr) {
                // Copies only: a projection that may fail on a row must see every row.
                std::optional<size_t> from = column;
                for (const auto& [expr, written] : usage.computed) {
                    const std::optional<size_t> copied = columnOf(*expr);
                    if (!copied) {
                        return false;
                    }
                    if (written == *column) {
                        from = copied;
                    }
                }
                column = from;
            } else if (dynamic_cast<const Select*>(op) != nullptr) {
                column = *column < usage.selected.size() ? std::optional<size_t>(usage.selected[*column]) : std::nullopt;
            } else {
                return false;
            }
            op = op->children().empty() ? nullptr : op->child();
        }
        return false;
    });
}

} // namespace newsgraph
