// The temporal types: printing and parsing agree on random values (every type's toString reads
// back to the same value), arithmetic undoes itself where the calendar allows it, between() and
// addition agree, and zone rules come from the tz database.
#include <random>

#include <catch2/catch.hpp>

#include "engine/common/time_zone.hpp"
#include "engine/function/temporal_arithmetic.hpp"
#include "engine/function/temporal_parse.hpp"

using newsgraph::Date;
using newsgraph::DateTime;
using newsgraph::Duration;
using newsgraph::LocalDateTime;
using newsgraph::LocalTime;
using newsgraph::Time;
using newsgraph::Value;
using newsgraph::ValueType;
namespace parse = newsgraph::temporalparse;
namespace math = newsgraph::temporalmath;

namespace {

constexpr int kSamples = 2000;
constexpr int64_t kNanosPerDay = newsgraph::kNanosPerDay;

struct Random {
    std::mt19937_64 engine{20250528};
    int64_t between(int64_t low, int64_t high) { return std::uniform_int_distribution<int64_t>(low, high)(engine); }
    // Nanoseconds of a day, often with round fractions (as data has them).
    int64_t timeOfDay() {
        const int64_t nanos = between(0, kNanosPerDay - 1);
        switch (between(0, 3)) {
        case 0: return nanos / newsgraph::kNanosPerSecond * newsgraph::kNanosPerSecond;
        case 1: return nanos / 1'000'000 * 1'000'000;
        default: return nanos;
        }
    }
    Date date() { return Date::fromDays(static_cast<int32_t>(between(-700'000, 700'000))); }
    int32_t offset() { return static_cast<int32_t>(between(-18 * 4, 18 * 4) * 15 * 60); }
};

Value reparsed(const Value& value) {
    const auto parsed = parse::parseValue(value.type(), value.temporalString());
    REQUIRE(parsed.has_value());
    return *parsed;
}

} // namespace

TEST_CASE("Every temporal value reads back from its ISO 8601 text", "[temporal]") {
    Random random;
    for (int i = 0; i < kSamples; ++i) {
        const LocalTime time = LocalTime::fromNanos(random.timeOfDay());
        const LocalDateTime local = LocalDateTime::of(random.date(), time);
        const int32_t offset = random.offset();
        const std::vector<Value> values = {
            Value(local.date()),
            Value(time),
            Value(Time(time, offset)),
            Value(local),
            Value(DateTime(local, offset, newsgraph::kNoZone)),
            Value(Duration::of(random.between(-5000, 5000), random.between(-50000, 50000),
                               random.between(-1'000'000'000, 1'000'000'000), random.between(0, 999'999'999))),
        };
        for (const Value& value : values) {
            INFO(value.toString());
            CHECK(reparsed(value) == value);
        }
    }
}

TEST_CASE("A datetime in a named zone reads back with its zone and offset", "[temporal]") {
    const auto prague = newsgraph::timezone::find("Europe/Prague");
    REQUIRE(prague.has_value());
    Random random;
    for (int i = 0; i < kSamples; ++i) {
        const LocalDateTime local = LocalDateTime::of(Date::fromDays(static_cast<int32_t>(random.between(-40'000, 40'000))),
                                                      LocalTime::fromNanos(random.timeOfDay()));
        const Value value(DateTime::fromLocal(local, *prague));
        INFO(value.toString());
        CHECK(reparsed(value) == value);
    }
    CHECK_FALSE(newsgraph::timezone::find("Mars/Olympus").has_value());
}

TEST_CASE("Adding and subtracting a duration of days and seconds is undone exactly", "[temporal]") {
    Random random;
    for (int i = 0; i < kSamples; ++i) {
        const Value local(LocalDateTime::of(Date::fromDays(static_cast<int32_t>(random.between(-300'000, 300'000))),
                                            LocalTime::fromNanos(random.timeOfDay())));
        const Duration step = Duration::of(0, random.between(-10'000, 10'000), random.between(-1'000'000, 1'000'000),
                                           random.between(0, 999'999'999));
        const auto there = math::addDuration(local, step, 1);
        REQUIRE(there.has_value());
        const auto back = math::addDuration(*there, step, -1);
        REQUIRE(back.has_value());
        INFO(local.toString() << " + " << step.toString());
        CHECK(*back == local);
        // between() measures what was added (in seconds: days are 86,400 s without a zone).
        const auto measured = math::between(local, *there, math::Between::Seconds);
        REQUIRE(measured.has_value());
        CHECK(static_cast<__int128>(measured->seconds()) * newsgraph::kNanosPerSecond + measured->nanos() ==
              (static_cast<__int128>(step.days()) * newsgraph::kSecondsPerDay + step.seconds()) *
                      newsgraph::kNanosPerSecond +
                  step.nanos());
    }
}

TEST_CASE("duration.between and addition agree on dates", "[temporal]") {
    Random random;
    for (int i = 0; i < kSamples; ++i) {
        const Value from(Date::fromDays(static_cast<int32_t>(random.between(-300'000, 300'000))));
        const Value to(Date::fromDays(static_cast<int32_t>(random.between(-300'000, 300'000))));
        const auto span = math::between(from, to, math::Between::Full);
        REQUIRE(span.has_value());
        INFO(from.toString() << " -> " << to.toString() << " = " << span->toString());
        CHECK(span->seconds() == 0);
        CHECK(math::addDuration(from, *span, 1) == std::optional<Value>(to));
    }
}

TEST_CASE("Malformed temporal text is refused, never half read", "[temporal]") {
    for (const char* text : {"", "2025-02-30", "2025-13-01", "2025-W54", "2025-366", "20250", "2025-05-28T", "x"}) {
        INFO(text);
        CHECK_FALSE(parse::parseValue(ValueType::Date, text).has_value());
    }
    for (const char* text : {"24:00", "12:60", "12:00:60", "12:00:00.", "12:00:00.1234567891", "1", "12:0"}) {
        INFO(text);
        CHECK_FALSE(parse::parseValue(ValueType::LocalTime, text).has_value());
    }
    for (const char* text : {"12:00+19:00", "12:00+01:60", "12:00+1", "12:00Q"}) {
        INFO(text);
        CHECK_FALSE(parse::parseValue(ValueType::Time, text).has_value());
    }
    for (const char* text : {"2025-05-28T10:00[Mars/Olympus]", "2025-05-28T10:00[", "2025-05-28T10:00]"}) {
        INFO(text);
        CHECK_FALSE(parse::parseValue(ValueType::DateTime, text).has_value());
    }
    for (const char* text : {"P", "PT", "P1Y2X", "P1D2Y", "PT1H2H", "1D", "P1.D", "P99999999999999999999D", "P1DT"}) {
        INFO(text);
        CHECK_FALSE(parse::parseValue(ValueType::Duration, text).has_value());
    }
}
