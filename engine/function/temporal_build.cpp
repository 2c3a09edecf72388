#include "engine/function/temporal_build.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include <fmt/format.h>

#include "engine/common/time_zone.hpp"
#include "engine/function/date_fields.hpp"
#include "engine/function/function_support.hpp"
#include "engine/function/temporal_parse.hpp"

namespace newsgraph::temporalbuild {

namespace {

using fnsupport::argumentTypeError;
using fnsupport::kInvalidArgumentValue;

constexpr int64_t kNanosPerMilli = 1'000'000;
constexpr int64_t kNanosPerMicro = 1'000;
constexpr int64_t kSubUnit = 1'000; // microseconds in a millisecond, nanoseconds in a microsecond
constexpr int64_t kFieldLimit = 1'000'000'000;

// A zone as a value carries it: a fixed offset, or a named zone and the offset it had there.
struct Zone {
    int32_t offset = 0;
    int32_t zone = kNoZone;
};

struct Parts {
    std::optional<Date> baseDate;
    std::optional<LocalTime> baseTime;
    std::optional<Zone> baseZone;
    std::optional<int64_t> year, month, day, week, dayOfWeek, ordinalDay, quarter, dayOfQuarter;
    std::optional<int64_t> hour, minute, second, millisecond, microsecond, nanosecond;
    std::optional<temporalparse::ZoneSpec> timezone;

    bool hasDateFields() const {
        return year || month || day || week || dayOfWeek || ordinalDay || quarter || dayOfQuarter;
    }
    bool hasTimeFields() const { return hour || minute || second || millisecond || microsecond || nanosecond; }
};

struct FieldSlot {
    std::string_view name;
    std::optional<int64_t> Parts::*slot;
};

constexpr std::array kFieldSlots = {
    FieldSlot{"year", &Parts::year},
    FieldSlot{"month", &Parts::month},
    FieldSlot{"day", &Parts::day},
    FieldSlot{"week", &Parts::week},
    FieldSlot{"dayOfWeek", &Parts::dayOfWeek},
    FieldSlot{"ordinalDay", &Parts::ordinalDay},
    FieldSlot{"quarter", &Parts::quarter},
    FieldSlot{"dayOfQuarter", &Parts::dayOfQuarter},
    FieldSlot{"hour", &Parts::hour},
    FieldSlot{"minute", &Parts::minute},
    FieldSlot{"second", &Parts::second},
    FieldSlot{"millisecond", &Parts::millisecond},
    FieldSlot{"microsecond", &Parts::microsecond},
    FieldSlot{"nanosecond", &Parts::nanosecond},
};

QueryError invalid(std::string_view function, const std::string& message) {
    return fnsupport::argumentValueError(kInvalidArgumentValue, function, message);
}

std::optional<Date> dateOf(const Value& value) {
    switch (value.type()) {
    case ValueType::Date: return value.asDate();
    case ValueType::LocalDateTime: return value.asLocalDateTime().date();
    case ValueType::DateTime: return value.asDateTime().local().date();
    default: return std::nullopt;
    }
}

std::optional<LocalTime> timeOf(const Value& value) {
    switch (value.type()) {
    case ValueType::LocalTime: return value.asLocalTime();
    case ValueType::Time: return value.asTime().local();
    case ValueType::LocalDateTime: return value.asLocalDateTime().time();
    case ValueType::DateTime: return value.asDateTime().local().time();
    default: return std::nullopt;
    }
}

std::optional<Zone> zoneOf(const Value& value) {
    switch (value.type()) {
    case ValueType::Time: return Zone{value.asTime().offsetSeconds(), kNoZone};
    case ValueType::DateTime: return Zone{value.asDateTime().offsetSeconds(), value.asDateTime().zone()};
    default: return std::nullopt;
    }
}

// The offset a zone spec gives at the instant `utcSeconds` (a named zone's offset there).
Zone zoneAt(const temporalparse::ZoneSpec& spec, int64_t utcSeconds) {
    if (spec.zone) {
        return Zone{timezone::offsetAt(*spec.zone, utcSeconds), *spec.zone};
    }
    return Zone{spec.offset.value_or(0), kNoZone};
}

temporalparse::ZoneSpec zoneSpec(std::string_view function, const Value& value) {
    if (value.type() != ValueType::String) {
        throw argumentTypeError(function, value);
    }
    const auto spec = temporalparse::parseZone(value.asString());
    if (!spec) {
        throw invalid(function, fmt::format("{} is not a time zone", quoteString(value.asString())));
    }
    return *spec;
}

Parts readParts(std::string_view function, const Value& map) {
    Parts parts;
    for (const auto& [key, value] : map.asMap()) {
        if (value.isNull()) {
            continue;
        }
        if (key == "date" || key == "time" || key == "datetime") {
            const bool wantsDate = key != "time";
            const bool wantsTime = key != "date";
            const std::optional<Date> date = dateOf(value);
            const std::optional<LocalTime> time = timeOf(value);
            if ((wantsDate && !date && key == "date") || (wantsTime && !time && key == "time") ||
                (key == "datetime" && !date)) {
                throw argumentTypeError(function, value);
            }
            if (wantsDate) {
                parts.baseDate = date;
            }
            if (wantsTime) {
                parts.baseTime = time.value_or(LocalTime());
                parts.baseZone = zoneOf(value);
            }
            continue;
        }
        if (key == "timezone") {
            parts.timezone = zoneSpec(function, value);
            continue;
        }
        const auto slot = std::find_if(kFieldSlots.begin(), kFieldSlots.end(),
                                       [&](const FieldSlot& entry) { return entry.name == key; });
        if (slot == kFieldSlots.end()) {
            throw invalid(function, fmt::format("unsupported field `{}`", key));
        }
        if (value.type() != ValueType::Int) {
            throw argumentTypeError(function, value);
        }
        if (value.asInt() < -kFieldLimit || value.asInt() > kFieldLimit) {
            throw invalid(function, fmt::format("`{}` is out of range: {}", key, value.asInt()));
        }
        parts.*(slot->slot) = value.asInt();
    }
    return parts;
}

std::optional<Date> buildDate(const Parts& fields) {
    const std::optional<Date>& base = fields.baseDate;
    const bool weekMode = fields.week || fields.dayOfWeek;
    const bool ordinalMode = fields.ordinalDay.has_value();
    const bool quarterMode = fields.quarter || fields.dayOfQuarter;
    const bool calendarMode = fields.month || fields.day;
    const int modes = static_cast<int>(weekMode) + static_cast<int>(ordinalMode) + static_cast<int>(quarterMode) +
                      static_cast<int>(calendarMode);
    if (modes > 1 || (!fields.year && !base)) {
        return std::nullopt;
    }
    auto pick = [](const std::optional<int64_t>& given, int64_t fallback) {
        return static_cast<int32_t>(given.value_or(fallback));
    };
    if (weekMode) {
        const datefields::IsoWeek baseWeek = base ? datefields::isoWeek(*base) : datefields::IsoWeek{0, 1};
        const int32_t year = pick(fields.year, baseWeek.weekYear);
        const int32_t week = pick(fields.week, baseWeek.week);
        const int32_t day = pick(fields.dayOfWeek, base ? datefields::dayOfWeek(*base) : 1);
        if (week < 1 || day < 1) {
            return std::nullopt;
        }
        return datefields::fromWeekDate(year, static_cast<uint32_t>(week), static_cast<uint32_t>(day));
    }
    const int32_t year = pick(fields.year, base ? base->year() : 0);
    if (ordinalMode) {
        return *fields.ordinalDay >= 1
                   ? datefields::fromOrdinalDate(year, static_cast<uint32_t>(*fields.ordinalDay))
                   : std::nullopt;
    }
    if (quarterMode) {
        const int32_t quarter = pick(fields.quarter, base ? datefields::quarter(*base) : 1);
        const int32_t day = pick(fields.dayOfQuarter, base ? datefields::dayOfQuarter(*base) : 1);
        if (quarter < 1 || day < 1) {
            return std::nullopt;
        }
        return datefields::fromQuarterDate(year, static_cast<uint32_t>(quarter), static_cast<uint32_t>(day));
    }
    const int32_t month = pick(fields.month, base ? base->month() : 1);
    const int32_t day = pick(fields.day, base ? base->day() : 1);
    if (month < 1 || day < 1) {
        return std::nullopt;
    }
    return Date::fromCivil(year, static_cast<uint32_t>(month), static_cast<uint32_t>(day));
}

// The sub-second part: millisecond, microsecond and nanosecond add up (.123456789 from 123, 456
// and 789); each alone may use the whole second.
std::optional<int64_t> subsecond(const Parts& fields, int64_t base) {
    if (!fields.millisecond && !fields.microsecond && !fields.nanosecond) {
        return base;
    }
    const int64_t millis = fields.millisecond.value_or(0);
    const int64_t micros = fields.microsecond.value_or(0);
    const int64_t nanos = fields.nanosecond.value_or(0);
    const int64_t microLimit = fields.millisecond ? kSubUnit : kSubUnit * kSubUnit;
    const int64_t nanoLimit = (fields.millisecond || fields.microsecond) ? (fields.microsecond ? kSubUnit : kSubUnit * kSubUnit)
                                                                          : kNanosPerSecond;
    if (millis < 0 || millis >= kSubUnit || micros < 0 || micros >= microLimit || nanos < 0 || nanos >= nanoLimit) {
        return std::nullopt;
    }
    return millis * kNanosPerMilli + micros * kNanosPerMicro + nanos;
}

std::optional<LocalTime> buildTime(const Parts& fields) {
    const LocalTime base = fields.baseTime.value_or(LocalTime());
    const std::optional<int64_t> nanos = subsecond(fields, base.nanosecond());
    if (!nanos) {
        return std::nullopt;
    }
    return LocalTime::fromFields(fields.hour.value_or(base.hour()), fields.minute.value_or(base.minute()),
                                 fields.second.value_or(base.second()), *nanos);
}

int64_t systemNanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

thread_local std::optional<int64_t> statementNanos;

int64_t nowNanos() { return statementNanos.value_or(systemNanos()); }

DateTime resolve(LocalDateTime local, const Zone& zone) {
    if (zone.zone == kNoZone) {
        return {local, zone.offset, kNoZone};
    }
    return DateTime::fromLocal(local, zone.zone, zone.offset);
}

DateTime convertTo(const DateTime& value, const temporalparse::ZoneSpec& target) {
    const Zone zone = zoneAt(target, value.epochSeconds());
    return DateTime::fromInstant(value.epochSeconds(), value.nanos(), zone.offset, zone.zone);
}

DateTime attach(LocalDateTime local, const temporalparse::ZoneSpec& target) {
    if (target.zone) {
        return DateTime::fromLocal(local, *target.zone);
    }
    return {local, target.offset.value_or(0), kNoZone};
}

// The datetime the parts name: in the base's zone, converted to `timezone`, or attached to it.
DateTime zoned(LocalDateTime local, const Parts& parts) {
    if (parts.timezone) {
        return parts.baseZone ? convertTo(resolve(local, *parts.baseZone), *parts.timezone) : attach(local, *parts.timezone);
    }
    return parts.baseZone ? resolve(local, *parts.baseZone) : DateTime(local, 0, kNoZone);
}

Time zonedTime(LocalTime local, const Parts& parts) {
    const int64_t nowSeconds = nowNanos() / kNanosPerSecond;
    if (parts.timezone) {
        const Zone target = zoneAt(*parts.timezone, nowSeconds);
        if (parts.baseZone) {
            const int64_t utc = local.nanos() - parts.baseZone->offset * kNanosPerSecond;
            return {LocalTime::fromNanos(utc + target.offset * kNanosPerSecond), target.offset};
        }
        return {local, target.offset};
    }
    return {local, parts.baseZone ? parts.baseZone->offset : 0};
}

Value build(Kind kind, std::string_view function, const Parts& parts, const std::string& shown) {
    auto fail = [&]() { return invalid(function, fmt::format("{} does not name a valid {}", shown, function)); };
    const bool timeOnly = kind == Kind::LocalTime || kind == Kind::Time;
    if ((kind == Kind::Date && parts.hasTimeFields()) || (timeOnly && parts.hasDateFields()) ||
        ((kind == Kind::LocalTime || kind == Kind::LocalDateTime || kind == Kind::Date) && parts.timezone)) {
        throw invalid(function, fmt::format("{} has fields a {} does not have", shown, function));
    }
    const bool needsDate = kind == Kind::Date || kind == Kind::LocalDateTime || kind == Kind::DateTime;
    std::optional<Date> date;
    if (needsDate) {
        date = buildDate(parts);
        if (!date) {
            throw fail();
        }
        if (kind == Kind::Date) {
            return Value(*date);
        }
    }
    const std::optional<LocalTime> time = buildTime(parts);
    if (!time) {
        throw fail();
    }
    switch (kind) {
    case Kind::LocalTime: return Value(*time);
    case Kind::Time: return Value(zonedTime(*time, parts));
    case Kind::LocalDateTime: return Value(LocalDateTime::of(*date, *time));
    case Kind::DateTime: return Value(zoned(LocalDateTime::of(*date, *time), parts));
    case Kind::Date: break;
    }
    return Value();
}

// Truncation of a date to `unit` (millennium ... day); nothing for a unit below a day.
std::optional<Date> truncateDate(Date date, std::string_view unit) {
    const int32_t year = date.year();
    constexpr int32_t kMillennium = 1000;
    constexpr int32_t kCentury = 100;
    constexpr int32_t kDecade = 10;
    auto yearStart = [](int64_t y) { return Date::fromCivil(static_cast<int32_t>(y), 1, 1); };
    if (unit == "millennium") {
        return yearStart(floorDiv(year, kMillennium) * kMillennium);
    }
    if (unit == "century") {
        return yearStart(floorDiv(year, kCentury) * kCentury);
    }
    if (unit == "decade") {
        return yearStart(floorDiv(year, kDecade) * kDecade);
    }
    if (unit == "year") {
        return yearStart(year);
    }
    if (unit == "weekYear") {
        return datefields::fromWeekDate(datefields::isoWeek(date).weekYear, 1, 1);
    }
    if (unit == "quarter") {
        const uint32_t firstMonth = (datefields::quarter(date) - 1) * datefields::kMonthsPerQuarter + 1;
        return Date::fromCivil(year, firstMonth, 1);
    }
    if (unit == "month") {
        return Date::fromCivil(year, date.month(), 1);
    }
    if (unit == "week") {
        return Date::fromDays(date.days() - static_cast<int32_t>(datefields::dayOfWeek(date) - 1));
    }
    if (unit == "day") {
        return date;
    }
    return std::nullopt;
}

// Truncation of a time of day to `unit` (day ... microsecond); nothing for an unknown unit.
std::optional<LocalTime> truncateTime(LocalTime time, std::string_view unit) {
    int64_t step = 0;
    if (unit == "day") {
        step = kNanosPerDay;
    } else if (unit == "hour") {
        step = kSecondsPerHour * kNanosPerSecond;
    } else if (unit == "minute") {
        step = kSecondsPerMinute * kNanosPerSecond;
    } else if (unit == "second") {
        step = kNanosPerSecond;
    } else if (unit == "millisecond") {
        step = kNanosPerMilli;
    } else if (unit == "microsecond") {
        step = kNanosPerMicro;
    } else {
        return std::nullopt;
    }
    return LocalTime::fromNanos(time.nanos() / step * step);
}

bool isDateUnit(std::string_view unit) {
    return unit == "millennium" || unit == "century" || unit == "decade" || unit == "year" || unit == "weekYear" ||
           unit == "quarter" || unit == "month" || unit == "week" || unit == "day";
}

} // namespace

Value fromMap(Kind kind, std::string_view function, const Value& map) {
    Parts parts = readParts(function, map);
    const bool onlyZone = !parts.hasDateFields() && !parts.hasTimeFields() && !parts.baseDate && !parts.baseTime;
    if (onlyZone && (kind != Kind::LocalTime || parts.timezone)) {
        // {timezone: ...} alone (or {}): now, in that zone.
        const Value zone = parts.timezone ? map.find("timezone") != nullptr ? *map.find("timezone") : Value() : Value();
        return now(kind, function, parts.timezone ? &zone : nullptr);
    }
    return build(kind, function, parts, map.toString());
}

Value convert(Kind kind, std::string_view function, const Value& value) {
    const std::optional<Date> date = dateOf(value);
    const std::optional<LocalTime> time = timeOf(value);
    const std::optional<Zone> zone = zoneOf(value);
    switch (kind) {
    case Kind::Date:
        if (date) {
            return Value(*date);
        }
        break;
    case Kind::LocalTime:
        if (time) {
            return Value(*time);
        }
        break;
    case Kind::Time:
        if (time) {
            return Value(Time(*time, zone ? zone->offset : 0));
        }
        break;
    case Kind::LocalDateTime:
        if (date) {
            return Value(LocalDateTime::of(*date, time.value_or(LocalTime())));
        }
        break;
    case Kind::DateTime:
        if (value.type() == ValueType::DateTime) {
            return value;
        }
        if (date) {
            return Value(DateTime(LocalDateTime::of(*date, time.value_or(LocalTime())), 0, kNoZone));
        }
        break;
    }
    throw argumentTypeError(function, value);
}

Value truncate(Kind kind, std::string_view function, const Value& unit, const Value& value, const Value* map) {
    if (unit.isNull() || value.isNull()) {
        return Value();
    }
    if (unit.type() != ValueType::String) {
        throw argumentTypeError(function, unit);
    }
    const std::string& name = unit.asString();
    const std::optional<Date> date = dateOf(value);
    const std::optional<LocalTime> time = timeOf(value);
    const bool needsDate = kind == Kind::Date || kind == Kind::LocalDateTime || kind == Kind::DateTime;
    if ((needsDate && !date) || (!needsDate && !time)) {
        throw argumentTypeError(function, value);
    }
    if (kind == Kind::Date && !isDateUnit(name)) {
        throw invalid(function, fmt::format("cannot truncate a DATE to `{}`", name));
    }
    if (!needsDate && isDateUnit(name) && name != "day") {
        throw invalid(function, fmt::format("cannot truncate a time to `{}`", name));
    }
    Parts parts;
    if (map != nullptr && !map->isNull()) {
        if (map->type() != ValueType::Map) {
            throw argumentTypeError(function, *map);
        }
        parts = readParts(function, *map);
    }
    if (needsDate) {
        const std::optional<Date> truncated = truncateDate(*date, name);
        parts.baseDate = truncated ? *truncated : *date;
    }
    const std::optional<LocalTime> truncatedTime =
        isDateUnit(name) ? std::optional<LocalTime>(LocalTime()) : truncateTime(time.value_or(LocalTime()), name);
    if (!truncatedTime) {
        throw invalid(function, fmt::format("unknown unit `{}`", name));
    }
    parts.baseTime = *truncatedTime;
    // A finer sub-second field completes the unit's part instead of replacing the fraction.
    const int64_t fraction = truncatedTime->nanosecond();
    if (name == "millisecond" && !parts.millisecond && (parts.microsecond || parts.nanosecond)) {
        parts.millisecond = fraction / kNanosPerMilli;
    }
    if (name == "microsecond" && !parts.millisecond && !parts.microsecond && parts.nanosecond) {
        parts.millisecond = fraction / kNanosPerMilli;
        parts.microsecond = fraction / kNanosPerMicro % kSubUnit;
    }
    // The zone is the value's, unless the map names one (then the truncated time is in that zone).
    if (!parts.timezone) {
        parts.baseZone = zoneOf(value);
    }
    if (parts.baseZone && parts.baseZone->zone != kNoZone && kind == Kind::Time) {
        parts.baseZone->zone = kNoZone;
    }
    return build(kind, function, parts, value.toString());
}

StatementClock::StatementClock() {
    if (!statementNanos) {
        statementNanos = systemNanos();
        owner_ = true;
    }
}

StatementClock::StatementClock(std::optional<int64_t> instant) {
    if (!statementNanos && instant) {
        statementNanos = instant;
        owner_ = true;
    }
}

std::optional<int64_t> StatementClock::instant() {
    return statementNanos;
}

StatementClock::~StatementClock() {
    if (owner_) {
        statementNanos.reset();
    }
}

Value now(Kind kind, std::string_view function, const Value* zoneArgument, bool realtime) {
    const int64_t nanos = realtime ? systemNanos() : nowNanos();
    Zone zone;
    if (zoneArgument != nullptr && !zoneArgument->isNull()) {
        const Value* given = zoneArgument;
        if (given->type() == ValueType::Map) {
            given = given->find("timezone");
            if (given == nullptr) {
                throw invalid(function, "a clock takes a map with only `timezone`");
            }
        }
        zone = zoneAt(zoneSpec(function, *given), floorDiv(nanos, kNanosPerSecond));
    }
    const DateTime current = DateTime::fromInstant(floorDiv(nanos, kNanosPerSecond), floorMod(nanos, kNanosPerSecond),
                                                   zone.offset, zone.zone);
    switch (kind) {
    case Kind::Date: return Value(current.local().date());
    case Kind::LocalTime: return Value(current.local().time());
    case Kind::Time: return Value(Time(current.local().time(), current.offsetSeconds()));
    case Kind::LocalDateTime: return Value(current.local());
    case Kind::DateTime: return Value(current);
    }
    return Value();
}

} // namespace newsgraph::temporalbuild
