// The GDELT loader with rows parsed on a second thread (LoadOptions::threads = 2) against the same
// load on one thread: the same graph, the same reports, the same strict-mode failure; and the
// ReadAhead hand-off underneath.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/storage/graph_builder.hpp"
#include "loaders/gdelt_rows.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/read_ahead.hpp"
#include "gdelt_test_rows.hpp"
#include "loader_test_support.hpp"
#include "test_gzip.hpp"
#include "test_support.hpp"

using newsgraph::GdeltStats;
using newsgraph::GraphBuilder;
using newsgraph::LoadOptions;
using newsgraph::LoadReport;
using newsgraph::Value;
using newsgraph::testing::shared;
using newsgraph::testing::snapshot;
using newsgraph::testing::TempDir;
using newsgraph::testing::v2Row;

namespace {

constexpr size_t kBatch = newsgraph::GdeltRowSource::kRows;

LoadOptions withThreads(unsigned threads, bool strict = false, size_t kept = 20) {
    LoadOptions options;
    options.strict = strict;
    options.rejectsKept = kept;
    options.threads = threads;
    return options;
}

struct Loaded {
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
};

void load(Loaded& out, const std::string& path, const LoadOptions& options) {
    newsgraph::loadGdelt(out.builder, path, options, out.report, out.stats);
}

// Everything two loads must agree on, but the time.
void requireSame(const Loaded& one, const Loaded& two) {
    CHECK(one.stats.threads == 1);
    CHECK(two.stats.threads == 2);
    CHECK(one.report.rowsRead == two.report.rowsRead);
    CHECK(one.report.nodesCreated == two.report.nodesCreated);
    CHECK(one.report.relsCreated == two.report.relsCreated);
    CHECK(one.report.merged == two.report.merged);
    CHECK(one.report.rejected == two.report.rejected);
    REQUIRE(one.report.rejects.size() == two.report.rejects.size());
    for (size_t i = 0; i < one.report.rejects.size(); ++i) {
        CHECK(one.report.rejects[i].file == two.report.rejects[i].file);
        CHECK(one.report.rejects[i].line == two.report.rejects[i].line);
        CHECK(one.report.rejects[i].reason == two.report.rejects[i].reason);
    }
    CHECK(one.stats.events == two.stats.events);
    CHECK(one.stats.duplicates == two.stats.duplicates);
    CHECK(one.stats.standInEndpoints == two.stats.standInEndpoints);
    CHECK(snapshot(one.builder) == snapshot(two.builder));
}

// Three batches and a bit: rows with a rotating set of actors (some first seen after a batch
// boundary, some missing), bad rows on line 1 and on both sides of the batch boundaries, and a
// GLOBALEVENTID repeated across a boundary.
std::string boundaryFile() {
    const std::vector<std::string> actors{"CHN", "USA", "", "RUS", "GOV", "NGA", "FRA"};
    std::string content;
    const size_t rows = 3 * kBatch + 10;
    for (size_t line = 1; line <= rows; ++line) {
        const std::string id = std::to_string(100000 + line);
        const std::string actor1 = actors[line % actors.size()];
        std::string actor2 = actors[(line / 7) % actors.size()];
        if (line > kBatch + 1 && line % 100 == 0) {
            actor2 = "ZZ" + std::to_string(line); // new actors first seen in later batches
        }
        const std::string code = line % 3 == 0 ? "043" : (line % 3 == 1 ? "112" : "1821");
        if (line == 1) {
            content += v2Row(id, "2015-02-18");
        } else if (line == kBatch - 1) {
            content += v2Row(id, "20150218", "abc");
        } else if (line == kBatch) {
            content += v2Row(id, "20150218", "2.8", "CH\xC3\x28N");
        } else if (line == kBatch + 1) {
            content += v2Row(id, "20150218", "2.8", "CHN", "USA", "1x2");
        } else if (line == kBatch + 4) {
            content += v2Row(std::to_string(100000 + kBatch - 6)); // a repeat of line kBatch - 6
        } else if (line == 2 * kBatch) {
            content += v2Row(id).substr(0, 40) + "\n"; // too few fields
        } else if (line == 2 * kBatch + 1) {
            content += v2Row(id, "20150218", "99");
        } else {
            content += v2Row(id, "20150218", std::to_string(static_cast<int>(line % 21) - 10), actor1, actor2, code);
        }
    }
    return content;
}

} // namespace

TEST_CASE("gdelt threads: two threads load the same graph and reports as one, bad rows at batch boundaries",
          "[loader][gdelt][threads]") {
    TempDir dir;
    const std::string path = dir.write("boundary.export.CSV", boundaryFile());
    Loaded one;
    Loaded two;
    load(one, path, withThreads(1));
    load(two, path, withThreads(2));
    requireSame(one, two);
    // What both must be: every line read, six rejected where they are, one repeat merged.
    CHECK(two.report.rowsRead == 3 * kBatch + 10);
    CHECK(two.report.rejected == 6);
    REQUIRE(two.report.rejects.size() == 6);
    const std::vector<uint64_t> lines{1, kBatch - 1, kBatch, kBatch + 1, 2 * kBatch, 2 * kBatch + 1};
    for (size_t i = 0; i < lines.size(); ++i) {
        CHECK(two.report.rejects[i].line == lines[i]);
        CHECK(two.report.rejects[i].file == path);
    }
    CHECK_THAT(two.report.rejects[0].reason, Catch::Contains("SQLDATE '2015-02-18'"));
    CHECK_THAT(two.report.rejects[1].reason, Catch::Contains("GoldsteinScale 'abc'"));
    CHECK_THAT(two.report.rejects[2].reason, Catch::Contains("invalid UTF-8 in field 6"));
    CHECK_THAT(two.report.rejects[3].reason, Catch::Contains("EventCode '1x2'"));
    CHECK_THAT(two.report.rejects[4].reason, Catch::Contains("expected 57, 58 or 61"));
    CHECK_THAT(two.report.rejects[5].reason, Catch::Contains("GoldsteinScale '99'"));
    CHECK(two.stats.duplicates == 1);
    CHECK(two.stats.events == 3 * kBatch + 10 - 6 - 1);
    // An actor first seen in the last batch.
    CHECK(two.builder.resolve(*two.builder.catalog().findLabel("Actor"), "ZZ" + std::to_string(3 * kBatch / 100 * 100)));

    // Only the first rejects kept, the same ones.
    Loaded keptOne;
    Loaded keptTwo;
    load(keptOne, path, withThreads(1, false, 3));
    load(keptTwo, path, withThreads(2, false, 3));
    requireSame(keptOne, keptTwo);
    CHECK(keptTwo.report.rejected == 6);
    REQUIRE(keptTwo.report.rejects.size() == 3);
    CHECK(keptTwo.report.rejects[2].line == kBatch);
}

TEST_CASE("gdelt threads: strict mode stops at the first bad row in a later batch, the graph unchanged",
          "[loader][gdelt][threads]") {
    TempDir dir;
    std::string content;
    const size_t bad = kBatch + 1; // the first row of the second batch
    for (size_t line = 1; line <= 12 * kBatch; ++line) {
        content += line == bad ? v2Row(std::to_string(line), "2015-13-40") : v2Row(std::to_string(line));
    }
    const std::string path = dir.write("strict.export.CSV", content);
    for (unsigned threads : {1U, 2U}) {
        GraphBuilder builder;
        builder.addNode({"Actor"}, {{"name", Value("existing")}});
        const auto before = snapshot(builder);
        LoadReport report;
        report.rowsRead = 7; // from an earlier load: restored
        GdeltStats stats;
        try {
            newsgraph::loadGdelt(builder, path, withThreads(threads, true), report, stats);
            FAIL("no LoadError with " << threads << " threads");
        } catch (const newsgraph::LoadError& error) {
            CHECK(error.line() == bad);
            CHECK(error.file() == path);
            CHECK_THAT(error.reason(), Catch::Contains("SQLDATE '2015-13-40'"));
        }
        CHECK(snapshot(builder) == before);
        CHECK(report.rowsRead == 7);
        CHECK(report.rejected == 0);
        CHECK(stats.events == 0);
    }
}

TEST_CASE("gdelt threads: a truncated gzip file reports the same rows and the same reject",
          "[loader][gdelt][threads]") {
    TempDir dir;
    std::string rows;
    for (size_t i = 1; i <= 3 * kBatch; ++i) {
        rows += v2Row(std::to_string(5000 + i), "20150218", "2.8", i % 5 == 0 ? "" : "CHN", i % 7 == 0 ? "RUS" : "USA");
    }
    const std::string compressed = newsgraph::testing::gzipCompress(rows);
    const std::string cut = dir.write("cut.export.CSV.gz", compressed.substr(0, compressed.size() * 2 / 3));
    Loaded one;
    Loaded two;
    load(one, cut, withThreads(1));
    load(two, cut, withThreads(2));
    requireSame(one, two);
    CHECK(two.stats.events > kBatch);
    CHECK(two.stats.events < 3 * kBatch);
    CHECK(two.report.rejected == 1);
    REQUIRE(two.report.rejects.size() == 1);
    CHECK(two.report.rejects[0].line == two.report.rowsRead + 1);
    CHECK_THAT(two.report.rejects[0].reason, Catch::Contains("truncated"));
    CHECK(two.report.rowsRead == two.stats.events);

    // Strict: the truncation is the first bad row.
    GraphBuilder builder;
    LoadReport report;
    CHECK_THROWS_AS(newsgraph::loadGdelt(builder, cut, withThreads(2, true), report), newsgraph::LoadError);
    CHECK(builder.relCount() == 0);
}

TEST_CASE("gdelt threads: the real files, TSV and the CSV variant, load the same on two threads",
          "[loader][gdelt][threads]") {
    REQUIRE_SHARED("gdelt_v2_events/20180326044500.export.CSV");
    REQUIRE_SHARED("gdelt_v1_events/westafrica_conflict_1979_1997/1985.csv.gz");
    for (const char* relative : {"gdelt_v2_events", "gdelt_v1_events/sample_20160728_and_1982.tsv",
                                 "gdelt_v1_events/westafrica_conflict_1979_1997"}) {
        INFO(relative);
        Loaded one;
        Loaded two;
        load(one, shared(relative), withThreads(1));
        load(two, shared(relative), withThreads(2));
        requireSame(one, two);
        CHECK(two.stats.events > 0);
        // Loaded again into the same graph: every row a duplicate, on both.
        GdeltStats againOne;
        GdeltStats againTwo;
        LoadReport reportOne;
        LoadReport reportTwo;
        newsgraph::loadGdelt(one.builder, shared(relative), withThreads(1), reportOne, againOne);
        newsgraph::loadGdelt(two.builder, shared(relative), withThreads(2), reportTwo, againTwo);
        CHECK(againTwo.events == 0);
        CHECK(againTwo.duplicates == againOne.duplicates);
        CHECK(againTwo.duplicates == two.stats.events + two.stats.duplicates);
        CHECK(snapshot(one.builder) == snapshot(two.builder));
    }
}

TEST_CASE("ReadAhead: items in order, the producer's exception after them, early stop", "[loader][threads]") {
    SECTION("order and exception") {
        int next = 0;
        newsgraph::ReadAhead<std::vector<int>> ahead(
            [&next](std::vector<int>& item) {
                if (next == 50) {
                    throw std::runtime_error("producer failed");
                }
                item.assign(3, next++);
                return true;
            },
            2);
        std::vector<int> item;
        for (int expected = 0; expected < 50; ++expected) {
            REQUIRE(ahead.take(item));
            CHECK(item == std::vector<int>(3, expected));
        }
        CHECK_THROWS_WITH(ahead.take(item), "producer failed");
    }
    SECTION("the end") {
        int next = 0;
        newsgraph::ReadAhead<int> ahead([&next](int& item) { item = next; return next++ < 10; }, 4);
        int item = -1;
        int count = 0;
        while (ahead.take(item)) {
            CHECK(item == count++);
        }
        CHECK(count == 10);
        CHECK_FALSE(ahead.take(item));
    }
    SECTION("a consumer that stops early stops an endless producer") {
        std::atomic<int> made{0};
        {
            newsgraph::ReadAhead<int> ahead([&made](int& item) { item = made++; return true; }, 3);
            int item = 0;
            REQUIRE(ahead.take(item));
            REQUIRE(ahead.take(item));
            CHECK(item == 1);
        } // joins here; a producer that ignored the stop would hang the test
        CHECK(made.load() <= 2 + 3 + 1);
    }
}

TEST_CASE("RecordReader: tab-split lines agree with a byte-by-byte split around the 16-byte blocks",
          "[loader][gdelt]") {
    // Lines of 0 to 70 bytes with tabs at pseudo-random places (runs of tabs, a tab first or last,
    // on both sides of every 16-byte boundary), split by the reader and by hand.
    std::string content;
    std::vector<std::vector<std::string>> expected;
    uint32_t state = 12345;
    for (size_t length = 1; length <= 70; ++length) {
        for (int variant = 0; variant < 8; ++variant) {
            std::string line;
            for (size_t i = 0; i < length; ++i) {
                state = state * 1103515245U + 12345U;
                const bool tab = ((state >> 16) % 4) == 0 || (variant == 1 && i % 16 == 15) || (variant == 2 && i % 16 == 0);
                line += tab ? '\t' : static_cast<char>('a' + (state >> 20) % 26);
            }
            std::vector<std::string> fields(1);
            for (char c : line) {
                if (c == '\t') {
                    fields.emplace_back();
                } else {
                    fields.back() += c;
                }
            }
            content += line + "\n";
            expected.push_back(std::move(fields));
        }
    }
    TempDir dir;
    const std::string path = dir.write("split.tsv", content);
    newsgraph::LineReader lines(path);
    newsgraph::RecordReader records(lines, newsgraph::RecordDialect{'\t', false});
    size_t at = 0;
    while (records.next()) {
        REQUIRE(at < expected.size());
        REQUIRE(records.size() == expected[at].size());
        for (size_t i = 0; i < records.size(); ++i) {
            CHECK(records[i] == expected[at][i]);
        }
        ++at;
    }
    CHECK(at == expected.size());
}
