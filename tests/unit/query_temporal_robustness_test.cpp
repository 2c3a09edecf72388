// Robustness of the temporal constructors (engine/function/temporal_*), through the whole query
// pipeline: mutated ISO text and random maps give a value or a QueryError, never a crash.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "engine/function/temporal_parse.hpp"
#include "query/database.hpp"

using newsgraph::ValueType;
namespace parse = newsgraph::temporalparse;

// Mutations of valid ISO texts (bytes flipped, dropped, repeated, digits pushed to extremes) and
// random maps: every constructor answers a value or a QueryError, never a crash or UB (this test
// runs under ASan and UBSan in the sanitizer build).
TEST_CASE("Temporal constructors survive mutated text and random maps", "[temporal][robustness]") {
    const std::vector<std::string> seeds = {
        "2015-07-21T21:40:32.142+01:00[Europe/Stockholm]", "2015-W30-2T214032.142Z", "P12Y5M14DT16H12M70S",
        "P2012-02-02T14:37:21.545", "21:40:32.142+0100", "-0044-03-15", "PT-1.5S", "P0.75M", "2015202T21+18:00",
        "99999999999-01-01", "PT99999999999999999999S", "P1.5Y2.5M3.5W4.5DT5.5H6.5M7.5S"};
    const std::string alphabet = "0123456789-+:.,TZWPYMDHS[]/ _aeEx\xff";
    const std::vector<const char*> functions = {"date", "localtime", "time", "localdatetime", "datetime", "duration"};
    newsgraph::Database database;
    std::mt19937_64 engine(20251203);
    auto pick = [&](size_t n) { return static_cast<size_t>(std::uniform_int_distribution<size_t>(0, n - 1)(engine)); };
    size_t values = 0;
    size_t errors = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string text = seeds[pick(seeds.size())];
        const size_t edits = 1 + pick(4);
        for (size_t e = 0; e < edits && !text.empty(); ++e) {
            const size_t at = pick(text.size());
            switch (pick(4)) {
            case 0: text[at] = alphabet[pick(alphabet.size())]; break;
            case 1: text.erase(at, 1); break;
            case 2: text.insert(at, std::string(1 + pick(12), text[at])); break;
            default: text.insert(at, "9999999999"); break;
            }
        }
        for (const ValueType type : {ValueType::Date, ValueType::LocalTime, ValueType::Time, ValueType::LocalDateTime,
                                     ValueType::DateTime, ValueType::Duration}) {
            if (const auto parsed = parse::parseValue(type, text)) {
                INFO(text);
                CHECK(parse::parseValue(type, parsed->temporalString()) == parsed); // what reads, prints back
            }
        }
        const std::string query =
            fmt::format("RETURN {}({})", functions[pick(functions.size())], newsgraph::quoteString(text));
        try {
            database.execute(query);
            ++values;
        } catch (const newsgraph::QueryError&) {
            ++errors;
        }
    }
    const std::vector<std::string> keys = {"year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter",
                                           "dayOfQuarter", "hour", "minute", "second", "millisecond", "microsecond",
                                           "nanosecond", "timezone", "years", "months", "days", "seconds", "nanoseconds"};
    const std::vector<std::string> numbers = {"0", "1", "-1", "59", "60", "1000000", "-1000000000", "2.5", "-0.5",
                                              "9223372036854775807", "1e300", "'Europe/Prague'", "'+25:00'", "null"};
    for (int i = 0; i < 3000; ++i) {
        std::string map = "{";
        const size_t entries = 1 + pick(5);
        for (size_t e = 0; e < entries; ++e) {
            map += fmt::format("{}{}: {}", e == 0 ? "" : ", ", keys[pick(keys.size())], numbers[pick(numbers.size())]);
        }
        map += "}";
        const std::string query = fmt::format("RETURN {}({}) AS v", functions[pick(functions.size())], map);
        try {
            const auto result = database.execute(query);
            if (!result.rows.empty() && isTemporal(result.rows[0][0].type())) {
                ++values;
            }
        } catch (const newsgraph::QueryError&) {
            ++errors;
        }
    }
    CHECK(values > 0);
    CHECK(errors > 0);
}
