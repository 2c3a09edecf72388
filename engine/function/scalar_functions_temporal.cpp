// The temporal constructors and functions of openCypher:
// - date(), localtime(), time(), localdatetime(), datetime(): now; from an ISO 8601 string
//   (engine/function/temporal_parse.hpp); from a map of fields, optionally with `date`, `time` or
//   `datetime` bases and a `timezone` (engine/function/temporal_build.hpp); from another temporal
//   value (its date, its time, or both). `X.transaction()`, `X.statement()`, `X.realtime()`: now,
//   optionally in a zone. `X.truncate(unit, value[, map])`.
// - duration(string | map | duration); duration.between / inMonths / inDays / inSeconds.
// - datetime.fromepoch(seconds, nanos), datetime.fromepochmillis(millis); timestamp().
// Text or fields that name no value are an ArgumentError InvalidArgumentValue naming the function.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "engine/common/time_zone.hpp"
#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"
#include "engine/function/temporal_arithmetic.hpp"
#include "engine/function/temporal_build.hpp"
#include "engine/function/temporal_parse.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argumentTypeError;
using fnsupport::kInvalidArgumentValue;
using temporalbuild::Kind;

constexpr int64_t kMillisPerSecond = 1'000;
constexpr int64_t kNanosPerMilli = 1'000'000;

QueryError notValid(std::string_view function, const std::string& text) {
    return fnsupport::argumentValueError(kInvalidArgumentValue, function,
                                         fmt::format("{} is not a valid {}", text, function));
}

ValueType typeOf(Kind kind) {
    switch (kind) {
    case Kind::Date: return ValueType::Date;
    case Kind::LocalTime: return ValueType::LocalTime;
    case Kind::Time: return ValueType::Time;
    case Kind::LocalDateTime: return ValueType::LocalDateTime;
    case Kind::DateTime: return ValueType::DateTime;
    }
    return ValueType::Null;
}

Value parseString(Kind kind, std::string_view function, const std::string& text) {
    if (std::optional<Value> parsed = temporalparse::parseValue(typeOf(kind), text)) {
        return std::move(*parsed);
    }
    const size_t open = text.rfind('[');
    if (kind == Kind::DateTime && open != std::string::npos && text.back() == ']') {
        const std::string zone = text.substr(open + 1, text.size() - open - 2);
        if (!timezone::find(zone)) {
            throw fnsupport::argumentValueError(kInvalidArgumentValue, function,
                                                fmt::format("unknown time zone {}", quoteString(zone)));
        }
    }
    throw notValid(function, quoteString(text));
}

Value construct(Kind kind, std::string_view function, Args args) {
    if (args.empty()) {
        return temporalbuild::now(kind, function, nullptr);
    }
    const Value& argument = args[0];
    switch (argument.type()) {
    case ValueType::Null: return Value();
    case ValueType::String: return parseString(kind, function, argument.asString());
    case ValueType::Map: return temporalbuild::fromMap(kind, function, argument);
    default: return temporalbuild::convert(kind, function, argument);
    }
}

Value clock(Kind kind, std::string_view function, Args args, bool realtime) {
    if (!args.empty() && args[0].isNull()) {
        return Value();
    }
    return temporalbuild::now(kind, function, args.empty() ? nullptr : &args[0], realtime);
}

Value truncateCall(Kind kind, std::string_view function, Args args) {
    return temporalbuild::truncate(kind, function, args[0], args[1], args.size() > 2 ? &args[2] : nullptr);
}

// duration(map): each unit may be an INTEGER or a FLOAT; fractions spill into smaller units.
Duration durationFromMap(const Value& map) {
    struct Unit {
        std::string_view name;
        int64_t months;  // months per unit, or 0
        int64_t days;    // days per unit, or 0
        int64_t nanos;   // nanoseconds per unit, or 0
    };
    constexpr int64_t kMonthsPerQuarter = 3;
    constexpr int64_t kDaysPerWeek = 7;
    constexpr std::array kUnits = {
        Unit{"years", kMonthsPerYear, 0, 0},
        Unit{"quarters", kMonthsPerQuarter, 0, 0},
        Unit{"months", 1, 0, 0},
        Unit{"weeks", 0, kDaysPerWeek, 0},
        Unit{"days", 0, 1, 0},
        Unit{"hours", 0, 0, kSecondsPerHour * kNanosPerSecond},
        Unit{"minutes", 0, 0, kSecondsPerMinute * kNanosPerSecond},
        Unit{"seconds", 0, 0, kNanosPerSecond},
        Unit{"milliseconds", 0, 0, kNanosPerMilli},
        Unit{"microseconds", 0, 0, 1'000},
        Unit{"nanoseconds", 0, 0, 1},
    };
    temporalparse::DurationBuilder builder;
    for (const auto& [key, value] : map.asMap()) {
        if (value.isNull()) {
            continue;
        }
        const auto* unit = std::find_if(kUnits.begin(), kUnits.end(), [&](const Unit& u) { return u.name == key; });
        if (unit == kUnits.end()) {
            throw fnsupport::argumentValueError(kInvalidArgumentValue, "duration",
                                                fmt::format("unsupported field `{}` for a DURATION", key));
        }
        if (value.type() == ValueType::Int) {
            const int64_t n = value.asInt();
            builder.addWholeMonths(n, unit->months);
            builder.addWholeDays(n, unit->days);
            builder.addWholeNanos(static_cast<__int128>(n) * unit->nanos);
        } else if (value.type() == ValueType::Float) {
            const auto x = static_cast<long double>(value.asFloat());
            if (unit->months != 0) {
                builder.addMonths(x * static_cast<long double>(unit->months));
            } else if (unit->days != 0) {
                builder.addDays(x * static_cast<long double>(unit->days));
            } else {
                builder.addNanos(x * static_cast<long double>(unit->nanos));
            }
        } else {
            throw argumentTypeError("duration", value);
        }
    }
    const std::optional<Duration> built = builder.build();
    if (!built) {
        throw notValid("duration", map.toString());
    }
    return *built;
}

Value betweenCall(std::string_view function, temporalmath::Between unit, Args args) {
    if (args[0].isNull() || args[1].isNull()) {
        return Value();
    }
    const std::optional<Duration> result = temporalmath::between(args[0], args[1], unit);
    if (!result) {
        const Value& wrong = isTemporal(args[0].type()) && args[0].type() != ValueType::Duration ? args[1] : args[0];
        throw argumentTypeError(function, wrong);
    }
    return Value(*result);
}

int64_t integerArgument(std::string_view function, const Value& value) {
    if (value.type() == ValueType::Int) {
        return value.asInt();
    }
    if (value.type() == ValueType::Float && std::isfinite(value.asFloat())) {
        return static_cast<int64_t>(value.asFloat());
    }
    throw argumentTypeError(function, value);
}

Value fromEpochSeconds(int64_t seconds, int64_t nanos, std::string_view function) {
    // Beyond Date's years either way (about 12,700 years from 1970): refused before any arithmetic.
    constexpr int64_t kMaxEpochSeconds = 400'000'000'000;
    if (seconds > kMaxEpochSeconds || seconds < -kMaxEpochSeconds) {
        throw fnsupport::argumentValueError(
            kInvalidArgumentValue, function,
            fmt::format("{} seconds from 1970 is beyond the years -9999..9999", seconds));
    }
    const DateTime result = DateTime::fromInstant(seconds, nanos, 0, kNoZone);
    if (!result.local().inRange()) {
        throw fnsupport::argumentValueError(
            kInvalidArgumentValue, function,
            fmt::format("{} seconds from 1970 is beyond the years -9999..9999", seconds));
    }
    return Value(result);
}

} // namespace

Value date(Args args, const EntityAccessor& /*entities*/) { return construct(Kind::Date, "date", args); }
Value localtime(Args args, const EntityAccessor& /*entities*/) { return construct(Kind::LocalTime, "localtime", args); }
Value time(Args args, const EntityAccessor& /*entities*/) { return construct(Kind::Time, "time", args); }
Value localdatetime(Args args, const EntityAccessor& /*entities*/) {
    return construct(Kind::LocalDateTime, "localdatetime", args);
}
Value datetime(Args args, const EntityAccessor& /*entities*/) { return construct(Kind::DateTime, "datetime", args); }

Value dateClock(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::Date, "date", args, false);
}
Value dateRealtime(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::Date, "date.realtime", args, true);
}
Value localtimeClock(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::LocalTime, "localtime", args, false);
}
Value localtimeRealtime(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::LocalTime, "localtime.realtime", args, true);
}
Value timeClock(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::Time, "time", args, false);
}
Value timeRealtime(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::Time, "time.realtime", args, true);
}
Value localdatetimeClock(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::LocalDateTime, "localdatetime", args, false);
}
Value localdatetimeRealtime(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::LocalDateTime, "localdatetime.realtime", args, true);
}
Value datetimeClock(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::DateTime, "datetime", args, false);
}
Value datetimeRealtime(Args args, const EntityAccessor& /*entities*/) {
    return clock(Kind::DateTime, "datetime.realtime", args, true);
}

Value dateTruncate(Args args, const EntityAccessor& /*entities*/) {
    return truncateCall(Kind::Date, "date.truncate", args);
}
Value localtimeTruncate(Args args, const EntityAccessor& /*entities*/) {
    return truncateCall(Kind::LocalTime, "localtime.truncate", args);
}
Value timeTruncate(Args args, const EntityAccessor& /*entities*/) {
    return truncateCall(Kind::Time, "time.truncate", args);
}
Value localdatetimeTruncate(Args args, const EntityAccessor& /*entities*/) {
    return truncateCall(Kind::LocalDateTime, "localdatetime.truncate", args);
}
Value datetimeTruncate(Args args, const EntityAccessor& /*entities*/) {
    return truncateCall(Kind::DateTime, "datetime.truncate", args);
}

Value datetimeFromEpoch(Args args, const EntityAccessor& /*entities*/) {
    if (args[0].isNull() || (args.size() > 1 && args[1].isNull())) {
        return Value();
    }
    const int64_t seconds = integerArgument("datetime.fromepoch", args[0]);
    const int64_t nanos = args.size() > 1 ? integerArgument("datetime.fromepoch", args[1]) : 0;
    return fromEpochSeconds(seconds, nanos, "datetime.fromepoch");
}

Value datetimeFromEpochMillis(Args args, const EntityAccessor& /*entities*/) {
    if (args[0].isNull()) {
        return Value();
    }
    const int64_t millis = integerArgument("datetime.fromepochmillis", args[0]);
    return fromEpochSeconds(floorDiv(millis, kMillisPerSecond), floorMod(millis, kMillisPerSecond) * kNanosPerMilli,
                            "datetime.fromepochmillis");
}

Value duration(Args args, const EntityAccessor& /*entities*/) {
    const Value& argument = args[0];
    switch (argument.type()) {
    case ValueType::Null: return Value();
    case ValueType::Duration: return argument;
    case ValueType::String: {
        if (auto parsed = temporalparse::parseValue(ValueType::Duration, argument.asString())) {
            return std::move(*parsed);
        }
        throw notValid("duration", quoteString(argument.asString()));
    }
    case ValueType::Map: return Value(durationFromMap(argument));
    default: throw argumentTypeError("duration", argument);
    }
}

Value durationBetween(Args args, const EntityAccessor& /*entities*/) {
    return betweenCall("duration.between", temporalmath::Between::Full, args);
}
Value durationInMonths(Args args, const EntityAccessor& /*entities*/) {
    return betweenCall("duration.inMonths", temporalmath::Between::Months, args);
}
Value durationInDays(Args args, const EntityAccessor& /*entities*/) {
    return betweenCall("duration.inDays", temporalmath::Between::Days, args);
}
Value durationInSeconds(Args args, const EntityAccessor& /*entities*/) {
    return betweenCall("duration.inSeconds", temporalmath::Between::Seconds, args);
}

Value timestamp(Args /*args*/, const EntityAccessor& /*entities*/) {
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return Value(static_cast<int64_t>(now.time_since_epoch().count()));
}

} // namespace newsgraph::scalarfn
