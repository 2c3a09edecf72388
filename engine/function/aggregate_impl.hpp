// Private: the aggregate states behind makeAggregate(). Nulls are skipped before a state sees a
// value; with DISTINCT only the first of equivalent values (equivalent() in value_ops.hpp) counts.
#pragma once

#include <memory>
#include <unordered_set>
#include <vector>

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
    void recordForMerge() final { recording_ = distinct_; }
    // With DISTINCT: the values `later` accepted, fed through update() in its order (those this
    // state saw already are skipped, as one state would have). Otherwise mergeAccepted().
    void merge(AggregateState& later) final;

protected:
    // Folds in the values another state of the same class accepted after this one's (no DISTINCT).
    virtual void mergeAccepted(FilteredAggregate& later) = 0;
    // Called for every row, null argument or not, before filtering (percentile checks).
    virtual void checkParameter(const Value& /*parameter*/) {}
    virtual void accept(const Value& argument, const Value& parameter) = 0;

private:
    // Whether a node or relationship was seen before (and records it): an open-addressing set of
    // tagged ids, so DISTINCT over graph entities allocates per doubling, not per value.
    bool seenEntity(uint64_t tagged);

    bool distinct_;
    bool recording_ = false;
    std::vector<Value> accepted_; // while recording: the values accepted, in order
    Value lastParameter_;         // while recording: the parameter they came with
    std::unordered_set<Value, EquivalenceHash, EquivalenceEqual> seen_;
    std::vector<uint64_t> entitySlots_; // kEmptySlot where free; the size a power of two
    size_t entityCount_ = 0;
};

// aggregate_numeric.cpp.
std::unique_ptr<AggregateState> makeSum(bool distinct);
std::unique_ptr<AggregateState> makeAvg(bool distinct);
std::unique_ptr<AggregateState> makeStDev(bool distinct, bool population);
std::unique_ptr<AggregateState> makePercentile(bool distinct, bool continuous);

} // namespace newsgraph::aggregatefn
