// The threat-actor galaxy, CFR and EuRepoC loaders on the real files of shared/datasets, entity
// resolution across sources, and the attribution question over seed + galaxies + CFR + EuRepoC.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "engine/storage/graph_builder.hpp"
#include "loaders/claim_support.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/json_depth.hpp"
#include "loaders/loader.hpp"
#include "loaders/news_loaders.hpp"
#include "loader_test_support.hpp"
#include "test_gzip.hpp"
#include "test_support.hpp"

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


std::optional<NodeId> find(const GraphBuilder& builder, const char* label, const std::string& name) {
    const auto labelId = builder.catalog().findLabel(label);
    return labelId ? builder.resolve(*labelId, name) : std::nullopt;
}

NodeId node(const GraphBuilder& builder, const char* label, const std::string& name) {
    const auto found = find(builder, label, name);
    INFO(label << " " << name);
    REQUIRE(found.has_value());
    return *found;
}

std::vector<NodeId> targets(const GraphBuilder& builder, NodeId from, const std::string& type) {
    std::vector<NodeId> out;
    for (RelId rel = 0; rel < builder.relCount(); ++rel) {
        if (builder.relSource(rel) == from && builder.catalog().typeName(builder.relType(rel)) == type) {
            out.push_back(builder.relTarget(rel));
        }
    }
    return out;
}

std::vector<NodeId> sources(const GraphBuilder& builder, NodeId to, const std::string& type) {
    std::vector<NodeId> out;
    for (RelId rel = 0; rel < builder.relCount(); ++rel) {
        if (builder.relTarget(rel) == to && builder.catalog().typeName(builder.relType(rel)) == type) {
            out.push_back(builder.relSource(rel));
        }
    }
    return out;
}

bool contains(const std::vector<NodeId>& nodes, NodeId node) {
    return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
}

std::string text(const Value& value) {
    return value.type() == newsgraph::ValueType::String ? value.asString() : value.toString();
}

} // namespace

TEST_CASE("entity resolution: one country under its codes and names", "[loader][resolution]") {
    using newsgraph::lookupCountry;
    REQUIRE(lookupCountry("CHN").has_value());
    CHECK(lookupCountry("CHN")->name == "China");
    CHECK(lookupCountry("CN")->code == "CHN");
    CHECK(lookupCountry("People's Republic of China")->code == "CHN");
    CHECK(lookupCountry("china")->code == "CHN");
    CHECK(lookupCountry("Iran, Islamic Republic of")->code == "IRN");
    CHECK(lookupCountry("Iran (Islamic Republic of)")->code == "IRN");
    CHECK(lookupCountry("Korea (Democratic People's Republic of)")->code == "PRK");
    CHECK(lookupCountry("Korea, Republic of")->code == "KOR");
    CHECK(lookupCountry("Russian Federation")->code == "RUS");
    CHECK(lookupCountry("RO")->code == "ROM");
    CHECK(lookupCountry("Colombia")->code == "COL");
    CHECK(lookupCountry("Eastern Europe")->region);
    CHECK_FALSE(lookupCountry("APT31").has_value());
    CHECK_FALSE(lookupCountry("GOV").has_value());

    GraphBuilder builder;
    newsgraph::NewsSchema schema(builder);
    newsgraph::EntityResolver resolver(builder, schema);
    const auto a = resolver.country("CHN");
    const auto b = resolver.country("China");
    const auto c = resolver.country("People's Republic of China");
    REQUIRE(a.has_value());
    CHECK(a == b);
    CHECK(a == c);
    CHECK(builder.nodeCount() == 1);
    CHECK(resolver.merged() == 2);
    CHECK(builder.resolve(schema.country, "PRC") == std::nullopt); // not seen, not added
    CHECK(builder.resolve(schema.country, "People's Republic of China") == a);
    // Groups by a loose key: spaces and British spelling.
    const NodeId group = resolver.group("JUDGMENT PANDA", newsgraph::EntityResolver::kNoLabel);
    CHECK(resolver.findGroup("Judgement Panda") == group);
    CHECK(resolver.findGroup("judgment  panda") == group);
}

TEST_CASE("claim support: names and countries out of free text", "[loader][resolution]") {
    using newsgraph::splitNames;
    CHECK(splitNames("APT 31, Hurricane Panda") == std::vector<std::string>{"APT 31", "Hurricane Panda"});
    CHECK(splitNames("Also known as APT 31 and Judgement Panda.") == std::vector<std::string>{"APT 31", "Judgement Panda"});
    CHECK(splitNames("APT31/Violet Typhoon fka ZIRCONIUM/BRONZE VINEWOOD/G0128") ==
          std::vector<std::string>{"APT31", "Violet Typhoon", "ZIRCONIUM", "BRONZE VINEWOOD", "G0128"});
    CHECK(splitNames("Turla/Snake (FSB, 16th / 18th Center)") == std::vector<std::string>{"Turla", "Snake"});
    CHECK(newsgraph::countriesMentioned("Government agencies in the United States, Belarus, Canada, Mongolia, and Russia") ==
          std::vector<std::string>{"USA", "BLR", "CAN", "MNG", "RUS"});
}

TEST_CASE("misp: the three galaxies merge into one group per actor", "[loader][misp]") {
    REQUIRE_SHARED("cyber_attribution/misp_galaxy/threat-actor.json");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "misp:" + shared("cyber_attribution/misp_galaxy"), kLenient, report);
    CHECK(report.rowsRead == 1041 + 191 + 179);
    CHECK(report.rejected == 0);
    CHECK(report.merged >= 300);
    const NodeId apt31 = node(builder, "Group", "APT31");
    for (const char* alias : {"ZIRCONIUM", "JUDGMENT PANDA", "Violet Typhoon", "BRONZE VINEWOOD", "TA412"}) {
        CHECK(node(builder, "Group", alias) == apt31);
    }
    CHECK(nodeValue(builder, apt31, "name") == Value("APT31"));
    CHECK(nodeValue(builder, apt31, "mitre_id") == Value("G0128"));
    CHECK(nodeValue(builder, apt31, "country") == Value("CHN"));
    const NodeId china = node(builder, "Country", "CHN");
    CHECK(contains(targets(builder, apt31, "BASED_IN"), china));
    // APT28: CFR's suspected sponsor and victims.
    const NodeId apt28 = node(builder, "Group", "Fancy Bear");
    CHECK(contains(targets(builder, apt28, "SUSPECTED_STATE_SPONSOR"), node(builder, "Country", "Russia")));
    CHECK(contains(targets(builder, apt28, "TARGETED"), node(builder, "Country", "Germany")));
    CHECK(node(builder, "Group", "APT29") != apt28);
}

namespace {

// Loads a galaxy file that must fail: checks the graph is unchanged, returns the error's line and message.
std::pair<uint64_t, std::string> mispLoadError(GraphBuilder& builder, const std::string& path) {
    const auto before = snapshot(builder);
    LoadReport report;
    std::pair<uint64_t, std::string> failure{0, ""};
    try {
        newsgraph::loadMisp(builder, path, kLenient, report);
        FAIL("no LoadError");
    } catch (const newsgraph::LoadError& error) {
        failure = {error.line(), error.what()};
    }
    CHECK(snapshot(builder) == before);
    return failure;
}

} // namespace

TEST_CASE("misp: a broken JSON file is a load error with its line", "[loader][misp]") {
    TempDir dir;
    const std::string path = dir.write("threat-actor.json", "{\"values\": [\n{\"value\": \"X\"},\n{\"value\": }\n]}");
    GraphBuilder builder;
    CHECK(mispLoadError(builder, path).first == 3);
    const std::string nameless = dir.write("nameless.json", "{\"values\": [{\"value\": \"Y\"}, {\"uuid\": \"1\"}]}");
    LoadReport lenient;
    newsgraph::loadMisp(builder, nameless, kLenient, lenient);
    CHECK(lenient.rowsRead == 2);
    CHECK(lenient.rejected == 1);
}

TEST_CASE("misp: JSON nested too deeply is a load error, not a stack overflow", "[loader][misp]") {
    TempDir dir;
    // A million levels in `meta`: parsed, then copied recursively by the loader before this check.
    const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    const std::string path =
        dir.write("threat-actor.json", "{\"values\": [\n{\"value\": \"X\",\n\"meta\": " + deep + "}]}");
    GraphBuilder builder;
    const auto [line, message] = mispLoadError(builder, path);
    CHECK(line == 3);
    CHECK_THAT(message, Catch::Contains("nested more than 256 levels"));
    // Brackets inside strings do not count; nesting at the limit (object, values, cluster, meta and
    // the arrays in x) loads.
    const std::string atLimit = std::string(newsgraph::kMaxJsonDepth - 4, '[') + "\"[[[{{\"" +
                                std::string(newsgraph::kMaxJsonDepth - 4, ']');
    const std::string fine = dir.write("fine.json", "{\"values\": [{\"value\": \"Y\", \"meta\": {\"x\": " + atLimit + "}}]}");
    LoadReport loaded;
    newsgraph::loadMisp(builder, fine, kLenient, loaded);
    CHECK(loaded.rowsRead == 1);
    CHECK(loaded.rejected == 0);
}

TEST_CASE("cfr: incidents, initiators and attribution claims", "[loader][cfr]") {
    REQUIRE_SHARED("cyber_attribution/cfr_cyber_operations/cyber-operations-incidents.csv");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "cfr:" + shared("cyber_attribution/cfr_cyber_operations"), kLenient, report);
    CHECK(report.rowsRead == 768);
    CHECK(report.rejected == 0);
    // A multi-line quoted row: "Titan Rain", 8/25/2005.
    const NodeId titan = node(builder, "Incident", "cfr:2005-08-25:Titan Rain");
    CHECK_THAT(text(nodeValue(builder, titan, "description")), Catch::Contains("\n"));
    const NodeId belgium = node(builder, "Incident",
                                "cfr:2022-07-18:Targeting of the Belgian Federal Public Service Interior in Chinese "
                                "espionage campaign");
    const std::vector<NodeId> claims = sources(builder, belgium, "OF");
    REQUIRE(claims.size() == 1);
    const NodeId claim = claims.front();
    CHECK(nodeValue(builder, claim, "kind") == Value("attribution"));
    CHECK(nodeValue(builder, claim, "date") == Value(*newsgraph::Date::parse("2022-07-18")));
    CHECK(nodeValue(builder, claim, "source") ==
          Value("https://diplomatie.belgium.be/en/news/declaration-minister-foreign-affairs-malicious-cyber-activities"));
    const std::vector<NodeId> to = targets(builder, claim, "TO");
    CHECK(contains(to, node(builder, "Country", "China")));
    CHECK(contains(to, node(builder, "Group", "Zirconium")));
    CHECK(targets(builder, claim, "BY") == std::vector<NodeId>{node(builder, "Organization", "CFR")});
    CHECK_FALSE(targets(builder, claim, "REPORTED_IN").empty());
}

TEST_CASE("cfr: quoting errors and bad dates are rejected", "[loader][cfr]") {
    TempDir dir;
    const std::string header = "Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1,Sources_2,Sources_3\n";
    const std::string path = dir.write(
        "cfr.csv", header + "Op A,1/2/2020,APT 99,\"two\nlines\",,Ministry of X,China,Espionage,Government,http://a,,\n"
                            "Op B,13/45/2020,,,,,,,,,,\n"
                            "Op C,1/2/2020,\"x\"y,,,,,,,,,\n"
                            "Op D,1/2/2020,only three\n"
                            "Op E,1/3/2020,,\"never closed,,,,,,,,,\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadCfr(builder, path, kLenient, report);
    CHECK(report.rowsRead == 5);
    CHECK(report.rejected == 4);
    REQUIRE(report.rejects.size() == 4);
    CHECK(report.rejects[0].line == 4);
    CHECK_THAT(report.rejects[0].reason, Catch::Contains("13/45/2020"));
    CHECK(report.rejects[1].line == 5);
    CHECK_THAT(report.rejects[1].reason, Catch::Contains("closing quote"));
    CHECK(report.rejects[2].line == 6);
    CHECK(report.rejects[3].line == 7);
    CHECK_THAT(report.rejects[3].reason, Catch::Contains("unterminated"));
    const NodeId group = node(builder, "Group", "APT 99");
    CHECK(targets(builder, group, "CARRIED_OUT").size() == 1);
}

TEST_CASE("cfr, eurepoc, cameo: a corrupt gzip file is named corrupt, not empty", "[loader][cfr][eurepoc]") {
    TempDir dir;
    const std::string header = "Title,Date,Affiliations,Description,Response,Victims,Sponsor,Type,Category,Sources_1\n";
    std::string compressed = newsgraph::testing::gzipCompress(header + "Op A,1/2/2020,APT 99,,,Ministry of X,China,,,\n");
    compressed[compressed.size() / 2] = static_cast<char>(compressed[compressed.size() / 2] ^ 0xff);
    const std::string path = dir.write("cfr.csv.gz", compressed);
    GraphBuilder builder;
    LoadReport report;
    const auto message = [&](auto load) {
        try {
            load();
        } catch (const newsgraph::LoadError& error) {
            return std::string(error.what());
        }
        return std::string("no LoadError");
    };
    const std::string cfr = message([&] { newsgraph::loadCfr(builder, path, kLenient, report); });
    CHECK_THAT(cfr, Catch::Contains("cfr.csv.gz") && Catch::Contains("gzip data is truncated or corrupt"));
    CHECK_THAT(cfr, !Catch::Contains("empty"));
    const std::string eurepoc = message([&] { newsgraph::loadEurepoc(builder, path, kLenient, report); });
    CHECK_THAT(eurepoc, Catch::Contains("gzip data is truncated or corrupt"));
    const std::string cameo = message([&] { newsgraph::loadCameo(builder, path, kLenient, report); });
    CHECK_THAT(cameo, Catch::Contains("gzip data is truncated or corrupt"));
    CHECK(builder.nodeCount() == 0);
    // A file that is really empty still says so.
    const std::string empty = dir.write("empty.csv", "");
    CHECK_THAT(message([&] { newsgraph::loadCfr(builder, empty, kLenient, report); }), Catch::Contains("the file is empty"));
}

TEST_CASE("eurepoc: incidents, initiators and claims from the four extracts", "[loader][eurepoc]") {
    REQUIRE_SHARED("cyber_attribution/eurepoc/dashboard_initiators_data.csv");
    GraphBuilder builder;
    LoadReport misp;
    newsgraph::loadMisp(builder, shared("cyber_attribution/misp_galaxy"), kLenient, misp);
    LoadReport report;
    newsgraph::loadSpec(builder, "eurepoc:" + shared("cyber_attribution/eurepoc"), kLenient, report);
    CHECK(report.rowsRead == 7394 + 6572 + 5858 + 7946);
    CHECK(report.rejected == 0);
    const NodeId apt31 = node(builder, "Group", "APT31");
    const NodeId norway = node(builder, "Incident", "eurepoc:1193");
    CHECK(contains(targets(builder, apt31, "CARRIED_OUT"), norway));
    CHECK(contains(targets(builder, norway, "TARGETED"), node(builder, "Country", "Norway")));
    bool attributed = false;
    for (NodeId claim : sources(builder, norway, "OF")) {
        attributed = attributed || contains(targets(builder, claim, "TO"), apt31);
    }
    CHECK(attributed);
    CHECK(nodeValue(builder, node(builder, "Group", "APT28"), "name") == Value("APT28"));
}

TEST_CASE("attribution across sources: who attributed which operations to APT31", "[loader][cyber]") {
    REQUIRE_SHARED("cyber_attribution/misp_galaxy/threat-actor.json");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "dataset:" + std::string(NEWSGRAPH_DATASETS_DIR) + "/czech-apt31", kLenient, report);
    const NodeId seedApt31 = node(builder, "Group", "APT31");
    const NodeId seedChina = node(builder, "Country", "China");
    for (const std::string& spec : {"cameo:" + shared("cameo_lookups"), "misp:" + shared("cyber_attribution/misp_galaxy"),
                                   "cfr:" + shared("cyber_attribution/cfr_cyber_operations"),
                                   "eurepoc:" + shared("cyber_attribution/eurepoc")}) {
        newsgraph::loadSpec(builder, spec, kLenient, report);
    }
    CHECK(report.rejected == 0);
    CHECK(report.merged > 0);
    // One node for APT31 under every name, one for China under every name.
    for (const char* name : {"APT31", "APT 31", "ZIRCONIUM", "Zirconium", "JUDGMENT PANDA", "Violet Typhoon"}) {
        CHECK(node(builder, "Group", name) == seedApt31);
    }
    CHECK(node(builder, "Country", "CHN") == seedChina);
    CHECK(node(builder, "Country", "People's Republic of China") == seedChina);
    CHECK(node(builder, "Country", "Iran, Islamic Republic of") == node(builder, "Country", "IRN"));
    // The claims TO APT31: the seed's (Czech government), CFR's and EuRepoC's.
    std::set<std::string> attributors;
    size_t dated = 0;
    size_t sourced = 0;
    const std::vector<NodeId> claims = sources(builder, seedApt31, "TO");
    for (NodeId claim : claims) {
        if (nodeValue(builder, claim, "kind") != Value("attribution")) {
            continue;
        }
        for (NodeId by : targets(builder, claim, "BY")) {
            attributors.insert(text(nodeValue(builder, by, "name")));
        }
        CHECK(targets(builder, claim, "OF").size() == 1);
        dated += nodeValue(builder, claim, "date").isNull() ? 0 : 1;
        sourced += nodeValue(builder, claim, "source").isNull() && targets(builder, claim, "REPORTED_IN").empty() ? 0 : 1;
    }
    CHECK(attributors.count("Czech government") == 1);
    CHECK(attributors.count("Council on Foreign Relations") == 1);
    CHECK(claims.size() >= 8);
    CHECK(sourced == dated + (claims.size() - dated)); // every claim has a source
}

TEST_CASE("news loaders are registered by name", "[loader]") {
    for (const char* format : {"gdelt", "cameo", "icews", "misp", "cfr", "eurepoc"}) {
        INFO(format);
        CHECK(newsgraph::findLoader(format) != nullptr);
    }
}
