// The GDELT loader on the real files of shared/datasets (GDELT 2.0 exports, the GDELT 1.0 sample,
// the West Africa CSV extract) and on malformed input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/record_reader.hpp"
#include "gdelt_test_rows.hpp"
#include "test_gzip.hpp"
#include "loader_test_support.hpp"
#include "test_support.hpp"

using newsgraph::GdeltStats;
using newsgraph::GraphBuilder;
using newsgraph::LoadOptions;
using newsgraph::LoadReport;
using newsgraph::NodeId;
using newsgraph::RelId;
using newsgraph::Value;
using newsgraph::testing::kLenient;
using newsgraph::testing::kStrict;
using newsgraph::testing::nodeValue;
using newsgraph::testing::relValue;
using newsgraph::testing::shared;
using newsgraph::testing::snapshot;
using newsgraph::testing::TempDir;
using newsgraph::testing::v2Row;

namespace {


std::optional<RelId> relWithEventId(const GraphBuilder& builder, int64_t eventId) {
    for (RelId rel = 0; rel < builder.relCount(); ++rel) {
        const Value id = relValue(builder, rel, "event_id");
        if (id.type() == newsgraph::ValueType::Int && id.asInt() == eventId) {
            return rel;
        }
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("gdelt: GDELT 2.0 export files, every row one relationship", "[loader][gdelt]") {
    REQUIRE_SHARED("gdelt_v2_events/20150218230000.export.CSV");
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
    newsgraph::loadGdelt(builder, shared("gdelt_v2_events/20150218230000.export.CSV"), kLenient, report, stats);
    CHECK(report.rowsRead == 2271);
    CHECK(report.rejected == 0);
    CHECK(stats.events + stats.duplicates == 2271);
    CHECK(builder.relCount() >= stats.events);
    CHECK(stats.standInEndpoints > 0);

    // 410412347: no Actor1, Actor2 GOV "PRESIDENT", 043 (Host a visit).
    const auto rel = relWithEventId(builder, 410412347);
    REQUIRE(rel.has_value());
    CHECK(builder.catalog().typeName(builder.relType(*rel)) == "HOST_A_VISIT");
    CHECK(relValue(builder, *rel, "code") == Value("043"));
    CHECK(relValue(builder, *rel, "base_code") == Value("043"));
    CHECK(relValue(builder, *rel, "root_code") == Value("04"));
    CHECK(relValue(builder, *rel, "quad_class") == Value(1));
    CHECK(relValue(builder, *rel, "goldstein") == Value(2.8));
    CHECK(relValue(builder, *rel, "mentions") == Value(5));
    CHECK(relValue(builder, *rel, "tone") == Value(-4.4776119402985));
    CHECK(relValue(builder, *rel, "date") == Value(*newsgraph::Date::parse("2014-02-18")));
    CHECK(relValue(builder, *rel, "source") ==
          Value("http://www.dailymaverick.co.za/article/2015-02-19-sona2015-jamming-state-security-agency-steps-"
                "forward-blames-low-ranking-operator/"));
    const NodeId standIn = builder.relSource(*rel);
    CHECK(nodeValue(builder, standIn, "id") == Value("gdelt:no-actor"));
    CHECK(nodeValue(builder, standIn, "rows") == Value(static_cast<int64_t>(stats.standInEndpoints)));
    const NodeId president = builder.relTarget(*rel);
    CHECK(nodeValue(builder, president, "code") == Value("GOV"));
    CHECK(nodeValue(builder, president, "name") == Value("PRESIDENT"));
}

TEST_CASE("gdelt: a repeated GLOBALEVENTID is loaded once", "[loader][gdelt]") {
    REQUIRE_SHARED("gdelt_v2_events/20180326044500.export.CSV");
    GraphBuilder builder;
    LoadReport report;
    GdeltStats first;
    newsgraph::loadGdelt(builder, shared("gdelt_v2_events/20180326044500.export.CSV"), kLenient, report, first);
    CHECK(first.events == 1540);
    const uint32_t rels = builder.relCount();
    GdeltStats second;
    LoadReport again;
    newsgraph::loadGdelt(builder, shared("gdelt_v2_events/20180326044500.export.CSV"), kLenient, again, second);
    CHECK(second.events == 0);
    CHECK(second.duplicates == 1540);
    CHECK(builder.relCount() == rels);
    CHECK(again.merged >= 1540);
}

TEST_CASE("gdelt: GDELT 1.0 sample mixes 58- and 57-column rows", "[loader][gdelt]") {
    REQUIRE_SHARED("gdelt_v1_events/sample_20160728_and_1982.tsv");
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
    newsgraph::loadGdelt(builder, shared("gdelt_v1_events/sample_20160728_and_1982.tsv"), kLenient, report, stats);
    CHECK(report.rowsRead == 710);
    CHECK(report.rejected == 0);
    CHECK(stats.events + stats.duplicates == 710);
    // 1552839 (1982 backfile, 57 columns): Canada -> Poland, 1312 "Threaten to boycott, embargo, or sanction".
    const auto rel = relWithEventId(builder, 1552839);
    REQUIRE(rel.has_value());
    CHECK(builder.catalog().typeName(builder.relType(*rel)) == "THREATEN_TO_BOYCOTT_EMBARGO_OR_SANCTION");
    CHECK(relValue(builder, *rel, "source").isNull());
    CHECK(nodeValue(builder, builder.relSource(*rel), "name") == Value("Canada"));
    CHECK(nodeValue(builder, builder.relTarget(*rel), "code") == Value("POL"));
    // 564111644 (daily 2016-07-28, 58 columns) keeps its SOURCEURL and code 010.
    const auto daily = relWithEventId(builder, 564111644);
    REQUIRE(daily.has_value());
    CHECK(relValue(builder, *daily, "code") == Value("010"));
    CHECK(builder.catalog().typeName(builder.relType(*daily)) == "MAKE_STATEMENT_NOT_SPECIFIED_BELOW");
    CHECK(relValue(builder, *daily, "source").type() == newsgraph::ValueType::String);
}

TEST_CASE("gdelt: the West Africa CSV extract with a header, NA and gzip", "[loader][gdelt]") {
    REQUIRE_SHARED("gdelt_v1_events/westafrica_conflict_1979_1997/1985.csv.gz");
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
    newsgraph::loadGdelt(builder, shared("gdelt_v1_events/westafrica_conflict_1979_1997"), kLenient, report, stats);
    CHECK(report.rowsRead == 83659);
    CHECK(report.rejected == 0);
    CHECK(stats.events == 83659);
    // 3877321: Nigeria -> GOV, 193 "Fight with small arms and light weapons", 1985-01-01.
    const auto rel = relWithEventId(builder, 3877321);
    REQUIRE(rel.has_value());
    CHECK(builder.catalog().typeName(builder.relType(*rel)) == "FIGHT_WITH_SMALL_ARMS_AND_LIGHT_WEAPONS");
    CHECK(relValue(builder, *rel, "root_code") == Value("19"));
    CHECK(relValue(builder, *rel, "goldstein") == Value(-10.0));
    CHECK(relValue(builder, *rel, "date") == Value(*newsgraph::Date::parse("1985-01-01")));
    CHECK(nodeValue(builder, builder.relSource(*rel), "code") == Value("NGA"));
    CHECK(relValue(builder, *rel, "source").isNull()); // SOURCEURL is NA
}

TEST_CASE("gdelt: bad rows are rejected with file:line and skipped", "[loader][gdelt]") {
    TempDir dir;
    std::string truncated = v2Row("12");
    truncated = truncated.substr(0, truncated.find("\t112\t")) + "\n";
    const std::string content = v2Row("11") + truncated + v2Row("13", "2015-02-18") + v2Row("14", "20150218", "abc") +
                                v2Row("15", "20150218", "2.8", "CH\xC3\x28N") + v2Row("16", "20150218", "2.8", "CHN", "USA", "1x2") +
                                v2Row("17", "20150218", "99") + v2Row("18");
    const std::string path = dir.write("bad.export.CSV", content);
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
    newsgraph::loadGdelt(builder, path, kLenient, report, stats);
    CHECK(report.rowsRead == 8);
    CHECK(report.rejected == 6);
    CHECK(stats.events == 2);
    REQUIRE(report.rejects.size() == 6);
    CHECK(report.rejects[0].line == 2);
    CHECK_THAT(report.rejects[0].reason, Catch::Contains("expected 57, 58 or 61"));
    CHECK(report.rejects[1].line == 3);
    CHECK_THAT(report.rejects[1].reason, Catch::Contains("SQLDATE"));
    CHECK_THAT(report.rejects[2].reason, Catch::Contains("GoldsteinScale 'abc'"));
    CHECK_THAT(report.rejects[3].reason, Catch::Contains("invalid UTF-8 in field 6"));
    CHECK_THAT(report.rejects[4].reason, Catch::Contains("EventCode '1x2'"));
    CHECK_THAT(report.rejects[5].reason, Catch::Contains("GoldsteinScale '99'"));
    CHECK_THAT(report.toString(), Catch::Contains(path + ":2: expected 57, 58 or 61"));
}

TEST_CASE("gdelt: strict mode stops at the first bad row and leaves the builder unchanged", "[loader][gdelt]") {
    TempDir dir;
    const std::string path = dir.write("strict.CSV", v2Row("21") + v2Row("22", "2015-13-40") + v2Row("23"));
    GraphBuilder builder;
    builder.addNode({"Actor"}, {{"name", Value("existing")}});
    const auto before = snapshot(builder);
    LoadReport report;
    try {
        newsgraph::loadGdelt(builder, path, kStrict, report);
        FAIL("no LoadError");
    } catch (const newsgraph::LoadError& error) {
        CHECK(error.line() == 2);
        CHECK_THAT(std::string(error.what()), Catch::Contains("strict.CSV:2: SQLDATE"));
    }
    CHECK(snapshot(builder) == before);
    CHECK(report.rowsRead == 0);
}

TEST_CASE("gdelt: gzip input, truncated gzip and an empty file", "[loader][gdelt]") {
    TempDir dir;
    std::string rows;
    for (int i = 1; i <= 400; ++i) {
        rows += v2Row(std::to_string(1000 + i));
    }
    const std::string compressed = newsgraph::testing::gzipCompress(rows);
    const std::string whole = dir.write("whole.CSV.gz", compressed);
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
    newsgraph::loadGdelt(builder, whole, kLenient, report, stats);
    CHECK(stats.events == 400);
    CHECK(report.rejected == 0);

    const std::string cut = dir.write("cut.CSV.gz", compressed.substr(0, compressed.size() / 2));
    GraphBuilder other;
    LoadReport cutReport;
    GdeltStats cutStats;
    newsgraph::loadGdelt(other, cut, kLenient, cutReport, cutStats);
    CHECK(cutStats.events < 400);
    CHECK(cutReport.rejected == 1);
    REQUIRE(cutReport.rejects.size() == 1);
    CHECK(cutReport.rejects[0].line == cutReport.rowsRead + 1);
    CHECK_THAT(cutReport.rejects[0].reason, Catch::Contains("truncated"));

    const std::string empty = dir.write("empty.CSV", "");
    GraphBuilder third;
    LoadReport emptyReport;
    CHECK_THROWS_AS(newsgraph::loadGdelt(third, empty, kLenient, emptyReport), newsgraph::LoadError);
}

TEST_CASE("gdelt: registered as a loader format", "[loader][gdelt]") {
    REQUIRE(newsgraph::findLoader("gdelt") != nullptr);
    TempDir dir;
    const std::string path = dir.write("one.CSV", v2Row("31", "20150218", "-5", "CHN", "") + v2Row("32", "20150218", "1", "", ""));
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "gdelt:" + path, kLenient, report);
    CHECK(report.rowsRead == 2);
    CHECK(report.relsCreated == 2);
    // Both rows lack an actor: they point at the one stand-in node.
    const auto standIn = builder.resolve(*builder.catalog().findLabel("StandIn"), "gdelt:no-actor");
    REQUIRE(standIn.has_value());
    CHECK(nodeValue(builder, *standIn, "rows") == Value(int64_t{2}));
}

TEST_CASE("gdelt: invalid UTF-8 in the CSV variant, on one line and in a multi-line quoted field", "[loader][gdelt]") {
    REQUIRE_SHARED("gdelt_v1_events/westafrica_conflict_1979_1997/1985.csv.gz");
    // The real header and first row of the West Africa extract, then two broken copies of the row.
    std::string header;
    std::string good;
    {
        newsgraph::LineReader lines(shared("gdelt_v1_events/westafrica_conflict_1979_1997/1985.csv.gz"));
        std::string_view line;
        REQUIRE(lines.next(line));
        header = std::string(line);
        REQUIRE(lines.next(line));
        good = std::string(line);
    }
    auto withPlace = [&](const std::string& id, const std::string& place) {
        std::string row = good;
        row.replace(0, row.find(','), id);
        const std::string original = "\"Illela, Tahoua, Niger\"";
        row.replace(row.find(original), original.size(), "\"" + place + "\"");
        return row;
    };
    TempDir dir;
    const std::string path = dir.write("bad_utf8.csv", header + "\n" + good + "\n" + withPlace("9000001", "Ill\xff" "ela") + "\n" +
                                                            withPlace("9000002", "Illela,\nTah\xc3" "oua") + "\n");
    GraphBuilder builder;
    LoadReport report;
    GdeltStats stats;
    newsgraph::loadGdelt(builder, path, kLenient, report, stats);
    CHECK(stats.events == 1);
    CHECK(report.rejected == 2);
    REQUIRE(report.rejects.size() == 2);
    CHECK_THAT(report.rejects[0].reason, Catch::Contains("invalid UTF-8 in field"));
    CHECK_THAT(report.rejects[1].reason, Catch::Contains("invalid UTF-8 in field"));
    CHECK(report.rejects[0].line == 3);
}
