// The ICEWS and CAMEO loaders on the real files of shared/datasets and on malformed input; the
// CAMEO verb naming every event loader uses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "engine/storage/graph_builder.hpp"
#include "loaders/cameo.hpp"
#include "loaders/loader.hpp"
#include "loaders/news_loaders.hpp"
#include "test_gzip.hpp"
#include "loader_test_support.hpp"
#include "test_support.hpp"

using newsgraph::CameoEvents;
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

namespace {


NodeId node(const GraphBuilder& builder, const char* label, const char* name) {
    const auto labelId = builder.catalog().findLabel(label);
    REQUIRE(labelId.has_value());
    const auto found = builder.resolve(*labelId, name);
    REQUIRE(found.has_value());
    return *found;
}

// The relationships from -> to of one type.
size_t countRels(const GraphBuilder& builder, NodeId from, const std::string& type, NodeId to) {
    size_t count = 0;
    for (RelId rel = 0; rel < builder.relCount(); ++rel) {
        if (builder.relSource(rel) == from && builder.relTarget(rel) == to &&
            builder.catalog().typeName(builder.relType(rel)) == type) {
            ++count;
        }
    }
    return count;
}

} // namespace

TEST_CASE("cameo: verbs are descriptions upper-cased with runs of other characters as _", "[loader][cameo]") {
    CHECK(newsgraph::cameoVerb("Accuse of espionage, treason") == "ACCUSE_OF_ESPIONAGE_TREASON");
    CHECK(newsgraph::cameoVerb("Make statement, not specified below") == "MAKE_STATEMENT_NOT_SPECIFIED_BELOW");
    CHECK(newsgraph::cameoVerb("Return, release person(s)") == "RETURN_RELEASE_PERSON_S");
    CHECK(newsgraph::cameoVerb("  Criticize or denounce ") == "CRITICIZE_OR_DENOUNCE");
    const CameoEvents& events = CameoEvents::builtin();
    CHECK(events.all().size() == 311);
    REQUIRE(events.find("1125") != nullptr);
    CHECK(events.find("1125")->verb == "ACCUSE_OF_ESPIONAGE_TREASON");
    CHECK(events.find("1125")->baseCode == "112");
    CHECK(events.find("1125")->rootCode == "11");
    CHECK(events.find("1125")->quadClass == 3);
    // Repaired rows: the glued 1056/106 row, the mojibake of 044.
    REQUIRE(events.find("106") != nullptr);
    CHECK(events.find("106")->verb == "DEMAND_WITHDRAWAL");
    CHECK(events.find("1056")->verb == "DEMAND_DE_ESCALATION_OF_MILITARY_ENGAGEMENT");
    CHECK(events.find("044")->verb == "MEET_AT_A_THIRD_LOCATION");
    // ICEWS relation names.
    CHECK(events.matchName("Accuse")->code == "112");
    CHECK(events.matchName("Demand")->code == "100");
    CHECK(events.matchName("Make statement")->code == "010");
    CHECK(events.matchName("Meet at a 'third' location")->code == "044");
    CHECK(events.matchName("fight with small arms and light weapons")->code == "193");
    CHECK(events.matchName("Make an appeal or request") == nullptr);
}

TEST_CASE("cameo: the lookup folder as event types, countries, types and groups", "[loader][cameo]") {
    REQUIRE_SHARED("cameo_lookups/cameoEvent.txt");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "cameo:" + shared("cameo_lookups"), kLenient, report);
    CHECK(report.rejected == 0);
    const NodeId accuse = node(builder, "EventType", "1125");
    CHECK(nodeValue(builder, accuse, "verb") == Value("ACCUSE_OF_ESPIONAGE_TREASON"));
    const NodeId base = node(builder, "EventType", "112");
    const NodeId root = node(builder, "EventType", "11");
    CHECK(countRels(builder, accuse, "SUBTYPE_OF", base) == 1);
    CHECK(countRels(builder, base, "SUBTYPE_OF", root) == 1);
    CHECK(countRels(builder, root, "IN_QUAD_CLASS", node(builder, "QuadClass", "3")) == 1);
    const NodeId china = node(builder, "Country", "CHN");
    CHECK(nodeValue(builder, china, "name") == Value("China"));
    CHECK(node(builder, "Country", "Columbia") == node(builder, "Country", "Colombia"));
    CHECK(nodeValue(builder, node(builder, "ActorType", "SPY"), "name") == Value("State Intelligence"));
    const NodeId nato = node(builder, "Organization", "NAT");
    CHECK(nodeValue(builder, nato, "name") == Value("North Atlantic Treaty Organization"));
    CHECK(node(builder, "Organization", "NATO") == nato);
    CHECK(node(builder, "Region", "AFR") == node(builder, "Region", "Africa"));
}

TEST_CASE("cameo: bad rows of a lookup file", "[loader][cameo]") {
    TempDir dir;
    const std::string path = dir.write("cameoEvent.txt", "CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE PUBLIC STATEMENT\n"
                                                         "x1\tBad code\n010\n011\tDecline \xFF comment\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadCameo(builder, path, kLenient, report);
    CHECK(report.rowsRead == 4);
    CHECK(report.rejected == 3);
    REQUIRE(report.rejects.size() == 3);
    CHECK(report.rejects[0].line == 3);
    CHECK(report.rejects[1].line == 4);
    CHECK(report.rejects[2].line == 5);
    CHECK_THAT(report.rejects[2].reason, Catch::Contains("invalid UTF-8"));
}

TEST_CASE("icews: ICEWS14 named facts, sectors and CAMEO-typed relations", "[loader][icews]") {
    REQUIRE_SHARED("icews14_tkg/garcia_duran_split/named/train.tsv");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadIcews(builder, shared("icews14_tkg/garcia_duran_split/named/train.tsv"), kLenient, report);
    CHECK(report.rowsRead == 72826);
    CHECK(report.rejected == 0);
    const NodeId southKorea = node(builder, "Country", "South Korea");
    const NodeId northKorea = node(builder, "Country", "PRK");
    CHECK(nodeValue(builder, northKorea, "name") == Value("North Korea"));
    // "South Korea  Criticize or denounce  North Korea  2014-05-13"
    bool found = false;
    for (RelId rel = 0; rel < builder.relCount(); ++rel) {
        if (builder.relSource(rel) == southKorea && builder.relTarget(rel) == northKorea &&
            relValue(builder, rel, "date") == Value(*newsgraph::Date::parse("2014-05-13")) &&
            builder.catalog().typeName(builder.relType(rel)) == "CRITICIZE_OR_DENOUNCE") {
            found = true;
            CHECK(relValue(builder, rel, "code") == Value("111"));
            CHECK(relValue(builder, rel, "base_code") == Value("111"));
            CHECK(relValue(builder, rel, "root_code") == Value("11"));
            CHECK(relValue(builder, rel, "source") == Value("icews14_tkg/garcia_duran_split/named/train.tsv"));
        }
    }
    CHECK(found);
    // A sector keeps its role and links to its country.
    const NodeId citizens = node(builder, "Actor", "Citizen (India)");
    CHECK(nodeValue(builder, citizens, "role") == Value("Citizen"));
    CHECK(nodeValue(builder, citizens, "country") == Value("IND"));
    CHECK(countRels(builder, citizens, "SECTOR_OF", node(builder, "Country", "India")) == 1);
    // An uncoded relation is typed by its own name.
    const auto appeal = builder.catalog().findType("MAKE_AN_APPEAL_OR_REQUEST");
    CHECK(appeal.has_value());
}

TEST_CASE("icews: ICEWS18 id files turn hour offsets into dates", "[loader][icews]") {
    REQUIRE_SHARED("icews18_tkg/regcn_full/ids/test.txt");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadIcews(builder, shared("icews18_tkg/regcn_full/ids/test.txt"), kLenient, report);
    CHECK(report.rowsRead == 49545);
    CHECK(report.rejected == 0);
    // First fact: 1054 1 3172 6480 = Citizen (Malaysia), Make an appeal or request, Government (Malaysia), 2018-09-28.
    const NodeId citizens = node(builder, "Actor", "Citizen (Malaysia)");
    const NodeId government = node(builder, "Government", "Government (Malaysia)");
    bool found = false;
    for (RelId rel = 0; rel < builder.relCount() && !found; ++rel) {
        found = builder.relSource(rel) == citizens && builder.relTarget(rel) == government &&
                relValue(builder, rel, "date") == Value(*newsgraph::Date::parse("2018-09-28"));
    }
    CHECK(found);
}

TEST_CASE("icews: TLogic files write spaces as underscores", "[loader][icews]") {
    REQUIRE_SHARED("icews18_tkg/tlogic_named/valid.txt");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadIcews(builder, shared("icews18_tkg/tlogic_named/valid.txt"), kLenient, report);
    CHECK(report.rowsRead == 45995);
    CHECK(report.rejected == 0);
    const NodeId citizens = node(builder, "Actor", "Citizen (Nigeria)");
    CHECK(countRels(builder, citizens, "SECTOR_OF", node(builder, "Country", "Nigeria")) == 1);
}

TEST_CASE("icews: bad rows and strict mode", "[loader][icews]") {
    TempDir dir;
    const std::string content = "China\tAccuse\tJapan\t2014-01-02\n"
                                "China\tAccuse\tJapan\n"
                                "China\tAccuse\tJapan\t2014-02-30\n"
                                "Chin\xC3\x28\tAccuse\tJapan\t2014-01-03\n"
                                "\tAccuse\tJapan\t2014-01-03\n"
                                "Japan\tAccuse of espionage, treason\tChina\t2014-01-04\n";
    const std::string path = dir.write("facts.tsv", content);
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadIcews(builder, path, kLenient, report);
    CHECK(report.rowsRead == 6);
    CHECK(report.rejected == 4);
    CHECK(report.relsCreated == 2);
    REQUIRE(report.rejects.size() == 4);
    CHECK(report.rejects[0].line == 2);
    CHECK_THAT(report.rejects[0].reason, Catch::Contains("expected 4"));
    CHECK_THAT(report.rejects[1].reason, Catch::Contains("2014-02-30"));
    CHECK_THAT(report.rejects[2].reason, Catch::Contains("invalid UTF-8 in field 1"));
    CHECK(report.rejects[3].line == 5);

    GraphBuilder strict;
    const auto before = snapshot(strict);
    LoadReport strictReport;
    CHECK_THROWS_AS(newsgraph::loadIcews(strict, path, kStrict, strictReport), newsgraph::LoadError);
    CHECK(snapshot(strict) == before);

    const std::string gz = dir.write("facts.tsv.gz", newsgraph::testing::gzipCompress("China\tConsult\tJapan\t2014-01-02\n"));
    GraphBuilder compressed;
    LoadReport gzReport;
    newsgraph::loadIcews(compressed, gz, kLenient, gzReport);
    CHECK(gzReport.relsCreated == 1);
}
