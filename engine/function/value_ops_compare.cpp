// Equality (`=`, `<>`), comparability (`<`, `<=`, `>`, `>=`), orderability (ORDER BY, min, max) and
// equivalence (DISTINCT, grouping) as the openCypher TCK defines them:
// - Comparison1: `null = null` is null; lists and maps compare element-wise, a size or key-set
//   difference makes them unequal even with nulls inside; NaN equals nothing; 1 = 1.0.
// - Comparison2: values of different types (numbers aside) are incomparable (null); lists compare
//   lexicographically; any comparison with NaN is false.
// - ReturnOrderBy1 / WithOrderBy1: MAP < NODE < RELATIONSHIP < LIST < PATH < (DATE) < STRING <
//   BOOLEAN < NUMBER < null, NaN the largest number.
#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/function/function_support.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace {

using fnsupport::compareIntDouble;
using fnsupport::isNumber;

// The outcome of comparing two values: an order, "unordered" (NaN: every comparison is false) or
// "undefined" (null involved or incomparable types: every comparison is null).
enum class Order : uint8_t { Less, Equal, Greater, Unordered, Undefined };

enum class Truth : uint8_t { False, True, Unknown };

Order fromSign(int sign) {
    if (sign < 0) {
        return Order::Less;
    }
    return sign > 0 ? Order::Greater : Order::Equal;
}

template <typename T>
int threeWay(const T& lhs, const T& rhs) {
    if (lhs < rhs) {
        return -1;
    }
    return rhs < lhs ? 1 : 0;
}

Order compareNumbers(const Value& lhs, const Value& rhs) {
    const bool lhsInt = lhs.type() == ValueType::Int;
    const bool rhsInt = rhs.type() == ValueType::Int;
    if (lhsInt && rhsInt) {
        return fromSign(threeWay(lhs.asInt(), rhs.asInt()));
    }
    if ((!lhsInt && std::isnan(lhs.asFloat())) || (!rhsInt && std::isnan(rhs.asFloat()))) {
        return Order::Unordered;
    }
    if (lhsInt) {
        return fromSign(compareIntDouble(lhs.asInt(), rhs.asFloat()));
    }
    if (rhsInt) {
        return fromSign(-compareIntDouble(rhs.asInt(), lhs.asFloat()));
    }
    return fromSign(threeWay(lhs.asFloat(), rhs.asFloat()));
}

// Three-valued equality.
Truth equalTruth(const Value& lhs, const Value& rhs);

// Element-wise equality of two equally long sequences: false wins over unknown.
template <typename Sequence, typename Project>
Truth sequenceEqual(const Sequence& lhs, const Sequence& rhs, Project project) {
    bool unknown = false;
    for (size_t i = 0; i < lhs.size(); ++i) {
        const Truth element = equalTruth(project(lhs[i]), project(rhs[i]));
        if (element == Truth::False) {
            return Truth::False;
        }
        unknown = unknown || element == Truth::Unknown;
    }
    return unknown ? Truth::Unknown : Truth::True;
}

Truth equalTruth(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Truth::Unknown;
    }
    if (isNumber(lhs) && isNumber(rhs)) {
        return compareNumbers(lhs, rhs) == Order::Equal ? Truth::True : Truth::False;
    }
    if (lhs.type() != rhs.type()) {
        return Truth::False;
    }
    switch (lhs.type()) {
    case ValueType::List: {
        const Value::List& left = lhs.asList();
        const Value::List& right = rhs.asList();
        if (left.size() != right.size()) {
            return Truth::False;
        }
        return sequenceEqual(left, right, [](const Value& item) -> const Value& { return item; });
    }
    case ValueType::Map: {
        const Value::Map& left = lhs.asMap();
        const Value::Map& right = rhs.asMap();
        if (left.size() != right.size()) {
            return Truth::False;
        }
        for (size_t i = 0; i < left.size(); ++i) {
            if (left[i].first != right[i].first) {
                return Truth::False;
            }
        }
        return sequenceEqual(left, right, [](const auto& entry) -> const Value& { return entry.second; });
    }
    default: return lhs == rhs ? Truth::True : Truth::False;
    }
}

// Instants first (times and datetimes compare as instants), then what tells equal instants
// apart, so that only equal values order as 0; durations by their length with a month of
// 30.436875 days (ORDER BY only: `<` on durations is null).
int orderTemporal(const Value& lhs, const Value& rhs) {
    switch (lhs.type()) {
    case ValueType::Date: return threeWay(lhs.asDate(), rhs.asDate());
    case ValueType::LocalTime: return threeWay(lhs.asLocalTime(), rhs.asLocalTime());
    case ValueType::Time: {
        const Time left = lhs.asTime();
        const Time right = rhs.asTime();
        if (const int byInstant = threeWay(left.utcNanos(), right.utcNanos()); byInstant != 0) {
            return byInstant;
        }
        return threeWay(left.offsetSeconds(), right.offsetSeconds());
    }
    case ValueType::LocalDateTime: return threeWay(lhs.asLocalDateTime(), rhs.asLocalDateTime());
    case ValueType::DateTime: {
        const DateTime left = lhs.asDateTime();
        const DateTime right = rhs.asDateTime();
        if (const int bySecond = threeWay(left.epochSeconds(), right.epochSeconds()); bySecond != 0) {
            return bySecond;
        }
        if (const int byNano = threeWay(left.nanos(), right.nanos()); byNano != 0) {
            return byNano;
        }
        if (const int byOffset = threeWay(left.offsetSeconds(), right.offsetSeconds()); byOffset != 0) {
            return byOffset;
        }
        return threeWay(left.zone(), right.zone());
    }
    case ValueType::Duration: {
        const Duration left = lhs.asDuration();
        const Duration right = rhs.asDuration();
        constexpr int64_t kAverageMonthSeconds = 2'629'746;
        auto length = [&](const Duration& d) {
            return (static_cast<__int128>(d.months()) * kAverageMonthSeconds +
                    static_cast<__int128>(d.days()) * kSecondsPerDay + d.seconds()) *
                       kNanosPerSecond +
                   d.nanos();
        };
        if (const int byLength = threeWay(length(left), length(right)); byLength != 0) {
            return byLength;
        }
        if (const int byMonths = threeWay(left.months(), right.months()); byMonths != 0) {
            return byMonths;
        }
        if (const int byDays = threeWay(left.days(), right.days()); byDays != 0) {
            return byDays;
        }
        return threeWay(left.seconds(), right.seconds());
    }
    default: return 0;
    }
}

// Comparability: the order `<` and friends see.
Order comparePartial(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Order::Undefined;
    }
    if (isNumber(lhs) && isNumber(rhs)) {
        return compareNumbers(lhs, rhs);
    }
    if (lhs.type() != rhs.type()) {
        return Order::Undefined;
    }
    switch (lhs.type()) {
    case ValueType::String: return fromSign(lhs.asString().compare(rhs.asString()));
    case ValueType::Bool: return fromSign(threeWay(lhs.asBool(), rhs.asBool()));
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::LocalDateTime: return fromSign(orderTemporal(lhs, rhs));
    // Zoned values compare as instants: 23:15Z and 00:15+01:00 are neither before nor after
    // each other (ORDER BY still tells them apart, by offset).
    case ValueType::Time: return fromSign(threeWay(lhs.asTime().utcNanos(), rhs.asTime().utcNanos()));
    case ValueType::DateTime: {
        const DateTime left = lhs.asDateTime();
        const DateTime right = rhs.asDateTime();
        if (const int bySecond = threeWay(left.epochSeconds(), right.epochSeconds()); bySecond != 0) {
            return fromSign(bySecond);
        }
        return fromSign(threeWay(left.nanos(), right.nanos()));
    }
    case ValueType::List: {
        const Value::List& left = lhs.asList();
        const Value::List& right = rhs.asList();
        const size_t common = std::min(left.size(), right.size());
        for (size_t i = 0; i < common; ++i) {
            const Order element = comparePartial(left[i], right[i]);
            if (element == Order::Equal) {
                continue;
            }
            // Incomparable elements that are nonetheless equal (two equal maps) do not decide.
            if (element == Order::Undefined && equalTruth(left[i], right[i]) == Truth::True) {
                continue;
            }
            return element;
        }
        return fromSign(threeWay(left.size(), right.size()));
    }
    default: return Order::Undefined;
    }
}

Value fromTruth(Truth truth) {
    if (truth == Truth::Unknown) {
        return Value();
    }
    return Value(truth == Truth::True);
}

// Applies a predicate over a comparability result: null when undefined, false when unordered.
template <typename Predicate>
Value comparison(const Value& lhs, const Value& rhs, Predicate accept) {
    const Order order = comparePartial(lhs, rhs);
    if (order == Order::Undefined) {
        return Value();
    }
    if (order == Order::Unordered) {
        return Value(false);
    }
    return Value(accept(order));
}

// Orderability: a rank per type, ascending as ORDER BY sorts them.
enum class OrderRank : uint8_t {
    Map,
    Node,
    Relationship,
    List,
    Path,
    DateTime,
    LocalDateTime,
    Date,
    Time,
    LocalTime,
    Duration,
    String,
    Bool,
    Number,
    Null
};

OrderRank orderRank(ValueType type) {
    switch (type) {
    case ValueType::Map: return OrderRank::Map;
    case ValueType::Node: return OrderRank::Node;
    case ValueType::Relationship: return OrderRank::Relationship;
    case ValueType::List: return OrderRank::List;
    case ValueType::Path: return OrderRank::Path;
    case ValueType::Date: return OrderRank::Date;
    case ValueType::LocalTime: return OrderRank::LocalTime;
    case ValueType::Time: return OrderRank::Time;
    case ValueType::LocalDateTime: return OrderRank::LocalDateTime;
    case ValueType::DateTime: return OrderRank::DateTime;
    case ValueType::Duration: return OrderRank::Duration;
    case ValueType::String: return OrderRank::String;
    case ValueType::Bool: return OrderRank::Bool;
    case ValueType::Int:
    case ValueType::Float: return OrderRank::Number;
    case ValueType::Null: return OrderRank::Null;
    }
    return OrderRank::Null;
}

int orderNumbers(const Value& lhs, const Value& rhs) {
    const bool lhsNaN = lhs.type() == ValueType::Float && std::isnan(lhs.asFloat());
    const bool rhsNaN = rhs.type() == ValueType::Float && std::isnan(rhs.asFloat());
    if (lhsNaN || rhsNaN) {
        return threeWay(lhsNaN, rhsNaN);
    }
    switch (compareNumbers(lhs, rhs)) {
    case Order::Less: return -1;
    case Order::Greater: return 1;
    default: return 0;
    }
}

int orderPaths(const PathValue& lhs, const PathValue& rhs) {
    // Interleaved node, relationship, node, ... ids; a prefix sorts first.
    const size_t common = std::min(lhs.nodes.size(), rhs.nodes.size());
    for (size_t i = 0; i < common; ++i) {
        if (const int byNode = threeWay(lhs.nodes[i], rhs.nodes[i]); byNode != 0) {
            return byNode;
        }
        if (i < lhs.rels.size() && i < rhs.rels.size()) {
            if (const int byRel = threeWay(lhs.rels[i], rhs.rels[i]); byRel != 0) {
                return byRel;
            }
        }
    }
    return threeWay(lhs.nodes.size(), rhs.nodes.size());
}

int orderSameRank(const Value& lhs, const Value& rhs) {
    switch (lhs.type()) {
    case ValueType::Null: return 0;
    case ValueType::Int:
    case ValueType::Float: return orderNumbers(lhs, rhs);
    case ValueType::Bool: return threeWay(lhs.asBool(), rhs.asBool());
    case ValueType::String: return threeWay(lhs.asString().compare(rhs.asString()), 0);
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return orderTemporal(lhs, rhs);
    case ValueType::Node: return threeWay(lhs.asNode().id, rhs.asNode().id);
    case ValueType::Relationship: return threeWay(lhs.asRelationship().id, rhs.asRelationship().id);
    case ValueType::Path: return orderPaths(lhs.asPath(), rhs.asPath());
    case ValueType::List: {
        const Value::List& left = lhs.asList();
        const Value::List& right = rhs.asList();
        const size_t common = std::min(left.size(), right.size());
        for (size_t i = 0; i < common; ++i) {
            if (const int element = compareForOrder(left[i], right[i]); element != 0) {
                return element;
            }
        }
        return threeWay(left.size(), right.size());
    }
    case ValueType::Map: {
        // Entries are sorted by key: compare (key, value) pairs in turn, then the sizes.
        const Value::Map& left = lhs.asMap();
        const Value::Map& right = rhs.asMap();
        const size_t common = std::min(left.size(), right.size());
        for (size_t i = 0; i < common; ++i) {
            if (const int key = threeWay(left[i].first.compare(right[i].first), 0); key != 0) {
                return key;
            }
            if (const int value = compareForOrder(left[i].second, right[i].second); value != 0) {
                return value;
            }
        }
        return threeWay(left.size(), right.size());
    }
    }
    return 0;
}

constexpr size_t kHashMix = 0x9e3779b97f4a7c15ULL;
constexpr size_t kShiftLeft = 6;
constexpr size_t kShiftRight = 2;
constexpr size_t kNaNHash = 0x7ff8000000000000ULL;

size_t combine(size_t seed, size_t value) {
    return seed ^ (value + kHashMix + (seed << kShiftLeft) + (seed >> kShiftRight));
}

size_t hashNumber(double value) {
    if (std::isnan(value)) {
        return kNaNHash;
    }
    // 0.0 and -0.0 are equivalent: hash both as 0.0.
    return std::hash<double>{}(value == 0.0 ? 0.0 : value);
}

} // namespace

Value equals(const Value& lhs, const Value& rhs) {
    return fromTruth(equalTruth(lhs, rhs));
}

Value notEquals(const Value& lhs, const Value& rhs) {
    const Truth truth = equalTruth(lhs, rhs);
    if (truth == Truth::Unknown) {
        return Value();
    }
    return Value(truth == Truth::False);
}

Value lessThan(const Value& lhs, const Value& rhs) {
    return comparison(lhs, rhs, [](Order order) { return order == Order::Less; });
}

Value lessOrEqual(const Value& lhs, const Value& rhs) {
    return comparison(lhs, rhs, [](Order order) { return order != Order::Greater; });
}

Value greaterThan(const Value& lhs, const Value& rhs) {
    return comparison(lhs, rhs, [](Order order) { return order == Order::Greater; });
}

Value greaterOrEqual(const Value& lhs, const Value& rhs) {
    return comparison(lhs, rhs, [](Order order) { return order != Order::Less; });
}

int compareForOrder(const Value& lhs, const Value& rhs) {
    const OrderRank lhsRank = orderRank(lhs.type());
    const OrderRank rhsRank = orderRank(rhs.type());
    if (lhsRank != rhsRank) {
        return lhsRank < rhsRank ? -1 : 1;
    }
    return orderSameRank(lhs, rhs);
}

bool equivalent(const Value& lhs, const Value& rhs) {
    return compareForOrder(lhs, rhs) == 0;
}

size_t equivalenceHash(const Value& value) {
    size_t seed = static_cast<size_t>(orderRank(value.type()));
    switch (value.type()) {
    case ValueType::Null: return seed;
    case ValueType::Bool: return combine(seed, value.asBool() ? 1 : 0);
    case ValueType::Int: return combine(seed, hashNumber(static_cast<double>(value.asInt())));
    case ValueType::Float: return combine(seed, hashNumber(value.asFloat()));
    case ValueType::String: return combine(seed, std::hash<std::string>{}(value.asString()));
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return combine(seed, value.hash());
    case ValueType::List:
        for (const Value& item : value.asList()) {
            seed = combine(seed, equivalenceHash(item));
        }
        return seed;
    case ValueType::Map:
        for (const auto& [key, item] : value.asMap()) {
            seed = combine(combine(seed, std::hash<std::string>{}(key)), equivalenceHash(item));
        }
        return seed;
    case ValueType::Node: return combine(seed, value.asNode().id);
    case ValueType::Relationship: return combine(seed, value.asRelationship().id);
    case ValueType::Path:
        for (NodeId node : value.asPath().nodes) {
            seed = combine(seed, node);
        }
        for (RelId rel : value.asPath().rels) {
            seed = combine(seed, rel);
        }
        return seed;
    }
    return seed;
}

} // namespace newsgraph
