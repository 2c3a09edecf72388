// The native loader: neo4j-admin style node and relationship CSV files, dataset manifests, strict
// and lenient handling of bad input, and loader look-up by format.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include <optional>
#include <string>
#include <vector>

#include "engine/common/value.hpp"
#include "engine/storage/graph_builder.hpp"
#include "loaders/load_report.hpp"
#include "loaders/loader.hpp"
#include "loaders/native_header.hpp"
#include "loaders/native_loader.hpp"
#include "test_gzip.hpp"
#include "test_support.hpp"

using newsgraph::Date;
using newsgraph::GraphBuilder;
using newsgraph::LoadOptions;
using newsgraph::LoadReport;
using newsgraph::NodeId;
using newsgraph::Value;
using newsgraph::testing::snapshot;
using newsgraph::testing::TempDir;

namespace {

const LoadOptions kStrict{true, 10};
const LoadOptions kLenient{false, 10};

// The message of the LoadError `fn` throws, or "(no LoadError)".
template <typename Fn>
std::string loadError(Fn fn) {
    try {
        fn();
    } catch (const newsgraph::LoadError& error) {
        return error.what();
    }
    return "(no LoadError)";
}

Value nodeValue(const GraphBuilder& builder, NodeId node, const char* key) {
    const auto id = builder.catalog().findKey(key);
    return id ? builder.nodeProperty(node, *id) : Value();
}

Value relValue(const GraphBuilder& builder, newsgraph::RelId rel, const char* key) {
    const auto id = builder.catalog().findKey(key);
    return id ? builder.relProperty(rel, *id) : Value();
}

NodeId nodeById(const GraphBuilder& builder, const char* id, const char* space = "") {
    const auto node = builder.findExternalId(space, id);
    REQUIRE(node.has_value());
    return *node;
}

std::vector<std::string> labelNames(const GraphBuilder& builder, NodeId node) {
    std::vector<std::string> out;
    for (newsgraph::LabelId id : builder.nodeLabels(node)) {
        out.push_back(builder.catalog().labelName(id));
    }
    return out;
}

Date date(const char* text) {
    return *Date::parse(text);
}

const char* const kGoodNodes =
    "id:ID,:LABEL,name,population:int,area:float,member:boolean,founded:date,aliases:string[],scores:int[],note\n"
    "cz,Actor;Country,Czech Republic,10900000,78871.5,true,1993-01-01,Czechia;CZ,1;2;3,\"quoted, with comma\"\n"
    "cn,Actor;Country,China,,,FALSE,1949-10-01,PRC,,\"\"\n"
    "apt31,Actor;Group,\"APT31\",+7,-0.25,,,ZIRCONIUM;JUDGMENT PANDA,-5,\n"
    "\"multi\",Claim,\"two\n"
    "lines\", 42 ,1e3,true,-0044-03-15,,,\"He said \"\"no\"\"\"\n";

const char* const kGoodRels =
    ":START_ID,:END_ID,:TYPE,since:int,source,when:date\n"
    "cz,cn,TRADES_WITH,1993,article,2025-05-28\n"
    "apt31,cn,ASSOCIATED_WITH,,,\n"
    "cz,cz,SELF,,\"\",\n"
    "cz,cn,TRADES_WITH,2001,,\n";

// A builder that already holds one node, so "unchanged" means more than "empty".
void seedBuilder(GraphBuilder& builder) {
    const NodeId existing = builder.addNode({"Existing"}, {{"name", Value("Already here")}});
    builder.bindExternalId("", "existing", existing);
}

} // namespace

TEST_CASE("Native loader reads typed node columns", "[loader]") {
    const TempDir dir;
    const std::string nodes = dir.write("nodes.csv", kGoodNodes);
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, nodes, kStrict, report);

    CHECK(report.rowsRead == 4U);
    CHECK(report.nodesCreated == 4U);
    CHECK(report.relsCreated == 0U);
    CHECK(report.rejected == 0U);
    CHECK(report.rejects.empty());
    REQUIRE(builder.nodeCount() == 4U);

    const NodeId cz = nodeById(builder, "cz");
    const NodeId cn = nodeById(builder, "cn");
    const NodeId apt = nodeById(builder, "apt31");
    const NodeId multi = nodeById(builder, "multi");
    CHECK(cz == 0U);
    CHECK(multi == 3U);
    CHECK(labelNames(builder, cz) == std::vector<std::string>{"Actor", "Country"});
    CHECK(labelNames(builder, apt) == std::vector<std::string>{"Actor", "Group"});
    CHECK(labelNames(builder, multi) == std::vector<std::string>{"Claim"});

    // The id column is kept as the property `id`.
    CHECK(nodeValue(builder, cz, "id") == Value("cz"));
    CHECK(nodeValue(builder, multi, "id") == Value("multi"));
    CHECK(nodeValue(builder, cz, "name") == Value("Czech Republic"));
    CHECK(nodeValue(builder, cz, "population") == Value(int64_t{10900000}));
    CHECK(nodeValue(builder, cz, "area") == Value(78871.5));
    CHECK(nodeValue(builder, cz, "member") == Value(true));
    CHECK(nodeValue(builder, cz, "founded") == Value(date("1993-01-01")));
    CHECK(nodeValue(builder, cz, "aliases") == Value(Value::List{Value("Czechia"), Value("CZ")}));
    CHECK(nodeValue(builder, cz, "scores") == Value(Value::List{Value(1), Value(2), Value(3)}));
    CHECK(nodeValue(builder, cz, "note") == Value("quoted, with comma"));

    // Empty unquoted fields are absent; a quoted empty string is an empty string.
    CHECK(nodeValue(builder, cn, "population").isNull());
    CHECK(nodeValue(builder, cn, "area").isNull());
    CHECK(nodeValue(builder, cn, "scores").isNull());
    CHECK(nodeValue(builder, cn, "member") == Value(false));
    CHECK(nodeValue(builder, cn, "aliases") == Value(Value::List{Value("PRC")}));
    CHECK(nodeValue(builder, cn, "note") == Value(""));
    CHECK(nodeValue(builder, apt, "note").isNull());
    CHECK(nodeValue(builder, apt, "member").isNull());

    CHECK(nodeValue(builder, apt, "name") == Value("APT31"));
    CHECK(nodeValue(builder, apt, "population") == Value(int64_t{7}));
    CHECK(nodeValue(builder, apt, "area") == Value(-0.25));
    CHECK(nodeValue(builder, apt, "scores") == Value(Value::List{Value(-5)}));
    CHECK(nodeValue(builder, apt, "aliases") == Value(Value::List{Value("ZIRCONIUM"), Value("JUDGMENT PANDA")}));

    // Multi-line quoted text, numbers with surrounding spaces, exponents, negative years, "" escapes.
    CHECK(nodeValue(builder, multi, "name") == Value("two\nlines"));
    CHECK(nodeValue(builder, multi, "population") == Value(int64_t{42}));
    CHECK(nodeValue(builder, multi, "area") == Value(1000.0));
    CHECK(nodeValue(builder, multi, "founded") == Value(date("-0044-03-15")));
    CHECK(nodeValue(builder, multi, "note") == Value("He said \"no\""));

    // Loaded names are indexed.
    const auto country = builder.catalog().findLabel("Country");
    REQUIRE(country.has_value());
    CHECK(builder.resolve(*country, "prc") == std::optional<NodeId>(cn));
    CHECK(builder.resolve(*country, "czechia") == std::optional<NodeId>(cz));
}

TEST_CASE("Native loader reads relationships between loaded nodes", "[loader]") {
    const TempDir dir;
    const std::string nodes = dir.write("nodes.csv", kGoodNodes);
    const std::string rels = dir.write("rels.csv", kGoodRels);
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, nodes, kStrict, report);
    newsgraph::loadRelationshipFile(builder, rels, kStrict, report);
    CHECK(report.rowsRead == 8U);
    CHECK(report.nodesCreated == 4U);
    CHECK(report.relsCreated == 4U);
    CHECK(report.rejected == 0U);
    CHECK(report.seconds >= 0.0);
    REQUIRE(builder.relCount() == 4U);

    const NodeId cz = nodeById(builder, "cz");
    const NodeId cn = nodeById(builder, "cn");
    const NodeId apt = nodeById(builder, "apt31");
    CHECK(builder.catalog().typeName(builder.relType(0)) == "TRADES_WITH");
    CHECK(builder.relSource(0) == cz);
    CHECK(builder.relTarget(0) == cn);
    CHECK(relValue(builder, 0, "since") == Value(int64_t{1993}));
    CHECK(relValue(builder, 0, "source") == Value("article"));
    CHECK(relValue(builder, 0, "when") == Value(date("2025-05-28")));
    CHECK(builder.catalog().typeName(builder.relType(1)) == "ASSOCIATED_WITH");
    CHECK(builder.relSource(1) == apt);
    CHECK(relValue(builder, 1, "since").isNull());
    CHECK(relValue(builder, 1, "source").isNull());
    CHECK(builder.relSource(2) == cz);
    CHECK(builder.relTarget(2) == cz);
    CHECK(relValue(builder, 2, "source") == Value(""));
    CHECK(builder.relType(3) == builder.relType(0));
    CHECK(relValue(builder, 3, "since") == Value(int64_t{2001}));
    // Relationship files store no `id` property and create no nodes.
    CHECK(builder.nodeCount() == 4U);
}

TEST_CASE("Native loader reads a dataset folder through its manifest", "[loader]") {
    const TempDir dir;
    dir.write("nodes.csv", kGoodNodes);
    dir.write("rels.csv", kGoodRels);
    dir.write("manifest.txt",
              "# a test dataset\n"
              "name tiny\n"
              "description two files, one of each kind\n"
              "\n"
              "  nodes   nodes.csv  \n"
              "relationships\trels.csv\n");
    GraphBuilder fromFolder;
    LoadReport folderReport;
    newsgraph::loadDataset(fromFolder, dir.path().string(), kStrict, folderReport);
    CHECK(fromFolder.nodeCount() == 4U);
    CHECK(fromFolder.relCount() == 4U);
    CHECK(folderReport.nodesCreated == 4U);
    CHECK(folderReport.relsCreated == 4U);
    CHECK(folderReport.rowsRead == 8U);
    CHECK(folderReport.rejected == 0U);

    // The manifest file itself works as well, and so does loadSpec("dataset:...").
    GraphBuilder fromManifest;
    LoadReport manifestReport;
    newsgraph::loadDataset(fromManifest, dir.file("manifest.txt"), kStrict, manifestReport);
    CHECK(snapshot(fromManifest) == snapshot(fromFolder));

    GraphBuilder fromSpec;
    LoadReport specReport;
    newsgraph::loadSpec(fromSpec, "dataset:" + dir.path().string(), kStrict, specReport);
    CHECK(snapshot(fromSpec) == snapshot(fromFolder));
    CHECK(specReport.relsCreated == 4U);
}

TEST_CASE("Native loader ID spaces and unnamed and ignored columns", "[loader]") {
    const TempDir dir;
    const std::string countries = dir.write("countries.csv", "code:ID(Country),name,skip:IGNORE\nCZE,Czechia,x\nCHN,China,y\n");
    const std::string people = dir.write("people.csv", ":ID(Person),name\nCZE,Petr\n");
    const std::string rels = dir.write("rels.csv", ":START_ID(Person),:END_ID(Country),:TYPE\nCZE,CZE,CITIZEN_OF\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, countries, kStrict, report);
    newsgraph::loadNodeFile(builder, people, kStrict, report); // the same id in another space is no duplicate
    newsgraph::loadRelationshipFile(builder, rels, kStrict, report);
    REQUIRE(builder.nodeCount() == 3U);
    const NodeId czechia = nodeById(builder, "CZE", "Country");
    const NodeId petr = nodeById(builder, "CZE", "Person");
    CHECK_FALSE(builder.findExternalId("", "CZE").has_value());
    CHECK(nodeValue(builder, czechia, "code") == Value("CZE"));
    CHECK(nodeValue(builder, czechia, "skip").isNull());
    CHECK_FALSE(builder.catalog().findKey("skip").has_value());
    CHECK(nodeValue(builder, petr, "id").isNull()); // an unnamed :ID column stores no property
    CHECK(builder.nodeLabels(petr).empty());
    REQUIRE(builder.relCount() == 1U);
    CHECK(builder.relSource(0) == petr);
    CHECK(builder.relTarget(0) == czechia);
}

TEST_CASE("Native loader header parsing", "[loader]") {
    const std::vector<newsgraph::CsvField> fields = {{"id:ID(Actors)", false}, {":LABEL", false},
                                                     {"since:int", false},     {"tags:string[]", false},
                                                     {"name", false},          {"x:IGNORE", false}};
    const auto columns = newsgraph::parseHeader(fields, newsgraph::FileKind::Nodes, "f.csv");
    REQUIRE(columns.size() == 6U);
    CHECK(columns[0].role == newsgraph::ColumnRole::Id);
    CHECK(columns[0].name == "id");
    CHECK(columns[0].idSpace == "Actors");
    CHECK(columns[1].role == newsgraph::ColumnRole::Label);
    CHECK(columns[2].role == newsgraph::ColumnRole::Property);
    CHECK(columns[2].type == newsgraph::ScalarType::Int);
    CHECK(columns[3].array);
    CHECK(columns[3].type == newsgraph::ScalarType::String);
    CHECK(columns[4].type == newsgraph::ScalarType::String);
    CHECK_FALSE(columns[4].array);
    CHECK(columns[5].role == newsgraph::ColumnRole::Ignore);

    auto headerError = [](std::vector<newsgraph::CsvField> header, newsgraph::FileKind kind) {
        return loadError([&] { newsgraph::parseHeader(header, kind, "f.csv"); });
    };
    using newsgraph::FileKind;
    CHECK(headerError({{"a", false}, {"a:int", false}}, FileKind::Nodes) == "f.csv:1: header names property 'a' twice");
    CHECK(headerError({{":ID", false}, {"b:ID", false}}, FileKind::Nodes) ==
          "f.csv:1: header column 2 'b:ID' repeats a column");
    CHECK(headerError({{":int", false}}, FileKind::Nodes) == "f.csv:1: header column 1 has no property name");
    CHECK(headerError({{":START_ID", false}, {":END_ID", false}}, FileKind::Relationships) ==
          "f.csv:1: a relationship file needs a :TYPE column");
    CHECK(headerError({{":TYPE", false}, {":END_ID", false}}, FileKind::Relationships) ==
          "f.csv:1: a relationship file needs a :START_ID column");
    CHECK(headerError({{":START_ID", false}, {":END_ID", false}, {":TYPE", false}, {":LABEL", false}},
                      FileKind::Relationships) ==
          "f.csv:1: unknown type 'LABEL' in header column 4 ':LABEL' of a relationship file");
}

// ---------------------------------------------------------------------------------------------
// Bad input. Each bad row is checked twice: strict (LoadError, builder unchanged) and lenient
// (the row is rejected and reported, the good rows load).

namespace {

struct BadRowCase {
    const char* title;
    std::string content; // a node file whose rows a, c are good and one row is bad
    uint64_t line;
    std::string reason;
    uint64_t goodRows;
};

void checkBadNodeRow(const BadRowCase& bad) {
    INFO(bad.title);
    const TempDir dir;
    const std::string path = dir.write("bad.csv", bad.content);

    GraphBuilder strictBuilder;
    seedBuilder(strictBuilder);
    const auto before = snapshot(strictBuilder);
    LoadReport strictReport;
    strictReport.rowsRead = 5; // from an earlier load; a failed load leaves the report as it was
    CHECK(loadError([&] { newsgraph::loadNodeFile(strictBuilder, path, kStrict, strictReport); }) ==
          path + ":" + std::to_string(bad.line) + ": " + bad.reason);
    CHECK(strictBuilder.nodeCount() == before.nodes);
    CHECK(strictBuilder.relCount() == before.rels);
    CHECK(strictBuilder.catalog().labelCount() == before.labelCount);
    CHECK(snapshot(strictBuilder) == before);
    CHECK_FALSE(strictBuilder.findExternalId("", "a").has_value()); // bound by a good row, then rolled back
    CHECK(strictBuilder.findExternalId("", "existing") == std::optional<NodeId>(0));
    CHECK(strictReport.rowsRead == 5U);
    CHECK(strictReport.nodesCreated == 0U);
    CHECK(strictReport.rejected == 0U);

    GraphBuilder lenientBuilder;
    seedBuilder(lenientBuilder);
    LoadReport report;
    newsgraph::loadNodeFile(lenientBuilder, path, kLenient, report);
    CHECK(report.rejected == 1U);
    REQUIRE(report.rejects.size() == 1U);
    CHECK(report.rejects[0].file == path);
    CHECK(report.rejects[0].line == bad.line);
    CHECK(report.rejects[0].reason == bad.reason);
    CHECK(report.nodesCreated == bad.goodRows);
    CHECK(lenientBuilder.nodeCount() == 1U + bad.goodRows);
    CHECK(lenientBuilder.findExternalId("", "a").has_value());
    CHECK(lenientBuilder.findExternalId("", "c").has_value());
    CHECK(report.toString().find("rejected " + path + ":" + std::to_string(bad.line) + ": " + bad.reason) !=
          std::string::npos);
}

} // namespace

TEST_CASE("Native loader rejects a bad integer", "[loader]") {
    checkBadNodeRow({"bad int", "id:ID,:LABEL,since:int\na,Actor,1\nb,Actor,12x\nc,Actor,3\n", 3,
                     "field 'since': '12x' is not an integer", 2});
}

TEST_CASE("Native loader rejects an integer out of range and a bad float", "[loader]") {
    checkBadNodeRow({"int overflow", "id:ID,since:int\na,1\nb,99999999999999999999\nc,3\n", 3,
                     "field 'since': '99999999999999999999' is not an integer", 2});
    checkBadNodeRow({"bad float", "id:ID,area:float\na,1.5\nb,1.5.5\nc,3\n", 3, "field 'area': '1.5.5' is not a float", 2});
    checkBadNodeRow({"bad int array element", "id:ID,scores:int[]\na,1;2\nb,1;;3\nc,3\n", 3,
                     "field 'scores': array element '' is not an integer", 2});
}

TEST_CASE("Native loader rejects an impossible date", "[loader]") {
    checkBadNodeRow({"bad date", "id:ID,:LABEL,founded:date\na,Actor,2025-02-28\nb,Actor,2025-02-30\nc,Actor,2024-02-29\n",
                     3, "field 'founded': '2025-02-30' is not a date (YYYY-MM-DD)", 2});
}

TEST_CASE("Native loader rejects a bad boolean", "[loader]") {
    checkBadNodeRow({"bad boolean", "id:ID,active:boolean\na,true\nb,yes\nc,False\n", 3,
                     "field 'active': 'yes' is not a boolean (true or false)", 2});
}

TEST_CASE("Native loader rejects a row with the wrong number of fields", "[loader]") {
    checkBadNodeRow({"too few", "id:ID,:LABEL,name\na,Actor,A\nb,Actor\nc,Actor,C\n", 3, "expected 3 fields, found 2", 2});
    checkBadNodeRow({"too many", "id:ID,:LABEL,name\na,Actor,A\nc,Actor,C\nb,Actor,B,extra\n", 4,
                     "expected 3 fields, found 4", 2});
}

TEST_CASE("Native loader rejects invalid UTF-8 in a field", "[loader]") {
    checkBadNodeRow({"invalid UTF-8", "id:ID,:LABEL,name\na,Actor,Lipavsk\xC3\xBD\nb,Actor,B\xFF" "ad\nc,Actor,C\n", 3,
                     "invalid UTF-8 in field 3 ('name') at byte 1", 2});
    checkBadNodeRow({"surrogate in a label", "id:ID,:LABEL,name\na,Actor,A\nc,Actor,C\nb,Act\xED\xA0\x80or,B\n", 4,
                     "invalid UTF-8 in field 2 ('') at byte 3", 2});
}

TEST_CASE("Native loader rejects a duplicate node id", "[loader]") {
    checkBadNodeRow({"duplicate id", "id:ID,:LABEL,name\na,Actor,First\nc,Actor,C\na,Actor,Second\n", 4,
                     "duplicate node id 'a'", 2});
    checkBadNodeRow({"empty id", "id:ID,:LABEL,name\na,Actor,First\n,Actor,Nobody\nc,Actor,C\n", 3, "empty node id", 2});
}

TEST_CASE("Native loader rejects a quoting error in a row", "[loader]") {
    checkBadNodeRow({"text after quote", "id:ID,name\na,A\nb,\"B\"x\nc,C\n", 3, "unexpected text after a closing quote", 2});
}

TEST_CASE("Native loader reports the starting line of a row after multi-line fields", "[loader]") {
    checkBadNodeRow({"after multi-line", "id:ID,note,n:int\na,\"line one\nline two\nline three\",1\n\nb,x,oops\nc,\"\",3\n",
                     6, "field 'n': 'oops' is not an integer", 2});
    checkBadNodeRow({"multi-line bad row", "id:ID,note,n:int\na,x,1\nb,\"spans\ntwo lines\",oops\nc,y,3\n", 3,
                     "field 'n': 'oops' is not an integer", 2});
}

TEST_CASE("Native loader trims labels and skips empty ones", "[loader]") {
    const TempDir dir;
    const std::string path = dir.write("labels.csv", "id:ID,:LABEL,name\na, Actor ; Country ;;Actor,A\nb,,B\nc,\" \",C\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, path, kStrict, report);
    REQUIRE(builder.nodeCount() == 3U);
    CHECK(labelNames(builder, nodeById(builder, "a")) == std::vector<std::string>{"Actor", "Country"});
    CHECK(builder.nodeLabels(nodeById(builder, "b")).empty());
    CHECK(builder.nodeLabels(nodeById(builder, "c")).empty());
    CHECK(builder.catalog().labelCount() == 2U);
}

TEST_CASE("Native loader keeps the first duplicate in lenient mode", "[loader]") {
    const TempDir dir;
    const std::string path = dir.write("dup.csv", "id:ID,name\na,First\na,Second\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, path, kLenient, report);
    REQUIRE(builder.nodeCount() == 1U);
    CHECK(nodeValue(builder, 0, "name") == Value("First"));
}

TEST_CASE("Native loader rejects relationships to unknown nodes", "[loader]") {
    const TempDir dir;
    const std::string nodes = dir.write("nodes.csv", "id:ID,name\na,A\nb,B\n");
    const std::string rels = dir.write("rels.csv",
                                       ":START_ID,:END_ID,:TYPE\n"
                                       "a,b,KNOWS\n"
                                       "a,zzz,KNOWS\n"
                                       "yyy,b,KNOWS\n"
                                       "b,a,\n"
                                       "b,a,KNOWS\n");
    GraphBuilder strictBuilder;
    LoadReport report;
    newsgraph::loadNodeFile(strictBuilder, nodes, kStrict, report);
    const auto before = snapshot(strictBuilder);
    CHECK(loadError([&] { newsgraph::loadRelationshipFile(strictBuilder, rels, kStrict, report); }) ==
          rels + ":3: unknown end node id 'zzz'");
    CHECK(snapshot(strictBuilder) == before);
    CHECK(strictBuilder.relCount() == 0U);
    CHECK_FALSE(strictBuilder.catalog().findType("KNOWS").has_value());
    CHECK(report.relsCreated == 0U);

    GraphBuilder lenientBuilder;
    LoadReport lenient;
    newsgraph::loadNodeFile(lenientBuilder, nodes, kLenient, lenient);
    newsgraph::loadRelationshipFile(lenientBuilder, rels, kLenient, lenient);
    CHECK(lenient.relsCreated == 2U);
    CHECK(lenient.rejected == 3U);
    REQUIRE(lenient.rejects.size() == 3U);
    CHECK(lenient.rejects[0].line == 3U);
    CHECK(lenient.rejects[0].reason == "unknown end node id 'zzz'");
    CHECK(lenient.rejects[1].line == 4U);
    CHECK(lenient.rejects[1].reason == "unknown start node id 'yyy'");
    CHECK(lenient.rejects[2].line == 5U);
    CHECK(lenient.rejects[2].reason == "empty relationship type");
    CHECK(lenient.rejects[2].file == rels);
    REQUIRE(lenientBuilder.relCount() == 2U);
    CHECK(lenientBuilder.relSource(1) == nodeById(lenientBuilder, "b"));
    CHECK(lenientBuilder.relTarget(1) == nodeById(lenientBuilder, "a"));
}

TEST_CASE("Native loader keeps only the first rejects word for word", "[loader]") {
    const TempDir dir;
    const std::string path = dir.write("many.csv", "id:ID,n:int\na,x\nb,y\nc,1\nd,z\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, path, LoadOptions{false, 2}, report);
    CHECK(report.rejected == 3U);
    REQUIRE(report.rejects.size() == 2U);
    CHECK(report.rejects[0].line == 2U);
    CHECK(report.rejects[1].line == 3U);
    CHECK(report.nodesCreated == 1U);
    const std::string text = report.toString();
    CHECK(text.find("loaded 4 rows: 1 nodes and 0 relationships created, 0 merged, 3 rejected") == 0U);
    CHECK(text.find("\n  ... and 1 more rejected rows") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// File-level problems: LoadError in strict and lenient mode alike, builder unchanged.

namespace {

// Runs `load` in both modes on a seeded builder; returns the LoadError messages (strict, lenient).
template <typename Load>
void checkFileError(Load load, const std::string& expected) {
    for (const LoadOptions& options : {kStrict, kLenient}) {
        INFO((options.strict ? "strict" : "lenient"));
        GraphBuilder builder;
        seedBuilder(builder);
        const auto before = snapshot(builder);
        LoadReport report;
        CHECK(loadError([&] { load(builder, options, report); }) == expected);
        CHECK(builder.nodeCount() == before.nodes);
        CHECK(builder.relCount() == before.rels);
        CHECK(builder.catalog().labelCount() == before.labelCount);
        CHECK(snapshot(builder) == before);
        CHECK(report.rowsRead == 0U);
        CHECK(report.nodesCreated == 0U);
        CHECK(report.rejected == 0U);
    }
}

} // namespace

TEST_CASE("Native loader on a missing file", "[loader]") {
    const TempDir dir;
    const std::string path = dir.file("missing.csv");
    checkFileError([&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadNodeFile(b, path, o, r); },
                   path + ": cannot open: No such file or directory");
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadRelationshipFile(b, path, o, r); },
        path + ": cannot open: No such file or directory");
    // The LoadError carries its parts.
    GraphBuilder builder;
    LoadReport report;
    try {
        newsgraph::loadNodeFile(builder, path, kStrict, report);
        FAIL("no LoadError");
    } catch (const newsgraph::LoadError& error) {
        CHECK(error.file() == path);
        CHECK(error.line() == 0U);
        CHECK(error.reason() == "cannot open: No such file or directory");
        CHECK(error.kind() == "LoadError");
    }
}

TEST_CASE("Native loader on a directory given as a node file", "[loader]") {
    const TempDir dir;
    const std::string path = dir.path().string();
    checkFileError([&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadNodeFile(b, path, o, r); },
                   path + ": cannot open: is a directory, not a file");
}

TEST_CASE("Native loader on an empty file", "[loader]") {
    const TempDir dir;
    const std::string empty = dir.write("empty.csv", "");
    const std::string blank = dir.write("blank.csv", "\n  \n\n");
    checkFileError([&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadNodeFile(b, empty, o, r); },
                   empty + ": the file is empty (a header line is required)");
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadRelationshipFile(b, blank, o, r); },
        blank + ": the file is empty (a header line is required)");
}

TEST_CASE("Native loader on an unknown header type", "[loader]") {
    const TempDir dir;
    const std::string path = dir.write("nodes.csv", "id:ID,:LABEL,name,x:foo\na,Actor,A,1\n");
    checkFileError([&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadNodeFile(b, path, o, r); },
                   path + ":1: unknown type 'foo' in header column 4 'x:foo' of a node file");
}

TEST_CASE("Native loader on a relationship file without a TYPE column", "[loader]") {
    const TempDir dir;
    dir.write("nodes.csv", "id:ID\na\nb\n");
    const std::string path = dir.write("rels.csv", ":START_ID,:END_ID,since:int\na,b,1\n");
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadRelationshipFile(b, path, o, r); },
        path + ":1: a relationship file needs a :TYPE column");
}

TEST_CASE("Native loader on a header with invalid UTF-8", "[loader]") {
    const TempDir dir;
    const std::string path = dir.write("nodes.csv", "id:ID,na\xC0\x80me\na,A\n");
    checkFileError([&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadNodeFile(b, path, o, r); },
                   path + ":1: invalid UTF-8 in the header at byte 2");
}

TEST_CASE("Native loader reads a gzip-compressed node file", "[loader]") {
    const TempDir dir;
    const std::string path = dir.write("nodes.csv.gz", newsgraph::testing::gzipCompress(kGoodNodes));
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, path, kStrict, report);
    CHECK(builder.nodeCount() == 4U);
    CHECK(report.nodesCreated == 4U);
    CHECK(nodeValue(builder, nodeById(builder, "cz"), "note") == Value("quoted, with comma"));
}

// A read error must not look like the end of the file: a truncated or corrupt .gz file makes
// Boost's gzip_decompressor throw inside the stream buffer, and the load must fail with LoadError
// (strict or not) and leave the builder unchanged, instead of keeping the rows read so far.
TEST_CASE("Native loader rejects a truncated or corrupt gzip file", "[loader]") {
    const TempDir dir;
    std::string nodes = "id:ID,:LABEL,name\n";
    std::string rels = ":START_ID,:END_ID,:TYPE\n";
    for (int i = 0; i < 500; ++i) {
        nodes += "n" + std::to_string(i) + ",Actor,Name " + std::to_string(i) + "\n";
        rels += "n" + std::to_string(i) + ",n" + std::to_string((i + 1) % 500) + ",NEXT\n";
    }
    auto corrupt = [](std::string bytes) {
        bytes[bytes.size() - 6] = static_cast<char>(bytes[bytes.size() - 6] ^ 0x55); // inside the CRC-32
        return bytes;
    };
    auto truncate = [](const std::string& bytes) { return bytes.substr(0, bytes.size() / 2); };
    const std::string goodNodes = dir.write("nodes.csv.gz", newsgraph::testing::gzipCompress(nodes));
    const std::vector<std::string> nodeFiles = {
        dir.write("truncated-nodes.csv.gz", truncate(newsgraph::testing::gzipCompress(nodes))),
        dir.write("bad-crc-nodes.csv.gz", corrupt(newsgraph::testing::gzipCompress(nodes)))};
    const std::vector<std::string> relFiles = {
        dir.write("truncated-rels.csv.gz", truncate(newsgraph::testing::gzipCompress(rels))),
        dir.write("bad-crc-rels.csv.gz", corrupt(newsgraph::testing::gzipCompress(rels)))};

    for (const LoadOptions& options : {kStrict, kLenient}) {
        for (const std::string& path : nodeFiles) {
            INFO(path << (options.strict ? " (strict)" : " (lenient)"));
            GraphBuilder builder;
            seedBuilder(builder);
            const auto before = snapshot(builder);
            LoadReport report;
            const std::string message = loadError([&] { newsgraph::loadNodeFile(builder, path, options, report); });
            CHECK(message.rfind(path + ":", 0) == 0U); // a LoadError about this file
            CHECK(message.find(": cannot read the file to its end: ") != std::string::npos);
            CHECK(builder.nodeCount() == before.nodes);
            CHECK(builder.catalog().labelCount() == before.labelCount);
            const bool unchanged = snapshot(builder) == before; // (a dump of 500 nodes is too long to print)
            CHECK(unchanged);
            CHECK(report.nodesCreated == 0U);
        }
        for (const std::string& path : relFiles) {
            INFO(path << (options.strict ? " (strict)" : " (lenient)"));
            GraphBuilder builder;
            LoadReport report;
            newsgraph::loadNodeFile(builder, goodNodes, options, report);
            REQUIRE(builder.nodeCount() == 500U);
            const std::string message =
                loadError([&] { newsgraph::loadRelationshipFile(builder, path, options, report); });
            CHECK(message.rfind(path + ":", 0) == 0U);
            CHECK(builder.relCount() == 0U);
            CHECK(builder.catalog().typeCount() == 0U);
            CHECK(report.relsCreated == 0U);
        }
    }
}

TEST_CASE("Native loader on a manifest with an unknown entry", "[loader]") {
    const TempDir dir;
    dir.write("nodes.csv", "id:ID,name\na,A\n");
    dir.write("rels.csv", ":START_ID,:END_ID,:TYPE\na,a,SELF\n");
    dir.write("manifest.txt", "name bad\nnodes nodes.csv\nedges rels.csv\n");
    const std::string manifest = dir.file("manifest.txt");
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadDataset(b, dir.path().string(), o, r); },
        manifest +
            ":3: expected 'nodes FILE', 'relationships FILE', 'name ...' or 'description ...', found 'edges rels.csv'");

    dir.write("manifest.txt", "nodes\n");
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadDataset(b, dir.path().string(), o, r); },
        manifest + ":1: expected 'nodes FILE', 'relationships FILE', 'name ...' or 'description ...', found 'nodes'");

    dir.write("manifest.txt", "# nothing\nname empty\n");
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadDataset(b, dir.path().string(), o, r); },
        manifest + ": the manifest names no files");

    const TempDir noManifest;
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) {
            newsgraph::loadDataset(b, noManifest.path().string(), o, r);
        },
        noManifest.file("manifest.txt") + ": cannot open the dataset manifest");
}

TEST_CASE("Native loader rolls back a whole dataset when the manifest names a missing file", "[loader]") {
    const TempDir dir;
    dir.write("nodes.csv", kGoodNodes);
    dir.write("rels.csv", kGoodRels);
    dir.write("manifest.txt", "nodes nodes.csv\nrelationships rels.csv\nnodes missing.csv\n");
    const std::string missing = (dir.path() / "missing.csv").string();
    checkFileError(
        [&](GraphBuilder& b, const LoadOptions& o, LoadReport& r) { newsgraph::loadDataset(b, dir.path().string(), o, r); },
        missing + ": cannot open: No such file or directory");
    // Nothing of the good files is left behind: no labels, types or ids.
    GraphBuilder builder;
    LoadReport report;
    CHECK_THROWS_AS(newsgraph::loadDataset(builder, dir.path().string(), kLenient, report), newsgraph::LoadError);
    CHECK(builder.nodeCount() == 0U);
    CHECK(builder.catalog().labelCount() == 0U);
    CHECK(builder.catalog().typeCount() == 0U);
    CHECK(builder.catalog().keyCount() == 4U);
    CHECK_FALSE(builder.findExternalId("", "cz").has_value());
}

TEST_CASE("Native loader strict dataset rolls back on a bad row in a later file", "[loader]") {
    const TempDir dir;
    dir.write("nodes.csv", kGoodNodes);
    const std::string rels = dir.write("rels.csv", ":START_ID,:END_ID,:TYPE\ncz,cn,KNOWS\ncz,nowhere,KNOWS\n");
    dir.write("manifest.txt", "nodes nodes.csv\nrelationships rels.csv\n");
    GraphBuilder builder;
    seedBuilder(builder);
    const auto before = snapshot(builder);
    LoadReport report;
    CHECK(loadError([&] { newsgraph::loadDataset(builder, dir.path().string(), kStrict, report); }) ==
          rels + ":3: unknown end node id 'nowhere'");
    CHECK(snapshot(builder) == before);
    CHECK(report.nodesCreated == 0U);
    CHECK(report.rowsRead == 0U);

    // Lenient: everything but the bad row.
    LoadReport lenient;
    newsgraph::loadDataset(builder, dir.path().string(), kLenient, lenient);
    CHECK(builder.nodeCount() == 5U);
    CHECK(builder.relCount() == 1U);
    CHECK(lenient.rejected == 1U);
    CHECK(lenient.nodesCreated == 4U);
    CHECK(lenient.relsCreated == 1U);
}

TEST_CASE("loadSpec finds the loader by format", "[loader]") {
    const TempDir dir;
    const std::string nodes = dir.write("nodes.csv", kGoodNodes);
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "nodes:" + nodes, kStrict, report);
    CHECK(builder.nodeCount() == 4U);
    CHECK(report.nodesCreated == 4U);

    const auto before = snapshot(builder);
    std::string known;
    for (const auto& loader : newsgraph::loaders()) {
        known += known.empty() ? "" : ", ";
        known += loader->format();
    }
    CHECK_THAT(known, Catch::StartsWith("dataset, nodes, relationships"));
    CHECK(loadError([&] { newsgraph::loadSpec(builder, "nope:x", kStrict, report); }) ==
          "x: unknown format 'nope' (known: " + known + ")");
    CHECK(loadError([&] { newsgraph::loadSpec(builder, "nocolon", kStrict, report); }) == "nocolon: expected FORMAT:PATH");
    CHECK(loadError([&] { newsgraph::loadSpec(builder, ":path", kStrict, report); }) == ":path: expected FORMAT:PATH");
    CHECK(loadError([&] { newsgraph::loadSpec(builder, "nodes:", kStrict, report); }) == "nodes:: expected FORMAT:PATH");
    CHECK(snapshot(builder) == before);

    REQUIRE(newsgraph::loaders().size() >= 3U);
    CHECK(newsgraph::loaders()[0]->format() == "dataset");
    CHECK(newsgraph::findLoader("relationships") != nullptr);
    CHECK(newsgraph::findLoader("relationships")->format() == "relationships");
    CHECK(newsgraph::findLoader("csv") == nullptr);
}

TEST_CASE("Native loader reads the temporal column types", "[loader][temporal]") {
    const TempDir dir;
    const std::string nodes = dir.write("nodes.csv",
                                        "id:ID,seen:datetime,local:localdatetime,at:time,clock:localtime,lasted:duration,"
                                        "days:datetime[]\n"
                                        "a,2025-05-28T10:00[Europe/Prague],2025-05-28T10:00,10:00+02:00,10:00:30.5,P7D,"
                                        "2025-05-28T10:00Z;2025-05-29T10:00Z\n"
                                        "b,,,,,,\n");
    const std::string rels = dir.write("rels.csv", ":START_ID,:END_ID,:TYPE,added:datetime\na,b,SAW,20150218T231500Z\n");
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadNodeFile(builder, nodes, kStrict, report);
    newsgraph::loadRelationshipFile(builder, rels, kStrict, report);
    CHECK(report.rejected == 0U);
    const NodeId a = nodeById(builder, "a");
    CHECK(nodeValue(builder, a, "seen").toString() == "datetime('2025-05-28T10:00+02:00[Europe/Prague]')");
    CHECK(nodeValue(builder, a, "local").toString() == "localdatetime('2025-05-28T10:00')");
    CHECK(nodeValue(builder, a, "at").toString() == "time('10:00+02:00')");
    CHECK(nodeValue(builder, a, "clock").toString() == "localtime('10:00:30.5')");
    CHECK(nodeValue(builder, a, "lasted").toString() == "duration('P7D')");
    CHECK(nodeValue(builder, a, "days").asList().size() == 2U);
    CHECK(nodeValue(builder, nodeById(builder, "b"), "seen").isNull());
    CHECK(relValue(builder, 0, "added").toString() == "datetime('2015-02-18T23:15Z')");
}

TEST_CASE("Native loader rejects malformed temporal fields", "[loader][temporal]") {
    checkBadNodeRow({"bad datetime", "id:ID,seen:datetime\na,2025-05-28T10:00Z\nb,2025-05-28T25:00Z\nc,2025-05-28\n", 3,
                     "field 'seen': '2025-05-28T25:00Z' is not a datetime (YYYY-MM-DDTHH:MM:SSZ, +HH:MM or [Zone/Name])",
                     2});
    checkBadNodeRow({"unknown zone", "id:ID,seen:datetime\na,2025-05-28T10:00Z\nb,2025-05-28T10:00[Mars/Olympus]\nc,2025\n",
                     3, "field 'seen': '2025-05-28T10:00[Mars/Olympus]' is not a datetime (YYYY-MM-DDTHH:MM:SSZ, +HH:MM or "
                        "[Zone/Name])",
                     2});
    checkBadNodeRow({"bad duration", "id:ID,lasted:duration\na,P1D\nb,P1Y2X\nc,PT5M\n", 3,
                     "field 'lasted': 'P1Y2X' is not a duration (ISO 8601, P1DT2H)", 2});
}

TEST_CASE("loadSpec names an archive or a binary file and fails a load whose every row is rejected", "[loader]") {
    const TempDir dir;
    const newsgraph::LoadOptions lenient{};
    GraphBuilder builder;
    LoadReport report;
    const std::string zip = dir.write("events.CSV.zip", std::string("PK\x03\x04", 4) + std::string(40, 'x'));
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "gdelt:" + zip, lenient, report); }),
               Catch::Contains("is a zip archive; unzip it first"));
    const std::string binary = dir.write("nodes.csv", std::string("id:ID,name\na,\0\1\n", 16));
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "nodes:" + binary, lenient, report); }),
               Catch::Contains("is a binary file, not text"));
    // A device is endless (/dev/zero once held 14 GiB as one line) or binary: refused by name.
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "nodes:/dev/zero", lenient, report); }),
               Catch::Contains("/dev/zero: is a device, not a file"));
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "gdelt:/dev/zero", lenient, report); }),
               Catch::Contains("is a device, not a file"));
    const std::string garbage = dir.write("facts.txt", "not a fact\nnor this\n");
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "icews:" + garbage, lenient, report); }),
               Catch::Contains("all 2 rows were rejected (the first, line 1:"));
    // One good row among bad ones is a load with rejects, as before.
    const std::string mixed = dir.write("mixed.txt", "not a fact\nA\tAccuse\tB\t2014-01-01\n");
    LoadReport mixedReport;
    newsgraph::loadSpec(builder, "icews:" + mixed, lenient, mixedReport);
    CHECK(mixedReport.rejected == 1U);
    CHECK(mixedReport.relsCreated == 1U);
}

TEST_CASE("A cancelled load, or one past its deadline, stops at a row and changes nothing", "[loader]") {
    const TempDir dir;
    std::string text = "id:ID,name,:LABEL\n";
    for (int i = 0; i < 5000; ++i) {
        text += fmt::format("n{},name {},N\n", i, i);
    }
    const std::string nodes = dir.write("nodes.csv", text);
    GraphBuilder builder;
    LoadReport report;
    newsgraph::LoadOptions cancelled;
    const std::atomic<bool> stop{true};
    cancelled.cancelled = &stop;
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "nodes:" + nodes, cancelled, report); }),
               Catch::Contains("nodes.csv: the load was cancelled"));
    newsgraph::LoadOptions late;
    late.timeout = std::chrono::milliseconds(1);
    late.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    CHECK_THAT(loadError([&] { newsgraph::loadSpec(builder, "nodes:" + nodes, late, report); }),
               Catch::Contains("ran longer than its timeout of 1 ms"));
    CHECK(builder.nodeCount() == 0);
    newsgraph::LoadOptions running;
    const std::atomic<bool> go{false};
    running.cancelled = &go;
    running.deadline = std::chrono::steady_clock::now() + std::chrono::hours(1);
    LoadReport done;
    newsgraph::loadSpec(builder, "nodes:" + nodes, running, done);
    CHECK(done.nodesCreated == 5000U);
}

TEST_CASE("loadSpec says which subfolders of a folder it did not read", "[loader]") {
    const TempDir dir;
    const std::filesystem::path folder = dir.path() / "facts";
    std::filesystem::create_directories(folder / "older");
    {
        std::ofstream(folder / "2014.txt") << "A\tAccuse\tB\t2014-01-01\n";
        std::ofstream(folder / "older" / "2013.txt") << "A\tAccuse\tB\t2013-01-01\n";
    }
    GraphBuilder builder;
    LoadReport report;
    newsgraph::loadSpec(builder, "icews:" + folder.string(), newsgraph::LoadOptions{}, report);
    CHECK(report.relsCreated == 1U);
    REQUIRE(report.notes.size() == 1U);
    CHECK_THAT(report.notes.front(), Catch::Contains("skipped the subfolder 'older'"));
    CHECK_THAT(report.toString(), Catch::Contains("note: skipped the subfolder 'older'"));
}
