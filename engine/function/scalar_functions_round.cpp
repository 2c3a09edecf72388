// round(x): the nearest integer, halves rounded up (toward positive infinity, as Java's Math.round;
// round(-2.5) = -2.0), returned as a float. round(x, precision [, mode]) rounds the shortest decimal
// form of x to `precision` fractional digits like Java's BigDecimal.setScale: mode is one of UP,
// DOWN, CEILING, FLOOR, HALF_UP (the default: halves away from zero), HALF_DOWN, HALF_EVEN.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;

constexpr double kHalf = 0.5;
constexpr size_t kPrecisionArg = 1;
constexpr size_t kModeArg = 2;
// Beyond this many digits either way a double is unchanged (or rounds to 0 / one unit).
constexpr int64_t kMaxPrecision = 400;
constexpr char kFiveDigit = '5';

enum class RoundingMode : uint8_t { Up, Down, Ceiling, Floor, HalfUp, HalfDown, HalfEven };

struct ModeName {
    std::string_view name;
    RoundingMode mode;
};

constexpr std::array kModeNames = {
    ModeName{"UP", RoundingMode::Up},          ModeName{"DOWN", RoundingMode::Down},
    ModeName{"CEILING", RoundingMode::Ceiling}, ModeName{"FLOOR", RoundingMode::Floor},
    ModeName{"HALF_UP", RoundingMode::HalfUp}, ModeName{"HALF_DOWN", RoundingMode::HalfDown},
    ModeName{"HALF_EVEN", RoundingMode::HalfEven},
};

// A decimal number: value = 0.digits * 10^pointPos, digits without leading zeros.
struct Decimal {
    bool negative = false;
    std::string digits;
    int64_t pointPos = 0;
};

Decimal toDecimal(double value) {
    Decimal out;
    const std::string text = fmt::format("{}", value);
    size_t pos = 0;
    if (pos < text.size() && text[pos] == '-') {
        out.negative = true;
        ++pos;
    }
    int64_t integerDigits = 0;
    bool seenPoint = false;
    for (; pos < text.size() && text[pos] != 'e' && text[pos] != 'E'; ++pos) {
        if (text[pos] == '.') {
            seenPoint = true;
            continue;
        }
        out.digits.push_back(text[pos]);
        integerDigits += seenPoint ? 0 : 1;
    }
    int64_t exponent = 0;
    if (pos < text.size()) {
        exponent = std::strtoll(text.c_str() + pos + 1, nullptr, 10);
    }
    out.pointPos = integerDigits + exponent;
    // Strip leading zeros (each moves the point left by one digit).
    const size_t firstNonZero = out.digits.find_first_not_of('0');
    if (firstNonZero == std::string::npos) {
        out.digits.clear();
        out.pointPos = 0;
        return out;
    }
    out.digits.erase(0, firstNonZero);
    out.pointPos -= static_cast<int64_t>(firstNonZero);
    return out;
}

bool roundsAway(RoundingMode mode, bool negative, char firstDiscarded, bool restNonZero, bool lastKeptOdd) {
    const bool anyDiscarded = firstDiscarded != '0' || restNonZero;
    const bool aboveHalf = firstDiscarded > kFiveDigit || (firstDiscarded == kFiveDigit && restNonZero);
    const bool exactlyHalf = firstDiscarded == kFiveDigit && !restNonZero;
    switch (mode) {
    case RoundingMode::Up: return anyDiscarded;
    case RoundingMode::Down: return false;
    case RoundingMode::Ceiling: return anyDiscarded && !negative;
    case RoundingMode::Floor: return anyDiscarded && negative;
    case RoundingMode::HalfUp: return aboveHalf || exactlyHalf;
    case RoundingMode::HalfDown: return aboveHalf;
    case RoundingMode::HalfEven: return aboveHalf || (exactlyHalf && lastKeptOdd);
    }
    return false;
}

// Adds one unit to a decimal digit string ("199" -> "200", "99" -> "100", "" -> "1").
std::string increment(std::string digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return digits;
        }
        *it = '0';
    }
    return "1" + digits;
}

double roundToPrecision(double value, int64_t precision, RoundingMode mode) {
    if (!std::isfinite(value) || value == 0.0) {
        return value;
    }
    const Decimal decimal = toDecimal(value);
    const int64_t keep = decimal.pointPos + precision;
    const auto length = static_cast<int64_t>(decimal.digits.size());
    if (keep >= length) {
        return value;
    }
    std::string kept;
    char firstDiscarded = '0';
    bool restNonZero = false;
    if (keep >= 0) {
        kept = decimal.digits.substr(0, static_cast<size_t>(keep));
        firstDiscarded = decimal.digits[static_cast<size_t>(keep)];
        restNonZero = decimal.digits.find_first_not_of('0', static_cast<size_t>(keep) + 1) != std::string::npos;
    } else {
        // Every digit is discarded, behind at least one implicit leading zero.
        restNonZero = true;
    }
    const bool lastKeptOdd = !kept.empty() && (kept.back() - '0') % 2 == 1;
    if (roundsAway(mode, decimal.negative, firstDiscarded, restNonZero, lastKeptOdd)) {
        kept = increment(kept);
    }
    if (kept.empty()) {
        return decimal.negative ? -0.0 : 0.0;
    }
    const std::string text = fmt::format("{}{}e{}", decimal.negative ? "-" : "", kept, -precision);
    return std::strtod(text.c_str(), nullptr);
}

RoundingMode parseMode(const Value& argument) {
    if (argument.type() != ValueType::String) {
        throw argumentTypeError("round", argument);
    }
    const auto found = std::find_if(kModeNames.begin(), kModeNames.end(), [&](const ModeName& entry) {
        return fnsupport::equalsIgnoreCase(entry.name, argument.asString());
    });
    if (found == kModeNames.end()) {
        throw fnsupport::argumentValueError(fnsupport::kInvalidArgumentValue, "round",
                                            fmt::format("unknown rounding mode {}", quoteString(argument.asString())));
    }
    return found->mode;
}

double roundHalfUp(double value) {
    const double whole = std::floor(value);
    return value - whole >= kHalf ? whole + 1.0 : whole;
}

} // namespace

Value round(Args args, const EntityAccessor& /*entities*/) {
    const Value& number = argAt(args, 0);
    if (number.isNull()) {
        return Value();
    }
    if (!fnsupport::isNumber(number)) {
        throw argumentTypeError("round", number);
    }
    const double value = fnsupport::numberAsDouble(number);
    if (args.size() <= kPrecisionArg) {
        return Value(std::isfinite(value) ? roundHalfUp(value) : value);
    }
    const Value& precisionArg = args[kPrecisionArg];
    const Value& modeArg = argAt(args, kModeArg);
    if (precisionArg.isNull() || (args.size() > kModeArg && modeArg.isNull())) {
        return Value();
    }
    if (precisionArg.type() != ValueType::Int) {
        throw argumentTypeError("round", precisionArg);
    }
    const RoundingMode mode = args.size() > kModeArg ? parseMode(modeArg) : RoundingMode::HalfUp;
    const int64_t precision = std::clamp(precisionArg.asInt(), -kMaxPrecision, kMaxPrecision);
    return Value(roundToPrecision(value, precision, mode));
}

} // namespace newsgraph::scalarfn
