#pragma once

// The optimizer's rules, one source file each (rules/<name>.cpp); optimizer.cpp runs them in order.
#include "query/optimizer/optimizer_rule.hpp"
#include "query/processor/operators/blocking_operators.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// A lone count: an Aggregate without grouping keys whose one aggregate is count(*) or count(...).
struct LoneCount {
    bool star = false;
    bool distinct = false;
    std::optional<size_t> column; // count(variable): the variable's column
};
std::optional<LoneCount> loneCount(const Aggregate& aggregate);

class FilterIntoExpand final : public OptimizerRule {
public:
    const char* name() const override { return "filter_into_expand"; }
    const char* summary() const override { return "a Filter right above an Expand runs inside it"; }
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

} // namespace newsgraph
