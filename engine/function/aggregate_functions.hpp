#pragma once

#include <memory>
#include <string_view>

#include "engine/common/value.hpp"

namespace newsgraph {

// The running state of one aggregate (count, sum, avg, min, max, collect, percentileDisc,
// percentileCont, stDev, stDevP) over one group. Nulls are skipped as Cypher defines; with
// DISTINCT, equivalent inputs count once.
class AggregateState {
public:
    AggregateState() = default;
    AggregateState(const AggregateState&) = delete;
    AggregateState& operator=(const AggregateState&) = delete;
    AggregateState(AggregateState&&) = delete;
    AggregateState& operator=(AggregateState&&) = delete;
    virtual ~AggregateState() = default;

    // `argument` is the aggregated value; `parameter` the percentile for percentileDisc/Cont
    // (null otherwise). Throws QueryError on a bad input (e.g. sum of a string).
    virtual void update(const Value& argument, const Value& parameter) = 0;
    virtual Value finish() = 0;

    // Parallel aggregation: each worker aggregates a contiguous part of the input, and the parts
    // are merged in input order. recordForMerge() is called on a fresh state that will be merged
    // into another (with DISTINCT it then also keeps the values it accepted, in order). merge()
    // folds in `later`, a state of the same aggregate that saw the inputs after this one's: the
    // state then finishes as one fed both sequences in order would -- exactly, except that float
    // sums, averages and deviations may differ in the last bits (compensated sums, Chan's formula).
    virtual void recordForMerge() {}
    virtual void merge(AggregateState& later) = 0;
};

// Whether `name` (any case) is an aggregate function.
bool isAggregateFunction(std::string_view name);
// A fresh state for `name`; count(*) is makeCountStar(). nullptr when `name` is not an aggregate.
std::unique_ptr<AggregateState> makeAggregate(std::string_view name, bool distinct);
std::unique_ptr<AggregateState> makeCountStar();

} // namespace newsgraph
