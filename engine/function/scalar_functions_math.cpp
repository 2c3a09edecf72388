// Numeric functions (Mathematical9-17): abs keeps integers integral (Mathematical11: abs(-1) = 1),
// sign returns an integer, ceil / floor and the transcendental functions return floats
// (Mathematical13: sqrt(12.96) = 3.6). Out-of-domain input follows IEEE 754 (log(0) = -Infinity,
// sqrt(-1) = NaN) as Cypher does.
#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;

constexpr double kHalf = 0.5;
constexpr double kDegreesPerHalfTurn = 180.0;

// The numeric argument at `index`, nullptr for null; throws for other types.
const Value* numberArgument(std::string_view function, Args args, size_t index) {
    const Value& argument = argAt(args, index);
    if (argument.isNull()) {
        return nullptr;
    }
    if (!fnsupport::isNumber(argument)) {
        throw argumentTypeError(function, argument);
    }
    return &argument;
}

// A float function of one number.
template <typename Op>
Value unary(std::string_view function, Args args, Op op) {
    const Value* number = numberArgument(function, args, 0);
    if (number == nullptr) {
        return Value();
    }
    return Value(static_cast<double>(op(fnsupport::numberAsDouble(*number))));
}

} // namespace

Value abs(Args args, const EntityAccessor& /*entities*/) {
    const Value* number = numberArgument("abs", args, 0);
    if (number == nullptr) {
        return Value();
    }
    if (number->type() == ValueType::Int) {
        const int64_t value = number->asInt();
        if (value == std::numeric_limits<int64_t>::min()) {
            throw fnsupport::integerOverflow("abs");
        }
        return Value(value < 0 ? -value : value);
    }
    return Value(std::fabs(number->asFloat()));
}

Value ceil(Args args, const EntityAccessor& /*entities*/) {
    return unary("ceil", args, [](double x) { return std::ceil(x); });
}

Value floor(Args args, const EntityAccessor& /*entities*/) {
    return unary("floor", args, [](double x) { return std::floor(x); });
}

Value sign(Args args, const EntityAccessor& /*entities*/) {
    const Value* number = numberArgument("sign", args, 0);
    if (number == nullptr) {
        return Value();
    }
    const double value = fnsupport::numberAsDouble(*number);
    if (number->type() == ValueType::Int) {
        const int64_t integer = number->asInt();
        return Value(int64_t{integer > 0 ? 1 : (integer < 0 ? -1 : 0)});
    }
    // NaN has no sign: 0, as Java's (long) Math.signum(NaN).
    return Value(int64_t{value > 0 ? 1 : (value < 0 ? -1 : 0)});
}

Value sqrt(Args args, const EntityAccessor& /*entities*/) {
    return unary("sqrt", args, [](double x) { return std::sqrt(x); });
}

Value exp(Args args, const EntityAccessor& /*entities*/) {
    return unary("exp", args, [](double x) { return std::exp(x); });
}

Value log(Args args, const EntityAccessor& /*entities*/) {
    return unary("log", args, [](double x) { return std::log(x); });
}

Value log10(Args args, const EntityAccessor& /*entities*/) {
    return unary("log10", args, [](double x) { return std::log10(x); });
}

Value e(Args /*args*/, const EntityAccessor& /*entities*/) {
    return Value(std::numbers::e);
}

Value pi(Args /*args*/, const EntityAccessor& /*entities*/) {
    return Value(std::numbers::pi);
}

Value rand(Args /*args*/, const EntityAccessor& /*entities*/) {
    thread_local std::mt19937_64 generator{std::random_device{}()};
    thread_local std::uniform_real_distribution<double> distribution(0.0, 1.0);
    return Value(distribution(generator));
}

Value sin(Args args, const EntityAccessor& /*entities*/) {
    return unary("sin", args, [](double x) { return std::sin(x); });
}

Value cos(Args args, const EntityAccessor& /*entities*/) {
    return unary("cos", args, [](double x) { return std::cos(x); });
}

Value tan(Args args, const EntityAccessor& /*entities*/) {
    return unary("tan", args, [](double x) { return std::tan(x); });
}

Value cot(Args args, const EntityAccessor& /*entities*/) {
    return unary("cot", args, [](double x) { return 1.0 / std::tan(x); });
}

Value asin(Args args, const EntityAccessor& /*entities*/) {
    return unary("asin", args, [](double x) { return std::asin(x); });
}

Value acos(Args args, const EntityAccessor& /*entities*/) {
    return unary("acos", args, [](double x) { return std::acos(x); });
}

Value atan(Args args, const EntityAccessor& /*entities*/) {
    return unary("atan", args, [](double x) { return std::atan(x); });
}

Value atan2(Args args, const EntityAccessor& /*entities*/) {
    const Value* y = numberArgument("atan2", args, 0);
    const Value* x = numberArgument("atan2", args, 1);
    if (y == nullptr || x == nullptr) {
        return Value();
    }
    return Value(std::atan2(fnsupport::numberAsDouble(*y), fnsupport::numberAsDouble(*x)));
}

Value degrees(Args args, const EntityAccessor& /*entities*/) {
    return unary("degrees", args, [](double x) { return x * kDegreesPerHalfTurn / std::numbers::pi; });
}

Value radians(Args args, const EntityAccessor& /*entities*/) {
    return unary("radians", args, [](double x) { return x * std::numbers::pi / kDegreesPerHalfTurn; });
}

Value haversin(Args args, const EntityAccessor& /*entities*/) {
    return unary("haversin", args, [](double x) { return (1.0 - std::cos(x)) * kHalf; });
}

Value isNaN(Args args, const EntityAccessor& /*entities*/) {
    const Value* number = numberArgument("isNaN", args, 0);
    if (number == nullptr) {
        return Value();
    }
    return Value(number->type() == ValueType::Float && std::isnan(number->asFloat()));
}

} // namespace newsgraph::scalarfn
