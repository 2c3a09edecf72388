// Type conversions (TypeConversion1-4). A string that does not parse converts to null; a value of a
// type the function does not take (a list, map, node, relationship, path; a float for toBoolean();
// a boolean for toFloat()) is a TypeError InvalidArgumentValue. The *OrNull variants answer null
// instead of failing.
// - toInteger: floats truncate (82.9 -> 82), numeric strings too ('1.7' -> 1), booleans are 1 / 0.
// - toFloat: integers widen (3 -> 3.0), strings parse ('5' -> 5.0, also 'NaN', 'Infinity').
// - toBoolean: 'true' / 'false' in any case, surrounding white space ignored; integers: non-zero.
// - toString: 42 -> '42', 2.3 -> '2.3', 1.0 -> '1.0', true -> 'true', a date -> '2025-05-28'.
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;

// When a conversion cannot take the argument's type: fail, or answer null (the *OrNull variants).
enum class OnBadType : uint8_t { Fail, Null };

// 2^63 as a double: the first double above the int64 range.
constexpr double kTwoPow63 = 9223372036854775808.0;

std::string_view trimAscii(std::string_view text) {
    constexpr std::string_view kSpaces = " \t\n\r\f\v";
    const size_t begin = text.find_first_not_of(kSpaces);
    if (begin == std::string_view::npos) {
        return {};
    }
    const size_t end = text.find_last_not_of(kSpaces);
    return text.substr(begin, end - begin + 1);
}

std::string_view withoutPlus(std::string_view text) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    return text;
}

std::optional<int64_t> parseInteger(std::string_view text) {
    text = withoutPlus(text);
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parseFloat(std::string_view text) {
    if (text == "NaN") {
        return std::nan("");
    }
    if (text == "Infinity" || text == "+Infinity") {
        return HUGE_VAL;
    }
    if (text == "-Infinity") {
        return -HUGE_VAL;
    }
    // Only decimal notation: from_chars would also take "inf", "nan(...)".
    if (text.find_first_not_of("0123456789.eE+-") != std::string_view::npos) {
        return std::nullopt;
    }
    text = withoutPlus(text);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

// A float truncated toward zero, or nothing when it has no int64 value (NaN, infinite, too large).
std::optional<int64_t> truncateFloat(double value) {
    if (std::isnan(value) || value >= kTwoPow63 || value < -kTwoPow63) {
        return std::nullopt;
    }
    return static_cast<int64_t>(std::trunc(value));
}

Value convertToString(const Value& argument, OnBadType onBadType) {
    if (argument.isNull()) {
        return Value();
    }
    if (!fnsupport::isTextConvertible(argument)) {
        if (onBadType == OnBadType::Null) {
            return Value();
        }
        throw argumentTypeError("toString", argument);
    }
    return Value(fnsupport::textOf(argument));
}

Value convertToInteger(const Value& argument, OnBadType onBadType) {
    switch (argument.type()) {
    case ValueType::Null: return Value();
    case ValueType::Int: return argument;
    case ValueType::Bool: return Value(int64_t{argument.asBool() ? 1 : 0});
    case ValueType::Float: {
        const std::optional<int64_t> truncated = truncateFloat(argument.asFloat());
        if (truncated) {
            return Value(*truncated);
        }
        if (onBadType == OnBadType::Null) {
            return Value();
        }
        throw fnsupport::argumentValueError(fnsupport::kNumberOutOfRange, "toInteger",
                                            fmt::format("{} has no integer value", formatFloat(argument.asFloat())));
    }
    case ValueType::String: {
        const std::string_view text = trimAscii(argument.asString());
        if (const std::optional<int64_t> integer = parseInteger(text)) {
            return Value(*integer);
        }
        const std::optional<double> number = parseFloat(text);
        const std::optional<int64_t> truncated = number ? truncateFloat(*number) : std::nullopt;
        return truncated ? Value(*truncated) : Value();
    }
    default:
        if (onBadType == OnBadType::Null) {
            return Value();
        }
        throw argumentTypeError("toInteger", argument);
    }
}

Value convertToFloat(const Value& argument, OnBadType onBadType) {
    switch (argument.type()) {
    case ValueType::Null: return Value();
    case ValueType::Float: return argument;
    case ValueType::Int: return Value(static_cast<double>(argument.asInt()));
    case ValueType::String: {
        const std::optional<double> number = parseFloat(trimAscii(argument.asString()));
        return number ? Value(*number) : Value();
    }
    default:
        if (onBadType == OnBadType::Null) {
            return Value();
        }
        throw argumentTypeError("toFloat", argument);
    }
}

Value convertToBoolean(const Value& argument, OnBadType onBadType) {
    switch (argument.type()) {
    case ValueType::Null: return Value();
    case ValueType::Bool: return argument;
    case ValueType::Int: return Value(argument.asInt() != 0);
    case ValueType::String: {
        const std::string_view text = trimAscii(argument.asString());
        if (fnsupport::equalsIgnoreCase(text, "true")) {
            return Value(true);
        }
        if (fnsupport::equalsIgnoreCase(text, "false")) {
            return Value(false);
        }
        return Value();
    }
    default:
        if (onBadType == OnBadType::Null) {
            return Value();
        }
        throw argumentTypeError("toBoolean", argument);
    }
}

} // namespace

Value toString(Args args, const EntityAccessor& /*entities*/) {
    return convertToString(argAt(args, 0), OnBadType::Fail);
}

Value toInteger(Args args, const EntityAccessor& /*entities*/) {
    return convertToInteger(argAt(args, 0), OnBadType::Fail);
}

Value toFloat(Args args, const EntityAccessor& /*entities*/) {
    return convertToFloat(argAt(args, 0), OnBadType::Fail);
}

Value toBoolean(Args args, const EntityAccessor& /*entities*/) {
    return convertToBoolean(argAt(args, 0), OnBadType::Fail);
}

Value toStringOrNull(Args args, const EntityAccessor& /*entities*/) {
    return convertToString(argAt(args, 0), OnBadType::Null);
}

Value toIntegerOrNull(Args args, const EntityAccessor& /*entities*/) {
    return convertToInteger(argAt(args, 0), OnBadType::Null);
}

Value toFloatOrNull(Args args, const EntityAccessor& /*entities*/) {
    return convertToFloat(argAt(args, 0), OnBadType::Null);
}

Value toBooleanOrNull(Args args, const EntityAccessor& /*entities*/) {
    return convertToBoolean(argAt(args, 0), OnBadType::Null);
}

} // namespace newsgraph::scalarfn
