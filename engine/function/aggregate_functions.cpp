// Aggregates (Aggregation1-8): count skips nulls, count(*) counts rows; min / max order by Cypher's
// orderability across types (Aggregation2 [11]: max of [1, 'a', [1, 2], 0.2, 'b'] is 1); collect
// skips nulls (Aggregation5, Aggregation8 [3-4]); DISTINCT keeps one of equivalent values
// (Aggregation8, Return5). The numeric aggregates live in aggregate_numeric.cpp.
#include "engine/function/aggregate_functions.hpp"

#include <algorithm>
#include <array>

#include "engine/function/aggregate_impl.hpp"
#include "engine/function/function_support.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace aggregatefn {

namespace {

constexpr uint64_t kEmptySlot = UINT64_MAX;
constexpr size_t kFirstEntitySlots = 64;
constexpr uint64_t kRelationshipTag = uint64_t{1} << 32U;

uint64_t mixBits(uint64_t value) {
    // SplitMix64's finalizer: consecutive ids spread over the table.
    value ^= value >> 30U;
    value *= 0xBF58476D1CE4E5B9ULL;
    value ^= value >> 27U;
    value *= 0x94D049BB133111EBULL;
    return value ^ (value >> 31U);
}

} // namespace

bool FilteredAggregate::seenEntity(uint64_t tagged) {
    if ((entityCount_ + 1) * 2 > entitySlots_.size()) {
        std::vector<uint64_t> old = std::move(entitySlots_);
        entitySlots_.assign(std::max(kFirstEntitySlots, old.size() * 2), kEmptySlot);
        entityCount_ = 0;
        for (uint64_t value : old) {
            if (value != kEmptySlot) {
                seenEntity(value);
            }
        }
    }
    const size_t mask = entitySlots_.size() - 1;
    for (size_t at = mixBits(tagged) & mask;; at = (at + 1) & mask) {
        if (entitySlots_[at] == tagged) {
            return true;
        }
        if (entitySlots_[at] == kEmptySlot) {
            entitySlots_[at] = tagged;
            ++entityCount_;
            return false;
        }
    }
}

void FilteredAggregate::update(const Value& argument, const Value& parameter) {
    checkParameter(parameter);
    if (argument.isNull()) {
        return;
    }
    if (distinct_) {
        if (argument.type() == ValueType::Node) {
            if (seenEntity(argument.asNode().id)) {
                return;
            }
        } else if (argument.type() == ValueType::Relationship) {
            if (seenEntity(kRelationshipTag | argument.asRelationship().id)) {
                return;
            }
        } else if (!seen_.insert(argument).second) {
            return;
        }
    }
    if (recording_) {
        accepted_.push_back(argument);
        lastParameter_ = parameter;
    }
    accept(argument, parameter);
}

void FilteredAggregate::merge(AggregateState& later) {
    auto& other = static_cast<FilteredAggregate&>(later);
    if (!distinct_) {
        mergeAccepted(other);
        return;
    }
    for (const Value& value : other.accepted_) {
        update(value, other.lastParameter_);
    }
}

namespace {

class CountState final : public FilteredAggregate {
public:
    using FilteredAggregate::FilteredAggregate;
    Value finish() override { return Value(count_); }

protected:
    void accept(const Value& /*argument*/, const Value& /*parameter*/) override { ++count_; }
    void mergeAccepted(FilteredAggregate& later) override { count_ += static_cast<CountState&>(later).count_; }

private:
    int64_t count_ = 0;
};

class CountStarState final : public AggregateState {
public:
    void update(const Value& /*argument*/, const Value& /*parameter*/) override { ++count_; }
    Value finish() override { return Value(count_); }
    void merge(AggregateState& later) override { count_ += static_cast<CountStarState&>(later).count_; }

private:
    int64_t count_ = 0;
};

// min (wantLarger false) or max (true) by orderability; null when every input was null.
class ExtremeState final : public FilteredAggregate {
public:
    ExtremeState(bool distinct, bool wantLarger) : FilteredAggregate(distinct), wantLarger_(wantLarger) {}
    Value finish() override { return best_; }

protected:
    void accept(const Value& argument, const Value& /*parameter*/) override {
        if (best_.isNull()) {
            best_ = argument;
            return;
        }
        const int order = compareForOrder(argument, best_);
        if ((wantLarger_ && order > 0) || (!wantLarger_ && order < 0)) {
            best_ = argument;
        }
    }
    void mergeAccepted(FilteredAggregate& later) override {
        const Value& best = static_cast<ExtremeState&>(later).best_;
        if (!best.isNull()) {
            accept(best, Value());
        }
    }

private:
    bool wantLarger_;
    Value best_;
};

class CollectState final : public FilteredAggregate {
public:
    using FilteredAggregate::FilteredAggregate;
    Value finish() override { return Value(items_); }

protected:
    void accept(const Value& argument, const Value& /*parameter*/) override { items_.push_back(argument); }
    void mergeAccepted(FilteredAggregate& later) override {
        Value::List& items = static_cast<CollectState&>(later).items_;
        items_.insert(items_.end(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
    }

private:
    Value::List items_;
};

enum class AggregateKind : uint8_t { Count, Sum, Avg, Min, Max, Collect, PercentileDisc, PercentileCont, StDev, StDevP };

struct AggregateName {
    std::string_view name;
    AggregateKind kind;
};

constexpr std::array kAggregates = {
    AggregateName{"count", AggregateKind::Count},
    AggregateName{"sum", AggregateKind::Sum},
    AggregateName{"avg", AggregateKind::Avg},
    AggregateName{"min", AggregateKind::Min},
    AggregateName{"max", AggregateKind::Max},
    AggregateName{"collect", AggregateKind::Collect},
    AggregateName{"percentileDisc", AggregateKind::PercentileDisc},
    AggregateName{"percentileCont", AggregateKind::PercentileCont},
    AggregateName{"stDev", AggregateKind::StDev},
    AggregateName{"stDevP", AggregateKind::StDevP},
};

const AggregateName* findAggregate(std::string_view name) {
    const auto found = std::find_if(kAggregates.begin(), kAggregates.end(), [&](const AggregateName& entry) {
        return fnsupport::equalsIgnoreCase(entry.name, name);
    });
    return found != kAggregates.end() ? &*found : nullptr;
}

} // namespace

} // namespace aggregatefn

bool isAggregateFunction(std::string_view name) {
    return aggregatefn::findAggregate(name) != nullptr;
}

std::unique_ptr<AggregateState> makeAggregate(std::string_view name, bool distinct) {
    using aggregatefn::AggregateKind;
    const aggregatefn::AggregateName* entry = aggregatefn::findAggregate(name);
    if (entry == nullptr) {
        return nullptr;
    }
    switch (entry->kind) {
    case AggregateKind::Count: return std::make_unique<aggregatefn::CountState>(distinct);
    case AggregateKind::Sum: return aggregatefn::makeSum(distinct);
    case AggregateKind::Avg: return aggregatefn::makeAvg(distinct);
    case AggregateKind::Min: return std::make_unique<aggregatefn::ExtremeState>(distinct, false);
    case AggregateKind::Max: return std::make_unique<aggregatefn::ExtremeState>(distinct, true);
    case AggregateKind::Collect: return std::make_unique<aggregatefn::CollectState>(distinct);
    case AggregateKind::PercentileDisc: return aggregatefn::makePercentile(distinct, false);
    case AggregateKind::PercentileCont: return aggregatefn::makePercentile(distinct, true);
    case AggregateKind::StDev: return aggregatefn::makeStDev(distinct, false);
    case AggregateKind::StDevP: return aggregatefn::makeStDev(distinct, true);
    }
    return nullptr;
}

std::unique_ptr<AggregateState> makeCountStar() {
    return std::make_unique<aggregatefn::CountStarState>();
}

} // namespace newsgraph
