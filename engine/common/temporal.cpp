#include "engine/common/temporal.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "engine/common/time_zone.hpp"

namespace newsgraph {

namespace {

constexpr int64_t kHoursPerDay = 24;
constexpr int kFractionDigits = 9;

// ".142" for 142,000,000 ns: the fraction of a second without trailing zeros; nothing for 0.
void appendFraction(std::string& out, int64_t nanos) {
    if (nanos == 0) {
        return;
    }
    std::string digits = fmt::format("{:0{}}", nanos, kFractionDigits);
    while (!digits.empty() && digits.back() == '0') {
        digits.pop_back();
    }
    out += '.';
    out += digits;
}

} // namespace

std::optional<LocalTime> LocalTime::fromFields(int64_t hour, int64_t minute, int64_t second, int64_t nanosecond) {
    if (hour < 0 || hour >= kHoursPerDay || minute < 0 || minute >= kSecondsPerMinute || second < 0 ||
        second >= kSecondsPerMinute || nanosecond < 0 || nanosecond >= kNanosPerSecond) {
        return std::nullopt;
    }
    return fromNanos(((hour * kSecondsPerHour) + (minute * kSecondsPerMinute) + second) * kNanosPerSecond +
                     nanosecond);
}

std::string LocalTime::toString() const {
    std::string out = fmt::format("{:02}:{:02}", hour(), minute());
    if (second() != 0 || nanosecond() != 0) {
        out += fmt::format(":{:02}", second());
        appendFraction(out, nanosecond());
    }
    return out;
}

std::string formatOffset(int32_t offsetSeconds) {
    if (offsetSeconds == 0) {
        return "Z";
    }
    const char sign = offsetSeconds < 0 ? '-' : '+';
    const int32_t magnitude = std::abs(offsetSeconds);
    const int32_t hours = magnitude / static_cast<int32_t>(kSecondsPerHour);
    const int32_t minutes = magnitude / static_cast<int32_t>(kSecondsPerMinute) % static_cast<int32_t>(kSecondsPerMinute);
    const int32_t seconds = magnitude % static_cast<int32_t>(kSecondsPerMinute);
    std::string out = fmt::format("{}{:02}:{:02}", sign, hours, minutes);
    if (seconds != 0) {
        out += fmt::format(":{:02}", seconds);
    }
    return out;
}

std::string Time::toString() const { return local_.toString() + formatOffset(offset_); }

bool LocalDateTime::inRange() const {
    const int64_t days = floorDiv(seconds_, kSecondsPerDay);
    const auto first = Date::fromCivil(Date::kMinYear, 1, 1);
    const auto last = Date::fromCivil(Date::kMaxYear, 12, 31);
    return days >= first->days() && days <= last->days();
}

std::string LocalDateTime::toString() const { return date().toString() + "T" + time().toString(); }

DateTime DateTime::fromInstant(int64_t utcSeconds, int64_t nanos, int32_t offsetSeconds, int32_t zone) {
    const int64_t seconds = utcSeconds + floorDiv(nanos, kNanosPerSecond);
    const int64_t fraction = floorMod(nanos, kNanosPerSecond);
    const int32_t offset = zone == kNoZone ? offsetSeconds : timezone::offsetAt(zone, seconds);
    return {LocalDateTime::fromEpoch(seconds + offset, fraction), offset, zone};
}

DateTime DateTime::fromLocal(LocalDateTime local, int32_t zone, std::optional<int32_t> preferredOffset) {
    const timezone::LocalOffsets offsets = timezone::offsetsFor(zone, local.epochSeconds());
    if (offsets.gap) {
        const int64_t utc = local.epochSeconds() - offsets.earlier;
        return {LocalDateTime::fromEpoch(utc + offsets.later, local.nanos()), offsets.later, zone};
    }
    int32_t offset = offsets.earlier;
    if (preferredOffset && *preferredOffset == offsets.later) {
        offset = offsets.later;
    }
    return {local, offset, zone};
}

std::string DateTime::zoneName() const { return zone_ == kNoZone ? formatOffset(offset_) : timezone::name(zone_); }

std::string DateTime::toString() const {
    std::string out = local_.toString() + formatOffset(offset_);
    if (zone_ != kNoZone) {
        out += fmt::format("[{}]", timezone::name(zone_));
    }
    return out;
}

std::string Duration::toString() const {
    std::string out = "P";
    const int64_t years = months_ / kMonthsPerYear;
    const int64_t months = months_ % kMonthsPerYear;
    if (years != 0) {
        out += fmt::format("{}Y", years);
    }
    if (months != 0) {
        out += fmt::format("{}M", months);
    }
    if (days_ != 0) {
        out += fmt::format("{}D", days_);
    }
    if (seconds_ != 0 || nanos_ != 0) {
        // Seconds and nanoseconds with one sign: -1 s + 0.999 s is written -0.001 s.
        int64_t seconds = seconds_;
        int64_t nanos = nanos_;
        if (seconds < 0 && nanos != 0) {
            seconds += 1;
            nanos -= kNanosPerSecond;
        }
        out += 'T';
        const int64_t hours = seconds / kSecondsPerHour;
        const int64_t minutes = seconds % kSecondsPerHour / kSecondsPerMinute;
        seconds %= kSecondsPerMinute;
        if (hours != 0) {
            out += fmt::format("{}H", hours);
        }
        if (minutes != 0) {
            out += fmt::format("{}M", minutes);
        }
        if (seconds != 0 || nanos != 0) {
            if (seconds < 0 || nanos < 0) {
                out += '-';
            }
            out += fmt::format("{}", std::abs(seconds));
            appendFraction(out, std::abs(nanos));
            out += 'S';
        }
    }
    if (out.size() == 1) {
        out += "T0S";
    }
    return out;
}

} // namespace newsgraph
