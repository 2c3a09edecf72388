// The frozen graph: CSR adjacency, label/type indexes, the (label, key) index, property columns and
// statistics, checked against a naive model of a random graph.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "engine/common/time_zone.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "engine/storage/node_index.hpp"
#include "engine/storage/property_column.hpp"
#include "engine/storage/value_vector.hpp"

using newsgraph::Adjacency;
using newsgraph::Date;
using newsgraph::Direction;
using newsgraph::Graph;
using newsgraph::GraphBuilder;
using newsgraph::LabelId;
using newsgraph::NodeId;
using newsgraph::PropertyKeyId;
using newsgraph::RelId;
using newsgraph::TypeId;
using newsgraph::Value;

namespace {

constexpr uint32_t kNodes = 300;
constexpr uint32_t kRels = 3000;
constexpr uint32_t kLabels = 4;
constexpr uint32_t kTypes = 5;
constexpr uint32_t kSeed = 20250528;

// Collects problems found by a scan; the check prints the first few and how many there were.
class Mismatches {
public:
    void add(const std::string& what) {
        ++count_;
        if (first_.size() < kKept) {
            first_.push_back(what);
        }
    }
    size_t count() const { return count_; }
    std::string report() const {
        std::string out;
        for (const std::string& each : first_) {
            out += each + "\n";
        }
        return out;
    }

private:
    static constexpr size_t kKept = 20;
    size_t count_ = 0;
    std::vector<std::string> first_;
};

#define CHECK_NO_MISMATCHES(mismatches)                                                                                \
    do {                                                                                                               \
        INFO((mismatches).report());                                                                                   \
        CHECK((mismatches).count() == 0U);                                                                             \
    } while (false)

// Lower-cases ASCII letters and joins the white-space separated words with one space.
std::string naiveNormalize(const std::string& text) {
    std::istringstream words(text);
    std::string word;
    std::string out;
    while (words >> word) {
        for (char& c : word) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        out += out.empty() ? "" : " ";
        out += word;
    }
    return out;
}

// What the test put into the builder, kept naively: per entity and key, the value (null when absent).
struct Model {
    std::vector<std::vector<LabelId>> labels; // sorted
    std::map<std::string, std::vector<Value>> nodeProperties;
    std::vector<NodeId> source;
    std::vector<NodeId> target;
    std::vector<TypeId> type;
    std::map<std::string, std::vector<Value>> relProperties;
};

struct Fixture {
    Model model;
    Graph graph;
};

class Random {
public:
    explicit Random(uint32_t seed) : engine_(seed) {}
    uint32_t below(uint32_t bound) { return std::uniform_int_distribution<uint32_t>(0, bound - 1)(engine_); }
    bool chance(uint32_t percent) { return below(100) < percent; }

private:
    std::mt19937 engine_;
};

// `prefix` followed by the decimal `number` ("n12"); built by appending, which keeps GCC 12's
// -Wrestrict false positive on a one-letter literal plus std::to_string(...) away.
std::string numbered(const char* prefix, uint32_t number) {
    std::string out(prefix);
    out += std::to_string(number);
    return out;
}

std::string spacedVariant(Random& random, const std::string& word, uint32_t number) {
    // The same normalized text written several ways: case, leading/trailing/inner white space.
    switch (random.below(4)) {
    case 0: return word + " " + std::to_string(number);
    case 1: return "  " + word + "   " + std::to_string(number) + " ";
    case 2: {
        std::string upper = word;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
        return upper + "\t" + std::to_string(number);
    }
    default: {
        std::string lower = word;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        return lower + " \n " + std::to_string(number);
    }
    }
}

// Sets a node property in the builder and the model alike.
void setNode(GraphBuilder& builder, Model& model, NodeId node, const std::string& key, const Value& value) {
    builder.setNodeProperty(node, key, value);
    auto& column = model.nodeProperties[key];
    column.resize(kNodes);
    column[node] = value;
}

void setRel(GraphBuilder& builder, Model& model, RelId rel, const std::string& key, const Value& value) {
    builder.setRelProperty(rel, key, value);
    auto& column = model.relProperties[key];
    column.resize(kRels);
    column[rel] = value;
}

Fixture buildRandomGraph() {
    Random random(kSeed);
    GraphBuilder builder;
    Model model;
    for (uint32_t l = 0; l < kLabels; ++l) {
        REQUIRE(builder.catalog().internLabel(numbered("L", l)) == l);
    }
    for (uint32_t t = 0; t < kTypes; ++t) {
        REQUIRE(builder.catalog().internType(numbered("T", t)) == t);
    }
    // Nodes: random label sets (some empty), then properties of several kinds and densities.
    for (NodeId node = 0; node < kNodes; ++node) {
        std::vector<LabelId> labels;
        for (LabelId l = 0; l < kLabels; ++l) {
            if (random.chance(40)) {
                labels.push_back(l);
            }
        }
        REQUIRE(builder.addNode(labels) == node);
        model.labels.push_back(labels);
    }
    for (NodeId node = 0; node < kNodes; ++node) {
        setNode(builder, model, node, "id", Value(numbered("n", node)));                 // dense, unique
        setNode(builder, model, node, "name", Value(spacedVariant(random, "Node", node / 3)));  // dense, 3 per text
        if (random.chance(80)) {
            setNode(builder, model, node, "score", Value(static_cast<int64_t>(random.below(1000)) - 500)); // dense int
        }
        if (random.chance(60)) {
            setNode(builder, model, node, "weight", Value(random.below(10000) / 100.0)); // dense float
        }
        if (random.chance(30)) {
            setNode(builder, model, node, "born", Value(Date::fromDays(static_cast<int32_t>(random.below(40000)) - 20000)));
        }
        if (random.chance(60)) { // dense with mixed types
            setNode(builder, model, node, "mixed",
                    random.chance(50) ? Value(static_cast<int64_t>(node)) : Value(numbered("m", node % 7)));
        }
        if (random.chance(6)) { // sparse bool
            setNode(builder, model, node, "flag", Value(random.chance(50)));
        }
        if (random.chance(5)) { // sparse int list
            setNode(builder, model, node, "tags",
                    Value(Value::List{Value(static_cast<int64_t>(node)), Value(int64_t{7})}));
        }
    }
    // Sparse keys filled from the highest id down, so values are inserted before existing ones.
    for (NodeId node = kNodes; node-- > 0;) {
        if (random.chance(5)) {
            setNode(builder, model, node, "code", Value(spacedVariant(random, "Code", node % 5)));
        }
        if (random.chance(5)) {
            setNode(builder, model, node, "aliases",
                    Value(Value::List{Value(spacedVariant(random, "Alias", node % 4)), Value("Both " + std::to_string(node % 2))}));
        }
    }
    // Overwrites and removals after the fact.
    for (NodeId node = 0; node < kNodes; node += 11) {
        setNode(builder, model, node, "name", Value(spacedVariant(random, "Renamed", node % 6)));
        setNode(builder, model, node, "score", Value());
        setNode(builder, model, node, "weight", Value(int64_t{1})); // an int among floats
    }

    // Relationships: random endpoints, some self-loops and parallel edges.
    for (RelId rel = 0; rel < kRels; ++rel) {
        NodeId source = random.below(kNodes);
        NodeId target = random.below(kNodes);
        TypeId type = static_cast<TypeId>(random.below(kTypes));
        if (rel % 50 == 7) {
            target = source;
        }
        if (rel % 37 == 5 && rel > 0) { // the same endpoints and type as the previous one
            source = model.source.back();
            target = model.target.back();
            type = model.type.back();
        }
        REQUIRE(builder.addRelationship(source, type, target) == rel);
        model.source.push_back(source);
        model.target.push_back(target);
        model.type.push_back(type);
    }
    for (RelId rel = 0; rel < kRels; ++rel) {
        if (random.chance(90)) {
            setRel(builder, model, rel, "w", Value(static_cast<int64_t>(random.below(100))));
        }
        if (random.chance(5)) {
            setRel(builder, model, rel, "note", Value("note " + std::to_string(rel % 13)));
        }
        if (random.chance(40)) {
            setRel(builder, model, rel, "when", Value(Date::fromDays(static_cast<int32_t>(random.below(20000)))));
        }
    }
    for (RelId rel = kRels; rel-- > 0;) {
        if (random.chance(3)) {
            setRel(builder, model, rel, "sparse_late", Value(random.chance(50)));
        }
    }
    return Fixture{std::move(model), std::move(builder).freeze()};
}

const Fixture& fixture() {
    static const Fixture built = buildRandomGraph();
    return built;
}

// (neighbor, rel) pairs of an adjacency, sorted.
std::vector<std::pair<NodeId, RelId>> pairsOf(const Adjacency& adjacency) {
    std::vector<std::pair<NodeId, RelId>> out;
    for (uint32_t i = 0; i < adjacency.size; ++i) {
        out.emplace_back(adjacency.neighbor(i), adjacency.rel(i));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The model's (neighbor, rel) pairs of a node in a direction, optionally of one type, sorted.
std::vector<std::pair<NodeId, RelId>> naiveAdjacency(const Model& model, NodeId node, Direction direction,
                                                     std::optional<TypeId> type = std::nullopt) {
    std::vector<std::pair<NodeId, RelId>> out;
    for (RelId rel = 0; rel < model.source.size(); ++rel) {
        const NodeId from = direction == Direction::Out ? model.source[rel] : model.target[rel];
        const NodeId to = direction == Direction::Out ? model.target[rel] : model.source[rel];
        if (from == node && (!type || model.type[rel] == *type)) {
            out.emplace_back(to, rel);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

const char* directionName(Direction direction) {
    return direction == Direction::Out ? "out" : "in";
}

} // namespace

TEST_CASE("Graph counts match the model", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    CHECK(graph.nodeCount() == kNodes);
    CHECK(graph.relCount() == kRels);
    CHECK(graph.catalog().labelCount() == kLabels);
    CHECK(graph.catalog().typeCount() == kTypes);
    // The random graph does contain self-loops and parallel edges.
    size_t loops = 0;
    size_t parallel = 0;
    std::set<std::tuple<NodeId, NodeId, TypeId>> seen;
    for (RelId rel = 0; rel < kRels; ++rel) {
        loops += model.source[rel] == model.target[rel] ? 1 : 0;
        parallel += seen.emplace(model.source[rel], model.target[rel], model.type[rel]).second ? 0 : 1;
    }
    CHECK(loops >= 50U);
    CHECK(parallel >= 70U);
    Mismatches mismatches;
    for (RelId rel = 0; rel < kRels; ++rel) {
        if (graph.relSource(rel) != model.source[rel] || graph.relTarget(rel) != model.target[rel] ||
            graph.relType(rel) != model.type[rel]) {
            mismatches.add("relationship " + std::to_string(rel) + " has other endpoints or type");
        }
    }
    for (NodeId node = 0; node < kNodes; ++node) {
        const auto labels = graph.labels(node);
        if (std::vector<LabelId>(labels.begin(), labels.end()) != model.labels[node]) {
            mismatches.add("node " + std::to_string(node) + " has other labels");
        }
        for (LabelId l = 0; l < kLabels; ++l) {
            const bool expected = std::find(model.labels[node].begin(), model.labels[node].end(), l) != model.labels[node].end();
            if (graph.hasLabel(node, l) != expected) {
                mismatches.add("hasLabel(" + std::to_string(node) + ", " + std::to_string(l) + ") is wrong");
            }
        }
    }
    CHECK_NO_MISMATCHES(mismatches);
}

TEST_CASE("CSR row starts never decrease and end at the relationship count", "[storage]") {
    const Graph& graph = fixture().graph;
    for (Direction direction : {Direction::Out, Direction::In}) {
        INFO(directionName(direction));
        const auto& rowStarts = graph.csr(direction).m_forward.m_rowstart;
        REQUIRE(rowStarts.size() == kNodes + 1U);
        CHECK(rowStarts.front() == 0U);
        CHECK(rowStarts.back() == kRels);
        CHECK(std::is_sorted(rowStarts.begin(), rowStarts.end()));
        CHECK(graph.csr(direction).m_forward.m_column.size() == kRels);
        CHECK(boost::num_vertices(graph.csr(direction)) == kNodes);
        CHECK(boost::num_edges(graph.csr(direction)) == kRels);
    }
}

TEST_CASE("Adjacency equals the naive adjacency for every node and direction", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    Mismatches mismatches;
    for (Direction direction : {Direction::Out, Direction::In}) {
        for (NodeId node = 0; node < kNodes; ++node) {
            const std::string where = std::string(directionName(direction)) + " node " + std::to_string(node);
            const Adjacency all = graph.adjacency(node, direction);
            if (pairsOf(all) != naiveAdjacency(model, node, direction)) {
                mismatches.add(where + ": adjacency differs from the model");
            }
            for (uint32_t i = 0; i < all.size; ++i) {
                const RelId rel = all.rel(i);
                if (all.type(i) != model.type[rel]) {
                    mismatches.add(where + ": slot type differs from the relationship's type");
                }
                const NodeId self = direction == Direction::Out ? model.source[rel] : model.target[rel];
                if (self != node) {
                    mismatches.add(where + ": relationship " + std::to_string(rel) + " does not start here");
                }
                if (i > 0 && all.type(i) < all.type(i - 1)) {
                    mismatches.add(where + ": slots are not grouped by type");
                }
            }
            uint32_t typedTotal = 0;
            for (TypeId type = 0; type < kTypes; ++type) {
                const Adjacency typed = graph.adjacency(node, direction, type);
                typedTotal += typed.size;
                if (pairsOf(typed) != naiveAdjacency(model, node, direction, type)) {
                    mismatches.add(where + ": adjacency of type " + std::to_string(type) + " differs");
                }
                for (uint32_t i = 0; i < typed.size; ++i) {
                    if (typed.type(i) != type) {
                        mismatches.add(where + ": typed adjacency holds another type");
                    }
                }
            }
            if (typedTotal != all.size) {
                mismatches.add(where + ": typed adjacencies do not add up to the whole");
            }
        }
    }
    CHECK_NO_MISMATCHES(mismatches);
    // A type no relationship has yields an empty adjacency.
    CHECK(graph.adjacency(0, Direction::Out, static_cast<TypeId>(kTypes + 3)).empty());
}

TEST_CASE("Every relationship appears once out of its source and once into its target", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    std::vector<uint32_t> outSeen(kRels, 0);
    std::vector<uint32_t> inSeen(kRels, 0);
    Mismatches mismatches;
    for (NodeId node = 0; node < kNodes; ++node) {
        const Adjacency out = graph.adjacency(node, Direction::Out);
        for (uint32_t i = 0; i < out.size; ++i) {
            ++outSeen.at(out.rel(i));
            if (model.source[out.rel(i)] != node || model.target[out.rel(i)] != out.neighbor(i)) {
                mismatches.add("out slot of relationship " + std::to_string(out.rel(i)) + " at the wrong node");
            }
        }
        const Adjacency in = graph.adjacency(node, Direction::In);
        for (uint32_t i = 0; i < in.size; ++i) {
            ++inSeen.at(in.rel(i));
            if (model.target[in.rel(i)] != node || model.source[in.rel(i)] != in.neighbor(i)) {
                mismatches.add("in slot of relationship " + std::to_string(in.rel(i)) + " at the wrong node");
            }
        }
    }
    for (RelId rel = 0; rel < kRels; ++rel) {
        if (outSeen[rel] != 1 || inSeen[rel] != 1) {
            mismatches.add("relationship " + std::to_string(rel) + " seen " + std::to_string(outSeen[rel]) + " times out, " +
                           std::to_string(inSeen[rel]) + " times in");
        }
    }
    CHECK_NO_MISMATCHES(mismatches);
}

TEST_CASE("relsOfType and nodesWithLabel agree with a scan", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    for (TypeId type = 0; type < kTypes; ++type) {
        INFO("type " << type);
        std::vector<RelId> expected;
        for (RelId rel = 0; rel < kRels; ++rel) {
            if (model.type[rel] == type) {
                expected.push_back(rel);
            }
        }
        const auto actual = graph.relsOfType(type);
        CHECK(std::vector<RelId>(actual.begin(), actual.end()) == expected);
    }
    for (LabelId l = 0; l < kLabels; ++l) {
        INFO("label " << l);
        std::vector<NodeId> expected;
        for (NodeId node = 0; node < kNodes; ++node) {
            if (std::find(model.labels[node].begin(), model.labels[node].end(), l) != model.labels[node].end()) {
                expected.push_back(node);
            }
        }
        const auto actual = graph.nodesWithLabel(l);
        CHECK(std::vector<NodeId>(actual.begin(), actual.end()) == expected);
    }
    CHECK(graph.relsOfType(static_cast<TypeId>(kTypes)).empty());
    CHECK(graph.nodesWithLabel(static_cast<LabelId>(kLabels)).empty());
}

TEST_CASE("The label-key index agrees with a scan of all nodes", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    // The expected index: for every labelled node, every string (or string element) of an indexed key.
    std::map<std::tuple<LabelId, PropertyKeyId, std::string>, std::set<NodeId>> expected;
    for (const char* keyName : {"id", "name", "code", "aliases"}) {
        const PropertyKeyId keyId = *graph.catalog().findKey(keyName);
        const auto found = model.nodeProperties.find(keyName);
        REQUIRE(found != model.nodeProperties.end());
        for (NodeId node = 0; node < kNodes; ++node) {
            const Value& value = found->second[node];
            std::vector<std::string> texts;
            if (value.type() == newsgraph::ValueType::String) {
                texts.push_back(value.asString());
            } else if (value.type() == newsgraph::ValueType::List) {
                for (const Value& item : value.asList()) {
                    texts.push_back(item.asString());
                }
            }
            for (LabelId l : model.labels[node]) {
                for (const std::string& text : texts) {
                    expected[{l, keyId, naiveNormalize(text)}].insert(node);
                }
            }
        }
    }
    REQUIRE(expected.size() > 100U);

    Mismatches mismatches;
    size_t entries = 0;
    for (const auto& [composite, nodes] : expected) {
        const auto& [l, keyId, text] = composite;
        entries += nodes.size();
        const auto found = graph.lookup(l, keyId, text);
        if (std::vector<NodeId>(found.begin(), found.end()) != std::vector<NodeId>(nodes.begin(), nodes.end())) {
            mismatches.add("lookup(" + std::to_string(l) + ", " + graph.catalog().keyName(keyId) + ", '" + text +
                           "') differs from the scan");
        }
        // Spelled differently, the same entry is found.
        const std::string shouted = "  " + text + "  ";
        if (graph.lookup(l, keyId, shouted).size() != nodes.size()) {
            mismatches.add("lookup of '" + shouted + "' is not normalized");
        }
    }
    // Nothing else is in the index.
    size_t indexKeys = 0;
    graph.index().forEach([&](LabelId l, PropertyKeyId keyId, std::string_view text, std::span<const NodeId> nodes) {
        ++indexKeys;
        const auto found = expected.find({l, keyId, std::string(text)});
        if (found == expected.end() || found->second.size() != nodes.size()) {
            mismatches.add("unexpected index entry '" + std::string(text) + "'");
        }
    });
    CHECK_NO_MISMATCHES(mismatches);
    CHECK(indexKeys == expected.size());
    CHECK(graph.index().entryCount() == entries);
    CHECK(graph.lookup(0, graph.catalog().findKey("name").value(), "no such node").empty());

    // resolve() is the union over name, code, aliases and id of one label.
    const std::vector<NodeId> byId = graph.resolve("L0", numbered("N", graph.nodesWithLabel(0).front()));
    CHECK(byId == std::vector<NodeId>{graph.nodesWithLabel(0).front()});
    CHECK(graph.resolve("NoSuchLabel", "node 1").empty());
    CHECK(graph.resolve("L1", "no such text").empty());
}

TEST_CASE("Node and relationship properties equal the model", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    Mismatches mismatches;
    for (const auto& [keyName, values] : model.nodeProperties) {
        const PropertyKeyId keyId = *graph.catalog().findKey(keyName);
        std::vector<uint32_t> present;
        for (NodeId node = 0; node < kNodes; ++node) {
            const Value& expected = values[node];
            if (!expected.isNull()) {
                present.push_back(node);
            }
            if (!(graph.nodeProperty(node, keyId) == expected) || !(graph.nodeProperty(node, keyName) == expected)) {
                mismatches.add("node " + std::to_string(node) + "." + keyName + " is " +
                               graph.nodeProperty(node, keyId).toString() + ", expected " + expected.toString());
            }
        }
        const newsgraph::PropertyColumn* column = graph.nodeColumn(keyId);
        REQUIRE(column != nullptr);
        INFO("node key " << keyName << ": " << present.size() << " of " << kNodes);
        CHECK(column->count() == present.size());
        CHECK(column->entities() == present);
        CHECK(column->dense() == (present.size() * 2 >= kNodes));
    }
    for (const auto& [keyName, values] : model.relProperties) {
        const PropertyKeyId keyId = *graph.catalog().findKey(keyName);
        std::vector<uint32_t> present;
        for (RelId rel = 0; rel < kRels; ++rel) {
            const Value& expected = values[rel];
            if (!expected.isNull()) {
                present.push_back(rel);
            }
            if (!(graph.relProperty(rel, keyId) == expected) || !(graph.relProperty(rel, keyName) == expected)) {
                mismatches.add("relationship " + std::to_string(rel) + "." + keyName + " is " +
                               graph.relProperty(rel, keyId).toString() + ", expected " + expected.toString());
            }
        }
        const newsgraph::PropertyColumn* column = graph.relColumn(keyId);
        REQUIRE(column != nullptr);
        INFO("relationship key " << keyName << ": " << present.size() << " of " << kRels);
        CHECK(column->count() == present.size());
        CHECK(column->entities() == present);
        CHECK(column->dense() == (present.size() * 2 >= kRels));
    }
    // nodeProperties() lists exactly the present keys, by name.
    for (NodeId node = 0; node < kNodes; ++node) {
        newsgraph::PropertyList expected;
        for (const auto& [keyName, values] : model.nodeProperties) { // std::map: already by name
            if (!values[node].isNull()) {
                expected.emplace_back(keyName, values[node]);
            }
        }
        if (graph.nodeProperties(node) != expected) {
            mismatches.add("nodeProperties(" + std::to_string(node) + ") differs");
        }
    }
    for (RelId rel = 0; rel < kRels; ++rel) {
        newsgraph::PropertyList expected;
        for (const auto& [keyName, values] : model.relProperties) {
            if (!values[rel].isNull()) {
                expected.emplace_back(keyName, values[rel]);
            }
        }
        if (graph.relProperties(rel) != expected) {
            mismatches.add("relProperties(" + std::to_string(rel) + ") differs");
        }
    }
    CHECK_NO_MISMATCHES(mismatches);
    // Keys that exist on the other kind of entity, or not at all, read as null.
    CHECK(graph.nodeProperty(0, "w").isNull());
    CHECK(graph.relProperty(0, "name").isNull());
    CHECK(graph.nodeProperty(0, "no_such_key").isNull());
    CHECK(graph.nodeColumn(*graph.catalog().findKey("w")) == nullptr);
}

TEST_CASE("The sparse and dense columns of the random graph are as intended", "[storage]") {
    const Model& model = fixture().model;
    auto share = [](const std::vector<Value>& values) {
        return static_cast<double>(std::count_if(values.begin(), values.end(), [](const Value& v) { return !v.isNull(); })) /
               static_cast<double>(values.size());
    };
    // Sparse keys are on fewer than 10% of the entities, dense ones on more than half.
    for (const char* sparse : {"code", "aliases", "flag", "tags"}) {
        INFO(sparse);
        CHECK(share(model.nodeProperties.at(sparse)) < 0.10);
        CHECK(share(model.nodeProperties.at(sparse)) > 0.0);
    }
    for (const char* dense : {"id", "name", "score", "weight", "mixed"}) {
        INFO(dense);
        CHECK(share(model.nodeProperties.at(dense)) > 0.5);
    }
    CHECK(share(model.relProperties.at("note")) < 0.10);
    CHECK(share(model.relProperties.at("sparse_late")) < 0.10);
    CHECK(share(model.relProperties.at("w")) > 0.5);
}

TEST_CASE("Graph stats count labels and types like the model", "[storage]") {
    const Graph& graph = fixture().graph;
    const Model& model = fixture().model;
    const newsgraph::GraphStats stats = graph.stats();
    CHECK(stats.nodes == kNodes);
    CHECK(stats.relationships == kRels);
    CHECK(stats.propertyKeys == graph.catalog().keyCount());
    CHECK(stats.strings == graph.strings().size());

    std::vector<std::pair<std::string, uint64_t>> labels;
    for (LabelId l = 0; l < kLabels; ++l) {
        const auto count = std::count_if(model.labels.begin(), model.labels.end(), [l](const std::vector<LabelId>& set) {
            return std::find(set.begin(), set.end(), l) != set.end();
        });
        labels.emplace_back(numbered("L", l), static_cast<uint64_t>(count));
    }
    std::vector<std::pair<std::string, uint64_t>> types;
    for (TypeId t = 0; t < kTypes; ++t) {
        types.emplace_back(numbered("T", t), static_cast<uint64_t>(std::count(model.type.begin(), model.type.end(), t)));
    }
    CHECK(stats.labels == labels);
    CHECK(stats.types == types);
    CHECK(stats.nodeBytes > 0U);
    CHECK(stats.relBytes > 0U);
    CHECK(stats.sharedBytes > 0U);
    CHECK(stats.bytesPerNode() > 0.0);
    CHECK(stats.bytesPerRel() > 0.0);
    CHECK(stats.bytesPerNode() == Approx(static_cast<double>(stats.nodeBytes) / kNodes));
    CHECK(stats.totalBytes() == stats.nodeBytes + stats.relBytes + stats.sharedBytes);
    const std::string text = stats.toString();
    CHECK(text.find("nodes: 300\n") != std::string::npos);
    CHECK(text.find("relationships: 3000\n") != std::string::npos);
}

TEST_CASE("NodeIndex normalize lower-cases ASCII and collapses white space", "[storage]") {
    using newsgraph::NodeIndex;
    CHECK(NodeIndex::normalize("China") == "china");
    CHECK(NodeIndex::normalize("  china ") == "china");
    CHECK(NodeIndex::normalize("People's  Republic\tof\nChina") == "people's republic of china");
    CHECK(NodeIndex::normalize("\r\n\f\v") == "");
    CHECK(NodeIndex::normalize("") == "");
    CHECK(NodeIndex::normalize("A B") == "a b");
    CHECK(NodeIndex::normalize("Lipavsk\xC3\xBD") == "lipavsk\xC3\xBD"); // non-ASCII bytes unchanged
    CHECK(NodeIndex::normalize("\xC3\x9D") == "\xC3\x9D");               // no Unicode case folding
}

TEST_CASE("An empty graph has no nodes or relationships or index entries", "[storage]") {
    const Graph empty;
    CHECK(empty.nodeCount() == 0U);
    CHECK(empty.relCount() == 0U);
    CHECK(empty.catalog().labelCount() == 0U);
    CHECK(empty.catalog().typeCount() == 0U);
    CHECK(empty.nodesWithLabel(0).empty());
    CHECK(empty.relsOfType(0).empty());
    CHECK(empty.lookup(0, 1, "anything").empty());
    CHECK(empty.resolve("Actor", "China").empty());
    CHECK_FALSE(empty.findExternalId("", "x").has_value());
    CHECK(empty.index().entryCount() == 0U);
    const auto& rowStarts = empty.csr(Direction::Out).m_forward.m_rowstart;
    CHECK(std::all_of(rowStarts.begin(), rowStarts.end(), [](uint32_t start) { return start == 0; }));
    const newsgraph::GraphStats stats = empty.stats();
    CHECK(stats.nodes == 0U);
    CHECK(stats.relationships == 0U);
    CHECK(stats.labels.empty());
    CHECK(stats.types.empty());
    CHECK(stats.bytesPerNode() == 0.0);
    CHECK(stats.bytesPerRel() == 0.0);

    // A moved-from builder freezes to an empty graph as well.
    GraphBuilder builder;
    builder.addNode({"Actor"}, {{"name", Value("China")}});
    const Graph frozen = std::move(builder).freeze();
    CHECK(frozen.nodeCount() == 1U);
    CHECK(builder.nodeCount() == 0U); // NOLINT(bugprone-use-after-move): freeze() leaves the builder empty
    CHECK(builder.catalog().labelCount() == 0U);
}

TEST_CASE("A small graph by hand - adjacency order and external ids", "[storage]") {
    GraphBuilder builder;
    const NodeId a = builder.addNode({"Actor"}, {{"name", Value("A")}});
    const NodeId b = builder.addNode({"Actor"}, {{"name", Value("B")}});
    builder.bindExternalId("", "a", a);
    builder.bindExternalId("Space", "b", b);
    builder.addRelationship(a, "Z_LAST", b);   // rel 0, type 0
    builder.addRelationship(a, "A_FIRST", b);  // rel 1, type 1
    builder.addRelationship(a, "Z_LAST", a);   // rel 2, type 0
    builder.addRelationship(b, "A_FIRST", a);  // rel 3, type 1
    const Graph graph = std::move(builder).freeze();

    // Within a node, slots are ordered by type id, then relationship id.
    const Adjacency out = graph.adjacency(a, Direction::Out);
    REQUIRE(out.size == 3U);
    CHECK(out.rel(0) == 0U);
    CHECK(out.rel(1) == 2U);
    CHECK(out.rel(2) == 1U);
    CHECK(out.neighbor(0) == b);
    CHECK(out.neighbor(1) == a);
    CHECK(out.neighbor(2) == b);
    const Adjacency in = graph.adjacency(a, Direction::In);
    REQUIRE(in.size == 2U);
    CHECK(in.rel(0) == 2U);
    CHECK(in.rel(1) == 3U);
    const Adjacency typed = graph.adjacency(a, Direction::Out, *graph.catalog().findType("A_FIRST"));
    REQUIRE(typed.size == 1U);
    CHECK(typed.rel(0) == 1U);
    CHECK(graph.adjacency(b, Direction::Out, *graph.catalog().findType("Z_LAST")).empty());

    CHECK(graph.findExternalId("", "a") == std::optional<NodeId>(a));
    CHECK(graph.findExternalId("Space", "b") == std::optional<NodeId>(b));
    CHECK_FALSE(graph.findExternalId("", "b").has_value());
    CHECK(graph.resolve("Actor", " a ") == std::vector<NodeId>{a});
}

namespace {

// A random value of one of the storable kinds; `kinds` limits how many kinds are used (1: ints only).
Value randomValue(Random& random, uint32_t kinds) {
    switch (random.below(kinds)) {
    case 0: return Value(static_cast<int64_t>(random.below(1000)) - 500);
    case 1: return Value(numbered("s", random.below(50)));
    case 2: return Value(random.below(1000) / 8.0);
    case 3: return Value(Date::fromDays(static_cast<int32_t>(random.below(30000)) - 15000));
    case 4: return Value(random.chance(50));
    default: return Value(Value::List{Value(numbered("e", random.below(9))), Value("x")});
    }
}

// Applies random sets and erases in random entity order to a column and a std::map alike, then
// checks, truncates and freezes it, checking again after each step.
void exerciseColumn(uint32_t kinds, uint32_t seed) {
    constexpr uint32_t kEntities = 200;
    Random random(seed);
    newsgraph::StringPool pool;
    newsgraph::PropertyColumn column;
    std::map<uint32_t, Value> model;
    auto verify = [&](const char* stage) {
        INFO(stage << " (kinds " << kinds << ")");
        size_t wrong = 0;
        for (uint32_t entity = 0; entity < kEntities; ++entity) {
            const auto found = model.find(entity);
            const Value expected = found == model.end() ? Value() : found->second;
            wrong += column.get(entity, pool) == expected && column.has(entity) == (found != model.end()) ? 0 : 1;
        }
        CHECK(wrong == 0U);
        CHECK(column.count() == model.size());
        std::vector<uint32_t> entities;
        for (const auto& [entity, value] : model) {
            entities.push_back(entity);
        }
        CHECK(column.entities() == entities);
    };
    for (int step = 0; step < 2000; ++step) {
        const uint32_t entity = random.below(kEntities);
        if (random.chance(25)) {
            CHECK(column.erase(entity) == (model.erase(entity) == 1));
        } else {
            const Value value = randomValue(random, kinds);
            column.set(entity, value, pool);
            model[entity] = value;
        }
    }
    verify("after random sets and erases");
    column.truncate(150);
    model.erase(model.lower_bound(150), model.end());
    verify("after truncate(150)");
    column.freeze(kEntities);
    CHECK(column.dense() == (model.size() * 2 >= kEntities));
    verify("after freeze");
    CHECK(column.bytesUsed() > 0U);
}

} // namespace

TEST_CASE("PropertyColumn matches a map under random sets and erases", "[storage]") {
    exerciseColumn(1, 1);  // ints only: a typed column
    exerciseColumn(2, 2);  // ints and strings: becomes mixed
    exerciseColumn(6, 3);  // every kind, lists included
}

TEST_CASE("PropertyColumn stays sparse below half and becomes dense at half", "[storage]") {
    newsgraph::StringPool pool;
    newsgraph::PropertyColumn sparse;
    for (uint32_t entity = 1; entity < 98; entity += 2) { // 1, 3, ..., 97: 49 entities
        sparse.set(entity, Value(numbered("v", entity)), pool);
    }
    sparse.set(0, Value(numbered("v", 0)), pool);         // inserted before the others: 50 of 101
    sparse.freeze(101);
    CHECK_FALSE(sparse.dense());
    CHECK(sparse.get(0, pool) == Value("v0"));
    CHECK(sparse.get(97, pool) == Value("v97"));
    CHECK(sparse.get(98, pool).isNull());
    CHECK(sparse.get(99, pool).isNull());
    CHECK(sparse.count() == 50U);
    CHECK(sparse.get(100, pool).isNull());

    newsgraph::PropertyColumn dense;
    for (uint32_t entity = 99; entity >= 50; --entity) {   // 50 of 100, from the top down
        dense.set(entity, Value(static_cast<int64_t>(entity)), pool);
    }
    dense.freeze(100);
    CHECK(dense.dense());
    CHECK(dense.values().kind() == newsgraph::ColumnKind::Int);
    CHECK(dense.values().size() == 100U);
    CHECK(dense.get(49, pool).isNull());
    CHECK(dense.get(50, pool) == Value(int64_t{50}));
    CHECK(dense.get(99, pool) == Value(int64_t{99}));
    CHECK(dense.slot(75) == std::optional<size_t>(75));
    CHECK_FALSE(dense.slot(10).has_value());
    CHECK(dense.count() == 50U);
}

TEST_CASE("ValueVector keeps one typed array until types mix", "[storage]") {
    newsgraph::StringPool pool;
    newsgraph::ValueVector vector;
    CHECK(vector.kind() == newsgraph::ColumnKind::Empty);
    vector.push(Value("b"), pool);
    vector.push(Value("c"), pool);
    vector.insert(0, Value("a"), pool);
    CHECK(vector.kind() == newsgraph::ColumnKind::String);
    REQUIRE(vector.size() == 3U);
    CHECK(vector.get(0, pool) == Value("a"));
    CHECK(vector.get(1, pool) == Value("b"));
    CHECK(vector.get(2, pool) == Value("c"));
    CHECK(vector.strings().size() == 3U);
    CHECK(pool.size() == 3U);

    vector.insert(1, Value(int64_t{7}), pool); // another type: the vector becomes mixed
    CHECK(vector.kind() == newsgraph::ColumnKind::Mixed);
    REQUIRE(vector.size() == 4U);
    CHECK(vector.get(0, pool) == Value("a"));
    CHECK(vector.get(1, pool) == Value(int64_t{7}));
    CHECK(vector.get(2, pool) == Value("b"));
    CHECK(vector.get(3, pool) == Value("c"));
    vector.erase(0);
    vector.set(2, Value(1.5), pool);
    REQUIRE(vector.size() == 3U);
    CHECK(vector.get(0, pool) == Value(int64_t{7}));
    CHECK(vector.get(1, pool) == Value("b"));
    CHECK(vector.get(2, pool) == Value(1.5));
    CHECK(std::string(newsgraph::columnKindName(vector.kind())) == "mixed");

    // Placeholders pushed while the kind is unknown take the kind of the first real value.
    newsgraph::ValueVector dates;
    dates.pushDefault();
    dates.pushDefault();
    CHECK(dates.kind() == newsgraph::ColumnKind::Empty);
    CHECK(dates.size() == 2U);
    newsgraph::ValueVector source;
    source.push(Value(Date::fromDays(100)), pool);
    dates.pushFrom(source, 0);
    CHECK(dates.kind() == newsgraph::ColumnKind::Date);
    REQUIRE(dates.size() == 3U);
    CHECK(dates.dates().size() == 3U);
    CHECK(dates.get(2, pool) == Value(Date::fromDays(100)));
}

TEST_CASE("ValueVector stores datetimes compactly and keeps their zone", "[storage][temporal]") {
    newsgraph::StringPool pool;
    newsgraph::ValueVector vector;
    const auto prague = newsgraph::timezone::find("Europe/Prague");
    REQUIRE(prague.has_value());
    const newsgraph::LocalDateTime local = newsgraph::LocalDateTime::fromEpoch(1'748'420'130, 250'000'000);
    const Value utc(newsgraph::DateTime(local, 0, newsgraph::kNoZone));
    const Value zoned(newsgraph::DateTime::fromLocal(local, *prague));
    vector.pushDefault();
    vector.push(utc, pool);
    vector.push(zoned, pool);
    CHECK(vector.kind() == newsgraph::ColumnKind::DateTime);
    CHECK(vector.dateTimes().size() == 3U);
    CHECK(vector.get(1, pool) == utc);
    CHECK(vector.get(2, pool) == zoned);
    CHECK(vector.get(2, pool).toString() == "datetime('2025-05-28T08:15:30.25+02:00[Europe/Prague]')");
    CHECK(vector.bytesUsed() < 3 * sizeof(Value));
    vector.set(0, Value(newsgraph::Duration::of(0, 7, 0, 0)), pool); // another temporal type: mixed
    CHECK(vector.kind() == newsgraph::ColumnKind::Mixed);
    CHECK(vector.get(2, pool) == zoned);
    CHECK(vector.get(0, pool).toString() == "duration('P7D')");
}
