// The seed dataset datasets/czech-apt31: loads cleanly and answers the attribution question.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/news/attribution.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "loaders/native_loader.hpp"

using newsgraph::Direction;
using newsgraph::Graph;
using newsgraph::NodeId;
using newsgraph::Value;

namespace {

struct Seed {
    newsgraph::LoadReport report;
    Graph graph;
};

Seed loadSeed() {
    newsgraph::GraphBuilder builder;
    newsgraph::LoadReport report;
    newsgraph::LoadOptions options;
    options.strict = true;
    newsgraph::loadDataset(builder, std::string(NEWSGRAPH_DATASETS_DIR) + "/czech-apt31", options, report);
    return Seed{report, std::move(builder).freeze()};
}

const Seed& seed() {
    static const Seed loaded = loadSeed();
    return loaded;
}

// The node of a dataset id (the `id:ID` column).
NodeId node(const char* id) {
    const auto found = seed().graph.findExternalId("", id);
    REQUIRE(found.has_value());
    return *found;
}

std::string text(NodeId id, const char* key) {
    const Value value = seed().graph.nodeProperty(id, key);
    REQUIRE(value.type() == newsgraph::ValueType::String);
    return value.asString();
}

uint64_t labelCount(const char* label) {
    for (const auto& [name, count] : seed().graph.stats().labels) {
        if (name == label) {
            return count;
        }
    }
    return 0;
}

} // namespace

TEST_CASE("The seed dataset loads strictly with the counts of its README", "[seed]") {
    const Seed& loaded = seed();
    CHECK(loaded.report.rejected == 0U);
    CHECK(loaded.report.rejects.empty());
    CHECK(loaded.report.nodesCreated == 36U);
    CHECK(loaded.report.relsCreated == 82U);
    CHECK(loaded.report.rowsRead == 36U + 82U);
    CHECK(loaded.graph.nodeCount() == 36U);
    CHECK(loaded.graph.relCount() == 82U);
    // 21 actors, 5 things, 10 claims.
    CHECK(labelCount("Actor") == 21U);
    CHECK(labelCount("Claim") == 10U);
    CHECK(labelCount("Country") == 2U);
    CHECK(labelCount("Person") == 7U);
    CHECK(labelCount("Organization") == 9U);
    CHECK(labelCount("Group") == 1U);
    CHECK(labelCount("Government") == 1U);
    for (const char* thing : {"Campaign", "Infrastructure", "System", "Investigation", "Article"}) {
        INFO(thing);
        CHECK(labelCount(thing) == 1U);
    }
}

TEST_CASE("The seed graph keeps typed values", "[seed]") {
    const Graph& graph = seed().graph;
    CHECK(graph.nodeProperty(node("mfa-cyber-campaign"), "since") == Value(int64_t{2022}));
    CHECK(graph.nodeProperty(node("mfa-communication-network"), "critical_infrastructure") == Value(true));
    CHECK(graph.nodeProperty(node("article-brno-daily-2025-05-28"), "published") ==
          Value(*newsgraph::Date::parse("2025-05-28")));
    CHECK(graph.nodeProperty(node("apt31"), "aliases") ==
          Value(Value::List{Value("ZIRCONIUM"), Value("JUDGMENT PANDA"), Value("Violet Typhoon")}));
    CHECK(graph.nodeProperty(node("apt31"), "code").isNull());
    CHECK(graph.nodeProperty(node("china"), "code") == Value("CHN"));
    // CAMEO codes keep their leading zeros.
    const auto share = graph.catalog().findType("SHARE_INTELLIGENCE_OR_INFORMATION");
    REQUIRE(share.has_value());
    const auto rels = graph.relsOfType(*share);
    REQUIRE(rels.size() == 3U);
    for (newsgraph::RelId rel : rels) {
        CHECK(graph.relProperty(rel, "code") == Value("064"));
        CHECK(graph.relProperty(rel, "root_code") == Value("06"));
        CHECK(graph.relSource(rel) == node("czech-republic"));
    }
}

TEST_CASE("The seed graph has exactly one attribution claim", "[seed]") {
    const Graph& graph = seed().graph;
    const std::vector<newsgraph::Attribution> attributions = newsgraph::findAttributions(graph);
    REQUIRE(attributions.size() == 1U);
    const newsgraph::Attribution& attribution = attributions.front();
    CHECK(attribution.claim == node("claim-attribution-apt31"));
    CHECK(attribution.by == std::vector<NodeId>{node("czech-government")});
    CHECK(attribution.what == std::vector<NodeId>{node("mfa-cyber-campaign")});
    CHECK(attribution.to == std::vector<NodeId>{node("apt31")});
    CHECK(attribution.associatedWith == std::vector<NodeId>{node("china-mss")});
    CHECK(attribution.targets == std::vector<NodeId>{node("mfa-communication-network")});
    CHECK(attribution.basedOn == std::vector<NodeId>{node("joint-investigation")});
    CHECK(attribution.reportedIn == std::vector<NodeId>{node("article-brno-daily-2025-05-28")});

    CHECK(text(attribution.by.front(), "name") == "Czech government");
    CHECK(text(attribution.what.front(), "name") == "Malicious cyber campaign against the Czech Foreign Ministry");
    CHECK(text(attribution.to.front(), "name") == "APT31");
    CHECK(text(attribution.associatedWith.front(), "name") == "Ministry of State Security");
    CHECK(attribution.confidence == "high degree of certainty");
    CHECK(attribution.basis == "joint investigation of BIS, VZ, UZSI and NUKIB");
    for (const char* agency : {"BIS", "VZ", "UZSI", "NUKIB"}) {
        INFO(agency);
        CHECK(attribution.basis.find(agency) != std::string::npos);
    }
    const NodeId article = attribution.reportedIn.front();
    CHECK(text(article, "outlet") == "Brno Daily");
    CHECK(graph.nodeProperty(article, "published") == Value(*newsgraph::Date::parse("2025-05-28")));
    CHECK(text(article, "title") == "Czech Government Accuses China of Malicious Cyber Campaign Against Foreign Ministry");
}

TEST_CASE("The seed attribution reads as one line of text", "[seed]") {
    const Graph& graph = seed().graph;
    const auto attributions = newsgraph::findAttributions(graph);
    REQUIRE(attributions.size() == 1U);
    const std::string line = newsgraph::describeAttribution(graph, attributions.front());
    for (const char* part : {"Czech government", "APT31", "Ministry of State Security", "Brno Daily", "2025-05-28"}) {
        INFO(part);
        CHECK(line.find(part) != std::string::npos);
    }
    // by — what (against target) — to (associated with ...); confidence; basis; source: outlet, date, "title".
    CHECK(line.starts_with("Czech government \xE2\x80\x94 Malicious cyber campaign against the Czech Foreign Ministry "
                     "(against: Czech Foreign Ministry communication network) \xE2\x80\x94 APT31 (associated with "
                     "Ministry of State Security"));
    CHECK(line.find("; confidence: high degree of certainty; basis: joint investigation of BIS, VZ, UZSI and NUKIB; ") !=
          std::string::npos);
    CHECK(line.ends_with("; source: Brno Daily, 2025-05-28, "
                         "\"Czech Government Accuses China of Malicious Cyber Campaign Against Foreign Ministry\""));
    CHECK(line.find('\n') == std::string::npos);
    CHECK(newsgraph::displayName(graph, node("china")) == "China");
    CHECK(newsgraph::displayName(graph, node("claim-attribution-apt31")) == "claim-attribution-apt31");
}

TEST_CASE("The seed graph resolves aliases and names", "[seed]") {
    const Graph& graph = seed().graph;
    const std::vector<NodeId> apt = {node("apt31")};
    CHECK(graph.resolve("Group", "ZIRCONIUM") == apt);
    CHECK(graph.resolve("Group", "Violet Typhoon") == apt);
    CHECK(graph.resolve("Group", "judgment panda") == apt);
    CHECK(graph.resolve("Group", "APT31") == apt);
    CHECK(graph.resolve("Actor", "zirconium") == apt);
    CHECK(graph.resolve("Country", "ZIRCONIUM").empty());
    CHECK(graph.resolve("Country", "People's Republic of China") == std::vector<NodeId>{node("china")});
    CHECK(graph.resolve("Country", "PRC") == std::vector<NodeId>{node("china")});
    CHECK(graph.resolve("Country", "chn") == std::vector<NodeId>{node("china")});
    CHECK(graph.resolve("Organization", "MSS") == std::vector<NodeId>{node("china-mss")});
    CHECK(graph.resolve("Organization", "North Atlantic Treaty Organization") == std::vector<NodeId>{node("nato")});
    // CZEGOV is the code of the government, the ministry, NUKIB and several officials.
    CHECK(graph.resolve("Actor", "CZEGOV").size() == 7U);
}

TEST_CASE("Every seed claim is reported in the article exactly once", "[seed]") {
    const Graph& graph = seed().graph;
    const auto claimLabel = graph.catalog().findLabel("Claim");
    const auto reportedIn = graph.catalog().findType("REPORTED_IN");
    REQUIRE(claimLabel.has_value());
    REQUIRE(reportedIn.has_value());
    const NodeId article = node("article-brno-daily-2025-05-28");
    const auto claims = graph.nodesWithLabel(*claimLabel);
    REQUIRE(claims.size() == 10U);
    for (NodeId claim : claims) {
        INFO(text(claim, "id"));
        const newsgraph::Adjacency edges = graph.adjacency(claim, Direction::Out, *reportedIn);
        REQUIRE(edges.size == 1U);
        CHECK(edges.neighbor(0) == article);
        CHECK(graph.relType(edges.rel(0)) == *reportedIn);
    }
    CHECK(graph.relsOfType(*reportedIn).size() == 10U);
    CHECK(graph.adjacency(article, Direction::In, *reportedIn).size == 10U);
}
