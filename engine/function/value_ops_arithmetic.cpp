// Arithmetic operators. Integers stay integers (overflow is an ArgumentError NumberOutOfRange rather
// than a silent wrap), any float operand makes the result a float, `^` always yields a float
// (Precedence2: 4 ^ 3 = 64.0), integer division truncates toward zero (Mathematical8), a null
// operand makes the result null. `+` also concatenates lists (List4), appends or prepends an element
// to a list (Precedence3: [1] + 2, false + [4]) and concatenates a string with a string, number,
// boolean or temporal value. Temporal arithmetic (Temporal8): a temporal value plus or minus a
// duration, durations added and subtracted, a duration multiplied or divided by a number.
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "engine/function/temporal_arithmetic.hpp"
#include "engine/function/temporal_parse.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace {

using fnsupport::isNumber;
using fnsupport::numberAsDouble;

bool bothInts(const Value& lhs, const Value& rhs) {
    return lhs.type() == ValueType::Int && rhs.type() == ValueType::Int;
}

void requireNumbers(std::string_view op, const Value& lhs, const Value& rhs) {
    if (!isNumber(lhs) || !isNumber(rhs)) {
        throw fnsupport::operandTypeError(op, lhs, rhs);
    }
}

QueryError divisionByZero(std::string_view op) {
    return argumentError(fnsupport::kDivisionByZero, fmt::format("integer division by zero in `{}`", op));
}

QueryError temporalOverflow(std::string_view op, const Value& lhs, const Value& rhs) {
    return argumentError(fnsupport::kInvalidArgumentValue,
                         fmt::format("{} {} {} is out of the supported range", lhs.toString(), op, rhs.toString()));
}

bool isPointInTime(const Value& value) { return isTemporal(value.type()) && value.type() != ValueType::Duration; }

// `lhs op rhs` for + and - (sign 1 or -1) when a duration is involved; nothing otherwise.
std::optional<Value> temporalSum(std::string_view op, const Value& lhs, const Value& rhs, int sign) {
    const bool lhsDuration = lhs.type() == ValueType::Duration;
    const bool rhsDuration = rhs.type() == ValueType::Duration;
    if (lhsDuration && rhsDuration) {
        const auto sum = temporalmath::addDurations(lhs.asDuration(), rhs.asDuration(), sign);
        if (!sum) {
            throw temporalOverflow(op, lhs, rhs);
        }
        return Value(*sum);
    }
    const bool forward = isPointInTime(lhs) && rhsDuration;
    const bool backward = sign > 0 && lhsDuration && isPointInTime(rhs); // duration + date
    if (!forward && !backward) {
        return std::nullopt;
    }
    const Value& point = forward ? lhs : rhs;
    const Duration amount = forward ? rhs.asDuration() : lhs.asDuration();
    auto result = temporalmath::addDuration(point, amount, sign);
    if (!result) {
        throw temporalOverflow(op, lhs, rhs);
    }
    return result;
}

// `duration * number`, `number * duration`, `duration / number`; nothing otherwise.
std::optional<Value> durationScaled(std::string_view op, const Value& lhs, const Value& rhs, bool divide) {
    const Value* duration = lhs.type() == ValueType::Duration ? &lhs : nullptr;
    const Value* factor = &rhs;
    if (duration == nullptr && !divide && rhs.type() == ValueType::Duration) {
        duration = &rhs;
        factor = &lhs;
    }
    if (duration == nullptr || !isNumber(*factor)) {
        return std::nullopt;
    }
    const auto scaled = temporalmath::scaleDuration(duration->asDuration(), *factor, divide);
    if (!scaled) {
        if (divide && numberAsDouble(*factor) == 0) {
            throw divisionByZero(op);
        }
        throw temporalOverflow(op, lhs, rhs);
    }
    return Value(*scaled);
}

} // namespace

Value add(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Value();
    }
    if (isNumber(lhs) && isNumber(rhs)) {
        if (bothInts(lhs, rhs)) {
            return Value(fnsupport::checkedAdd(lhs.asInt(), rhs.asInt()));
        }
        return Value(numberAsDouble(lhs) + numberAsDouble(rhs));
    }
    const bool lhsList = lhs.type() == ValueType::List;
    const bool rhsList = rhs.type() == ValueType::List;
    if (lhsList && rhsList) {
        Value::List joined = lhs.asList();
        joined.insert(joined.end(), rhs.asList().begin(), rhs.asList().end());
        return Value(std::move(joined));
    }
    if (lhsList) {
        Value::List appended = lhs.asList();
        appended.push_back(rhs);
        return Value(std::move(appended));
    }
    if (rhsList) {
        Value::List prepended;
        prepended.reserve(rhs.asList().size() + 1);
        prepended.push_back(lhs);
        prepended.insert(prepended.end(), rhs.asList().begin(), rhs.asList().end());
        return Value(std::move(prepended));
    }
    const bool textual = (lhs.type() == ValueType::String && fnsupport::isTextConvertible(rhs)) ||
                         (rhs.type() == ValueType::String && fnsupport::isTextConvertible(lhs));
    if (textual) {
        return Value(fnsupport::textOf(lhs) + fnsupport::textOf(rhs));
    }
    if (auto sum = temporalSum("+", lhs, rhs, 1)) {
        return std::move(*sum);
    }
    throw fnsupport::operandTypeError("+", lhs, rhs);
}

Value subtract(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Value();
    }
    if (auto difference = temporalSum("-", lhs, rhs, -1)) {
        return std::move(*difference);
    }
    requireNumbers("-", lhs, rhs);
    if (bothInts(lhs, rhs)) {
        return Value(fnsupport::checkedSubtract(lhs.asInt(), rhs.asInt()));
    }
    return Value(numberAsDouble(lhs) - numberAsDouble(rhs));
}

Value multiply(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Value();
    }
    if (auto product = durationScaled("*", lhs, rhs, false)) {
        return std::move(*product);
    }
    requireNumbers("*", lhs, rhs);
    if (bothInts(lhs, rhs)) {
        return Value(fnsupport::checkedMultiply(lhs.asInt(), rhs.asInt()));
    }
    return Value(numberAsDouble(lhs) * numberAsDouble(rhs));
}

Value divide(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Value();
    }
    if (auto quotient = durationScaled("/", lhs, rhs, true)) {
        return std::move(*quotient);
    }
    requireNumbers("/", lhs, rhs);
    if (bothInts(lhs, rhs)) {
        const int64_t dividend = lhs.asInt();
        const int64_t divisor = rhs.asInt();
        if (divisor == 0) {
            throw divisionByZero("/");
        }
        if (dividend == std::numeric_limits<int64_t>::min() && divisor == -1) {
            throw fnsupport::integerOverflow("/");
        }
        return Value(dividend / divisor);
    }
    // IEEE 754: 1.0 / 0 is Infinity, 0.0 / 0.0 is NaN (the TCK builds NaN this way).
    return Value(numberAsDouble(lhs) / numberAsDouble(rhs));
}

Value modulo(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Value();
    }
    requireNumbers("%", lhs, rhs);
    if (bothInts(lhs, rhs)) {
        const int64_t dividend = lhs.asInt();
        const int64_t divisor = rhs.asInt();
        if (divisor == 0) {
            throw divisionByZero("%");
        }
        // INT64_MIN % -1 overflows in C++; its value is 0.
        if (divisor == -1) {
            return Value(int64_t{0});
        }
        return Value(dividend % divisor);
    }
    return Value(std::fmod(numberAsDouble(lhs), numberAsDouble(rhs)));
}

Value power(const Value& lhs, const Value& rhs) {
    if (lhs.isNull() || rhs.isNull()) {
        return Value();
    }
    requireNumbers("^", lhs, rhs);
    return Value(std::pow(numberAsDouble(lhs), numberAsDouble(rhs)));
}

Value negate(const Value& operand) {
    switch (operand.type()) {
    case ValueType::Null: return Value();
    case ValueType::Int:
        if (operand.asInt() == std::numeric_limits<int64_t>::min()) {
            throw fnsupport::integerOverflow("-");
        }
        return Value(-operand.asInt());
    case ValueType::Float: return Value(-operand.asFloat());
    case ValueType::Duration: {
        const std::optional<Duration> negative = temporalparse::negated(operand.asDuration());
        if (!negative) {
            throw fnsupport::integerOverflow("-");
        }
        return Value(*negative);
    }
    default: throw fnsupport::operandTypeError("-", operand);
    }
}

} // namespace newsgraph
