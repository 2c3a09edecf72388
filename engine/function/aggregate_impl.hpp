// Private: the aggregate states behind makeAggregate(). Nulls are skipped before a state sees a
// value; with DISTINCT only the first of equivalent values (equivalent() in value_ops.hpp) counts.
#pragma once

#include <memory>
#include <unordered_set>

#include "engine/function/aggregate_functions.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph::aggregatefn {

struct EquivalenceHash {
    size_t operator()(const Value& value) const { return equivalenceHash(value); }
};

struct EquivalenceEqual {
    bool operator()(const Value& lhs, const Value& rhs) const { return equivalent(lhs, rhs); }
};

// Skips nulls and, with DISTINCT, repeated values; hands the rest to accept().
class FilteredAggregate : public AggregateState {
public:
    explicit FilteredAggregate(bool distinct) : distinct_(distinct) {}

    void update(const Value& argument, const Value& parameter) final;

protected:
    // Called for every row, null argument or not, before filtering (percentile checks).
    virtual void checkParameter(const Value& /*parameter*/) {}
    virtual void accept(const Value& argument, const Value& parameter) = 0;

private:
    bool distinct_;
    std::unordered_set<Value, EquivalenceHash, EquivalenceEqual> seen_;
};

// aggregate_numeric.cpp.
std::unique_ptr<AggregateState> makeSum(bool distinct);
std::unique_ptr<AggregateState> makeAvg(bool distinct);
std::unique_ptr<AggregateState> makeStDev(bool distinct, bool population);
std::unique_ptr<AggregateState> makePercentile(bool distinct, bool continuous);

} // namespace newsgraph::aggregatefn
