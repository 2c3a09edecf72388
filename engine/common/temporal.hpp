// The temporal types of openCypher beside DATE (engine/common/date.hpp): LOCAL TIME, TIME (with an
// offset), LOCAL DATETIME, DATETIME (with an offset and, optionally, a named zone of the tz
// database) and DURATION. They are small value types that fit a Value without a heap cell; what
// needs the calendar or the zone rules lives in their .cpp and in engine/common/time_zone.hpp.
// Precision is the nanosecond; years are those of Date (-9999..9999).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "engine/common/date.hpp"

namespace newsgraph {

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr int64_t kSecondsPerMinute = 60;
inline constexpr int64_t kSecondsPerHour = 3'600;
inline constexpr int64_t kSecondsPerDay = 86'400;
inline constexpr int64_t kNanosPerDay = kSecondsPerDay * kNanosPerSecond;
inline constexpr int64_t kMonthsPerYear = 12;
// The largest offset a zone may have, as ISO 8601 and Java allow: +-18:00.
inline constexpr int32_t kMaxOffsetSeconds = 18 * 3'600;

// Floor division and modulo, for negative epochs.
constexpr int64_t floorDiv(int64_t value, int64_t divisor) {
    const int64_t quotient = value / divisor;
    return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? quotient - 1 : quotient;
}
constexpr int64_t floorMod(int64_t value, int64_t divisor) { return value - floorDiv(value, divisor) * divisor; }

// A time of day without a zone, as nanoseconds since midnight in [0, kNanosPerDay).
class LocalTime {
public:
    constexpr LocalTime() = default;
    // `nanos` is reduced modulo a day (so that arithmetic wraps around midnight).
    static constexpr LocalTime fromNanos(int64_t nanos) {
        LocalTime time;
        time.nanos_ = floorMod(nanos, kNanosPerDay);
        return time;
    }
    // Nothing when a field is out of its range.
    static std::optional<LocalTime> fromFields(int64_t hour, int64_t minute, int64_t second, int64_t nanosecond);

    constexpr int64_t nanos() const { return nanos_; }
    int64_t hour() const { return nanos_ / (kSecondsPerHour * kNanosPerSecond); }
    int64_t minute() const { return nanos_ / (kSecondsPerMinute * kNanosPerSecond) % kSecondsPerMinute; }
    int64_t second() const { return nanos_ / kNanosPerSecond % kSecondsPerMinute; }
    int64_t nanosecond() const { return nanos_ % kNanosPerSecond; }
    // 21:40, 21:40:32, 21:40:32.142 (the fraction without trailing zeros).
    std::string toString() const;

    constexpr auto operator<=>(const LocalTime&) const = default;

private:
    int64_t nanos_ = 0;
};

// A time of day with an offset from UTC in seconds.
class Time {
public:
    constexpr Time() = default;
    constexpr Time(LocalTime local, int32_t offsetSeconds) : local_(local), offset_(offsetSeconds) {}
    constexpr LocalTime local() const { return local_; }
    constexpr int32_t offsetSeconds() const { return offset_; }
    // The time of day in UTC, in nanoseconds (may leave [0, day) before it is reduced): what orders times.
    constexpr int64_t utcNanos() const { return local_.nanos() - offset_ * kNanosPerSecond; }
    // 21:40:32.142+01:00, 21:40Z.
    std::string toString() const;
    constexpr bool operator==(const Time&) const = default;

private:
    LocalTime local_;
    int32_t offset_ = 0;
};

// A date and time of day without a zone, as seconds since 1970-01-01T00:00 plus nanoseconds.
class LocalDateTime {
public:
    constexpr LocalDateTime() = default;
    static constexpr LocalDateTime fromEpoch(int64_t seconds, int64_t nanos) {
        LocalDateTime value;
        value.seconds_ = seconds + floorDiv(nanos, kNanosPerSecond);
        value.nanos_ = static_cast<int32_t>(floorMod(nanos, kNanosPerSecond));
        return value;
    }
    static constexpr LocalDateTime of(Date date, LocalTime time) {
        return fromEpoch(static_cast<int64_t>(date.days()) * kSecondsPerDay, time.nanos());
    }
    constexpr int64_t epochSeconds() const { return seconds_; }
    constexpr int32_t nanos() const { return nanos_; }
    Date date() const { return Date::fromDays(static_cast<int32_t>(floorDiv(seconds_, kSecondsPerDay))); }
    LocalTime time() const {
        return LocalTime::fromNanos(floorMod(seconds_, kSecondsPerDay) * kNanosPerSecond + nanos_);
    }
    // Whether the date is within Date's years.
    bool inRange() const;
    // 2015-07-21T21:40:32.142
    std::string toString() const;

    constexpr auto operator<=>(const LocalDateTime&) const = default;

private:
    int64_t seconds_ = 0;
    int32_t nanos_ = 0;
};

inline constexpr int32_t kNoZone = -1;

// A local date and time with the offset that held there, and the zone (an id of
// engine/common/time_zone.hpp) when it was given by name; kNoZone for a fixed offset.
class DateTime {
public:
    constexpr DateTime() = default;
    constexpr DateTime(LocalDateTime local, int32_t offsetSeconds, int32_t zone)
        : local_(local), offset_(offsetSeconds), zone_(zone) {}
    // The instant `utcSeconds` (+ nanos) seen in `zone` (kNoZone: at `offsetSeconds`).
    static DateTime fromInstant(int64_t utcSeconds, int64_t nanos, int32_t offsetSeconds, int32_t zone);
    // `local` in `zone`, resolving gaps and overlaps as java.time does (a gap moves the time later
    // by its length, an overlap takes the earlier offset unless `preferredOffset` is valid there).
    static DateTime fromLocal(LocalDateTime local, int32_t zone, std::optional<int32_t> preferredOffset = {});

    constexpr LocalDateTime local() const { return local_; }
    constexpr int32_t offsetSeconds() const { return offset_; }
    constexpr int32_t zone() const { return zone_; }
    constexpr int64_t epochSeconds() const { return local_.epochSeconds() - offset_; }
    constexpr int32_t nanos() const { return local_.nanos(); }
    // 2015-07-21T21:40:32.142+01:00, ...Z, ...+02:00[Europe/Stockholm]
    std::string toString() const;
    // The zone as the `timezone` field gives it: the name, or the offset as +01:00 / Z.
    std::string zoneName() const;
    constexpr bool operator==(const DateTime&) const = default;

private:
    LocalDateTime local_;
    int32_t offset_ = 0;
    int32_t zone_ = kNoZone;
};

// A duration of months, days, seconds and nanoseconds, each kept apart (a month has no fixed
// number of days, nor a day of seconds across a daylight-saving change); nanos in [0, 1e9).
class Duration {
public:
    constexpr Duration() = default;
    static constexpr Duration of(int64_t months, int64_t days, int64_t seconds, int64_t nanos) {
        Duration duration;
        duration.months_ = months;
        duration.days_ = days;
        duration.seconds_ = seconds + floorDiv(nanos, kNanosPerSecond);
        duration.nanos_ = static_cast<int32_t>(floorMod(nanos, kNanosPerSecond));
        return duration;
    }
    constexpr int64_t months() const { return months_; }
    constexpr int64_t days() const { return days_; }
    constexpr int64_t seconds() const { return seconds_; }
    constexpr int32_t nanos() const { return nanos_; }
    // ISO 8601 as openCypher writes it: P12Y5M14DT16H13M10.000000001S, PT-1.999S, PT0S.
    std::string toString() const;
    constexpr bool operator==(const Duration&) const = default;

private:
    int64_t months_ = 0;
    int64_t days_ = 0;
    int64_t seconds_ = 0;
    int32_t nanos_ = 0;
};

// +01:00, -02:05:07, Z for zero.
std::string formatOffset(int32_t offsetSeconds);

} // namespace newsgraph
