// The CSV reader: RFC 4180 quoting, line numbers, dialects, and opening (gzip) input files.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "loaders/csv_reader.hpp"
#include "test_gzip.hpp"
#include "test_support.hpp"

using newsgraph::CsvDialect;
using newsgraph::CsvReader;

namespace {

struct Record {
    uint64_t line;
    std::vector<std::string> fields;
    std::vector<bool> quoted;
    std::string error; // empty when none
};

// Reads all records of `text` at once.
std::vector<Record> readAll(const std::string& text, CsvDialect dialect = CsvDialect{}) {
    std::istringstream input(text);
    CsvReader reader(input, dialect);
    std::vector<Record> out;
    while (reader.next()) {
        Record record;
        record.line = reader.line();
        for (const newsgraph::CsvField& field : reader.fields()) {
            record.fields.emplace_back(field.text);
            record.quoted.push_back(field.quoted);
        }
        record.error = reader.error().value_or("");
        out.push_back(std::move(record));
    }
    return out;
}

using Fields = std::vector<std::string>;

} // namespace

TEST_CASE("CSV plain records and line numbers", "[loader]") {
    const auto records = readAll("a,b,c\n1,2,3\n,,\nx\n");
    REQUIRE(records.size() == 4U);
    CHECK(records[0].fields == Fields{"a", "b", "c"});
    CHECK(records[0].line == 1U);
    CHECK(records[1].fields == Fields{"1", "2", "3"});
    CHECK(records[1].line == 2U);
    CHECK(records[2].fields == Fields{"", "", ""});
    CHECK(records[2].quoted == std::vector<bool>{false, false, false});
    CHECK(records[3].fields == Fields{"x"});
    CHECK(records[3].line == 4U);
    for (const Record& record : records) {
        CHECK(record.error.empty());
    }
    // The last line needs no newline.
    const auto noNewline = readAll("a,b\n1,2");
    REQUIRE(noNewline.size() == 2U);
    CHECK(noNewline[1].fields == Fields{"1", "2"});
    CHECK(readAll("").empty());
}

TEST_CASE("CSV RFC 4180 quoting", "[loader]") {
    const auto records = readAll(
        "id,name,role\n"
        "hockey,\"Joseph Benedict \"\"Joe\"\" Hockey\",\"Activist (Palestinian Territory, Occupied)\"\n"
        "\"\",\"a,b,c\",\"\"\"\"\n"
        "plain \"inner\" quotes,x,\"\"\"quoted start\"\n");
    REQUIRE(records.size() == 4U);
    CHECK(records[1].fields == Fields{"hockey", "Joseph Benedict \"Joe\" Hockey", "Activist (Palestinian Territory, Occupied)"});
    CHECK(records[1].quoted == std::vector<bool>{false, true, true});
    CHECK(records[1].error.empty());
    // A quoted empty field is marked quoted; doubled quotes alone make one quote.
    CHECK(records[2].fields == Fields{"", "a,b,c", "\""});
    CHECK(records[2].quoted == std::vector<bool>{true, true, true});
    // A quote inside an unquoted field is an ordinary character.
    CHECK(records[3].fields == Fields{"plain \"inner\" quotes", "x", "\"quoted start"});
    CHECK(records[3].quoted == std::vector<bool>{false, false, true});
    CHECK(records[3].error.empty());
}

TEST_CASE("CSV multi-line quoted fields keep the starting line of the record", "[loader]") {
    const auto records = readAll(
        "id,text\n"               // line 1
        "a,\"first line\n"        // line 2
        "second line\n"           // line 3
        "\n"                      // line 4 (blank, inside quotes: kept)
        "fourth, with comma\"\n"  // line 5
        "b,single\n"              // line 6
        "c,\"x\n"                 // line 7
        "\"\n");                  // line 8
    REQUIRE(records.size() == 4U);
    CHECK(records[1].line == 2U);
    CHECK(records[1].fields == Fields{"a", "first line\nsecond line\n\nfourth, with comma"});
    CHECK(records[1].error.empty());
    CHECK(records[2].line == 6U);
    CHECK(records[2].fields == Fields{"b", "single"});
    CHECK(records[3].line == 7U);
    CHECK(records[3].fields == Fields{"c", "x\n"});
}

TEST_CASE("CSV CRLF line ends and a UTF-8 BOM and blank lines", "[loader]") {
    const auto crlf = readAll("a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n");
    REQUIRE(crlf.size() == 3U);
    CHECK(crlf[0].fields == Fields{"a", "b"});
    CHECK(crlf[1].fields == Fields{"1", "two\nlines"});
    CHECK(crlf[2].fields == Fields{"3", "4"});
    CHECK(crlf[2].line == 4U);

    const auto bom = readAll("\xEF\xBB\xBFid:ID,name\nx,\xEF\xBB\xBFy\n");
    REQUIRE(bom.size() == 2U);
    CHECK(bom[0].fields == Fields{"id:ID", "name"});
    CHECK(bom[1].fields == Fields{"x", "\xEF\xBB\xBFy"}); // only the file's first bytes are a BOM
    const auto quotedAfterBom = readAll("\xEF\xBB\xBF\"id\",name\n");
    REQUIRE(quotedAfterBom.size() == 1U);
    CHECK(quotedAfterBom[0].fields == Fields{"id", "name"});
    CHECK(quotedAfterBom[0].quoted == std::vector<bool>{true, false});

    const auto blanks = readAll("\n\na,b\n\n   \n\t\n1,2\r\n\r\n3,4\n\n");
    REQUIRE(blanks.size() == 3U);
    CHECK(blanks[0].line == 3U);
    CHECK(blanks[1].line == 7U);
    CHECK(blanks[1].fields == Fields{"1", "2"});
    CHECK(blanks[2].line == 9U);
    CHECK(blanks[2].fields == Fields{"3", "4"});
}

TEST_CASE("CSV quoting errors are reported on the record", "[loader]") {
    const auto unterminated = readAll("a,b\n1,\"never closed\n2,3\n");
    REQUIRE(unterminated.size() == 2U);
    CHECK(unterminated[0].error.empty());
    CHECK(unterminated[1].line == 2U);
    CHECK(unterminated[1].error == "unterminated quoted field (the file ends inside quotes)");
    CHECK(unterminated[1].fields == Fields{"1", "never closed\n2,3"});

    const auto trailing = readAll("a,b\n\"x\"y,z\nok,1\n");
    REQUIRE(trailing.size() == 3U);
    CHECK(trailing[1].error == "unexpected text after a closing quote");
    CHECK(trailing[1].fields.size() == 2U);
    CHECK(trailing[1].fields[1] == "z");
    // The next record is read normally again.
    CHECK(trailing[2].error.empty());
    CHECK(trailing[2].fields == Fields{"ok", "1"});
    CHECK(trailing[2].line == 3U);

    const auto spaceAfter = readAll("\"x\" ,y\n");
    REQUIRE(spaceAfter.size() == 1U);
    CHECK(spaceAfter[0].error == "unexpected text after a closing quote");
}

TEST_CASE("CSV tab dialect without quoting", "[loader]") {
    const CsvDialect tabs{'\t', false};
    const auto records = readAll("id\tname\tnote\n1\t\"quoted\"\ta,b\n2\t\"open\t\n", tabs);
    REQUIRE(records.size() == 3U);
    CHECK(records[0].fields == Fields{"id", "name", "note"});
    CHECK(records[1].fields == Fields{"1", "\"quoted\"", "a,b"});
    CHECK(records[1].quoted == std::vector<bool>{false, false, false});
    CHECK(records[1].error.empty());
    CHECK(records[2].fields == Fields{"2", "\"open", ""});
    CHECK(records[2].error.empty());
    CHECK(records[2].line == 3U);

    // The same text with quoting on reads the quoted field.
    const CsvDialect quotedTabs{'\t', true};
    const auto quoted = readAll("1\t\"a\tb\"\n", quotedTabs);
    REQUIRE(quoted.size() == 1U);
    CHECK(quoted[0].fields == Fields{"1", "a\tb"});
}

TEST_CASE("openInput reads plain and gzip files", "[loader]") {
    const newsgraph::testing::TempDir dir;
    const std::string text = "id:ID,name\nchina,China\napt31,\"APT31, also ZIRCONIUM\"\n";
    const std::string plain = dir.write("plain.csv", text);
    const std::string gzipped = dir.write("nodes.csv.gz", newsgraph::testing::gzipCompress(text));
    {
        std::ifstream raw(gzipped, std::ios::binary);
        REQUIRE(raw.get() == 0x1f);
        REQUIRE(raw.get() == 0x8b);
    }

    for (const std::string& path : {plain, gzipped}) {
        INFO(path);
        std::string error;
        std::unique_ptr<std::istream> input = newsgraph::openInput(path, error);
        REQUIRE(input != nullptr);
        CHECK(error.empty());
        CsvReader reader(*input, CsvDialect{});
        std::vector<Fields> rows;
        while (reader.next()) {
            rows.emplace_back();
            for (const auto& field : reader.fields()) {
                rows.back().emplace_back(field.text);
            }
        }
        CHECK(rows == std::vector<Fields>{{"id:ID", "name"}, {"china", "China"}, {"apt31", "APT31, also ZIRCONIUM"}});
    }

    // An empty file opens (and has no records).
    std::string error;
    auto empty = newsgraph::openInput(dir.write("empty.csv", ""), error);
    REQUIRE(empty != nullptr);
    CsvReader reader(*empty, CsvDialect{});
    CHECK_FALSE(reader.next());
}

TEST_CASE("openInput signals a corrupt gzip file through the stream state", "[loader]") {
    const newsgraph::testing::TempDir dir;
    std::string text = "id:ID,name\n";
    for (int i = 0; i < 500; ++i) {
        text += "n" + std::to_string(i) + ",Name " + std::to_string(i) + "\n";
    }
    const std::string compressed = newsgraph::testing::gzipCompress(text);
    std::string badCrc = compressed;
    badCrc[badCrc.size() - 6] = static_cast<char>(badCrc[badCrc.size() - 6] ^ 0x55); // inside the CRC-32
    for (const auto& [name, bytes] : {std::pair{"full.csv.gz", compressed},
                                      std::pair{"truncated.csv.gz", compressed.substr(0, compressed.size() / 2)},
                                      std::pair{"bad-crc.csv.gz", badCrc}}) {
        INFO(name);
        std::string error;
        std::unique_ptr<std::istream> input = newsgraph::openInput(dir.write(name, bytes), error);
        REQUIRE(input != nullptr);
        std::string line;
        size_t lines = 0;
        while (std::getline(*input, line)) {
            ++lines;
        }
        const bool intact = std::string(name) == "full.csv.gz";
        CHECK(input->bad() == !intact); // the decompressor's error ends the stream with badbit
        CHECK(input->eof() == intact);
        if (intact) {
            CHECK(lines == 501U);
        } else if (std::string(name) == "truncated.csv.gz") {
            CHECK(lines < 501U); // the second half of the data is missing
        } else {
            CHECK(lines <= 501U); // a bad CRC is noticed at the end, possibly before the last lines are out
        }
    }
}

TEST_CASE("CsvReader tells a read error from the end of the input", "[loader]") {
    const newsgraph::testing::TempDir dir;
    std::string text = "id:ID,name\n";
    for (int i = 0; i < 500; ++i) {
        text += "n" + std::to_string(i) + ",Name " + std::to_string(i) + "\n";
    }
    const std::string compressed = newsgraph::testing::gzipCompress(text);
    for (const auto& [name, bytes] : {std::pair{"full.csv.gz", compressed},
                                      std::pair{"truncated.csv.gz", compressed.substr(0, compressed.size() / 2)}}) {
        INFO(name);
        std::string error;
        std::unique_ptr<std::istream> input = newsgraph::openInput(dir.write(name, bytes), error);
        REQUIRE(input != nullptr);
        CsvReader reader(*input, CsvDialect{});
        size_t records = 0;
        while (reader.next()) {
            ++records;
        }
        if (std::string(name) == "full.csv.gz") {
            CHECK(records == 501U);
            CHECK_FALSE(reader.readError().has_value());
        } else {
            CHECK(records < 501U);
            REQUIRE(reader.readError().has_value());
            CHECK(reader.readError()->rfind("cannot read the file to its end: ", 0) == 0U);
            CHECK_FALSE(reader.next()); // and it stays at the end
        }
    }
    // A plain stream that simply ends has no read error.
    std::istringstream plain("a,b\n1,2\n");
    CsvReader reader(plain, CsvDialect{});
    size_t records = 0;
    while (reader.next()) {
        ++records;
    }
    CHECK(records == 2U);
    CHECK_FALSE(reader.readError().has_value());
}

TEST_CASE("openInput on a missing file or a directory", "[loader]") {
    const newsgraph::testing::TempDir dir;
    std::string error;
    CHECK(newsgraph::openInput(dir.file("missing.csv"), error) == nullptr);
    CHECK(error == std::strerror(ENOENT));
    CHECK(error == "No such file or directory");

    std::string dirError;
    CHECK(newsgraph::openInput(dir.path().string(), dirError) == nullptr);
    CHECK(dirError == "is a directory, not a file");
}
