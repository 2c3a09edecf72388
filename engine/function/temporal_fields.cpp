#include "engine/function/temporal_fields.hpp"

#include <array>

#include "engine/function/date_fields.hpp"

namespace newsgraph::temporalfields {

namespace {

constexpr int64_t kNanosPerMilli = 1'000'000;
constexpr int64_t kNanosPerMicro = 1'000;
constexpr int64_t kMillisPerSecond = 1'000;
constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMonthsPerQuarter = 3;
constexpr int64_t kDaysPerWeek = 7;

std::optional<Value> timeField(LocalTime time, std::string_view name) {
    if (name == "hour") {
        return Value(time.hour());
    }
    if (name == "minute") {
        return Value(time.minute());
    }
    if (name == "second") {
        return Value(time.second());
    }
    if (name == "millisecond") {
        return Value(time.nanosecond() / kNanosPerMilli);
    }
    if (name == "microsecond") {
        return Value(time.nanosecond() / kNanosPerMicro);
    }
    if (name == "nanosecond") {
        return Value(time.nanosecond());
    }
    return std::nullopt;
}

std::optional<Value> offsetField(int32_t offset, std::string_view name) {
    if (name == "offset") {
        return Value(formatOffset(offset));
    }
    if (name == "offsetMinutes") {
        return Value(static_cast<int64_t>(offset / kSecondsPerMinute));
    }
    if (name == "offsetSeconds") {
        return Value(static_cast<int64_t>(offset));
    }
    return std::nullopt;
}

std::optional<Value> durationField(const Duration& duration, std::string_view name) {
    const int64_t months = duration.months();
    const int64_t seconds = duration.seconds();
    const int64_t nanos = duration.nanos();
    struct Entry {
        std::string_view name;
        int64_t value;
    };
    const std::array entries = {
        Entry{"years", months / kMonthsPerYear},
        Entry{"quarters", months / kMonthsPerQuarter},
        Entry{"months", months},
        Entry{"weeks", duration.days() / kDaysPerWeek},
        Entry{"days", duration.days()},
        Entry{"hours", seconds / kSecondsPerHour},
        Entry{"minutes", seconds / kSecondsPerMinute},
        Entry{"seconds", seconds},
        Entry{"milliseconds", seconds * kMillisPerSecond + nanos / kNanosPerMilli},
        Entry{"microseconds", seconds * kMicrosPerSecond + nanos / kNanosPerMicro},
        Entry{"nanoseconds", seconds * kNanosPerSecond + nanos},
        Entry{"quartersOfYear", months % kMonthsPerYear / kMonthsPerQuarter},
        Entry{"monthsOfQuarter", months % kMonthsPerQuarter},
        Entry{"monthsOfYear", months % kMonthsPerYear},
        Entry{"daysOfWeek", duration.days() % kDaysPerWeek},
        Entry{"minutesOfHour", seconds % kSecondsPerHour / kSecondsPerMinute},
        Entry{"secondsOfMinute", seconds % kSecondsPerMinute},
        Entry{"millisecondsOfSecond", nanos / kNanosPerMilli},
        Entry{"microsecondsOfSecond", nanos / kNanosPerMicro},
        Entry{"nanosecondsOfSecond", nanos},
    };
    for (const Entry& entry : entries) {
        if (entry.name == name) {
            return Value(entry.value);
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<Value> field(const Value& value, std::string_view name) {
    switch (value.type()) {
    case ValueType::Date: return datefields::field(value.asDate(), name);
    case ValueType::LocalTime: return timeField(value.asLocalTime(), name);
    case ValueType::Time: {
        const Time time = value.asTime();
        if (name == "timezone") {
            return Value(formatOffset(time.offsetSeconds()));
        }
        if (auto found = timeField(time.local(), name)) {
            return found;
        }
        return offsetField(time.offsetSeconds(), name);
    }
    case ValueType::LocalDateTime: {
        const LocalDateTime local = value.asLocalDateTime();
        if (auto found = datefields::field(local.date(), name)) {
            return found;
        }
        return timeField(local.time(), name);
    }
    case ValueType::DateTime: {
        const DateTime dateTime = value.asDateTime();
        if (name == "timezone") {
            return Value(dateTime.zoneName());
        }
        if (name == "epochSeconds") {
            return Value(dateTime.epochSeconds());
        }
        if (name == "epochMillis") {
            return Value(dateTime.epochSeconds() * kMillisPerSecond + dateTime.nanos() / kNanosPerMilli);
        }
        if (auto found = datefields::field(dateTime.local().date(), name)) {
            return found;
        }
        if (auto found = timeField(dateTime.local().time(), name)) {
            return found;
        }
        return offsetField(dateTime.offsetSeconds(), name);
    }
    case ValueType::Duration: return durationField(value.asDuration(), name);
    default: return std::nullopt;
    }
}

} // namespace newsgraph::temporalfields
