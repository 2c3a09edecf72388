#include "engine/function/date_fields.hpp"

namespace newsgraph::datefields {

namespace {

// 1970-01-01 was a Thursday (ISO day 4).
constexpr int32_t kEpochDayOfWeekOffset = 3;
// Week 1 is the week that holds January 4th.
constexpr uint32_t kWeekAnchorDay = 4;
// December 28th always lies in the last ISO week of its year.
constexpr uint32_t kLastWeekAnchorMonth = 12;
constexpr uint32_t kLastWeekAnchorDay = 28;

// Days since 1970-01-01 of a civil date, for any year (H. Hinnant's era algorithm); Date itself
// only builds dates in [kMinYear, kMaxYear], and week arithmetic looks one year past either end.
int64_t daysFromCivil(int64_t year, uint32_t month, uint32_t day) {
    constexpr int64_t kYearsPerEra = 400;
    constexpr int64_t kDaysPerEra = 146097;
    constexpr int64_t kEpochShift = 719468; // days from 0000-03-01 to 1970-01-01
    constexpr uint32_t kMarch = 3;
    constexpr uint32_t kMonthsAfterMarch = 9;
    constexpr uint32_t kDaysPerFiveMonths = 153;
    constexpr uint32_t kFiveMonths = 5;
    constexpr int64_t kDaysPerYear = 365;
    constexpr int64_t kLeapCycle = 4;
    constexpr int64_t kCentury = 100;
    year -= month < kMarch ? 1 : 0;
    const int64_t era = (year >= 0 ? year : year - (kYearsPerEra - 1)) / kYearsPerEra;
    const int64_t yearOfEra = year - era * kYearsPerEra;
    const uint32_t shiftedMonth = month >= kMarch ? month - kMarch : month + kMonthsAfterMarch;
    const int64_t dayOfYear = (kDaysPerFiveMonths * shiftedMonth + 2) / kFiveMonths + day - 1;
    const int64_t dayOfEra = yearOfEra * kDaysPerYear + yearOfEra / kLeapCycle - yearOfEra / kCentury + dayOfYear;
    return era * kDaysPerEra + dayOfEra - kEpochShift;
}

Date firstOfYear(int32_t year) {
    return Date::fromDays(static_cast<int32_t>(daysFromCivil(year, 1, 1)));
}

uint32_t dayOfWeekOfDays(int64_t days) {
    const int64_t week = kDaysPerWeek;
    const int64_t shifted = ((days + kEpochDayOfWeekOffset) % week + week) % week;
    return static_cast<uint32_t>(shifted) + 1;
}

// The Monday that starts ISO week 1 of `weekYear` (may fall in the previous calendar year).
int64_t weekOneMonday(int64_t weekYear) {
    const int64_t anchor = daysFromCivil(weekYear, 1, kWeekAnchorDay);
    return anchor - static_cast<int64_t>(dayOfWeekOfDays(anchor)) + 1;
}

std::optional<Date> checkedFromDays(int64_t days) {
    const Date date = Date::fromDays(static_cast<int32_t>(days));
    if (date.year() < Date::kMinYear || date.year() > Date::kMaxYear) {
        return std::nullopt;
    }
    return date;
}

uint32_t daysInYear(int32_t year) {
    constexpr uint32_t kCommonYear = 365;
    constexpr uint32_t kLeapYear = 366;
    return isLeapYear(year) ? kLeapYear : kCommonYear;
}

uint32_t daysInQuarter(int32_t year, uint32_t quarterOfYear) {
    uint32_t days = 0;
    const uint32_t firstMonth = (quarterOfYear - 1) * kMonthsPerQuarter + 1;
    for (uint32_t month = firstMonth; month < firstMonth + kMonthsPerQuarter; ++month) {
        days += daysInMonth(year, month);
    }
    return days;
}

} // namespace

uint32_t dayOfWeek(Date date) {
    return dayOfWeekOfDays(date.days());
}

uint32_t ordinalDay(Date date) {
    return static_cast<uint32_t>(date.days() - firstOfYear(date.year()).days()) + 1;
}

uint32_t quarter(Date date) {
    return (date.month() - 1) / kMonthsPerQuarter + 1;
}

uint32_t dayOfQuarter(Date date) {
    const uint32_t firstMonth = (quarter(date) - 1) * kMonthsPerQuarter + 1;
    const std::optional<Date> start = Date::fromCivil(date.year(), firstMonth, 1);
    return static_cast<uint32_t>(date.days() - (start ? start->days() : date.days())) + 1;
}

IsoWeek isoWeek(Date date) {
    const int32_t year = date.year();
    int32_t weekYear = year;
    if (date.days() < weekOneMonday(year)) {
        weekYear = year - 1;
    } else if (date.days() >= weekOneMonday(year + 1)) {
        weekYear = year + 1;
    }
    const auto week = static_cast<uint32_t>((date.days() - weekOneMonday(weekYear)) / kDaysPerWeek) + 1;
    return {weekYear, week};
}

uint32_t weeksInYear(int32_t weekYear) {
    const int64_t anchor = daysFromCivil(weekYear, kLastWeekAnchorMonth, kLastWeekAnchorDay);
    return static_cast<uint32_t>((anchor - weekOneMonday(weekYear)) / kDaysPerWeek) + 1;
}

std::optional<Date> fromWeekDate(int32_t weekYear, uint32_t week, uint32_t day) {
    if (weekYear < Date::kMinYear || weekYear > Date::kMaxYear || week < 1 || week > weeksInYear(weekYear) || day < 1 ||
        day > kDaysPerWeek) {
        return std::nullopt;
    }
    const int64_t days = weekOneMonday(weekYear) +
                         static_cast<int64_t>(week - 1) * kDaysPerWeek + static_cast<int64_t>(day - 1);
    return checkedFromDays(days);
}

std::optional<Date> fromOrdinalDate(int32_t year, uint32_t day) {
    if (year < Date::kMinYear || year > Date::kMaxYear || day < 1 || day > daysInYear(year)) {
        return std::nullopt;
    }
    return Date::fromDays(firstOfYear(year).days() + static_cast<int32_t>(day) - 1);
}

std::optional<Date> fromQuarterDate(int32_t year, uint32_t quarterOfYear, uint32_t day) {
    if (year < Date::kMinYear || year > Date::kMaxYear || quarterOfYear < 1 || quarterOfYear > kQuartersPerYear ||
        day < 1 || day > daysInQuarter(year, quarterOfYear)) {
        return std::nullopt;
    }
    const std::optional<Date> start = Date::fromCivil(year, (quarterOfYear - 1) * kMonthsPerQuarter + 1, 1);
    if (!start) {
        return std::nullopt;
    }
    return Date::fromDays(start->days() + static_cast<int32_t>(day) - 1);
}

std::optional<Value> field(Date date, std::string_view name) {
    auto asValue = [](auto number) { return Value(static_cast<int64_t>(number)); };
    if (name == "year") {
        return asValue(date.year());
    }
    if (name == "month") {
        return asValue(date.month());
    }
    if (name == "day") {
        return asValue(date.day());
    }
    if (name == "quarter") {
        return asValue(quarter(date));
    }
    if (name == "dayOfQuarter") {
        return asValue(dayOfQuarter(date));
    }
    if (name == "ordinalDay") {
        return asValue(ordinalDay(date));
    }
    if (name == "week") {
        return asValue(isoWeek(date).week);
    }
    if (name == "weekYear") {
        return asValue(isoWeek(date).weekYear);
    }
    if (name == "dayOfWeek" || name == "weekDay") {
        return asValue(dayOfWeek(date));
    }
    return std::nullopt;
}

} // namespace newsgraph::datefields
