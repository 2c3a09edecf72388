// Values, dates, UTF-8 validation and the core count: engine/common.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/cores.hpp"
#include "engine/common/date.hpp"
#include "engine/common/utf8.hpp"
#include "engine/common/value.hpp"

using newsgraph::Date;
using newsgraph::Value;
using newsgraph::ValueType;

namespace {

// Parses text that must be a valid date.
Date mustParse(std::string_view text) {
    const std::optional<Date> date = Date::parse(text);
    REQUIRE(date.has_value());
    return *date;
}

// The bytes of `text` in hex, for failure messages about invalid UTF-8.
std::string hexBytes(std::string_view text) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char byte : text) {
        out += out.empty() ? "" : " ";
        out.push_back(kDigits[byte >> 4U]);
        out.push_back(kDigits[byte & 0xFU]);
    }
    return out;
}

} // namespace

TEST_CASE("Date parse and format round trip", "[value]") {
    for (const char* text : {"2025-05-28", "1970-01-01", "1969-12-31", "2000-01-01", "0001-01-01", "0000-03-01",
                             "9999-12-31", "-0044-03-15", "-9999-01-01", "2024-02-29", "2000-02-29"}) {
        INFO(text);
        const Date date = mustParse(text);
        CHECK(date.toString() == text);
        CHECK(Date::fromDays(date.days()).toString() == text);
    }
}

TEST_CASE("Date components and day numbers", "[value]") {
    const Date epoch = mustParse("1970-01-01");
    CHECK(epoch.days() == 0);
    CHECK(mustParse("1970-01-02").days() == 1);
    CHECK(mustParse("1969-12-31").days() == -1);
    CHECK(mustParse("2000-03-01").days() == 11017);
    CHECK(mustParse("2025-05-28").days() == 20236);

    const Date seed = mustParse("2025-05-28");
    CHECK(seed.year() == 2025);
    CHECK(seed.month() == 5U);
    CHECK(seed.day() == 28U);

    const Date old = mustParse("-0044-03-15");
    CHECK(old.year() == -44);
    CHECK(old.month() == 3U);
    CHECK(old.day() == 15U);

    REQUIRE(Date::fromCivil(2025, 5, 28).has_value());
    CHECK(*Date::fromCivil(2025, 5, 28) == seed);
    CHECK_FALSE(Date::fromCivil(10000, 1, 1).has_value());
    CHECK_FALSE(Date::fromCivil(-10000, 12, 31).has_value());
    CHECK(Date::fromCivil(Date::kMaxYear, 12, 31).has_value());
    CHECK(Date::fromCivil(Date::kMinYear, 1, 1).has_value());
}

TEST_CASE("Date leap years", "[value]") {
    CHECK(Date::parse("2024-02-29").has_value());
    CHECK(Date::parse("2000-02-29").has_value());
    CHECK_FALSE(Date::parse("2023-02-29").has_value());
    CHECK_FALSE(Date::parse("1900-02-29").has_value());
    CHECK_FALSE(Date::parse("2024-02-30").has_value());
    CHECK(Date::parse("-0004-02-29").has_value());
    CHECK_FALSE(Date::parse("-0100-02-29").has_value());
    CHECK(Date::parse("-0400-02-29").has_value());

    CHECK(newsgraph::isLeapYear(2024));
    CHECK(newsgraph::isLeapYear(2000));
    CHECK(newsgraph::isLeapYear(0));
    CHECK_FALSE(newsgraph::isLeapYear(1900));
    CHECK_FALSE(newsgraph::isLeapYear(2023));
    CHECK(newsgraph::daysInMonth(2024, 2) == 29U);
    CHECK(newsgraph::daysInMonth(2023, 2) == 28U);
    CHECK(newsgraph::daysInMonth(2023, 4) == 30U);
    CHECK(newsgraph::daysInMonth(2023, 12) == 31U);
    // The day after 2024-02-28 is 2024-02-29, and 2024-03-01 after that.
    CHECK(mustParse("2024-02-29").days() == mustParse("2024-02-28").days() + 1);
    CHECK(mustParse("2024-03-01").days() == mustParse("2024-02-29").days() + 1);
    CHECK(mustParse("2023-03-01").days() == mustParse("2023-02-28").days() + 1);
}

TEST_CASE("Date day numbers and civil dates agree over the whole range", "[value]") {
    // Every day from -9999-01-01 to 9999-12-31: consecutive day numbers are consecutive calendar
    // dates, and formatting and parsing round-trip.
    const int32_t first = mustParse("-9999-01-01").days();
    const int32_t last = mustParse("9999-12-31").days();
    CHECK(last - first + 1 == 7304484); // 19999 years, 4849 of them leap years
    size_t wrong = 0;
    std::string firstWrong;
    int32_t year = -9999;
    uint32_t month = 1;
    uint32_t day = 1;
    for (int32_t days = first; days <= last; ++days) {
        const Date date = Date::fromDays(days);
        const std::optional<Date> expected = Date::fromCivil(year, month, day);
        bool ok = expected.has_value() && *expected == date && date.year() == year && date.month() == month &&
                  date.day() == day;
        if (days % 101 == 0 || day == 1) { // formatting costs more: a sample of days, every first of a month
            ok = ok && Date::parse(date.toString()) == std::optional<Date>(date);
        }
        if (!ok) {
            if (wrong == 0) {
                firstWrong = date.toString() + " (day " + std::to_string(days) + ")";
            }
            ++wrong;
        }
        if (++day > newsgraph::daysInMonth(year, month)) {
            day = 1;
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
    }
    INFO("first wrong: " << firstWrong);
    CHECK(wrong == 0U);
}

TEST_CASE("Date parse rejects malformed text", "[value]") {
    for (const char* text : {"2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32", "2025-04-31", "2025-5-28",
                             "2025-05-2", "25-05-28", "2025-05-280", "12025-05-28", "2025/05/28", "2025-05-28 ",
                             " 2025-05-28", "+2025-05-28", "2025-0a-28", "abcd-ef-gh", "", "-", "--025-05-28",
                             "2025-05-28T00:00"}) {
        INFO("'" << text << "'");
        CHECK_FALSE(Date::parse(text).has_value());
    }
}

TEST_CASE("Date ordering follows the calendar", "[value]") {
    const std::vector<std::string> ascending = {"-9999-01-01", "-0044-03-15", "0000-12-31", "0001-01-01",
                                                "1969-12-31",  "1970-01-01",  "2024-02-29", "2025-05-27",
                                                "2025-05-28",  "2025-06-01",  "9999-12-31"};
    for (size_t i = 0; i + 1 < ascending.size(); ++i) {
        INFO(ascending[i] << " < " << ascending[i + 1]);
        const Date earlier = mustParse(ascending[i]);
        const Date later = mustParse(ascending[i + 1]);
        CHECK(earlier < later);
        CHECK(later > earlier);
        CHECK(earlier != later);
        CHECK(earlier.days() < later.days());
    }
    CHECK(mustParse("2025-05-28") == mustParse("2025-05-28"));
    CHECK(mustParse("2025-05-28") <= mustParse("2025-05-28"));
}

TEST_CASE("Value toString writes Cypher literals", "[value]") {
    CHECK(Value().toString() == "null");
    CHECK(Value(true).toString() == "true");
    CHECK(Value(false).toString() == "false");
    CHECK(Value(42).toString() == "42");
    CHECK(Value(int64_t{-7}).toString() == "-7");
    CHECK(Value(1.0).toString() == "1.0");
    CHECK(Value(-3.0).toString() == "-3.0");
    CHECK(Value(0.5).toString() == "0.5");
    CHECK(Value(1e300).toString() == "1e+300");
    CHECK(Value(std::numeric_limits<double>::quiet_NaN()).toString() == "NaN");
    CHECK(Value(std::numeric_limits<double>::infinity()).toString() == "Infinity");
    CHECK(Value(-std::numeric_limits<double>::infinity()).toString() == "-Infinity");
    CHECK(Value("abc").toString() == "'abc'");
    CHECK(Value("it's").toString() == "'it\\'s'");
    CHECK(Value("back\\slash").toString() == "'back\\\\slash'");
    CHECK(Value("two\nlines\ttab").toString() == "'two\\nlines\\ttab'");
    CHECK(Value(std::string()).toString() == "''");
    CHECK(Value(mustParse("2025-05-28")).toString() == "date('2025-05-28')");
    CHECK(Value(Value::List{}).toString() == "[]");
    CHECK(Value(Value::List{Value(1), Value(2)}).toString() == "[1, 2]");
    CHECK(Value(Value::List{Value("a"), Value(), Value(1.5), Value(Value::List{Value(true)})}).toString() ==
          "['a', null, 1.5, [true]]");
    CHECK(Value::map({}).toString() == "{}");
    CHECK(Value::map({{"b", Value(2)}, {"a", Value(1)}, {"c", Value("x")}}).toString() == "{a: 1, b: 2, c: 'x'}");
    CHECK(Value::map({{"inner", Value::map({{"z", Value()}, {"y", Value(1.0)}})}}).toString() ==
          "{inner: {y: 1.0, z: null}}");
    CHECK(Value(newsgraph::NodeRef{3}).toString() == "node(3)");
    CHECK(Value(newsgraph::RelRef{4}).toString() == "relationship(4)");
}

TEST_CASE("formatFloat always shows a float", "[value]") {
    CHECK(newsgraph::formatFloat(123.0) == "123.0");
    CHECK(newsgraph::formatFloat(-0.0) == "-0.0");
    CHECK(newsgraph::formatFloat(0.1 + 0.2) == "0.30000000000000004");
    CHECK(newsgraph::formatFloat(1e16) == "1e+16");
    CHECK(newsgraph::formatFloat(1e-5) == "1e-05");
    CHECK(newsgraph::formatFloat(2.5e-300) == "2.5e-300");
    CHECK(newsgraph::quoteString("a'b\\c\r") == "'a\\'b\\\\c\\r'");
}

TEST_CASE("Value types and accessors", "[value]") {
    CHECK(Value().type() == ValueType::Null);
    CHECK(Value().isNull());
    CHECK(Value(true).type() == ValueType::Bool);
    CHECK(Value(42).type() == ValueType::Int);
    CHECK(Value(42).asInt() == 42);
    CHECK(Value(0.25).type() == ValueType::Float);
    CHECK(Value("x").type() == ValueType::String);
    CHECK(Value(mustParse("2025-05-28")).type() == ValueType::Date);
    CHECK(Value(Value::List{}).type() == ValueType::List);
    CHECK(Value::map({}).type() == ValueType::Map);
    CHECK(std::string(newsgraph::valueTypeName(ValueType::String)) == "STRING");
    CHECK(std::string(newsgraph::valueTypeName(ValueType::Map)) == "MAP");

    // Copies are deep: changing the copy's list leaves the original alone.
    const Value original(Value::List{Value(1), Value(2)});
    Value copy = original;
    CHECK(copy == original);
    copy = Value(Value::List{Value(1)});
    CHECK(original.asList().size() == 2U);
}

TEST_CASE("Value structural equality and hash agree", "[value]") {
    const std::vector<Value> values = {
        Value(),
        Value(true),
        Value(false),
        Value(0),
        Value(1),
        Value(0.0),
        Value(1.0),
        Value(0.5),
        Value(""),
        Value("1"),
        Value("a"),
        Value(mustParse("2025-05-28")),
        Value(mustParse("2025-05-29")),
        Value(Value::List{}),
        Value(Value::List{Value(1)}),
        Value(Value::List{Value(1.0)}),
        Value(Value::List{Value(1), Value(2)}),
        Value(Value::List{Value(2), Value(1)}),
        Value::map({}),
        Value::map({{"a", Value(1)}}),
        Value::map({{"a", Value(2)}}),
        Value::map({{"b", Value(1)}}),
        Value(newsgraph::NodeRef{1}),
        Value(newsgraph::RelRef{1}),
    };
    // Every value equals a copy of itself (with the same hash) and no other value of the list.
    for (size_t i = 0; i < values.size(); ++i) {
        const Value copy = values[i];
        INFO("value " << values[i].toString());
        CHECK(values[i] == copy);
        CHECK(values[i].hash() == copy.hash());
        CHECK(newsgraph::ValueHash{}(values[i]) == values[i].hash());
        for (size_t j = 0; j < values.size(); ++j) {
            if (i != j) {
                INFO("other " << values[j].toString());
                CHECK_FALSE(values[i] == values[j]);
            }
        }
    }
    // Equal values built separately hash the same.
    const Value left = Value::map({{"x", Value(Value::List{Value("a"), Value("b")})}, {"d", Value(mustParse("2000-02-29"))}});
    const Value right = Value::map({{"d", Value(mustParse("2000-02-29"))}, {"x", Value(Value::List{Value("a"), Value("b")})}});
    CHECK(left == right);
    CHECK(left.hash() == right.hash());
    CHECK(Value(int64_t{5}) == Value(5));
    CHECK(Value(int64_t{5}).hash() == Value(5).hash());
    CHECK(Value(0.0) == Value(-0.0));
    CHECK(Value(0.0).hash() == Value(-0.0).hash());
    // An int and a float of the same magnitude are different values.
    CHECK_FALSE(Value(1) == Value(1.0));
}

TEST_CASE("Value map sorts keys and keeps the last duplicate", "[value]") {
    const Value map = Value::map({{"b", Value(1)}, {"a", Value(2)}, {"b", Value(3)}, {"c", Value(4)}, {"a", Value(5)}});
    const Value::Map& entries = map.asMap();
    REQUIRE(entries.size() == 3U);
    CHECK(entries[0].first == "a");
    CHECK(entries[0].second == Value(5));
    CHECK(entries[1].first == "b");
    CHECK(entries[1].second == Value(3));
    CHECK(entries[2].first == "c");
    CHECK(entries[2].second == Value(4));
    CHECK(map.toString() == "{a: 5, b: 3, c: 4}");
    REQUIRE(map.find("b") != nullptr);
    CHECK(*map.find("b") == Value(3));
    CHECK(map.find("d") == nullptr);
    CHECK(map.find("") == nullptr);
    CHECK(map == Value::map({{"c", Value(4)}, {"b", Value(3)}, {"a", Value(5)}}));
}

TEST_CASE("findInvalidUtf8 accepts valid text", "[value]") {
    CHECK_FALSE(newsgraph::findInvalidUtf8("").has_value());
    CHECK_FALSE(newsgraph::findInvalidUtf8("plain ASCII, with punctuation!").has_value());
    CHECK_FALSE(newsgraph::findInvalidUtf8("Lipavsk\xC3\xBD").has_value());                  // ý (2 bytes)
    CHECK_FALSE(newsgraph::findInvalidUtf8("China\xE2\x80\x99s").has_value());               // ’ (3 bytes)
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xF0\x9F\x98\x80 emoji").has_value());           // U+1F600 (4 bytes)
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xC2\x80").has_value());                         // U+0080
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xDF\xBF").has_value());                         // U+07FF
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xE0\xA0\x80").has_value());                     // U+0800
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xED\x9F\xBF").has_value());                     // U+D7FF
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xEE\x80\x80").has_value());                     // U+E000
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xEF\xBF\xBF").has_value());                     // U+FFFF
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xF0\x90\x80\x80").has_value());                 // U+10000
    CHECK_FALSE(newsgraph::findInvalidUtf8("\xF4\x8F\xBF\xBF").has_value());                 // U+10FFFF
    CHECK_FALSE(newsgraph::findInvalidUtf8(std::string_view("nul\0inside", 10)).has_value()); // U+0000 is valid
}

TEST_CASE("findInvalidUtf8 reports the offset of the first bad byte", "[value]") {
    struct Case {
        std::string text;
        size_t offset;
    };
    const std::vector<Case> cases = {
        {"\xC0\x80", 0},                 // overlong NUL
        {"ab\xC0\x80", 2},               // overlong after ASCII
        {"\xC1\xBF", 0},                 // overlong U+007F
        {"x\xE0\x80\x80", 1},            // overlong 3-byte
        {"xy\xE0\x9F\xBF", 2},           // overlong U+07FF as 3 bytes
        {"\xF0\x8F\xBF\xBF", 0},         // overlong 4-byte
        {"abc\xED\xA0\x80", 3},          // surrogate U+D800
        {"\xED\xBF\xBF", 0},             // surrogate U+DFFF
        {"\xF4\x90\x80\x80", 0},         // U+110000
        {"ok \xF5\x80\x80\x80", 3},      // lead byte beyond U+10FFFF
        {"\xFF", 0},
        {"\xFE", 0},
        {"\xC3", 0},                     // truncated 2-byte at the end
        {"abc\xE2\x82", 3},              // truncated 3-byte at the end
        {"\xF0\x9F\x98", 0},             // truncated 4-byte at the end
        {"\xE2\x82" "A", 0},             // truncated 3-byte followed by ASCII
        {"\xF0\x9F\x98 ", 0},            // truncated 4-byte followed by a space
        {"\x80", 0},                     // lone continuation byte
        {"a\xBF" "b", 1},
        {"\xC3\xBD\x80", 2},             // continuation after a complete sequence
        {"\xC3(", 0},                    // bad second byte
        {"\xC3\xBD ok \xE2\x80\x99 \xC0", 10},
    };
    for (const Case& c : cases) {
        INFO("bytes " << hexBytes(c.text) << ", expected offset " << c.offset);
        const std::optional<size_t> offset = newsgraph::findInvalidUtf8(c.text);
        REQUIRE(offset.has_value());
        CHECK(*offset == c.offset);
    }
}

TEST_CASE("Value copies share a list or map instead of copying it, and stay equal", "[value]") {
    Value::List items;
    for (int i = 0; i < 1000; ++i) {
        items.emplace_back(i);
    }
    const Value list(std::move(items));
    const Value copy = list; // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(&copy.asList() == &list.asList());
    CHECK(copy == list);
    CHECK(copy.hash() == list.hash());
    Value assigned;
    assigned = copy;
    CHECK(&assigned.asList() == &list.asList());
    const Value map = Value::map({{"a", list}, {"b", Value(1)}});
    const Value mapCopy = map; // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(&mapCopy.asMap() == &map.asMap());
    CHECK(&map.find("a")->asList() == &list.asList());
    Value moved = std::move(assigned);
    CHECK(moved == list);
}

TEST_CASE("availableCores honours a cgroup's CPU quota", "[value]") {
    using newsgraph::coresFromCpuMax;
    using newsgraph::coresFromQuota;
    CHECK(coresFromCpuMax("max 100000\n") == std::nullopt);
    CHECK(coresFromCpuMax("200000 100000\n") == 2U);
    CHECK(coresFromCpuMax("150000 100000") == 2U); // a core and a half rounds up
    CHECK(coresFromCpuMax("50000 100000") == 1U);
    CHECK(coresFromCpuMax("") == std::nullopt);
    CHECK(coresFromCpuMax("x 100000") == std::nullopt);
    CHECK(coresFromCpuMax("100000 0") == std::nullopt);
    CHECK(coresFromQuota(-1, 100000) == std::nullopt);
    CHECK(coresFromQuota(400000, 100000) == 4U);
    CHECK(newsgraph::availableCores() >= 1U);
}
