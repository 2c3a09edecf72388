// date() and timestamp(). Of the temporal types only DATE exists here:
// - date(): today (UTC); date(d) for a date d: d.
// - date(string) (Temporal2 [1]): ISO 8601 calendar 2015-07-21 / 20150721, year-month 2015-07 /
//   201507, week 2015-W30-2 / 2015W302 / 2015-W30 / 2015W30, ordinal 2015-202 / 2015202, year 2015.
// - date(map) (Temporal1, Temporal3): {year, month, day}, {year, week, dayOfWeek},
//   {year, ordinalDay}, {year, quarter, dayOfQuarter}; {date: d, ...} takes the missing fields from d.
// Text that is not a date, or fields that name no date, are an ArgumentError InvalidArgumentValue.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "engine/function/date_fields.hpp"
#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;
using fnsupport::kInvalidArgumentValue;

constexpr size_t kYearDigits = 4;
constexpr size_t kMonthDigits = 2;
constexpr size_t kDayDigits = 2;
constexpr size_t kWeekDigits = 2;
constexpr size_t kOrdinalDigits = 3;
constexpr size_t kWeekDayDigits = 1;

QueryError notADate(const std::string& what) {
    return fnsupport::argumentValueError(kInvalidArgumentValue, "date", fmt::format("{} is not a valid date", what));
}

// Reads exactly `count` digits from the front of `text`.
std::optional<uint32_t> takeDigits(std::string_view& text, size_t count) {
    if (text.size() < count) {
        return std::nullopt;
    }
    uint32_t value = 0;
    const std::string_view digits = text.substr(0, count);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    text.remove_prefix(count);
    return value;
}

bool takeChar(std::string_view& text, char expected) {
    if (text.empty() || text.front() != expected) {
        return false;
    }
    text.remove_prefix(1);
    return true;
}

std::optional<Date> parseWeekDate(int32_t year, std::string_view rest, bool dashed) {
    const std::optional<uint32_t> week = takeDigits(rest, kWeekDigits);
    if (!week) {
        return std::nullopt;
    }
    uint32_t weekDay = 1;
    if (!rest.empty()) {
        if (dashed && !takeChar(rest, '-')) {
            return std::nullopt;
        }
        const std::optional<uint32_t> day = takeDigits(rest, kWeekDayDigits);
        if (!day || !rest.empty()) {
            return std::nullopt;
        }
        weekDay = *day;
    }
    return datefields::fromWeekDate(year, *week, weekDay);
}

// The part after the year: -MM-DD, MMDD, -MM, MM, -DDD, DDD, W..., or nothing.
std::optional<Date> parseAfterYear(int32_t year, std::string_view rest) {
    if (rest.empty()) {
        return Date::fromCivil(year, 1, 1);
    }
    const bool dashed = takeChar(rest, '-');
    if (takeChar(rest, 'W')) {
        return parseWeekDate(year, rest, dashed);
    }
    const size_t dashedCalendar = kMonthDigits + 1 + kDayDigits;
    const size_t compactCalendar = kMonthDigits + kDayDigits;
    if ((dashed && rest.size() == dashedCalendar) || (!dashed && rest.size() == compactCalendar)) {
        const std::optional<uint32_t> month = takeDigits(rest, kMonthDigits);
        if (!month || (dashed && !takeChar(rest, '-'))) {
            return std::nullopt;
        }
        const std::optional<uint32_t> day = takeDigits(rest, kDayDigits);
        return day ? Date::fromCivil(year, *month, *day) : std::nullopt;
    }
    if (rest.size() == kMonthDigits) {
        const std::optional<uint32_t> month = takeDigits(rest, kMonthDigits);
        return month ? Date::fromCivil(year, *month, 1) : std::nullopt;
    }
    if (rest.size() == kOrdinalDigits) {
        const std::optional<uint32_t> day = takeDigits(rest, kOrdinalDigits);
        return day ? datefields::fromOrdinalDate(year, *day) : std::nullopt;
    }
    return std::nullopt;
}

std::optional<Date> parseIsoDate(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const std::optional<uint32_t> year = takeDigits(text, kYearDigits);
    if (!year) {
        return std::nullopt;
    }
    const int32_t signedYear = negative ? -static_cast<int32_t>(*year) : static_cast<int32_t>(*year);
    return parseAfterYear(signedYear, text);
}

// The fields a date map may hold.
struct DateFields {
    std::optional<Date> base;
    std::optional<int64_t> year;
    std::optional<int64_t> month;
    std::optional<int64_t> day;
    std::optional<int64_t> week;
    std::optional<int64_t> dayOfWeek;
    std::optional<int64_t> ordinalDay;
    std::optional<int64_t> quarter;
    std::optional<int64_t> dayOfQuarter;
};

struct FieldSlot {
    std::string_view name;
    std::optional<int64_t> DateFields::*slot;
};

constexpr std::array kFieldSlots = {
    FieldSlot{"year", &DateFields::year},           FieldSlot{"month", &DateFields::month},
    FieldSlot{"day", &DateFields::day},             FieldSlot{"week", &DateFields::week},
    FieldSlot{"dayOfWeek", &DateFields::dayOfWeek}, FieldSlot{"ordinalDay", &DateFields::ordinalDay},
    FieldSlot{"quarter", &DateFields::quarter},     FieldSlot{"dayOfQuarter", &DateFields::dayOfQuarter},
};

DateFields readFields(const Value& map) {
    DateFields fields;
    for (const auto& [key, value] : map.asMap()) {
        if (key == "date") {
            if (value.type() != ValueType::Date) {
                throw argumentTypeError("date", value);
            }
            fields.base = value.asDate();
            continue;
        }
        const auto slot = std::find_if(kFieldSlots.begin(), kFieldSlots.end(),
                                       [&](const FieldSlot& entry) { return entry.name == key; });
        if (slot == kFieldSlots.end()) {
            throw fnsupport::argumentValueError(kInvalidArgumentValue, "date",
                                                fmt::format("unsupported field `{}` for a DATE", key));
        }
        if (value.type() != ValueType::Int) {
            throw argumentTypeError("date", value);
        }
        fields.*(slot->slot) = value.asInt();
    }
    return fields;
}

// A field that must fit the calendar's small integers; nothing when it cannot be a date component.
std::optional<int32_t> narrow(int64_t value) {
    constexpr int64_t kLimit = 1'000'000;
    if (value < -kLimit || value > kLimit) {
        return std::nullopt;
    }
    return static_cast<int32_t>(value);
}

std::optional<Date> buildDate(const DateFields& fields) {
    const std::optional<Date>& base = fields.base;
    const bool weekMode = fields.week || fields.dayOfWeek;
    const bool ordinalMode = fields.ordinalDay.has_value();
    const bool quarterMode = fields.quarter || fields.dayOfQuarter;
    const bool calendarMode = fields.month || fields.day;
    const int modes = static_cast<int>(weekMode) + static_cast<int>(ordinalMode) + static_cast<int>(quarterMode) +
                      static_cast<int>(calendarMode);
    if (modes > 1 || (!fields.year && !base)) {
        return std::nullopt;
    }
    auto pick = [](const std::optional<int64_t>& given, int64_t fallback) { return narrow(given.value_or(fallback)); };
    if (weekMode) {
        const datefields::IsoWeek baseWeek = base ? datefields::isoWeek(*base) : datefields::IsoWeek{0, 1};
        const auto year = pick(fields.year, baseWeek.weekYear);
        const auto week = pick(fields.week, baseWeek.week);
        const auto day = pick(fields.dayOfWeek, base ? datefields::dayOfWeek(*base) : 1);
        if (!year || !week || !day || *week < 1 || *day < 1) {
            return std::nullopt;
        }
        return datefields::fromWeekDate(*year, static_cast<uint32_t>(*week), static_cast<uint32_t>(*day));
    }
    const auto year = pick(fields.year, base ? base->year() : 0);
    if (!year) {
        return std::nullopt;
    }
    if (ordinalMode) {
        const auto day = narrow(*fields.ordinalDay);
        return day && *day >= 1 ? datefields::fromOrdinalDate(*year, static_cast<uint32_t>(*day)) : std::nullopt;
    }
    if (quarterMode) {
        const auto quarter = pick(fields.quarter, base ? datefields::quarter(*base) : 1);
        const auto day = pick(fields.dayOfQuarter, base ? datefields::dayOfQuarter(*base) : 1);
        if (!quarter || !day || *quarter < 1 || *day < 1) {
            return std::nullopt;
        }
        return datefields::fromQuarterDate(*year, static_cast<uint32_t>(*quarter), static_cast<uint32_t>(*day));
    }
    const auto month = pick(fields.month, base ? base->month() : 1);
    const auto day = pick(fields.day, base ? base->day() : 1);
    if (!month || !day || *month < 1 || *day < 1) {
        return std::nullopt;
    }
    return Date::fromCivil(*year, static_cast<uint32_t>(*month), static_cast<uint32_t>(*day));
}

Date today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date::fromDays(static_cast<int32_t>(now.time_since_epoch().count()));
}

} // namespace

Value date(Args args, const EntityAccessor& /*entities*/) {
    if (args.empty()) {
        return Value(today());
    }
    const Value& argument = args[0];
    switch (argument.type()) {
    case ValueType::Null: return Value();
    case ValueType::Date: return argument;
    case ValueType::String: {
        const std::optional<Date> parsed = parseIsoDate(argument.asString());
        if (!parsed) {
            throw notADate(quoteString(argument.asString()));
        }
        return Value(*parsed);
    }
    case ValueType::Map: {
        const std::optional<Date> built = buildDate(readFields(argument));
        if (!built) {
            throw notADate(argument.toString());
        }
        return Value(*built);
    }
    default: throw argumentTypeError("date", argument);
    }
}

Value timestamp(Args /*args*/, const EntityAccessor& /*entities*/) {
    const auto now = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return Value(static_cast<int64_t>(now.time_since_epoch().count()));
}

} // namespace newsgraph::scalarfn
