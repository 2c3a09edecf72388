// Numeric aggregates: sum of integers stays an integer (Aggregation3; an int64 overflow of the
// total is an ArgumentError NumberOutOfRange), any float makes it a float, no rows give 0; avg is a
// float (null for no rows); stDev / stDevP are the sample / population standard deviations (0.0 for
// too few rows); percentileDisc / percentileCont (Aggregation6) take a percentile in [0, 1]
// (otherwise ArgumentError NumberOutOfRange), percentileDisc returns an input value, percentileCont
// interpolates a float. A non-numeric input is a TypeError InvalidArgumentValue.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include <fmt/format.h>

#include "engine/function/aggregate_impl.hpp"
#include "engine/function/function_support.hpp"

namespace newsgraph::aggregatefn {

namespace {

__extension__ using Int128 = __int128;

using fnsupport::argumentTypeError;

void requireNumber(std::string_view function, const Value& argument) {
    if (!fnsupport::isNumber(argument)) {
        throw argumentTypeError(function, argument);
    }
}

// Integers summed exactly, floats with Neumaier's compensated summation.
class NumberSum {
public:
    void add(const Value& number) {
        ++count_;
        if (number.type() == ValueType::Int) {
            intSum_ += number.asInt();
            return;
        }
        anyFloat_ = true;
        const double value = number.asFloat();
        const double next = plainSum_ + value;
        if (std::isfinite(next) && std::isfinite(value)) {
            compensation_ += std::fabs(plainSum_) >= std::fabs(value) ? (plainSum_ - next) + value
                                                                      : (value - next) + plainSum_;
        }
        plainSum_ = next;
    }

    // Adds the numbers `later` summed (integers exactly; the float parts with their compensations).
    void merge(const NumberSum& later) {
        count_ += later.count_;
        intSum_ += later.intSum_;
        if (!later.anyFloat_) {
            return;
        }
        anyFloat_ = true;
        const double value = later.plainSum_;
        const double next = plainSum_ + value;
        if (std::isfinite(next) && std::isfinite(value)) {
            compensation_ += std::fabs(plainSum_) >= std::fabs(value) ? (plainSum_ - next) + value
                                                                      : (value - next) + plainSum_;
        }
        plainSum_ = next;
        compensation_ += later.compensation_;
    }

    int64_t count() const { return count_; }
    bool anyFloat() const { return anyFloat_; }
    Int128 intSum() const { return intSum_; }
    double total() const {
        const double floats = std::isfinite(plainSum_) ? plainSum_ + compensation_ : plainSum_;
        return static_cast<double>(intSum_) + floats;
    }

private:
    int64_t count_ = 0;
    bool anyFloat_ = false;
    Int128 intSum_ = 0;
    double plainSum_ = 0.0;
    double compensation_ = 0.0;
};

class SumState final : public FilteredAggregate {
public:
    using FilteredAggregate::FilteredAggregate;

    Value finish() override {
        if (sum_.anyFloat()) {
            return Value(sum_.total());
        }
        const Int128 total = sum_.intSum();
        if (total > std::numeric_limits<int64_t>::max() || total < std::numeric_limits<int64_t>::min()) {
            throw argumentError(fnsupport::kNumberOutOfRange, "sum(): the integer total overflows 64 bits");
        }
        return Value(static_cast<int64_t>(total));
    }

protected:
    void accept(const Value& argument, const Value& /*parameter*/) override {
        requireNumber("sum", argument);
        sum_.add(argument);
    }
    void mergeAccepted(FilteredAggregate& later) override { sum_.merge(static_cast<SumState&>(later).sum_); }

private:
    NumberSum sum_;
};

class AvgState final : public FilteredAggregate {
public:
    using FilteredAggregate::FilteredAggregate;

    Value finish() override {
        if (sum_.count() == 0) {
            return Value();
        }
        return Value(sum_.total() / static_cast<double>(sum_.count()));
    }

protected:
    void accept(const Value& argument, const Value& /*parameter*/) override {
        requireNumber("avg", argument);
        sum_.add(argument);
    }
    void mergeAccepted(FilteredAggregate& later) override { sum_.merge(static_cast<AvgState&>(later).sum_); }

private:
    NumberSum sum_;
};

// Welford's online mean and sum of squared deviations.
class StDevState final : public FilteredAggregate {
public:
    StDevState(bool distinct, bool population) : FilteredAggregate(distinct), population_(population) {}

    Value finish() override {
        const int64_t divisor = population_ ? count_ : count_ - 1;
        if (divisor <= 0) {
            return Value(0.0);
        }
        return Value(std::sqrt(squares_ / static_cast<double>(divisor)));
    }

protected:
    void accept(const Value& argument, const Value& /*parameter*/) override {
        requireNumber(population_ ? "stDevP" : "stDev", argument);
        const double value = fnsupport::numberAsDouble(argument);
        ++count_;
        const double delta = value - mean_;
        mean_ += delta / static_cast<double>(count_);
        squares_ += delta * (value - mean_);
    }
    // Chan, Golub and LeVeque's combination of two (count, mean, squared deviations).
    void mergeAccepted(FilteredAggregate& later) override {
        const auto& other = static_cast<StDevState&>(later);
        if (other.count_ == 0) {
            return;
        }
        const auto total = static_cast<double>(count_ + other.count_);
        const double delta = other.mean_ - mean_;
        squares_ += other.squares_ + delta * delta * static_cast<double>(count_) * static_cast<double>(other.count_) / total;
        mean_ += delta * static_cast<double>(other.count_) / total;
        count_ += other.count_;
    }

private:
    bool population_;
    int64_t count_ = 0;
    double mean_ = 0.0;
    double squares_ = 0.0;
};

class PercentileState final : public FilteredAggregate {
public:
    PercentileState(bool distinct, bool continuous) : FilteredAggregate(distinct), continuous_(continuous) {}

    Value finish() override {
        if (values_.empty()) {
            return Value();
        }
        std::stable_sort(values_.begin(), values_.end(),
                         [](const Value& lhs, const Value& rhs) { return compareForOrder(lhs, rhs) < 0; });
        return continuous_ ? interpolate() : pick();
    }

protected:
    void checkParameter(const Value& parameter) override {
        if (!fnsupport::isNumber(parameter)) {
            throw argumentTypeError(name(), parameter);
        }
        const double percentile = fnsupport::numberAsDouble(parameter);
        if (!(percentile >= 0.0 && percentile <= 1.0)) {
            throw fnsupport::argumentValueError(
                fnsupport::kNumberOutOfRange, name(),
                fmt::format("the percentile must be between 0.0 and 1.0, got {}", parameter.toString()));
        }
        percentile_ = percentile;
    }

    void accept(const Value& argument, const Value& /*parameter*/) override {
        requireNumber(name(), argument);
        values_.push_back(argument);
    }
    void mergeAccepted(FilteredAggregate& later) override {
        auto& other = static_cast<PercentileState&>(later);
        if (other.values_.empty()) {
            return;
        }
        percentile_ = other.percentile_;
        values_.insert(values_.end(), std::make_move_iterator(other.values_.begin()),
                       std::make_move_iterator(other.values_.end()));
    }

private:
    std::string_view name() const { return continuous_ ? "percentileCont" : "percentileDisc"; }

    // The value at rank ceil(p * n) (1-based), the first for p = 0.
    Value pick() const {
        const double position = percentile_ * static_cast<double>(values_.size());
        auto index = static_cast<size_t>(position);
        if (static_cast<double>(index) == position && index > 0) {
            --index;
        }
        return values_[std::min(index, values_.size() - 1)];
    }

    // Linear interpolation between the two values around p * (n - 1).
    Value interpolate() const {
        const double position = percentile_ * static_cast<double>(values_.size() - 1);
        const auto lower = static_cast<size_t>(std::floor(position));
        const auto upper = static_cast<size_t>(std::ceil(position));
        const double lowerValue = fnsupport::numberAsDouble(values_[lower]);
        if (lower == upper) {
            return Value(lowerValue);
        }
        const double upperValue = fnsupport::numberAsDouble(values_[upper]);
        const double fraction = position - static_cast<double>(lower);
        return Value(lowerValue * (1.0 - fraction) + upperValue * fraction);
    }

    bool continuous_;
    double percentile_ = 0.0;
    std::vector<Value> values_;
};

} // namespace

std::unique_ptr<AggregateState> makeSum(bool distinct) {
    return std::make_unique<SumState>(distinct);
}

std::unique_ptr<AggregateState> makeAvg(bool distinct) {
    return std::make_unique<AvgState>(distinct);
}

std::unique_ptr<AggregateState> makeStDev(bool distinct, bool population) {
    return std::make_unique<StDevState>(distinct, population);
}

std::unique_ptr<AggregateState> makePercentile(bool distinct, bool continuous) {
    return std::make_unique<PercentileState>(distinct, continuous);
}

} // namespace newsgraph::aggregatefn
