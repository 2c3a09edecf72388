#include "engine/function/temporal_parse.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "engine/common/time_zone.hpp"
#include "engine/function/date_fields.hpp"

namespace newsgraph::temporalparse {

namespace {

constexpr size_t kYearDigits = 4;
constexpr size_t kTwoDigits = 2;
constexpr size_t kOrdinalDigits = 3;
constexpr size_t kWeekDayDigits = 1;
constexpr size_t kMaxFractionDigits = 9;
constexpr long double kNanosPerSecondF = 1e9L;
constexpr long double kLargestWhole = 9e18L;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits from the front of `text`.
std::optional<uint32_t> takeDigits(std::string_view& text, size_t count) {
    if (text.size() < count) {
        return std::nullopt;
    }
    const std::string_view digits = text.substr(0, count);
    if (!std::all_of(digits.begin(), digits.end(), isDigit)) {
        return std::nullopt;
    }
    uint32_t value = 0;
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
    const std::optional<uint32_t> week = takeDigits(rest, kTwoDigits);
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
    const size_t dashedCalendar = kTwoDigits + 1 + kTwoDigits;
    const size_t compactCalendar = kTwoDigits + kTwoDigits;
    if ((dashed && rest.size() == dashedCalendar) || (!dashed && rest.size() == compactCalendar)) {
        const std::optional<uint32_t> month = takeDigits(rest, kTwoDigits);
        if (!month || (dashed && !takeChar(rest, '-'))) {
            return std::nullopt;
        }
        const std::optional<uint32_t> day = takeDigits(rest, kTwoDigits);
        return day ? Date::fromCivil(year, *month, *day) : std::nullopt;
    }
    if (rest.size() == kTwoDigits) {
        const std::optional<uint32_t> month = takeDigits(rest, kTwoDigits);
        return month ? Date::fromCivil(year, *month, 1) : std::nullopt;
    }
    if (rest.size() == kOrdinalDigits) {
        const std::optional<uint32_t> day = takeDigits(rest, kOrdinalDigits);
        return day ? datefields::fromOrdinalDate(year, *day) : std::nullopt;
    }
    return std::nullopt;
}

// Up to nine digits after '.' or ',' as nanoseconds.
std::optional<int64_t> takeFraction(std::string_view& text) {
    if (!takeChar(text, '.') && !takeChar(text, ',')) {
        return int64_t{0};
    }
    size_t count = 0;
    int64_t nanos = 0;
    while (count < text.size() && isDigit(text[count])) {
        if (count < kMaxFractionDigits) {
            nanos = nanos * 10 + (text[count] - '0');
        }
        ++count;
    }
    if (count == 0 || count > kMaxFractionDigits) {
        return std::nullopt;
    }
    for (size_t i = count; i < kMaxFractionDigits; ++i) {
        nanos *= 10;
    }
    text.remove_prefix(count);
    return nanos;
}

// `+01`, `+0100`, `+01:00`, `+01:00:30`, `Z`: the whole of `text`.
std::optional<int32_t> parseOffset(std::string_view text) {
    if (text == "Z" || text == "z") {
        return 0;
    }
    if (text.empty() || (text.front() != '+' && text.front() != '-')) {
        return std::nullopt;
    }
    const int32_t sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
    const std::optional<uint32_t> hours = takeDigits(text, kTwoDigits);
    if (!hours) {
        return std::nullopt;
    }
    uint32_t minutes = 0;
    uint32_t seconds = 0;
    if (!text.empty()) {
        const bool extended = takeChar(text, ':');
        const std::optional<uint32_t> parsedMinutes = takeDigits(text, kTwoDigits);
        if (!parsedMinutes) {
            return std::nullopt;
        }
        minutes = *parsedMinutes;
        if (!text.empty()) {
            if (extended && !takeChar(text, ':')) {
                return std::nullopt;
            }
            const std::optional<uint32_t> parsedSeconds = takeDigits(text, kTwoDigits);
            if (!parsedSeconds || !text.empty()) {
                return std::nullopt;
            }
            seconds = *parsedSeconds;
        }
    }
    if (minutes >= kSecondsPerMinute || seconds >= kSecondsPerMinute) {
        return std::nullopt;
    }
    const auto total = static_cast<int32_t>(*hours * kSecondsPerHour + minutes * kSecondsPerMinute + seconds);
    if (total > kMaxOffsetSeconds) {
        return std::nullopt;
    }
    return sign * total;
}

// A number of a duration: [-+]digits[.digits]; `whole` when it has no fraction.
struct DurationNumber {
    int64_t whole = 0;
    long double value = 0;
    bool fractional = false;
};

std::optional<DurationNumber> takeDurationNumber(std::string_view& text) {
    size_t length = 0;
    if (length < text.size() && (text[length] == '-' || text[length] == '+')) {
        ++length;
    }
    const size_t digitsStart = length;
    while (length < text.size() && isDigit(text[length])) {
        ++length;
    }
    if (length == digitsStart) {
        return std::nullopt;
    }
    DurationNumber number;
    if (length < text.size() && (text[length] == '.' || text[length] == ',')) {
        ++length;
        const size_t fractionStart = length;
        while (length < text.size() && isDigit(text[length])) {
            ++length;
        }
        if (length == fractionStart) {
            return std::nullopt;
        }
        number.fractional = true;
    }
    std::string digits(text.substr(0, length));
    std::replace(digits.begin(), digits.end(), ',', '.');
    if (digits.front() == '+') {
        digits.erase(0, 1);
    }
    if (number.fractional) {
        number.value = std::strtold(digits.c_str(), nullptr);
    } else {
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number.whole);
        if (error != std::errc() || end != digits.data() + digits.size()) {
            return std::nullopt;
        }
        number.value = static_cast<long double>(number.whole);
    }
    text.remove_prefix(length);
    return number;
}

constexpr int64_t kDaysPerWeek = 7;

// Adds `number` of `unit` (Y, M, W, D in the date part; H, M, S in the time part).
bool addUnit(DurationBuilder& builder, const DurationNumber& number, char unit, bool timePart) {
    const long double x = number.value;
    const int64_t n = number.whole;
    const bool whole = !number.fractional;
    if (!timePart) {
        switch (unit) {
        case 'Y': whole ? builder.addWholeMonths(n, kMonthsPerYear) : builder.addMonths(x * kMonthsPerYear); return true;
        case 'M': whole ? builder.addWholeMonths(n) : builder.addMonths(x); return true;
        case 'W': whole ? builder.addWholeDays(n, kDaysPerWeek) : builder.addDays(x * kDaysPerWeek); return true;
        case 'D': whole ? builder.addWholeDays(n) : builder.addDays(x); return true;
        default: return false;
        }
    }
    int64_t unitSeconds = 0;
    switch (unit) {
    case 'H': unitSeconds = kSecondsPerHour; break;
    case 'M': unitSeconds = kSecondsPerMinute; break;
    case 'S': unitSeconds = 1; break;
    default: return false;
    }
    if (whole) {
        builder.addWholeNanos(static_cast<__int128>(n) * unitSeconds * kNanosPerSecond);
    } else {
        builder.addNanos(x * static_cast<long double>(unitSeconds) * kNanosPerSecondF);
    }
    return true;
}

// P2012-02-02T14:37:21.545
std::optional<Duration> parseAlternativeDuration(std::string_view text) {
    const auto years = takeDigits(text, kYearDigits);
    if (!years || !takeChar(text, '-')) {
        return std::nullopt;
    }
    const auto months = takeDigits(text, kTwoDigits);
    if (!months || !takeChar(text, '-')) {
        return std::nullopt;
    }
    const auto days = takeDigits(text, kTwoDigits);
    if (!days) {
        return std::nullopt;
    }
    int64_t nanos = 0;
    if (takeChar(text, 'T')) {
        const std::optional<LocalTime> time = parseLocalTime(text);
        if (!time) {
            return std::nullopt;
        }
        nanos = time->nanos();
    } else if (!text.empty()) {
        return std::nullopt;
    }
    return Duration::of(static_cast<int64_t>(*years) * kMonthsPerYear + *months, *days, 0, nanos);
}

} // namespace

void DurationBuilder::addMonths(long double months) {
    if (!std::isfinite(months) || std::fabs(months) > kLargestWhole) {
        overflow_ = true;
        return;
    }
    const long double whole = std::trunc(months);
    months_ += static_cast<int64_t>(whole);
    addDays((months - whole) * kDaysPerAverageMonth);
}

void DurationBuilder::addDays(long double days) {
    if (!std::isfinite(days) || std::fabs(days) > kLargestWhole) {
        overflow_ = true;
        return;
    }
    const long double whole = std::trunc(days);
    days_ += static_cast<int64_t>(whole);
    addNanos((days - whole) * static_cast<long double>(kSecondsPerDay) * kNanosPerSecondF);
}

void DurationBuilder::addNanos(long double nanos) {
    if (!std::isfinite(nanos) || std::fabs(nanos) > kLargestWhole * kNanosPerSecondF) {
        overflow_ = true;
        return;
    }
    const long double seconds = std::trunc(nanos / kNanosPerSecondF);
    nanos_ += static_cast<__int128>(static_cast<int64_t>(seconds)) * kNanosPerSecond;
    // Truncated, as openCypher does (half a nanosecond is none), after a margin far below a
    // nanosecond that absorbs the binary representation of decimal fractions.
    constexpr long double kMargin = 1e-3L;
    const long double rest = nanos - seconds * kNanosPerSecondF;
    nanos_ += static_cast<__int128>(static_cast<int64_t>(std::trunc(rest + std::copysign(kMargin, rest))));
}

std::optional<Duration> DurationBuilder::build() const {
    if (overflow_) {
        return std::nullopt;
    }
    __int128 seconds = nanos_ / kNanosPerSecond;
    __int128 fraction = nanos_ % kNanosPerSecond;
    if (fraction < 0) {
        fraction += kNanosPerSecond;
        seconds -= 1;
    }
    if (seconds > std::numeric_limits<int64_t>::max() || seconds < std::numeric_limits<int64_t>::min()) {
        return std::nullopt;
    }
    return Duration::of(months_, days_, static_cast<int64_t>(seconds), static_cast<int64_t>(fraction));
}

std::optional<Date> parseDate(std::string_view text) {
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

std::optional<LocalTime> parseLocalTime(std::string_view text) {
    const std::optional<uint32_t> hour = takeDigits(text, kTwoDigits);
    if (!hour) {
        return std::nullopt;
    }
    uint32_t minute = 0;
    uint32_t second = 0;
    int64_t nanos = 0;
    if (!text.empty()) {
        const bool extended = takeChar(text, ':');
        const std::optional<uint32_t> parsedMinute = takeDigits(text, kTwoDigits);
        if (!parsedMinute) {
            return std::nullopt;
        }
        minute = *parsedMinute;
        if (!text.empty()) {
            if (extended && !takeChar(text, ':')) {
                return std::nullopt;
            }
            const std::optional<uint32_t> parsedSecond = takeDigits(text, kTwoDigits);
            if (!parsedSecond) {
                return std::nullopt;
            }
            second = *parsedSecond;
            const std::optional<int64_t> fraction = takeFraction(text);
            if (!fraction || !text.empty()) {
                return std::nullopt;
            }
            nanos = *fraction;
        }
    }
    return LocalTime::fromFields(*hour, minute, second, nanos);
}

std::optional<ZoneSpec> parseZone(std::string_view text) {
    if (const std::optional<int32_t> offset = parseOffset(text)) {
        return ZoneSpec{offset, std::nullopt};
    }
    if (text.empty() || text.front() == '+' || text.front() == '-') {
        return std::nullopt;
    }
    if (const std::optional<int32_t> zone = timezone::find(text)) {
        return ZoneSpec{std::nullopt, zone};
    }
    return std::nullopt;
}

std::optional<ParsedTime> parseTime(std::string_view text) {
    const size_t zoneStart = text.find_first_of("Zz+-");
    ParsedTime parsed;
    const std::optional<LocalTime> local = parseLocalTime(text.substr(0, zoneStart));
    if (!local) {
        return std::nullopt;
    }
    parsed.local = *local;
    if (zoneStart != std::string_view::npos) {
        parsed.offset = parseOffset(text.substr(zoneStart));
        if (!parsed.offset) {
            return std::nullopt;
        }
    }
    return parsed;
}

std::optional<LocalDateTime> parseLocalDateTime(std::string_view text) {
    const size_t separator = text.find_first_of("Tt");
    const std::optional<Date> date = parseDate(text.substr(0, separator));
    if (!date) {
        return std::nullopt;
    }
    if (separator == std::string_view::npos) {
        return LocalDateTime::of(*date, LocalTime());
    }
    const std::optional<LocalTime> time = parseLocalTime(text.substr(separator + 1));
    if (!time) {
        return std::nullopt;
    }
    return LocalDateTime::of(*date, *time);
}

std::optional<ParsedDateTime> parseDateTime(std::string_view text) {
    ParsedDateTime parsed;
    if (!text.empty() && text.back() == ']') {
        const size_t open = text.rfind('[');
        if (open == std::string_view::npos) {
            return std::nullopt;
        }
        parsed.zone.zone = timezone::find(text.substr(open + 1, text.size() - open - 2));
        if (!parsed.zone.zone) {
            return std::nullopt;
        }
        text = text.substr(0, open);
    }
    const size_t separator = text.find_first_of("Tt");
    const std::optional<Date> date = parseDate(text.substr(0, separator));
    if (!date) {
        return std::nullopt;
    }
    if (separator == std::string_view::npos) {
        parsed.local = LocalDateTime::of(*date, LocalTime());
        return parsed;
    }
    const std::optional<ParsedTime> time = parseTime(text.substr(separator + 1));
    if (!time) {
        return std::nullopt;
    }
    parsed.local = LocalDateTime::of(*date, time->local);
    parsed.zone.offset = time->offset;
    return parsed;
}

std::optional<Value> parseValue(ValueType type, std::string_view text) {
    switch (type) {
    case ValueType::Date:
        if (auto date = parseDate(text)) {
            return Value(*date);
        }
        break;
    case ValueType::LocalTime:
        if (auto time = parseLocalTime(text)) {
            return Value(*time);
        }
        break;
    case ValueType::Time:
        if (auto time = parseTime(text)) {
            return Value(Time(time->local, time->offset.value_or(0)));
        }
        break;
    case ValueType::LocalDateTime:
        if (auto local = parseLocalDateTime(text)) {
            return Value(*local);
        }
        break;
    case ValueType::DateTime:
        if (auto parsed = parseDateTime(text)) {
            if (!parsed->local.inRange()) {
                break;
            }
            if (parsed->zone.zone) {
                return Value(DateTime::fromLocal(parsed->local, *parsed->zone.zone, parsed->zone.offset));
            }
            return Value(DateTime(parsed->local, parsed->zone.offset.value_or(0), kNoZone));
        }
        break;
    case ValueType::Duration:
        if (auto duration = parseDuration(text)) {
            return Value(*duration);
        }
        break;
    default: break;
    }
    return std::nullopt;
}

std::optional<Duration> negated(const Duration& duration) {
    constexpr int64_t kLowest = std::numeric_limits<int64_t>::min();
    if (duration.months() == kLowest || duration.days() == kLowest || duration.seconds() == kLowest) {
        return std::nullopt;
    }
    return Duration::of(-duration.months(), -duration.days(), -duration.seconds(), -static_cast<int64_t>(duration.nanos()));
}

std::optional<Duration> parseDuration(std::string_view text) {
    bool negate = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negate = text.front() == '-';
        text.remove_prefix(1);
    }
    if (!takeChar(text, 'P') && !takeChar(text, 'p')) {
        return std::nullopt;
    }
    std::optional<Duration> result;
    if (text.size() > kYearDigits && text[kYearDigits] == '-' &&
        std::all_of(text.begin(), text.begin() + kYearDigits, isDigit)) {
        result = parseAlternativeDuration(text);
    } else {
        DurationBuilder builder;
        bool timePart = false;
        bool any = false;
        std::string_view order = "YMWD";
        while (!text.empty()) {
            if (!timePart && (text.front() == 'T' || text.front() == 't')) {
                text.remove_prefix(1);
                timePart = true;
                order = "HMS";
                if (text.empty()) {
                    return std::nullopt;
                }
                continue;
            }
            const std::optional<DurationNumber> number = takeDurationNumber(text);
            if (!number || text.empty()) {
                return std::nullopt;
            }
            const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
            const size_t position = order.find(unit);
            if (position == std::string_view::npos || !addUnit(builder, *number, unit, timePart)) {
                return std::nullopt;
            }
            order.remove_prefix(position + 1); // each unit once, largest first
            text.remove_prefix(1);
            any = true;
        }
        if (!any) {
            return std::nullopt;
        }
        result = builder.build();
    }
    if (!result || !negate) {
        return result;
    }
    return negated(*result);
}

} // namespace newsgraph::temporalparse
