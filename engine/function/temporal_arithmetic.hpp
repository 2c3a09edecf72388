// Arithmetic on temporal values (Temporal8) and durations between them (Temporal10):
// - a temporal plus or minus a duration: months first (the day clamped to the month's end), then
//   days, then seconds (on the instant for a datetime; whole days only for a date; the time of day
//   only, wrapping at midnight, for a time);
// - durations added or subtracted component by component, multiplied or divided by a number (a
//   fraction spills into the smaller units as duration(map) does);
// - duration.between / inMonths / inDays / inSeconds as openCypher defines them: a zoned value
//   is first seen in the other's zone, a value without a date compares times of day.
#pragma once

#include <optional>

#include "engine/common/value.hpp"

namespace newsgraph::temporalmath {

// `temporal + sign * duration`; nothing when the result leaves the supported years.
std::optional<Value> addDuration(const Value& temporal, const Duration& duration, int sign);
std::optional<Duration> addDurations(const Duration& lhs, const Duration& rhs, int sign);
// `duration * factor` (multiply) or `duration / factor`; factor is an INTEGER or FLOAT.
std::optional<Duration> scaleDuration(const Duration& duration, const Value& factor, bool divide);

enum class Between : uint8_t { Full, Months, Days, Seconds };
// Nothing when either value is not temporal (or is a duration).
std::optional<Duration> between(const Value& from, const Value& to, Between unit);

} // namespace newsgraph::temporalmath
