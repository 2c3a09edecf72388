// The registry of built-in scalar functions: canonical name, arity and implementation. Lookup is
// case-insensitive (Cypher function names are).
#include "engine/function/scalar_functions.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph {

namespace {

constexpr uint32_t kVariadic = std::numeric_limits<uint32_t>::max();
constexpr uint32_t kUnary = 1;
constexpr uint32_t kBinary = 2;
constexpr uint32_t kTernary = 3;

constexpr ScalarFunction unary(std::string_view name, ScalarFn fn) {
    return {name, kUnary, kUnary, fn};
}

constexpr ScalarFunction binary(std::string_view name, ScalarFn fn) {
    return {name, kBinary, kBinary, fn};
}

constexpr ScalarFunction nullary(std::string_view name, ScalarFn fn) {
    return {name, 0, 0, fn};
}

constexpr std::array kFunctions = {
    // Graph.
    unary("id", scalarfn::id),
    unary("labels", scalarfn::labels),
    unary("type", scalarfn::type),
    unary("properties", scalarfn::properties),
    unary("keys", scalarfn::keys),
    unary("startNode", scalarfn::startNode),
    unary("endNode", scalarfn::endNode),
    unary("nodes", scalarfn::nodes),
    unary("relationships", scalarfn::relationships),
    unary("length", scalarfn::length),
    unary("exists", scalarfn::exists),
    // Lists.
    unary("size", scalarfn::size),
    unary("head", scalarfn::head),
    unary("last", scalarfn::last),
    unary("tail", scalarfn::tail),
    ScalarFunction{"range", kBinary, kTernary, scalarfn::range},
    unary("reverse", scalarfn::reverse),
    ScalarFunction{"coalesce", kUnary, kVariadic, scalarfn::coalesce},
    unary("isEmpty", scalarfn::isEmpty),
    // Strings.
    unary("toUpper", scalarfn::toUpper),
    unary("upper", scalarfn::toUpper),
    unary("toLower", scalarfn::toLower),
    unary("lower", scalarfn::toLower),
    unary("trim", scalarfn::trim),
    unary("lTrim", scalarfn::lTrim),
    unary("rTrim", scalarfn::rTrim),
    ScalarFunction{"replace", kTernary, kTernary, scalarfn::replace},
    ScalarFunction{"substring", kBinary, kTernary, scalarfn::substring},
    binary("left", scalarfn::left),
    binary("right", scalarfn::right),
    binary("split", scalarfn::split),
    // Numbers.
    unary("abs", scalarfn::abs),
    unary("ceil", scalarfn::ceil),
    unary("floor", scalarfn::floor),
    ScalarFunction{"round", kUnary, kTernary, scalarfn::round},
    unary("sign", scalarfn::sign),
    unary("sqrt", scalarfn::sqrt),
    unary("exp", scalarfn::exp),
    unary("log", scalarfn::log),
    unary("log10", scalarfn::log10),
    nullary("e", scalarfn::e),
    nullary("pi", scalarfn::pi),
    nullary("rand", scalarfn::rand),
    unary("sin", scalarfn::sin),
    unary("cos", scalarfn::cos),
    unary("tan", scalarfn::tan),
    unary("cot", scalarfn::cot),
    unary("asin", scalarfn::asin),
    unary("acos", scalarfn::acos),
    unary("atan", scalarfn::atan),
    binary("atan2", scalarfn::atan2),
    unary("degrees", scalarfn::degrees),
    unary("radians", scalarfn::radians),
    unary("haversin", scalarfn::haversin),
    unary("isNaN", scalarfn::isNaN),
    // Conversions.
    unary("toString", scalarfn::toString),
    unary("toInteger", scalarfn::toInteger),
    unary("toFloat", scalarfn::toFloat),
    unary("toBoolean", scalarfn::toBoolean),
    unary("toStringOrNull", scalarfn::toStringOrNull),
    unary("toIntegerOrNull", scalarfn::toIntegerOrNull),
    unary("toFloatOrNull", scalarfn::toFloatOrNull),
    unary("toBooleanOrNull", scalarfn::toBooleanOrNull),
    // Temporal values.
    ScalarFunction{"date", 0, kUnary, scalarfn::date},
    ScalarFunction{"date.transaction", 0, kUnary, scalarfn::dateClock},
    ScalarFunction{"date.statement", 0, kUnary, scalarfn::dateClock},
    ScalarFunction{"date.realtime", 0, kUnary, scalarfn::dateRealtime},
    ScalarFunction{"date.truncate", 2, kTernary, scalarfn::dateTruncate},
    ScalarFunction{"localtime", 0, kUnary, scalarfn::localtime},
    ScalarFunction{"localtime.transaction", 0, kUnary, scalarfn::localtimeClock},
    ScalarFunction{"localtime.statement", 0, kUnary, scalarfn::localtimeClock},
    ScalarFunction{"localtime.realtime", 0, kUnary, scalarfn::localtimeRealtime},
    ScalarFunction{"localtime.truncate", 2, kTernary, scalarfn::localtimeTruncate},
    ScalarFunction{"time", 0, kUnary, scalarfn::time},
    ScalarFunction{"time.transaction", 0, kUnary, scalarfn::timeClock},
    ScalarFunction{"time.statement", 0, kUnary, scalarfn::timeClock},
    ScalarFunction{"time.realtime", 0, kUnary, scalarfn::timeRealtime},
    ScalarFunction{"time.truncate", 2, kTernary, scalarfn::timeTruncate},
    ScalarFunction{"localdatetime", 0, kUnary, scalarfn::localdatetime},
    ScalarFunction{"localdatetime.transaction", 0, kUnary, scalarfn::localdatetimeClock},
    ScalarFunction{"localdatetime.statement", 0, kUnary, scalarfn::localdatetimeClock},
    ScalarFunction{"localdatetime.realtime", 0, kUnary, scalarfn::localdatetimeRealtime},
    ScalarFunction{"localdatetime.truncate", 2, kTernary, scalarfn::localdatetimeTruncate},
    ScalarFunction{"datetime", 0, kUnary, scalarfn::datetime},
    ScalarFunction{"datetime.transaction", 0, kUnary, scalarfn::datetimeClock},
    ScalarFunction{"datetime.statement", 0, kUnary, scalarfn::datetimeClock},
    ScalarFunction{"datetime.realtime", 0, kUnary, scalarfn::datetimeRealtime},
    ScalarFunction{"datetime.truncate", 2, kTernary, scalarfn::datetimeTruncate},
    ScalarFunction{"datetime.fromepoch", 1, 2, scalarfn::datetimeFromEpoch},
    unary("datetime.fromepochmillis", scalarfn::datetimeFromEpochMillis),
    unary("duration", scalarfn::duration),
    binary("duration.between", scalarfn::durationBetween),
    binary("duration.inMonths", scalarfn::durationInMonths),
    binary("duration.inDays", scalarfn::durationInDays),
    binary("duration.inSeconds", scalarfn::durationInSeconds),
    nullary("timestamp", scalarfn::timestamp),
};

} // namespace

const ScalarFunction* findScalarFunction(std::string_view name) {
    const auto found = std::find_if(kFunctions.begin(), kFunctions.end(), [&](const ScalarFunction& function) {
        return fnsupport::equalsIgnoreCase(function.name, name);
    });
    return found != kFunctions.end() ? &*found : nullptr;
}

std::span<const ScalarFunction> scalarFunctions() {
    return kFunctions;
}

} // namespace newsgraph
