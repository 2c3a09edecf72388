// Calendar arithmetic beyond engine/common/date.hpp that date() and date property access need: ISO
// weeks (Monday first, week 1 holds January 4th), ordinal days and quarters.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/common/date.hpp"
#include "engine/common/value.hpp"

namespace newsgraph::datefields {

inline constexpr uint32_t kDaysPerWeek = 7;
inline constexpr uint32_t kMonthsPerQuarter = 3;
inline constexpr uint32_t kQuartersPerYear = 4;
inline constexpr uint32_t kMonthsPerYear = 12;

// ISO day of the week: Monday 1 ... Sunday 7.
uint32_t dayOfWeek(Date date);
// 1-based day of the year.
uint32_t ordinalDay(Date date);
uint32_t quarter(Date date);
uint32_t dayOfQuarter(Date date);

struct IsoWeek {
    int32_t weekYear;
    uint32_t week;
};
IsoWeek isoWeek(Date date);
// 52 or 53.
uint32_t weeksInYear(int32_t weekYear);

// Each returns nothing when the fields do not name a date in Date's range.
std::optional<Date> fromWeekDate(int32_t weekYear, uint32_t week, uint32_t day);
std::optional<Date> fromOrdinalDate(int32_t year, uint32_t day);
std::optional<Date> fromQuarterDate(int32_t year, uint32_t quarterOfYear, uint32_t day);

// The value of `date.field` (year, month, day, quarter, dayOfQuarter, ordinalDay, week, weekYear,
// dayOfWeek / weekDay); nothing when the field is unknown.
std::optional<Value> field(Date date, std::string_view name);

} // namespace newsgraph::datefields
