#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
class Date {
public:
    static constexpr int32_t kMinYear = -9999;
    static constexpr int32_t kMaxYear = 9999;

    constexpr Date() = default;
    static constexpr Date fromDays(int32_t days) {
        Date date;
        date.days_ = days;
        return date;
    }
    // Returns nothing when year/month/day do not name a real date in [kMinYear, kMaxYear].
    static std::optional<Date> fromCivil(int32_t year, uint32_t month, uint32_t day);
    // Parses exactly `YYYY-MM-DD` (or `-YYYY-MM-DD`); nothing on any other text or an impossible date.
    static std::optional<Date> parse(std::string_view text);

    constexpr int32_t days() const { return days_; }
    int32_t year() const;
    uint32_t month() const;
    uint32_t day() const;
    // ISO 8601: 2025-05-28.
    std::string toString() const;

    constexpr auto operator<=>(const Date&) const = default;

private:
    int32_t days_ = 0;
};

bool isLeapYear(int32_t year);
uint32_t daysInMonth(int32_t year, uint32_t month);

} // namespace newsgraph
