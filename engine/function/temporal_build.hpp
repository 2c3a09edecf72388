// Temporal values from maps (Temporal1, Temporal3) and truncation (Temporal9). A map gives fields
// (year, month, day, week, dayOfWeek, ordinalDay, quarter, dayOfQuarter, hour, minute, second,
// millisecond, microsecond, nanosecond, timezone) and, optionally, temporal values to take the
// missing ones from (`date`, `time`, `datetime`). What the map names overrides what the base has;
// a base's zone is kept, and a `timezone` beside a zoned base converts the instant to it.
#pragma once

#include <optional>
#include <string_view>

#include "engine/common/value.hpp"

namespace newsgraph::temporalbuild {

// The type to build.
enum class Kind : uint8_t { Date, LocalTime, Time, LocalDateTime, DateTime };

// `function(map)`: builds a value of `kind`; an ArgumentError InvalidArgumentValue (naming
// `function`) on fields that name no such value, unknown keys or wrongly typed values.
Value fromMap(Kind kind, std::string_view function, const Value& map);
// `function(value)` for a temporal `value` of another type: its date, its time, both.
Value convert(Kind kind, std::string_view function, const Value& value);
// `function.truncate(unit, value, map)`.
Value truncate(Kind kind, std::string_view function, const Value& unit, const Value& value, const Value* map);
// Now (UTC, or in `zone` when given as a map {timezone: ...} or a string): the statement's
// instant while a StatementClock is alive on this thread, the system clock's when `realtime`.
Value now(Kind kind, std::string_view function, const Value* zone, bool realtime = false);

// Fixes "now" for one statement on this thread (openCypher: date() twice in one statement is one
// date; transaction and statement clocks agree, as a statement is its own transaction here). The
// outermost clock wins when statements nest.
class StatementClock {
public:
    StatementClock();
    // On a helper thread working for a statement: that statement's instant (instant() there).
    explicit StatementClock(std::optional<int64_t> instant);
    ~StatementClock();
    // The instant fixed on this thread (nanoseconds since the epoch), if any.
    static std::optional<int64_t> instant();
    StatementClock(const StatementClock&) = delete;
    StatementClock& operator=(const StatementClock&) = delete;

private:
    bool owner_ = false;
};

} // namespace newsgraph::temporalbuild
