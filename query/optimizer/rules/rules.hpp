#pragma once

// The optimizer's rules, one source file each (rules/<name>.cpp); optimizer.cpp runs them in order.
#include <functional>
#include <map>

#include "query/optimizer/optimizer_rule.hpp"
#include "query/processor/operators/blocking_operators.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// The conjuncts of `predicate` (the operands of its ANDs, nested ones flattened), in order.
void conjunctsOf(const ast::Expr& predicate, std::vector<const ast::Expr*>& out);
// The columns `expr` reads, or nullopt when it is not deterministic or reads the whole row.
std::optional<std::vector<size_t>> readsOf(const ast::Expr& expr, size_t width);
// The NodeScan under `filter` and the Filters straight below it, with the operator right above the
// scan in `above`; nullptr when the Filters stand on anything else.
NodeScan* scanUnderFilters(Filter& filter, Operator*& above);
// Replaces `filter` (held in `slot`) by its conjuncts `parts` other than `taken`, one Filter each in
// their order over its child, the lowest first; by its child alone when none is left.
void dropConjunct(Filter& filter, std::unique_ptr<Operator>& slot, const std::vector<const ast::Expr*>& parts,
                  const ast::Expr* taken);

// A lone count: an Aggregate without grouping keys whose one aggregate is count(*) or count(...).
struct LoneCount {
    bool star = false;
    bool distinct = false;
    std::optional<size_t> column; // count(variable): the variable's column
};
std::optional<LoneCount> loneCount(const Aggregate& aggregate);
// The same for the one aggregate of an Aggregate that may have grouping keys.
std::optional<LoneCount> countOf(const Aggregate& aggregate);

// A fixed step a factorized count can read from an adjacency: a new far node, no
// variable-length lists to avoid.
bool isPlainStep(const ExpandSpec& spec);

// Whether `expr` is `x.key` of the variable in `slot` itself.
bool isPropertyOfSlot(const ast::Expr& expr, size_t slot);
// `x.key = value` (either way round) for the node in `slot`, on a key the node index holds, the
// value not reading `slot` -- nor any column, when `constant` (then also deterministic).
struct IndexedEquality {
    std::string key;
    const ast::Expr* value = nullptr;
};
std::optional<IndexedEquality> indexedEquality(const ast::Expr& predicate, size_t slot, size_t width, bool constant);

// The scan a count over a pattern starts from: the operators from `aggregate`'s child down to a
// NodeScan straight over the statement's Argument, top first, into `chain` (the scan last).
// nullptr when the input is anything else.
NodeScan* scanUnder(const Aggregate& aggregate, std::vector<Operator*>& chain);

// `x.a op y.b` between two columns' properties, turned round (op flipped) so that the column
// `isLeft` accepts is on the left. nullopt for any other predicate.
struct PropertyComparison {
    ast::BinaryOp op;
    size_t leftColumn;
    std::string leftKey;
    size_t rightColumn;
    std::string rightKey;
};
std::optional<PropertyComparison> propertyComparison(const ast::Expr& predicate,
                                                     const std::function<bool(size_t)>& isLeft);

// The columns a filter reads, each with what `columns` says it holds; nullopt when the filter is
// not deterministic, runs a sub-plan over the whole row, or reads a column the pattern does not make.
template <typename Member>
std::optional<std::vector<std::pair<size_t, Member>>> boundColumns(const ast::Expr& predicate,
                                                                   const std::map<size_t, Member>& columns,
                                                                   size_t width) {
    if (!isDeterministic(predicate)) {
        return std::nullopt;
    }
    ColumnSet read;
    collectColumns(predicate, read);
    if (read.all()) {
        return std::nullopt; // a sub-plan reads the whole row
    }
    std::vector<std::pair<size_t, Member>> bound;
    for (size_t column : read.members(width)) {
        const auto member = columns.find(column);
        if (member == columns.end()) {
            return std::nullopt;
        }
        bound.emplace_back(column, member->second);
    }
    return bound;
}

// Follows what the columns of a pattern hold (`columns`: column -> the pattern's variable)
// through an operator between the pattern's steps and a count above them: a Project that only
// passes variables on under new names (WITH b, r1), or a Select. False for anything else.
template <typename Member>
bool carryColumns(const Operator& op, std::map<size_t, Member>& columns) {
    const ColumnUsage usage = op.usage();
    if (dynamic_cast<const Project*>(&op) != nullptr) {
        for (const auto& [expr, column] : usage.computed) {
            columns.erase(column);
            if (expr->kind != ast::ExprKind::Variable || expr->slot < 0) {
                return false;
            }
            const auto source = columns.find(static_cast<size_t>(expr->slot));
            if (source != columns.end()) {
                columns[column] = source->second;
            }
        }
        return true;
    }
    if (dynamic_cast<const Select*>(&op) != nullptr) {
        std::map<size_t, Member> selected;
        for (size_t i = 0; i < usage.selected.size(); ++i) {
            const auto source = columns.find(usage.selected[i]);
            if (source != columns.end()) {
                selected[i] = source->second;
            }
        }
        columns = std::move(selected);
        return true;
    }
    return false;
}

class FilterPushdown final : public OptimizerRule {
public:
    const char* name() const override { return "filter_pushdown"; }
    const char* summary() const override {
        return "a Filter moves below a scan, join, expansion or UNWIND that only adds columns it does not read";
    }
    size_t apply(OptimizerContext& context) override;
};

class FilterIntoExpand final : public OptimizerRule {
public:
    const char* name() const override { return "filter_into_expand"; }
    const char* summary() const override { return "a Filter right above an Expand runs inside it"; }
    size_t apply(OptimizerContext& context) override;
};

class IndexSeekRule final : public OptimizerRule {
public:
    const char* name() const override { return "index_seek"; }
    const char* summary() const override {
        return "a node scan under n.key = value, on a key the node index holds, seeks the index (any label or none)";
    }
    size_t apply(OptimizerContext& context) override;
};

class ValueHashJoinRule final : public OptimizerRule {
public:
    const char* name() const override { return "value_hash_join"; }
    const char* summary() const override {
        return "a node scan run per earlier row under an equality with that row (b.k = a.k) hashes the nodes once "
               "and looks each row up";
    }
    size_t apply(OptimizerContext& context) override;
};

class DistinctEndpoints final : public OptimizerRule {
public:
    const char* name() const override { return "distinct_endpoints"; }
    const char* summary() const override {
        return "variable-length expansions read only up to duplicates run breadth first, one row per end node";
    }
    size_t apply(OptimizerContext& context) override;
};

class ReachCountRule final : public OptimizerRule {
public:
    const char* name() const override { return "reach_count"; }
    const char* summary() const override {
        return "count(DISTINCT x) over a breadth-first expansion to x counts end nodes in a bitmap";
    }
    size_t apply(OptimizerContext& context) override;
};

class TwoHopCountRule final : public OptimizerRule {
public:
    const char* name() const override { return "two_hop_count"; }
    const char* summary() const override {
        return "count(*) or count(DISTINCT b) of two steps through a middle node b (one r1.x op r2.y, filters on one "
               "step allowed) counted per middle node";
    }
    size_t apply(OptimizerContext& context) override;
};

class ChainCountRule final : public OptimizerRule {
public:
    const char* name() const override { return "chain_count"; }
    const char* summary() const override {
        return "count(*) of a chain of three or more fixed steps over the whole graph (comparisons between "
               "neighbouring steps, filters on one step or node, grouped by an end node or not) counted backwards "
               "per relationship";
    }
    size_t apply(OptimizerContext& context) override;
};

class TopKRule final : public OptimizerRule {
public:
    const char* name() const override { return "top_k"; }
    const char* summary() const override { return "ORDER BY ... LIMIT keeps a heap of skip + limit rows instead of sorting all"; }
    size_t apply(OptimizerContext& context) override;
};

class FrontierDistinctRule final : public OptimizerRule {
public:
    const char* name() const override { return "frontier_distinct"; }
    const char* summary() const override {
        return "between steps read only up to duplicates, one row per combination of the columns still needed";
    }
    size_t apply(OptimizerContext& context) override;
};

class AnchoredExpandRule final : public OptimizerRule {
public:
    const char* name() const override { return "anchored_expand"; }
    const char* summary() const override {
        return "an Expand to a far node pinned by an indexed key = constant reads only the edges of the nodes the index "
               "finds, by the node at the other end once that pays";
    }
    size_t apply(OptimizerContext& context) override;
};
class AggregateTopKRule final : public OptimizerRule {
public:
    const char* name() const override { return "aggregate_top_k"; }
    const char* summary() const override {
        return "ORDER BY an aggregate under LIMIT k: a ScanAggregate emits only the groups that can be among the first k, "
               "evaluating their keys alone";
    }
    size_t apply(OptimizerContext& context) override;
};
class ScanAggregateRule final : public OptimizerRule {
public:
    const char* name() const override { return "scan_aggregate"; }
    const char* summary() const override {
        return "an Aggregate over a node scan and at most one step, its keys over one variable each, groups by ids and "
               "stored values read from the adjacency and the columns, on every thread";
    }
    size_t apply(OptimizerContext& context) override;
};

class ParallelAggregateRule final : public OptimizerRule {
public:
    const char* name() const override { return "parallel_aggregate"; }
    const char* summary() const override {
        return "an Aggregate over a scan of the nodes runs on every thread, the scan cut into ranges of equal work, "
               "merged in range order";
    }
    size_t apply(OptimizerContext& context) override;
};

} // namespace newsgraph
