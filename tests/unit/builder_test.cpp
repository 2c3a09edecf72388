// The mutable store: GraphBuilder operations, validation, the (label, key) index and savepoints.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/common/exception.hpp"
#include "engine/common/value.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "test_support.hpp"

using newsgraph::Date;
using newsgraph::GraphBuilder;
using newsgraph::LabelId;
using newsgraph::NodeId;
using newsgraph::PropertyKeyId;
using newsgraph::RelId;
using newsgraph::TypeId;
using newsgraph::Value;
using newsgraph::testing::snapshot;

namespace {

// The message of the StorageError `fn` throws, or "(no StorageError)".
template <typename Fn>
std::string storageError(Fn fn) {
    try {
        fn();
    } catch (const newsgraph::StorageError& error) {
        return error.what();
    }
    return "(no StorageError)";
}

Date date(const char* text) {
    return *Date::parse(text);
}

LabelId label(const GraphBuilder& builder, const char* name) {
    const auto id = builder.catalog().findLabel(name);
    REQUIRE(id.has_value());
    return *id;
}

PropertyKeyId key(const GraphBuilder& builder, const char* name) {
    const auto id = builder.catalog().findKey(name);
    REQUIRE(id.has_value());
    return *id;
}

std::vector<NodeId> lookup(const GraphBuilder& builder, const char* labelName, const char* keyName, const char* text) {
    const auto found = builder.lookup(label(builder, labelName), key(builder, keyName), text);
    return {found.begin(), found.end()};
}

std::vector<std::string> labelNames(const GraphBuilder& builder, NodeId node) {
    std::vector<std::string> out;
    for (LabelId id : builder.nodeLabels(node)) {
        out.push_back(builder.catalog().labelName(id));
    }
    return out;
}

// Three actors, two relationships, external ids:
//   0 (:Actor:Country {name:'China', code:'CHN', aliases:['PRC']})
//   1 (:Actor:Group {name:'APT31', aliases:['ZIRCONIUM', 'Violet Typhoon']})
//   2 (:Actor:Organization {name:'Ministry of State Security', code:'CHNSPY', since:1983})
//   (1)-[:ASSOCIATED_WITH {source:'article'}]->(2), (2)-[:AGENCY_OF]->(0)
void buildBase(GraphBuilder& builder) {
    const NodeId china = builder.addNode({"Actor", "Country"}, {{"name", Value("China")},
                                                                {"code", Value("CHN")},
                                                                {"aliases", Value(Value::List{Value("PRC")})}});
    const NodeId apt = builder.addNode(
        {"Actor", "Group"},
        {{"name", Value("APT31")}, {"aliases", Value(Value::List{Value("ZIRCONIUM"), Value("Violet Typhoon")})}});
    const NodeId mss = builder.addNode({"Actor", "Organization"}, {{"name", Value("Ministry of State Security")},
                                                                   {"code", Value("CHNSPY")},
                                                                   {"since", Value(1983)}});
    builder.addRelationship(apt, "ASSOCIATED_WITH", mss, {{"source", Value("article")}});
    builder.addRelationship(mss, "AGENCY_OF", china);
    builder.bindExternalId("", "china", china);
    builder.bindExternalId("", "apt31", apt);
    builder.bindExternalId("", "china-mss", mss);
}

// Every (label, key, text) -> nodes entry of a frozen graph's index, by name, sorted.
std::vector<std::tuple<std::string, std::string, std::string, std::vector<NodeId>>> indexDump(
    const newsgraph::Graph& graph) {
    std::vector<std::tuple<std::string, std::string, std::string, std::vector<NodeId>>> out;
    graph.index().forEach([&](LabelId labelId, PropertyKeyId keyId, std::string_view text, std::span<const NodeId> nodes) {
        out.emplace_back(graph.catalog().labelName(labelId), graph.catalog().keyName(keyId), std::string(text),
                         std::vector<NodeId>(nodes.begin(), nodes.end()));
    });
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("GraphBuilder reserves the indexed keys", "[storage]") {
    const GraphBuilder builder;
    CHECK(builder.catalog().keyCount() == 4U);
    CHECK(builder.catalog().keyName(builder.idKey()) == "id");
    CHECK(builder.catalog().keyName(builder.nameKey()) == "name");
    CHECK(builder.catalog().keyName(builder.codeKey()) == "code");
    CHECK(builder.catalog().keyName(builder.aliasesKey()) == "aliases");
    CHECK(builder.nodeCount() == 0U);
    CHECK(builder.relCount() == 0U);
    CHECK(builder.catalog().labelCount() == 0U);
}

TEST_CASE("GraphBuilder adds nodes with labels and properties", "[storage]") {
    GraphBuilder builder;
    const NodeId czechia = builder.addNode({"Actor", "Country"}, {{"name", Value("Czech Republic")},
                                                                  {"population", Value(int64_t{10900000})},
                                                                  {"area", Value(78871.5)},
                                                                  {"eu", Value(true)},
                                                                  {"joined", Value(date("2004-05-01"))},
                                                                  {"tags", Value(Value::List{Value("a"), Value("b")})}});
    CHECK(czechia == 0U);
    CHECK(labelNames(builder, czechia) == std::vector<std::string>{"Actor", "Country"});
    CHECK(builder.nodeProperty(czechia, builder.nameKey()) == Value("Czech Republic"));
    CHECK(builder.nodeProperty(czechia, key(builder, "population")) == Value(int64_t{10900000}));
    CHECK(builder.nodeProperty(czechia, key(builder, "area")) == Value(78871.5));
    CHECK(builder.nodeProperty(czechia, key(builder, "eu")) == Value(true));
    CHECK(builder.nodeProperty(czechia, key(builder, "joined")) == Value(date("2004-05-01")));
    CHECK(builder.nodeProperty(czechia, key(builder, "tags")) == Value(Value::List{Value("a"), Value("b")}));
    CHECK(builder.nodeProperty(czechia, builder.codeKey()).isNull());
    CHECK(builder.nodeProperty(czechia, 999).isNull());

    const NodeId bare = builder.addNode(std::span<const LabelId>{});
    CHECK(bare == 1U);
    CHECK(builder.nodeLabels(bare).empty());
    CHECK(builder.nodeCount() == 2U);

    // Labels are kept by id, whatever order they are given in.
    const NodeId reversed = builder.addNode({"Country", "Actor"});
    CHECK(labelNames(builder, reversed) == std::vector<std::string>{"Actor", "Country"});

    // Overwrite with another type, then remove with null.
    builder.setNodeProperty(czechia, "population", Value("many"));
    CHECK(builder.nodeProperty(czechia, key(builder, "population")) == Value("many"));
    builder.setNodeProperty(czechia, "population", Value());
    CHECK(builder.nodeProperty(czechia, key(builder, "population")).isNull());
    // Properties of a later node do not disturb an earlier one.
    builder.setNodeProperty(bare, "area", Value(1.0));
    builder.setNodeProperty(reversed, "area", Value(int64_t{2}));
    CHECK(builder.nodeProperty(czechia, key(builder, "area")) == Value(78871.5));
    CHECK(builder.nodeProperty(bare, key(builder, "area")) == Value(1.0));
    CHECK(builder.nodeProperty(reversed, key(builder, "area")) == Value(int64_t{2}));
}

TEST_CASE("GraphBuilder adds and removes labels", "[storage]") {
    GraphBuilder builder;
    const NodeId node = builder.addNode({"Actor"}, {{"name", Value("NATO")}});
    const LabelId org = builder.catalog().internLabel("Organization");
    builder.addLabel(node, org);
    builder.addLabel(node, org); // twice: no change
    CHECK(labelNames(builder, node) == std::vector<std::string>{"Actor", "Organization"});
    CHECK(lookup(builder, "Organization", "name", "nato") == std::vector<NodeId>{node});
    builder.removeLabel(node, label(builder, "Actor"));
    CHECK(labelNames(builder, node) == std::vector<std::string>{"Organization"});
    CHECK(lookup(builder, "Actor", "name", "nato").empty());
    builder.removeLabel(node, label(builder, "Actor")); // not there: no change
    CHECK(labelNames(builder, node) == std::vector<std::string>{"Organization"});

    CHECK(storageError([&] { builder.addLabel(node, 77); }) == "no label with id 77");
    CHECK(storageError([&] { builder.addLabel(5, org); }) == "no node with id 5 (the graph has 1 nodes)");
    const std::vector<LabelId> unknown = {0, 40};
    CHECK(storageError([&] { builder.addNode(unknown); }) == "no label with id 40");
    CHECK(builder.nodeCount() == 1U);
}

TEST_CASE("GraphBuilder adds relationships with properties", "[storage]") {
    GraphBuilder builder;
    const NodeId a = builder.addNode({"Actor"});
    const NodeId b = builder.addNode({"Actor"});
    const RelId member = builder.addRelationship(a, "MEMBER_OF", b, {{"since", Value(2004)}, {"note", Value("x")}});
    const TypeId memberOf = *builder.catalog().findType("MEMBER_OF");
    const RelId loop = builder.addRelationship(b, memberOf, b);
    const RelId parallel = builder.addRelationship(a, memberOf, b);
    CHECK(member == 0U);
    CHECK(loop == 1U);
    CHECK(parallel == 2U);
    CHECK(builder.relCount() == 3U);
    CHECK(builder.relType(member) == memberOf);
    CHECK(builder.relSource(member) == a);
    CHECK(builder.relTarget(member) == b);
    CHECK(builder.relSource(loop) == b);
    CHECK(builder.relTarget(loop) == b);
    CHECK(builder.relProperty(member, key(builder, "since")) == Value(2004));
    CHECK(builder.relProperty(member, key(builder, "note")) == Value("x"));
    CHECK(builder.relProperty(loop, key(builder, "since")).isNull());
    builder.setRelProperty(parallel, "since", Value(2010));
    builder.setRelProperty(member, "note", Value());
    CHECK(builder.relProperty(parallel, key(builder, "since")) == Value(2010));
    CHECK(builder.relProperty(member, key(builder, "note")).isNull());

    const auto before = snapshot(builder);
    CHECK(storageError([&] { builder.addRelationship(a, "NEW_TYPE", 9); }) == "no node with id 9 (the graph has 2 nodes)");
    CHECK(storageError([&] { builder.addRelationship(9, memberOf, a); }) == "no node with id 9 (the graph has 2 nodes)");
    CHECK(storageError([&] { builder.addRelationship(a, TypeId{50}, b); }) == "no relationship type with id 50");
    CHECK(storageError([&] { builder.setRelProperty(7, "new_key", Value(1)); }) ==
          "no relationship with id 7 (the graph has 3 relationships)");
    CHECK(storageError([&] { builder.setRelProperty(member, PropertyKeyId{300}, Value(1)); }) ==
          "no property key with id 300");
    CHECK(storageError([&] { builder.setNodeProperty(9, "new_key", Value(1)); }) ==
          "no node with id 9 (the graph has 2 nodes)");
    CHECK(storageError([&] { builder.setNodeProperty(a, PropertyKeyId{300}, Value(1)); }) ==
          "no property key with id 300");
    CHECK(snapshot(builder) == before);
}

TEST_CASE("validatePropertyValue accepts storable values", "[storage]") {
    for (const Value& value : {Value(true), Value(0), Value(-1.5), Value(""), Value("Lipavsk\xC3\xBD"),
                               Value(date("2025-05-28")), Value(Value::List{}), Value(Value::List{Value(1), Value(2)}),
                               Value(Value::List{Value("a"), Value("\xE2\x80\x99")}),
                               Value(Value::List{Value(date("2025-05-28"))}),
                               Value(Value::List{Value(true), Value(false)}), Value(Value::List{Value(0.5)})}) {
        INFO(value.toString());
        CHECK_NOTHROW(newsgraph::validatePropertyValue(value));
    }
}

TEST_CASE("validatePropertyValue rejects what cannot be stored", "[storage]") {
    using newsgraph::validatePropertyValue;
    CHECK(storageError([] { validatePropertyValue(Value::map({{"a", Value(1)}})); }) == "a property value cannot be MAP");
    CHECK(storageError([] { validatePropertyValue(Value()); }) == "a property value cannot be NULL");
    CHECK(storageError([] { validatePropertyValue(Value(newsgraph::NodeRef{1})); }) == "a property value cannot be NODE");
    CHECK(storageError([] { validatePropertyValue(Value(newsgraph::RelRef{1})); }) ==
          "a property value cannot be RELATIONSHIP");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value(1), Value()})); }) ==
          "a list property may hold only booleans, numbers, strings or temporal values, not NULL");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value()})); }) ==
          "a list property may hold only booleans, numbers, strings or temporal values, not NULL");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value(Value::List{Value(1)})})); }) ==
          "a list property may hold only booleans, numbers, strings or temporal values, not LIST");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value::map({})})); }) ==
          "a list property may hold only booleans, numbers, strings or temporal values, not MAP");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value(1), Value("a")})); }) ==
          "a list property must hold values of one type, not INTEGER and STRING");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value(1), Value(2), Value(2.5)})); }) ==
          "a list property must hold values of one type, not INTEGER and FLOAT");
    CHECK(storageError([] { validatePropertyValue(Value("\xC0\x80")); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 0)");
    CHECK(storageError([] { validatePropertyValue(Value("abc\xED\xA0\x80")); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 3)");
    CHECK(storageError([] { validatePropertyValue(Value(Value::List{Value("ok"), Value("ab\xFF")})); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 2)");
}

TEST_CASE("A failed builder call leaves the builder unchanged", "[storage]") {
    GraphBuilder builder;
    buildBase(builder);
    const auto before = snapshot(builder);
    const Value badMap = Value::map({{"a", Value(1)}});
    const Value mixed(Value::List{Value(1), Value("a")});
    const Value withNull(Value::List{Value("a"), Value()});
    const Value badText("\xED\xA0\x80");
    const LabelId country = label(builder, "Country");

    CHECK(storageError([&] { builder.setNodeProperty(0, "brand_new_key", badMap); }) == "a property value cannot be MAP");
    CHECK(storageError([&] { builder.setNodeProperty(0, "name", mixed); }) ==
          "a list property must hold values of one type, not INTEGER and STRING");
    CHECK(storageError([&] { builder.setNodeProperty(0, builder.nameKey(), withNull); }) ==
          "a list property may hold only booleans, numbers, strings or temporal values, not NULL");
    CHECK(storageError([&] { builder.setNodeProperty(2, "since", badText); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 0)");
    CHECK(storageError([&] {
              builder.addNode({"BrandNewLabel"}, {{"ok", Value(1)}, {"bad", badMap}});
          }) == "a property value cannot be MAP");
    CHECK(storageError([&] {
              builder.addRelationship(0, "BRAND_NEW_TYPE", 1, {{"ok", Value(1)}, {"bad", withNull}});
          }) == "a list property may hold only booleans, numbers, strings or temporal values, not NULL");
    CHECK(storageError([&] { builder.setRelProperty(0, "brand_new_key", mixed); }) ==
          "a list property must hold values of one type, not INTEGER and STRING");
    CHECK(storageError([&] { builder.setRelProperty(0, "source", badText); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 0)");
    CHECK(storageError([&] { builder.addAlias(0, "\xC3"); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 0)");
    CHECK(storageError([&] { builder.findOrCreateNode(country, builder.nameKey(), "\xFF"); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 0)");

    CHECK(snapshot(builder) == before);
    CHECK_FALSE(builder.catalog().findKey("brand_new_key").has_value());
    CHECK_FALSE(builder.catalog().findLabel("BrandNewLabel").has_value());
    CHECK_FALSE(builder.catalog().findType("BRAND_NEW_TYPE").has_value());
    // The index still has the old values.
    CHECK(lookup(builder, "Country", "name", "China") == std::vector<NodeId>{0});
    CHECK(lookup(builder, "Country", "aliases", "prc") == std::vector<NodeId>{0});
}

TEST_CASE("findOrCreateNode merges names equal after normalization", "[storage]") {
    GraphBuilder builder;
    const LabelId country = builder.catalog().internLabel("Country");
    const LabelId actor = builder.catalog().internLabel("Actor");

    const auto china = builder.findOrCreateNode(country, builder.nameKey(), "China");
    CHECK(china.node == 0U);
    CHECK(china.created);
    for (const char* variant : {"China", "  china ", "CHINA", "china\t", "\nChInA"}) {
        INFO("'" << variant << "'");
        const auto again = builder.findOrCreateNode(country, builder.nameKey(), variant);
        CHECK(again.node == china.node);
        CHECK_FALSE(again.created);
    }
    CHECK(builder.nodeProperty(china.node, builder.nameKey()) == Value("China")); // the first spelling stays

    const auto chin = builder.findOrCreateNode(country, builder.nameKey(), "Chin");
    CHECK(chin.created);
    CHECK(chin.node == 1U);
    CHECK(builder.nodeProperty(chin.node, builder.nameKey()) == Value("Chin"));
    CHECK(labelNames(builder, chin.node) == std::vector<std::string>{"Country"});

    // Another label or another key is another index entry.
    const auto actorChina = builder.findOrCreateNode(actor, builder.nameKey(), "China");
    CHECK(actorChina.created);
    CHECK(actorChina.node == 2U);
    const auto byCode = builder.findOrCreateNode(country, builder.codeKey(), "china");
    CHECK(byCode.created);
    CHECK(byCode.node == 3U);
    // Inner white space is collapsed, not removed.
    const auto spaced = builder.findOrCreateNode(country, builder.nameKey(), "Czech   Republic");
    CHECK(spaced.created);
    CHECK(builder.findOrCreateNode(country, builder.nameKey(), "czech republic").node == spaced.node);
    CHECK(builder.findOrCreateNode(country, builder.nameKey(), "CzechRepublic").created);
    CHECK(builder.nodeCount() == 6U);

    // Several matches: the lowest id.
    const NodeId dup1 = builder.addNode({"Country"}, {{"name", Value("Dup")}});
    const NodeId dup2 = builder.addNode({"Country"}, {{"name", Value("dup")}});
    CHECK(lookup(builder, "Country", "name", "DUP") == std::vector<NodeId>{dup1, dup2});
    CHECK(builder.findOrCreateNode(country, builder.nameKey(), "dup").node == dup1);

    const uint32_t nodes = builder.nodeCount();
    const PropertyKeyId kind = builder.catalog().internKey("kind");
    CHECK(storageError([&] { builder.findOrCreateNode(country, kind, "x"); }) ==
          "find-or-create needs an indexed key (id, name, code or aliases), not 'kind'");
    CHECK(builder.nodeCount() == nodes);
}

TEST_CASE("addAlias deduplicates after normalization and aliases resolve", "[storage]") {
    GraphBuilder builder;
    const NodeId china = builder.addNode({"Actor", "Country"}, {{"name", Value("China")}, {"code", Value("CHN")}});
    builder.addAlias(china, "PRC");
    builder.addAlias(china, " prc ");
    builder.addAlias(china, "People's Republic of China");
    builder.addAlias(china, "PEOPLE'S  REPUBLIC OF\tCHINA");
    builder.addAlias(china, "PRC");
    CHECK(builder.nodeProperty(china, builder.aliasesKey()) ==
          Value(Value::List{Value("PRC"), Value("People's Republic of China")}));

    CHECK(lookup(builder, "Country", "aliases", "prc") == std::vector<NodeId>{china});
    CHECK(lookup(builder, "Actor", "aliases", "people's republic of china") == std::vector<NodeId>{china});
    CHECK(lookup(builder, "Country", "aliases", "China").empty()); // the name is not an alias
    const LabelId country = label(builder, "Country");
    CHECK(builder.resolve(country, "  prc") == std::optional<NodeId>(china));
    CHECK(builder.resolve(country, "People's Republic of China") == std::optional<NodeId>(china));
    CHECK(builder.resolve(country, "china") == std::optional<NodeId>(china));
    CHECK(builder.resolve(country, "chn") == std::optional<NodeId>(china));
    CHECK_FALSE(builder.resolve(country, "Taiwan").has_value());
    CHECK_FALSE(builder.resolve(country, "People's Republic").has_value());

    // An alias stored as one string becomes a list when a different alias is added.
    const NodeId bis = builder.addNode({"Organization"}, {{"name", Value("Security Information Service")},
                                                          {"aliases", Value("BIS")}});
    builder.addAlias(bis, "bis");
    CHECK(builder.nodeProperty(bis, builder.aliasesKey()) == Value("BIS"));
    builder.addAlias(bis, "Czech counterintelligence");
    CHECK(builder.nodeProperty(bis, builder.aliasesKey()) ==
          Value(Value::List{Value("BIS"), Value("Czech counterintelligence")}));
    CHECK(lookup(builder, "Organization", "aliases", "czech COUNTERINTELLIGENCE") == std::vector<NodeId>{bis});
    CHECK(lookup(builder, "Organization", "aliases", "bis") == std::vector<NodeId>{bis});

    // Replacing the aliases drops the old index entries.
    builder.setNodeProperty(china, builder.aliasesKey(), Value(Value::List{Value("Zhongguo")}));
    CHECK(lookup(builder, "Country", "aliases", "prc").empty());
    CHECK(lookup(builder, "Country", "aliases", "zhongguo") == std::vector<NodeId>{china});
}

TEST_CASE("External ids are unique per ID space", "[storage]") {
    GraphBuilder builder;
    const NodeId a = builder.addNode({"Actor"});
    const NodeId b = builder.addNode({"Actor"});
    builder.bindExternalId("", "china", a);
    builder.bindExternalId("", "china", a); // the same binding again is fine
    builder.bindExternalId("Other", "china", b);
    CHECK(builder.findExternalId("", "china") == std::optional<NodeId>(a));
    CHECK(builder.findExternalId("Other", "china") == std::optional<NodeId>(b));
    CHECK_FALSE(builder.findExternalId("", "China").has_value());
    CHECK_FALSE(builder.findExternalId("Third", "china").has_value());

    CHECK(storageError([&] { builder.bindExternalId("", "china", b); }) == "duplicate node id 'china'");
    CHECK(storageError([&] { builder.bindExternalId("Other", "china", a); }) ==
          "duplicate node id 'china' in ID space 'Other'");
    CHECK_THROWS_AS(builder.bindExternalId("", "china", b), newsgraph::StorageError);
    CHECK(storageError([&] { builder.bindExternalId("", "x", 5); }) == "no node with id 5 (the graph has 2 nodes)");
    CHECK(builder.findExternalId("", "china") == std::optional<NodeId>(a));
    CHECK(builder.findExternalId("Other", "china") == std::optional<NodeId>(b));
    CHECK_FALSE(builder.findExternalId("", "x").has_value());
}

TEST_CASE("rollback restores everything changed since the savepoint", "[storage]") {
    GraphBuilder builder;
    buildBase(builder);
    const auto before = snapshot(builder);
    const uint32_t labels = builder.catalog().labelCount();
    const uint32_t types = builder.catalog().typeCount();
    const uint32_t keys = builder.catalog().keyCount();

    const GraphBuilder::Savepoint savepoint = builder.savepoint();
    // New entities with new labels, types and keys.
    const NodeId article = builder.addNode({"Article", "Source"}, {{"name", Value("Brno Daily")},
                                                                   {"published", Value(date("2025-05-28"))},
                                                                   {"code", Value("BD")}});
    builder.bindExternalId("", "article", article);
    builder.addRelationship(article, "MENTIONS", 0, {{"weight", Value(1.5)}});
    builder.addRelationship(1, "REPORTED_IN", article);
    builder.setNodeProperty(article, "name", Value("Brno Daily (renamed)"));
    // Changes to old nodes and relationships.
    builder.setNodeProperty(0, "name", Value("People's Republic"));      // overwrite an indexed property
    builder.setNodeProperty(0, "code", Value(156));                      // overwrite with another type
    builder.setNodeProperty(1, "founded", Value(2010));                  // a new key on an old node
    builder.setNodeProperty(1, "code", Value("APT-31"));                 // an old key absent before
    builder.setNodeProperty(2, "since", Value());                        // remove a property
    builder.setNodeProperty(2, "name", Value("MSS"));
    builder.setNodeProperty(2, "name", Value("Guoanbu"));                // twice in one batch
    builder.addLabel(0, builder.catalog().internLabel("Sanctioned"));    // a new label on an old node
    builder.addLabel(2, builder.catalog().internLabel("Group"));         // an old label, new label set
    builder.removeLabel(1, label(builder, "Group"));
    builder.addAlias(1, "APT 31");
    builder.setRelProperty(0, "source", Value("changed"));
    builder.setRelProperty(1, "confidence", Value("high"));
    builder.bindExternalId("Other", "x", 0);                             // an external id for an old node
    builder.findOrCreateNode(label(builder, "Country"), builder.nameKey(), "Taiwan");
    REQUIRE(builder.nodeCount() == 5U);

    builder.rollback(savepoint);

    CHECK(snapshot(builder) == before);
    CHECK(builder.nodeCount() == 3U);
    CHECK(builder.relCount() == 2U);
    CHECK(builder.catalog().labelCount() == labels);
    CHECK(builder.catalog().typeCount() == types);
    CHECK(builder.catalog().keyCount() == keys);
    CHECK_FALSE(builder.catalog().findLabel("Article").has_value());
    CHECK_FALSE(builder.catalog().findLabel("Sanctioned").has_value());
    CHECK_FALSE(builder.catalog().findType("MENTIONS").has_value());
    CHECK_FALSE(builder.catalog().findKey("founded").has_value());
    CHECK_FALSE(builder.catalog().findKey("weight").has_value());
    // Old values are back, absent ones absent again.
    CHECK(builder.nodeProperty(0, builder.nameKey()) == Value("China"));
    CHECK(builder.nodeProperty(0, builder.codeKey()) == Value("CHN"));
    CHECK(builder.nodeProperty(1, builder.codeKey()).isNull());
    CHECK(builder.nodeProperty(2, key(builder, "since")) == Value(1983));
    CHECK(builder.nodeProperty(2, builder.nameKey()) == Value("Ministry of State Security"));
    CHECK(labelNames(builder, 1) == std::vector<std::string>{"Actor", "Group"});
    CHECK(labelNames(builder, 2) == std::vector<std::string>{"Actor", "Organization"});
    // The index forgets rolled-back names and finds the restored ones.
    CHECK(lookup(builder, "Country", "name", "people's republic").empty());
    CHECK(lookup(builder, "Country", "name", "china") == std::vector<NodeId>{0});
    CHECK(lookup(builder, "Actor", "name", "china") == std::vector<NodeId>{0});
    CHECK(lookup(builder, "Country", "code", "chn") == std::vector<NodeId>{0});
    CHECK(lookup(builder, "Country", "name", "taiwan").empty());
    CHECK(lookup(builder, "Actor", "name", "guoanbu").empty());
    CHECK(lookup(builder, "Actor", "name", "mss").empty());
    CHECK(lookup(builder, "Organization", "name", "ministry of state security") == std::vector<NodeId>{2});
    CHECK(lookup(builder, "Group", "name", "ministry of state security").empty());
    CHECK(lookup(builder, "Group", "name", "apt31") == std::vector<NodeId>{1});
    CHECK(lookup(builder, "Group", "aliases", "apt 31").empty());
    CHECK(lookup(builder, "Group", "aliases", "zirconium") == std::vector<NodeId>{1});
    CHECK(lookup(builder, "Actor", "code", "apt-31").empty());
    CHECK(builder.resolve(label(builder, "Group"), "Violet Typhoon") == std::optional<NodeId>(1));
    // External ids bound in the batch are gone, older ones stay.
    CHECK_FALSE(builder.findExternalId("", "article").has_value());
    CHECK_FALSE(builder.findExternalId("Other", "x").has_value());
    CHECK(builder.findExternalId("", "china") == std::optional<NodeId>(0));
    CHECK(builder.findExternalId("", "china-mss") == std::optional<NodeId>(2));

    // The builder goes on as if the batch never happened: ids and names are reused.
    const NodeId next = builder.addNode({"Article"}, {{"name", Value("Second try")}});
    CHECK(next == 3U);
    CHECK(*builder.catalog().findLabel("Article") == labels);
    builder.bindExternalId("", "article", next);
    CHECK(builder.findExternalId("", "article") == std::optional<NodeId>(next));
}

TEST_CASE("A rolled-back batch freezes to the same graph as no batch", "[storage]") {
    GraphBuilder reference;
    buildBase(reference);
    GraphBuilder rolledBack;
    buildBase(rolledBack);

    const GraphBuilder::Savepoint savepoint = rolledBack.savepoint();
    const NodeId extra = rolledBack.addNode({"Claim", "Country"}, {{"name", Value("China")}, {"id", Value("c1")}});
    rolledBack.addRelationship(extra, "BY", 0);
    rolledBack.setNodeProperty(0, "name", Value("PRC"));
    rolledBack.setNodeProperty(0, "aliases", Value(Value::List{Value("Zhongguo"), Value("CN")}));
    rolledBack.addLabel(1, rolledBack.catalog().internLabel("Sanctioned"));
    rolledBack.removeLabel(2, label(rolledBack, "Organization"));
    rolledBack.setNodeProperty(2, "code", Value());
    rolledBack.setRelProperty(1, "since", Value(1983));
    rolledBack.rollback(savepoint);

    const newsgraph::Graph expected = std::move(reference).freeze();
    const newsgraph::Graph actual = std::move(rolledBack).freeze();
    CHECK(indexDump(actual) == indexDump(expected));
    CHECK(actual.index().entryCount() == expected.index().entryCount());
    REQUIRE(actual.nodeCount() == expected.nodeCount());
    REQUIRE(actual.relCount() == expected.relCount());
    for (NodeId node = 0; node < actual.nodeCount(); ++node) {
        CHECK(actual.nodeProperties(node) == expected.nodeProperties(node));
        CHECK(std::vector<LabelId>(actual.labels(node).begin(), actual.labels(node).end()) ==
              std::vector<LabelId>(expected.labels(node).begin(), expected.labels(node).end()));
    }
    for (RelId rel = 0; rel < actual.relCount(); ++rel) {
        CHECK(actual.relProperties(rel) == expected.relProperties(rel));
    }
    CHECK(actual.stats().labels == expected.stats().labels);
    CHECK(actual.stats().types == expected.stats().types);
}

TEST_CASE("Nested savepoints - inner rollback then outer commit", "[storage]") {
    GraphBuilder builder;
    buildBase(builder);
    const GraphBuilder::Savepoint outer = builder.savepoint();
    const NodeId kept = builder.addNode({"Person"}, {{"name", Value("Jan Lipavsky")}});
    builder.setNodeProperty(0, "description", Value("outer change"));

    const GraphBuilder::Savepoint inner = builder.savepoint();
    builder.addNode({"Person"}, {{"name", Value("Feng Biao")}});
    builder.addRelationship(kept, "HEADS", 2);
    builder.setNodeProperty(kept, "name", Value("Renamed"));    // a node of the outer batch
    builder.setNodeProperty(0, "description", Value("inner"));  // overwrites the outer change
    builder.setNodeProperty(0, "name", Value("Inner name"));
    builder.catalog().internKey("inner_only");
    builder.rollback(inner);

    CHECK(builder.nodeCount() == 4U);
    CHECK(builder.relCount() == 2U);
    CHECK(builder.nodeProperty(kept, builder.nameKey()) == Value("Jan Lipavsky"));
    CHECK(builder.nodeProperty(0, key(builder, "description")) == Value("outer change"));
    CHECK(builder.nodeProperty(0, builder.nameKey()) == Value("China"));
    CHECK(lookup(builder, "Person", "name", "jan lipavsky") == std::vector<NodeId>{kept});
    CHECK(lookup(builder, "Person", "name", "renamed").empty());
    CHECK(lookup(builder, "Person", "name", "feng biao").empty());
    CHECK_FALSE(builder.catalog().findType("HEADS").has_value());
    CHECK_FALSE(builder.catalog().findKey("inner_only").has_value());

    builder.commit(outer);
    CHECK(builder.nodeCount() == 4U);
    CHECK(builder.nodeProperty(kept, builder.nameKey()) == Value("Jan Lipavsky"));
    CHECK(builder.nodeProperty(0, key(builder, "description")) == Value("outer change"));

    // A later batch rolled back does not undo the committed one.
    const auto committed = snapshot(builder);
    const GraphBuilder::Savepoint later = builder.savepoint();
    builder.setNodeProperty(0, "description", Value("later"));
    builder.setNodeProperty(kept, "name", Value("Later"));
    builder.rollback(later);
    CHECK(snapshot(builder) == committed);
    CHECK(lookup(builder, "Person", "name", "jan lipavsky") == std::vector<NodeId>{kept});
}

TEST_CASE("Nested savepoints - inner commit then outer rollback", "[storage]") {
    GraphBuilder builder;
    buildBase(builder);
    const auto before = snapshot(builder);
    const GraphBuilder::Savepoint outer = builder.savepoint();
    const NodeId outerNode = builder.addNode({"Person"}, {{"name", Value("Mark Rutte")}});
    builder.setNodeProperty(1, "name", Value("APT 31 outer"));

    const GraphBuilder::Savepoint inner = builder.savepoint();
    const NodeId innerNode = builder.addNode({"Person", "Official"}, {{"name", Value("Kaja Kallas")}});
    builder.addRelationship(innerNode, "WORKS_FOR", outerNode);
    builder.setNodeProperty(outerNode, "name", Value("Rutte"));
    builder.setNodeProperty(1, "name", Value("APT 31 inner"));
    builder.setNodeProperty(0, "code", Value());
    builder.addLabel(0, builder.catalog().internLabel("Official"));
    builder.bindExternalId("", "kallas", innerNode);
    builder.bindExternalId("", "rutte", outerNode);
    builder.commit(inner);

    CHECK(builder.nodeCount() == 5U);
    CHECK(builder.nodeProperty(1, builder.nameKey()) == Value("APT 31 inner"));
    CHECK(lookup(builder, "Official", "name", "china") == std::vector<NodeId>{0});

    builder.rollback(outer);
    CHECK(snapshot(builder) == before);
    CHECK(lookup(builder, "Group", "name", "apt31") == std::vector<NodeId>{1});
    CHECK(lookup(builder, "Group", "name", "apt 31 inner").empty());
    CHECK(lookup(builder, "Group", "name", "apt 31 outer").empty());
    CHECK(lookup(builder, "Country", "code", "chn") == std::vector<NodeId>{0});
    CHECK_FALSE(builder.catalog().findLabel("Person").has_value());
    CHECK_FALSE(builder.catalog().findLabel("Official").has_value());
    CHECK_FALSE(builder.findExternalId("", "kallas").has_value());
    CHECK_FALSE(builder.findExternalId("", "rutte").has_value());
}

TEST_CASE("Only the innermost savepoint can be rolled back or committed", "[storage]") {
    GraphBuilder builder;
    buildBase(builder);
    const auto before = snapshot(builder);
    const GraphBuilder::Savepoint outer = builder.savepoint();
    builder.addNode({"Outer"});
    const GraphBuilder::Savepoint inner = builder.savepoint();
    builder.addNode({"Inner"});
    const auto open = snapshot(builder);

    CHECK(storageError([&] { builder.rollback(outer); }) == "rollback of a savepoint that is not the innermost open one");
    CHECK(storageError([&] { builder.commit(outer); }) == "commit of a savepoint that is not the innermost open one");
    CHECK_THROWS_AS(builder.rollback(outer), newsgraph::StorageError);
    CHECK(snapshot(builder) == open);
    CHECK(storageError([&] { (void)std::move(builder).freeze(); }) == "cannot freeze a graph while a savepoint is open");
    CHECK(snapshot(builder) == open);

    builder.rollback(inner);
    CHECK(builder.nodeCount() == 4U);
    CHECK(storageError([&] { builder.rollback(inner); }) == "rollback of a savepoint that is not the innermost open one");
    builder.rollback(outer);
    CHECK(snapshot(builder) == before);
    CHECK(storageError([&] { builder.commit(outer); }) == "commit of a savepoint that is not the innermost open one");
}

TEST_CASE("GraphBuilder sets interned strings like string values", "[storage]") {
    GraphBuilder builder;
    const NodeId a = builder.addNode({"Actor"});
    const TypeId type = builder.catalog().internType("T");
    const PropertyKeyId source = builder.catalog().internKey("source");
    const PropertyKeyId mixed = builder.catalog().internKey("mixed");
    builder.reserveRelationships(4);
    builder.reserveRelProperty(source, 4, newsgraph::ColumnKind::String);
    const newsgraph::InternedString url = builder.internString("https://example.org/a");
    CHECK(builder.internString("https://example.org/a").id == url.id);
    const RelId first = builder.addRelationship(a, type, a);
    const RelId second = builder.addRelationship(a, type, a);
    builder.setRelProperty(second, source, url);
    builder.setRelProperty(first, source, url); // out of id order: the general path
    CHECK(builder.relProperty(first, source) == Value("https://example.org/a"));
    CHECK(builder.relProperty(second, source) == Value("https://example.org/a"));
    // A column that already holds integers turns mixed and keeps both.
    builder.setRelProperty(first, mixed, Value(7));
    builder.setRelProperty(second, mixed, url);
    CHECK(builder.relProperty(first, mixed) == Value(7));
    CHECK(builder.relProperty(second, mixed) == Value("https://example.org/a"));

    CHECK(storageError([&] { builder.internString(std::string_view("bad \xff byte")); }) ==
          "string property values must be valid UTF-8 (bad byte at offset 4)");
    CHECK(storageError([&] { builder.setRelProperty(9, source, url); }).find("no relationship with id 9") == 0);
    CHECK(storageError([&] { builder.setRelProperty(first, source, newsgraph::InternedString{999}); }) ==
          "no interned string with id 999");
    CHECK(storageError([&] { builder.reserveRelProperty(PropertyKeyId{500}, 1, newsgraph::ColumnKind::Int); }) ==
          "no property key with id 500");

    // Rolled back with everything else of the batch.
    const auto savepoint = builder.savepoint();
    const RelId third = builder.addRelationship(a, type, a);
    builder.setRelProperty(third, source, builder.internString("https://example.org/b"));
    builder.setRelProperty(first, source, builder.internString("https://example.org/c"));
    builder.rollback(savepoint);
    CHECK(builder.relCount() == 2U);
    CHECK(builder.relProperty(first, source) == Value("https://example.org/a"));
    newsgraph::Graph graph = std::move(builder).freeze();
    CHECK(graph.relProperty(second, "source") == Value("https://example.org/a"));
}
