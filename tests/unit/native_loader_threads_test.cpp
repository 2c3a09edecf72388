// The native relationship reader with records parsed on a second thread (LoadOptions::threads =
// 2) against the same load on one thread: the same graph and the same rejects, in file order,
// bad records placed around the batch boundaries; the same strict-mode failure.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "engine/storage/graph_builder.hpp"
#include "loaders/native_loader.hpp"
#include "test_support.hpp"

namespace {

using newsgraph::GraphBuilder;
using newsgraph::LoadOptions;
using newsgraph::LoadReport;
using newsgraph::testing::snapshot;
using newsgraph::testing::TempDir;

constexpr size_t kBatch = 4096; // native_relationships.cpp's kBatchRows
constexpr int kActors = 50;

// A dataset of kActors nodes and `rows` relationships; the records whose index is in `bad` are
// broken in one of several ways, and some good ones hold quoted fields spanning lines.
std::string writeDataset(const TempDir& dir, size_t rows, const std::vector<size_t>& bad) {
    std::ofstream(dir.file("manifest.txt")) << "nodes actors.csv\nrelationships events.csv\n";
    std::ofstream actors(dir.file("actors.csv"));
    actors << ":ID,name,:LABEL\n";
    for (int i = 0; i < kActors; ++i) {
        actors << i << ",Actor " << i << ",Actor\n";
    }
    std::ofstream events(dir.file("events.csv"));
    events << ":START_ID,:END_ID,:TYPE,code,goldstein:float,date:date,note\n";
    for (size_t i = 0; i < rows; ++i) {
        const size_t kind = std::find(bad.begin(), bad.end(), i) == bad.end() ? 0 : 1 + (i % 5);
        const int from = static_cast<int>(i % kActors);
        const int to = static_cast<int>((i * 7) % kActors);
        switch (kind) {
        case 0:
            events << fmt::format("{},{},{},{:03},{}.5,2018-01-{:02},{}\n", from, to, i % 3 == 0 ? "ACCUSE" : "PRAISE",
                                  i % 200, static_cast<int>(i % 10) - 5, 1 + i % 28,
                                  i % 97 == 0 ? "\"two\nlines, quoted\"" : "plain");
            break;
        case 1: events << fmt::format("{},{},ACCUSE,112\n", from, to); break;                     // too few fields
        case 2: events << fmt::format("{},{},ACCUSE,112,high,2018-01-01,x\n", from, to); break;   // not a float
        case 3: events << fmt::format("{},{},ACCUSE,112,1.0,2018-13-01,x\n", from, to); break;    // bad date
        case 4: events << fmt::format("{},999999,ACCUSE,112,1.0,2018-01-01,x\n", from); break;    // unknown end
        default: events << fmt::format("{},{},ACCUSE,112,1.0,2018-01-01,\xff\n", from, to); break; // invalid UTF-8
        }
    }
    return dir.path().string();
}

LoadOptions withThreads(unsigned threads, bool strict = false) {
    LoadOptions options;
    options.threads = threads;
    options.strict = strict;
    options.rejectsKept = 100;
    return options;
}

} // namespace

TEST_CASE("native relationships parsed on a second thread load exactly as on one", "[native][threads]") {
    const TempDir dir;
    const std::vector<size_t> bad{0, kBatch - 1, kBatch, kBatch + 1, 2 * kBatch - 1, 2 * kBatch, 3 * kBatch + 17};
    const size_t rows = 3 * kBatch + 100;
    const std::string path = writeDataset(dir, rows, bad);
    GraphBuilder one;
    GraphBuilder two;
    LoadReport oneReport;
    LoadReport twoReport;
    newsgraph::loadDataset(one, path, withThreads(1), oneReport);
    newsgraph::loadDataset(two, path, withThreads(2), twoReport);
    CHECK(oneReport.rowsRead == rows + kActors);
    CHECK(oneReport.relsCreated == rows - bad.size());
    CHECK(oneReport.rejected == bad.size());
    CHECK(twoReport.rowsRead == oneReport.rowsRead);
    CHECK(twoReport.relsCreated == oneReport.relsCreated);
    CHECK(twoReport.rejected == oneReport.rejected);
    REQUIRE(twoReport.rejects.size() == oneReport.rejects.size());
    for (size_t i = 0; i < oneReport.rejects.size(); ++i) {
        CHECK(twoReport.rejects[i].line == oneReport.rejects[i].line);
        CHECK(twoReport.rejects[i].reason == oneReport.rejects[i].reason);
    }
    CHECK(snapshot(one) == snapshot(two));
}

TEST_CASE("strict native load on two threads stops at the same record and changes nothing", "[native][threads]") {
    const TempDir dir;
    const std::string path = writeDataset(dir, 2 * kBatch + 10, {kBatch + 3});
    std::string messages[2];
    for (unsigned threads : {1U, 2U}) {
        GraphBuilder builder;
        LoadReport report;
        try {
            newsgraph::loadDataset(builder, path, withThreads(threads, true), report);
            FAIL("the strict load succeeded");
        } catch (const newsgraph::LoadError& error) {
            messages[threads - 1] = error.what();
        }
        CHECK(builder.nodeCount() == 0);
        CHECK(builder.relCount() == 0);
    }
    CHECK(messages[0] == messages[1]);
    CHECK_THAT(messages[0], Catch::Contains("events.csv"));
}
