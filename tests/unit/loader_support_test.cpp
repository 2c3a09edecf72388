// The pieces the news loaders share: the line and record readers, the name cache, the progress bar.
#include <catch2/catch.hpp>

#include <string>

#include "loaders/load_report.hpp"
#include "loaders/name_cache.hpp"
#include "loaders/progress.hpp"
#include "loaders/record_reader.hpp"
#include "test_gzip.hpp"
#include "test_support.hpp"

using newsgraph::LineReader;
using newsgraph::RecordDialect;
using newsgraph::RecordReader;
using newsgraph::testing::TempDir;

TEST_CASE("record reader: plain, quoted and multi-line records with their lines", "[loader][reader]") {
    TempDir dir;
    const std::string path = dir.write("x.csv", "\xEF\xBB\xBF" "a,b,c\r\n\n1,\"two, quoted\",3\n"
                                                "4,\"five\nlines \"\"quoted\"\"\",6\n7,8,\n9,\"x\"y,z\n10,\"open\n");
    LineReader lines(path);
    RecordReader records(lines, RecordDialect{',', true});
    REQUIRE(records.next());
    CHECK(records.fields() == std::vector<std::string_view>{"a", "b", "c"});
    CHECK(records.line() == 1);
    REQUIRE(records.next());
    CHECK(records.line() == 3);
    CHECK(records.fields() == std::vector<std::string_view>{"1", "two, quoted", "3"});
    REQUIRE(records.next());
    CHECK(records.line() == 4);
    CHECK(records.fields() == std::vector<std::string_view>{"4", "five\nlines \"quoted\"", "6"});
    CHECK_FALSE(records.error().has_value());
    REQUIRE(records.next());
    CHECK(records.line() == 6);
    CHECK(records.fields() == std::vector<std::string_view>{"7", "8", ""});
    REQUIRE(records.next());
    CHECK(records.error() == std::optional<std::string>("unexpected text after a closing quote"));
    REQUIRE(records.next());
    CHECK(records.line() == 8);
    CHECK_THAT(*records.error(), Catch::Contains("unterminated"));
    CHECK_FALSE(records.next());
}

TEST_CASE("line reader: gzip, a truncated stream and large read-ahead files", "[loader][reader]") {
    TempDir dir;
    std::string text;
    for (int i = 0; i < 200000; ++i) {
        text += "row " + std::to_string(i) + "\tsome text to make the file larger than the read-ahead threshold\n";
    }
    REQUIRE(text.size() > (size_t{4} << 20));
    const std::string plain = dir.write("big.tsv", text);
    const std::string compressed = newsgraph::testing::gzipCompress(text);
    const std::string gz = dir.write("big.tsv.gz", compressed);
    for (const std::string& path : {plain, gz}) {
        LineReader lines(path);
        std::string_view line;
        uint64_t count = 0;
        bool ordered = true;
        while (lines.next(line)) {
            ordered = ordered && line.substr(0, 4 + std::to_string(count).size()) == "row " + std::to_string(count);
            ++count;
        }
        CHECK(count == 200000);
        CHECK(ordered);
        CHECK_FALSE(lines.error().has_value());
        CHECK(lines.bytesRead() == lines.fileSize());
    }
    const std::string cut = dir.write("cut.tsv.gz", compressed.substr(0, compressed.size() - 100));
    LineReader lines(cut);
    std::string_view line;
    uint64_t count = 0;
    while (lines.next(line)) {
        ++count;
    }
    CHECK(count < 200000);
    REQUIRE(lines.error().has_value());
    CHECK_THAT(*lines.error(), Catch::Contains("truncated"));
    CHECK(lines.errorLine() == count + 1);
    CHECK_THROWS_AS(LineReader(dir.file("missing.tsv")), newsgraph::LoadError);
    CHECK_THROWS_AS(LineReader(dir.path().string()), newsgraph::LoadError);
}

TEST_CASE("field conversions", "[loader][reader]") {
    CHECK(newsgraph::parseInteger("+42") == 42);
    CHECK_FALSE(newsgraph::parseInteger("4x").has_value());
    CHECK(newsgraph::parseNumber("-4.5") == -4.5);
    CHECK_FALSE(newsgraph::parseNumber("nan").has_value());
    CHECK(newsgraph::parseCompactDate("20140218") == newsgraph::Date::parse("2014-02-18"));
    CHECK_FALSE(newsgraph::parseCompactDate("20140230").has_value());
    CHECK(newsgraph::parseUsDate("3/7/2022") == newsgraph::Date::parse("2022-03-07"));
    CHECK_FALSE(newsgraph::parseUsDate("13/45/2020").has_value());
    CHECK(newsgraph::isAscii("plain text, longer than eight bytes"));
    CHECK_FALSE(newsgraph::isAscii("caf\xC3\xA9 au lait"));
}

TEST_CASE("name cache", "[loader][reader]") {
    newsgraph::NameCache cache;
    for (uint32_t i = 0; i < 5000; ++i) {
        cache.insert("name " + std::to_string(i), i);
    }
    CHECK(cache.size() == 5000);
    CHECK(cache.find("name 0") == 0);
    CHECK(cache.find("name 4999") == 4999);
    CHECK(cache.find("name 5000") == newsgraph::NameCache::kMissing);
    CHECK(cache.find("") == newsgraph::NameCache::kMissing);
}

TEST_CASE("progress bar text", "[loader][reader]") {
    CHECK(newsgraph::Progress::render("gdelt", 50, 100, 1234567, 1.5) ==
          "[###############               ]  50% gdelt 1,234,567 rows 1.5 s");
    newsgraph::Progress quiet("test", 100); // not a terminal under ctest: draws nothing
    quiet.update(50, 10);
}
