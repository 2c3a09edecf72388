// What each operator tells the optimizer about its input (ColumnUsage, operator.hpp): the columns
// and expressions it reads, how its output columns relate to its input's, and whether duplicate
// input rows can change what it produces. Kept in one file so that the facts the plan properties
// rest on can be read and checked side by side; an operator missing here gets the safe default.
#include <algorithm>
#include <cctype>

#include "query/processor/operators/blocking_operators.hpp"
#include "query/processor/operators/frontier_distinct.hpp"
#include "query/processor/operators/read_operators.hpp"
#include "query/processor/operators/value_hash_join.hpp"

namespace newsgraph {

namespace {

using Columns = ColumnUsage::Columns;
using Duplicates = ColumnUsage::Duplicates;

// A row-wise operator: one deterministic set of output rows per input row, input columns kept.
ColumnUsage perRow(std::vector<size_t> reads = {}, std::vector<const ast::Expr*> expressions = {}) {
    ColumnUsage usage;
    usage.columns = Columns::PassThrough;
    usage.duplicates = Duplicates::Transparent;
    usage.reads = std::move(reads);
    usage.expressions = std::move(expressions);
    return usage;
}

ColumnUsage expandUsage(const ExpandSpec& spec, std::vector<const ast::Expr*> expressions) {
    std::vector<size_t> reads{spec.fromSlot};
    if (spec.into) {
        reads.push_back(spec.toSlot);
    }
    reads.insert(reads.end(), spec.distinctFromLists.begin(), spec.distinctFromLists.end());
    ColumnUsage usage = perRow(std::move(reads), std::move(expressions));
    usage.uniquenessReads = spec.distinctFrom;
    return usage;
}

std::string lowered(const std::string& name) {
    std::string out = name;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// An aggregate whose value is the same over a multiset and over its set of distinct rows.
bool ignoresDuplicates(const AggregateSpec& aggregate) {
    if (aggregate.countStar) {
        return false;
    }
    const std::string name = lowered(aggregate.name);
    return aggregate.distinct || name == "min" || name == "max";
}

} // namespace

ColumnUsage NodeScan::usage() const {
    return perRow();
}

ColumnUsage IndexSeek::usage() const {
    return perRow({}, {value_});
}

// The probe is what the join reads of its input. The key reads only the column the join writes:
// listed as computed into that column, so that what evaluates the operator's expressions (the
// catalog ids ParallelAggregate resolves before its threads share the plan) sees it, while no
// input column counts as read for it.
ColumnUsage ValueHashJoin::usage() const {
    ColumnUsage usage = perRow({}, {probe_});
    usage.computed.emplace_back(key_, scan_->slot());
    return usage;
}

ColumnUsage Expand::usage() const {
    return expandUsage(spec_, predicates_);
}

ColumnUsage VarExpand::usage() const {
    std::vector<const ast::Expr*> expressions;
    if (relProperties_ != nullptr) {
        expressions.push_back(relProperties_);
    }
    return expandUsage(spec_, std::move(expressions));
}

ColumnUsage Filter::usage() const {
    return perRow({}, {predicate_});
}

ColumnUsage Project::usage() const {
    ColumnUsage usage = perRow();
    for (size_t i = 0; i < expressions_.size(); ++i) {
        usage.computed.emplace_back(expressions_[i], slots_[i]);
    }
    return usage;
}

ColumnUsage Select::usage() const {
    ColumnUsage usage = perRow();
    usage.columns = Columns::Select;
    usage.selected = slots_;
    return usage;
}

ColumnUsage Unwind::usage() const {
    return perRow({}, {list_});
}

ColumnUsage BuildPath::usage() const {
    std::vector<size_t> reads{startSlot_};
    for (const Step& step : steps_) {
        reads.push_back(step.slot);
    }
    return perRow(std::move(reads));
}

ColumnUsage Apply::usage() const {
    // The per-row plan reads the outer row through its Argument: every column counts as read.
    // Duplicate outer rows give duplicate groups of rows, nothing else.
    ColumnUsage usage;
    usage.columns = Columns::Opaque;
    usage.duplicates = Duplicates::Transparent;
    return usage;
}

ColumnUsage Aggregate::usage() const {
    ColumnUsage usage;
    usage.columns = Columns::Fresh;
    usage.expressions = keys_;
    bool absorbed = !aggregates_.empty();
    for (const AggregateSpec& aggregate : aggregates_) {
        usage.expressions.push_back(aggregate.call);
        absorbed = absorbed && ignoresDuplicates(aggregate);
    }
    usage.duplicates = absorbed ? Duplicates::Absorbed : Duplicates::Observed;
    return usage;
}

ColumnUsage Distinct::usage() const {
    ColumnUsage usage = perRow(slots_);
    usage.duplicates = Duplicates::Absorbed;
    return usage;
}

ColumnUsage Sort::usage() const {
    std::vector<const ast::Expr*> expressions;
    for (const SortKey& key : keys_) {
        expressions.push_back(key.expression);
    }
    return perRow({}, std::move(expressions));
}

ColumnUsage TopK::usage() const {
    std::vector<const ast::Expr*> expressions;
    for (const SortKey& key : keys_) {
        expressions.push_back(key.expression);
    }
    ColumnUsage usage = perRow({}, std::move(expressions));
    usage.duplicates = Duplicates::Observed; // which rows make the cut depends on how many there are
    return usage;
}

ColumnUsage SkipLimit::usage() const {
    ColumnUsage usage = perRow();
    usage.duplicates = Duplicates::Observed; // LIMIT 3 of duplicates is not LIMIT 3 of distinct rows
    return usage;
}

ColumnUsage UnionAll::usage() const {
    return perRow();
}

ColumnUsage FrontierDistinct::usage() const {
    ColumnUsage usage = perRow(keySlots_);
    usage.uniquenessReads = relSlots_;
    return usage;
}

} // namespace newsgraph
