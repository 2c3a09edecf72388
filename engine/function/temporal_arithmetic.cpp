#include "engine/function/temporal_arithmetic.hpp"

#include <limits>

#include "engine/function/temporal_parse.hpp"

namespace newsgraph::temporalmath {

namespace {

// `date` plus `months` (the day clamped to the end of the month).
std::optional<Date> plusMonths(Date date, int64_t months) {
    const int64_t total = static_cast<int64_t>(date.year()) * kMonthsPerYear + (date.month() - 1) + months;
    const int64_t year = floorDiv(total, kMonthsPerYear);
    if (year < Date::kMinYear || year > Date::kMaxYear) {
        return std::nullopt;
    }
    const auto month = static_cast<uint32_t>(floorMod(total, kMonthsPerYear) + 1);
    const uint32_t day = std::min(date.day(), daysInMonth(static_cast<int32_t>(year), month));
    return Date::fromCivil(static_cast<int32_t>(year), month, day);
}

std::optional<Date> plusDays(Date date, int64_t days) {
    const int64_t total = date.days() + days;
    if (total < std::numeric_limits<int32_t>::min() || total > std::numeric_limits<int32_t>::max()) {
        return std::nullopt;
    }
    const Date result = Date::fromDays(static_cast<int32_t>(total));
    if (result.year() < Date::kMinYear || result.year() > Date::kMaxYear) {
        return std::nullopt;
    }
    return result;
}

std::optional<LocalDateTime> plusCalendar(LocalDateTime local, int64_t months, int64_t days) {
    const std::optional<Date> shifted = plusMonths(local.date(), months);
    if (!shifted) {
        return std::nullopt;
    }
    const std::optional<Date> moved = plusDays(*shifted, days);
    if (!moved) {
        return std::nullopt;
    }
    return LocalDateTime::of(*moved, local.time());
}

__int128 totalNanos(const Duration& duration) {
    return static_cast<__int128>(duration.seconds()) * kNanosPerSecond + duration.nanos();
}

std::optional<LocalDateTime> plusNanos(LocalDateTime local, __int128 nanos) {
    const __int128 seconds = nanos / kNanosPerSecond;
    const __int128 rest = nanos % kNanosPerSecond;
    const __int128 total = static_cast<__int128>(local.epochSeconds()) + seconds;
    if (total > std::numeric_limits<int64_t>::max() / 2 || total < std::numeric_limits<int64_t>::min() / 2) {
        return std::nullopt;
    }
    const LocalDateTime result =
        LocalDateTime::fromEpoch(static_cast<int64_t>(total), local.nanos() + static_cast<int64_t>(rest));
    return result.inRange() ? std::optional(result) : std::nullopt;
}

// What `between` reads of a value: its date (if any), time of day and zone (if any).
struct View {
    std::optional<Date> date;
    LocalTime time;
    std::optional<int32_t> offset;
    int32_t zone = kNoZone;
};

std::optional<View> viewOf(const Value& value) {
    switch (value.type()) {
    case ValueType::Date: return View{value.asDate(), LocalTime(), std::nullopt, kNoZone};
    case ValueType::LocalTime: return View{std::nullopt, value.asLocalTime(), std::nullopt, kNoZone};
    case ValueType::Time: return View{std::nullopt, value.asTime().local(), value.asTime().offsetSeconds(), kNoZone};
    case ValueType::LocalDateTime:
        return View{value.asLocalDateTime().date(), value.asLocalDateTime().time(), std::nullopt, kNoZone};
    case ValueType::DateTime: {
        const DateTime dateTime = value.asDateTime();
        return View{dateTime.local().date(), dateTime.local().time(), dateTime.offsetSeconds(), dateTime.zone()};
    }
    default: return std::nullopt;
    }
}

// `to` seen in `from`'s zone, when both have one.
View inZoneOf(const View& from, const View& to) {
    if (!from.offset || !to.offset) {
        return to;
    }
    if (to.date) {
        const LocalDateTime local = LocalDateTime::of(*to.date, to.time);
        const int64_t utc = local.epochSeconds() - *to.offset;
        const DateTime seen = DateTime::fromInstant(utc, local.nanos(), *from.offset, from.zone);
        return View{seen.local().date(), seen.local().time(), seen.offsetSeconds(), from.zone};
    }
    const int64_t utc = to.time.nanos() - static_cast<int64_t>(*to.offset) * kNanosPerSecond;
    return View{std::nullopt, LocalTime::fromNanos(utc + static_cast<int64_t>(*from.offset) * kNanosPerSecond),
                from.offset, kNoZone};
}

// java.time's until(MONTHS) and until(DAYS) on local date-times: the end date moves a day back
// (forward) when its time of day has not yet reached (has passed) the start's.
Date adjustedEnd(const LocalDateTime& start, const LocalDateTime& end) {
    const Date endDate = end.date();
    if (endDate > start.date() && end.time() < start.time()) {
        return Date::fromDays(endDate.days() - 1);
    }
    if (endDate < start.date() && end.time() > start.time()) {
        return Date::fromDays(endDate.days() + 1);
    }
    return endDate;
}

int64_t monthsUntil(const LocalDateTime& start, const LocalDateTime& end) {
    constexpr int64_t kPacking = 32;
    const Date from = start.date();
    const Date to = adjustedEnd(start, end);
    auto packed = [&](Date date) {
        return (static_cast<int64_t>(date.year()) * kMonthsPerYear + date.month() - 1) * kPacking + date.day();
    };
    return (packed(to) - packed(from)) / kPacking;
}

int64_t daysUntil(const LocalDateTime& start, const LocalDateTime& end) {
    return static_cast<int64_t>(adjustedEnd(start, end).days()) - start.date().days();
}

// The instant of a local date-time in a view's zone (for the nanosecond part of between).
__int128 instantNanos(const LocalDateTime& local, const View& view) {
    int64_t offset = 0;
    if (view.offset) {
        offset = view.zone == kNoZone ? *view.offset : DateTime::fromLocal(local, view.zone, view.offset).offsetSeconds();
    }
    return (static_cast<__int128>(local.epochSeconds()) - offset) * kNanosPerSecond + local.nanos();
}

std::optional<Duration> fromNanos(int64_t months, int64_t days, __int128 nanos) {
    temporalparse::DurationBuilder builder;
    builder.addWholeMonths(months);
    builder.addWholeDays(days);
    builder.addWholeNanos(nanos);
    return builder.build();
}

} // namespace

std::optional<Value> addDuration(const Value& temporal, const Duration& duration, int sign) {
    int64_t months = 0;
    int64_t days = 0;
    if (__builtin_mul_overflow(duration.months(), static_cast<int64_t>(sign), &months) ||
        __builtin_mul_overflow(duration.days(), static_cast<int64_t>(sign), &days)) {
        return std::nullopt;
    }
    const __int128 nanos = sign * totalNanos(duration);
    switch (temporal.type()) {
    case ValueType::Date: {
        const int64_t extraDays = static_cast<int64_t>(nanos / kNanosPerDay);
        const std::optional<Date> shifted = plusMonths(temporal.asDate(), months);
        if (!shifted) {
            return std::nullopt;
        }
        const std::optional<Date> moved = plusDays(*shifted, days + extraDays);
        return moved ? std::optional<Value>(Value(*moved)) : std::nullopt;
    }
    case ValueType::LocalTime:
        return Value(LocalTime::fromNanos(temporal.asLocalTime().nanos() + static_cast<int64_t>(nanos % kNanosPerDay)));
    case ValueType::Time: {
        const Time time = temporal.asTime();
        return Value(Time(LocalTime::fromNanos(time.local().nanos() + static_cast<int64_t>(nanos % kNanosPerDay)),
                          time.offsetSeconds()));
    }
    case ValueType::LocalDateTime: {
        const auto calendar = plusCalendar(temporal.asLocalDateTime(), months, days);
        if (!calendar) {
            return std::nullopt;
        }
        const auto moved = plusNanos(*calendar, nanos);
        return moved ? std::optional<Value>(Value(*moved)) : std::nullopt;
    }
    case ValueType::DateTime: {
        const DateTime dateTime = temporal.asDateTime();
        const auto calendar = plusCalendar(dateTime.local(), months, days);
        if (!calendar) {
            return std::nullopt;
        }
        DateTime shifted = dateTime.zone() == kNoZone
                               ? DateTime(*calendar, dateTime.offsetSeconds(), kNoZone)
                               : DateTime::fromLocal(*calendar, dateTime.zone(), dateTime.offsetSeconds());
        const auto instant = plusNanos(LocalDateTime::fromEpoch(shifted.epochSeconds(), shifted.nanos()), nanos);
        if (!instant) {
            return std::nullopt;
        }
        const DateTime result = DateTime::fromInstant(instant->epochSeconds(), instant->nanos(),
                                                      shifted.offsetSeconds(), shifted.zone());
        return result.local().inRange() ? std::optional<Value>(Value(result)) : std::nullopt;
    }
    default: return std::nullopt;
    }
}

std::optional<Duration> addDurations(const Duration& lhs, const Duration& rhs, int sign) {
    int64_t months = 0;
    int64_t days = 0;
    int64_t rhsMonths = 0;
    int64_t rhsDays = 0;
    if (__builtin_mul_overflow(rhs.months(), static_cast<int64_t>(sign), &rhsMonths) ||
        __builtin_mul_overflow(rhs.days(), static_cast<int64_t>(sign), &rhsDays) ||
        __builtin_add_overflow(lhs.months(), rhsMonths, &months) || __builtin_add_overflow(lhs.days(), rhsDays, &days)) {
        return std::nullopt;
    }
    return fromNanos(months, days, totalNanos(lhs) + sign * totalNanos(rhs));
}

std::optional<Duration> scaleDuration(const Duration& duration, const Value& factor, bool divide) {
    if (factor.type() == ValueType::Int && !divide) {
        const int64_t k = factor.asInt();
        int64_t months = 0;
        int64_t days = 0;
        __int128 nanos = 0;
        if (__builtin_mul_overflow(duration.months(), k, &months) || __builtin_mul_overflow(duration.days(), k, &days) ||
            __builtin_mul_overflow(totalNanos(duration), static_cast<__int128>(k), &nanos)) {
            return std::nullopt;
        }
        return fromNanos(months, days, nanos);
    }
    const long double k = factor.type() == ValueType::Int ? static_cast<long double>(factor.asInt())
                                                           : static_cast<long double>(factor.asFloat());
    if (divide && k == 0) {
        return std::nullopt;
    }
    auto scale = [&](long double value) { return divide ? value / k : value * k; };
    temporalparse::DurationBuilder builder;
    builder.addMonths(scale(static_cast<long double>(duration.months())));
    builder.addDays(scale(static_cast<long double>(duration.days())));
    builder.addNanos(scale(static_cast<long double>(totalNanos(duration))));
    return builder.build();
}

// Gives `target` the zone `source` has (a named zone resolved at `target`'s local time).
void attachZone(View& target, const View& source) {
    target.zone = source.zone;
    target.offset = source.offset;
    if (source.zone != kNoZone && target.date) {
        target.offset = DateTime::fromLocal(LocalDateTime::of(*target.date, target.time), source.zone).offsetSeconds();
    }
}

std::optional<Duration> between(const Value& fromValue, const Value& toValue, Between unit) {
    std::optional<View> from = viewOf(fromValue);
    std::optional<View> rawTo = viewOf(toValue);
    if (!from || !rawTo) {
        return std::nullopt;
    }
    // What one side lacks it takes from the other: a date for a time of day, a zone for a local value.
    const bool bothDates = from->date && rawTo->date;
    if (from->date && !rawTo->date) {
        rawTo->date = from->date;
    } else if (rawTo->date && !from->date) {
        from->date = rawTo->date;
    }
    if (from->offset && !rawTo->offset) {
        attachZone(*rawTo, *from);
    } else if (rawTo->offset && !from->offset) {
        attachZone(*from, *rawTo);
    }
    const View to = inZoneOf(*from, *rawTo);
    const bool zoned = from->offset && to.offset;
    if (!bothDates && (unit == Between::Months || unit == Between::Days)) {
        return Duration();
    }
    if (!from->date) {
        // Two times of day, in one zone here when both have one.
        return fromNanos(0, 0, static_cast<__int128>(to.time.nanos()) - from->time.nanos());
    }
    const LocalDateTime start = LocalDateTime::of(*from->date, from->time);
    const LocalDateTime end = LocalDateTime::of(*to.date, to.time);
    auto nanosBetween = [&](const LocalDateTime& a) {
        if (zoned) {
            return instantNanos(end, to) - instantNanos(a, *from);
        }
        return (static_cast<__int128>(end.epochSeconds()) - a.epochSeconds()) * kNanosPerSecond + end.nanos() -
               a.nanos();
    };
    if (!bothDates) {
        return fromNanos(0, 0, nanosBetween(start));
    }
    switch (unit) {
    case Between::Months: return Duration::of(monthsUntil(start, end), 0, 0, 0);
    case Between::Days: return Duration::of(0, daysUntil(start, end), 0, 0);
    case Between::Seconds: return fromNanos(0, 0, nanosBetween(start));
    case Between::Full: break;
    }
    const int64_t months = monthsUntil(start, end);
    const std::optional<LocalDateTime> afterMonths = plusCalendar(start, months, 0);
    if (!afterMonths) {
        return std::nullopt;
    }
    const int64_t days = daysUntil(*afterMonths, end);
    const std::optional<LocalDateTime> afterDays = plusCalendar(*afterMonths, 0, days);
    if (!afterDays) {
        return std::nullopt;
    }
    return fromNanos(months, days, nanosBetween(*afterDays));
}

} // namespace newsgraph::temporalmath
