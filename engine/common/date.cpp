#include "engine/common/date.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace newsgraph {

namespace {

constexpr int32_t kDaysPerEra = 146097;
constexpr int32_t kYearsPerEra = 400;

struct Civil {
    int32_t year;
    uint32_t month;
    uint32_t day;
};

// Days since 1970-01-01 from a civil date (the era-based algorithm of H. Hinnant's date paper).
int32_t daysFromCivil(int32_t year, uint32_t month, uint32_t day) {
    year -= month <= 2 ? 1 : 0;
    const int32_t era = (year >= 0 ? year : year - (kYearsPerEra - 1)) / kYearsPerEra;
    const auto yearOfEra = static_cast<uint32_t>(year - era * kYearsPerEra);
    const uint32_t dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const uint32_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    constexpr int32_t kEpochShift = 719468; // days from 0000-03-01 to 1970-01-01
    return era * kDaysPerEra + static_cast<int32_t>(dayOfEra) - kEpochShift;
}

Civil civilFromDays(int32_t days) {
    constexpr int32_t kEpochShift = 719468;
    days += kEpochShift;
    const int32_t era = (days >= 0 ? days : days - (kDaysPerEra - 1)) / kDaysPerEra;
    const auto dayOfEra = static_cast<uint32_t>(days - era * kDaysPerEra);
    const uint32_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const int32_t year = static_cast<int32_t>(yearOfEra) + era * kYearsPerEra;
    const uint32_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const uint32_t shiftedMonth = (5 * dayOfYear + 2) / 153;
    const uint32_t day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    const uint32_t month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    return {year + (month <= 2 ? 1 : 0), month, day};
}

bool parseDigits(std::string_view text, uint32_t& out) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
}

} // namespace

bool isLeapYear(int32_t year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

uint32_t daysInMonth(int32_t year, uint32_t month) {
    static constexpr std::array<uint32_t, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && isLeapYear(year)) {
        return 29;
    }
    return kDays.at(month - 1);
}

std::optional<Date> Date::fromCivil(int32_t year, uint32_t month, uint32_t day) {
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    return fromDays(daysFromCivil(year, month, day));
}

std::optional<Date> Date::parse(std::string_view text) {
    bool negative = false;
    if (!text.empty() && text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    constexpr size_t kIsoLength = 10; // YYYY-MM-DD
    if (text.size() != kIsoLength || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    uint32_t year = 0;
    uint32_t month = 0;
    uint32_t day = 0;
    if (!parseDigits(text.substr(0, 4), year) || !parseDigits(text.substr(5, 2), month) ||
        !parseDigits(text.substr(8, 2), day)) {
        return std::nullopt;
    }
    const int32_t signedYear = negative ? -static_cast<int32_t>(year) : static_cast<int32_t>(year);
    return fromCivil(signedYear, month, day);
}

int32_t Date::year() const { return civilFromDays(days_).year; }
uint32_t Date::month() const { return civilFromDays(days_).month; }
uint32_t Date::day() const { return civilFromDays(days_).day; }

std::string Date::toString() const {
    const Civil civil = civilFromDays(days_);
    if (civil.year < 0) {
        return fmt::format("-{:04}-{:02}-{:02}", -civil.year, civil.month, civil.day);
    }
    return fmt::format("{:04}-{:02}-{:02}", civil.year, civil.month, civil.day);
}

} // namespace newsgraph
