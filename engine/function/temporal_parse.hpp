// ISO 8601 text to temporal values, as openCypher's constructors read it (Temporal2):
// - date: 2015-07-21 / 20150721, 2015-07 / 201507, 2015-W30-2 / 2015W302, 2015-W30, 2015-202 /
//   2015202, 2015 (a sign allowed before the year);
// - local time: 21:40:32.142 / 214032.142, 21:40:32, 21:40 / 2140, 21 (fraction after '.' or ',');
// - time: a local time and an offset: Z, +01, +0100, +01:00, +01:00:30;
// - local datetime: a date, 'T', a local time; datetime: the same with an offset, a zone name in
//   brackets ([Europe/Stockholm]) or both;
// - duration: P14DT16H12M, P5M1.5D (any unit may have a fraction, which spills into the smaller
//   ones with a month of 30.436875 days), P2.5W, PT-1.5S, and the alternative P2012-02-02T14:37:21.545.
// Each returns nothing on text it does not read; the caller reports the error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/common/temporal.hpp"
#include "engine/common/value.hpp"

namespace newsgraph::temporalparse {

std::optional<Date> parseDate(std::string_view text);
std::optional<LocalTime> parseLocalTime(std::string_view text);
std::optional<LocalDateTime> parseLocalDateTime(std::string_view text);
std::optional<Duration> parseDuration(std::string_view text);
// -duration; nothing when a part is the lowest int64 (its negation does not exist).
std::optional<Duration> negated(const Duration& duration);

// A time's or datetime's zone as written: an offset, a named zone, or both.
struct ZoneSpec {
    std::optional<int32_t> offset;
    std::optional<int32_t> zone; // a timezone:: id
};
// `+01:00`, `Z`, `Europe/Stockholm`: what a `timezone` field holds. Nothing when unknown.
std::optional<ZoneSpec> parseZone(std::string_view text);

struct ParsedTime {
    LocalTime local;
    std::optional<int32_t> offset;
};
std::optional<ParsedTime> parseTime(std::string_view text);

struct ParsedDateTime {
    LocalDateTime local;
    ZoneSpec zone;
};
std::optional<ParsedDateTime> parseDateTime(std::string_view text);

// The text as a value of the temporal `type` (Date ... Duration), exactly as the constructor of
// that name reads a string: a time without an offset is at UTC, a datetime with a zone name has
// that zone's offset there. Nothing when the text does not read as one.
std::optional<Value> parseValue(ValueType type, std::string_view text);

// Accumulates a duration from parts that may have fractions, as duration(map), duration(string)
// and duration arithmetic need: a fraction of a month becomes days (30.436875 a month), of a day
// seconds (86,400 a day), of a second nanoseconds (rounded).
class DurationBuilder {
public:
    void addMonths(long double months);
    void addDays(long double days);
    void addNanos(long double nanos);
    void addWholeMonths(int64_t months) { overflow_ |= __builtin_add_overflow(months_, months, &months_); }
    void addWholeDays(int64_t days) { overflow_ |= __builtin_add_overflow(days_, days, &days_); }
    void addWholeNanos(__int128 nanos) { overflow_ |= __builtin_add_overflow(nanos_, nanos, &nanos_); }
    // months * factor (or days): an overflow makes build() answer nothing.
    void addWholeMonths(int64_t count, int64_t factor) { addWholeMonths(product(count, factor)); }
    void addWholeDays(int64_t count, int64_t factor) { addWholeDays(product(count, factor)); }
    // Nothing when the seconds leave int64.
    std::optional<Duration> build() const;

private:
    int64_t product(int64_t count, int64_t factor) {
        int64_t result = 0;
        overflow_ |= __builtin_mul_overflow(count, factor, &result);
        return result;
    }

    int64_t months_ = 0;
    int64_t days_ = 0;
    __int128 nanos_ = 0;
    bool overflow_ = false;
};

inline constexpr long double kDaysPerAverageMonth = 30.436875L;

} // namespace newsgraph::temporalparse
