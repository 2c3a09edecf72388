// IndexSeek against the scan and filter it replaces: on random graphs whose indexed keys (name,
// code, id) mix what Cypher's `=` and the normalized index disagree on -- texts that differ only in
// case or white space, integers and floats that are equal, lists of texts, missing keys -- and
// whose nodes carry no label, one or two, every query of a family (inline maps with and without a
// label, WHERE, parameters of every kind, values from an earlier clause, OPTIONAL MATCH) answers
// with the same rows in the same order with index_seek as without it. The same graphs, with
// relationships, for anchored_expand: an Expand to a far node pinned by an indexed key.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"
#include "query_test_support.hpp"

namespace {

using newsgraph::Value;

constexpr size_t kNodes = 300;
constexpr size_t kRels = 3000;

Value randomKey(std::mt19937& random) {
    constexpr int kKinds = 9;
    constexpr int kSmall = 5;
    const int small = static_cast<int>(random() % kSmall);
    const std::string text(1, static_cast<char>('a' + small));
    switch (random() % kKinds) {
    case 0: return Value(text);
    case 1: return Value(std::string(1, static_cast<char>('A' + small))); // the index folds case
    case 2: return Value(" " + text + " ");                                // and trims
    case 3: return Value(static_cast<int64_t>(small));
    case 4: return Value(static_cast<double>(small));
    case 5: return Value(Value::List{Value(text), Value(std::string("z"))});
    case 6: return Value(); // missing
    default: return Value(text + text);
    }
}

newsgraph::Database randomGraph(uint32_t seed) {
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    const newsgraph::LabelId labelA = builder.catalog().internLabel("A");
    const newsgraph::LabelId labelB = builder.catalog().internLabel("B");
    for (size_t i = 0; i < kNodes; ++i) {
        std::vector<newsgraph::LabelId> labels;
        switch (random() % 4) {
        case 0: break;
        case 1: labels = {labelA}; break;
        case 2: labels = {labelB}; break;
        default: labels = {labelA, labelB}; break;
        }
        const newsgraph::NodeId node = builder.addNode(labels);
        builder.setNodeProperty(node, "seq", Value(static_cast<int64_t>(i)));
        for (const char* key : {"name", "code", "id", "other"}) {
            if (Value value = randomKey(random); !value.isNull()) {
                builder.setNodeProperty(node, key, std::move(value));
            }
        }
    }
    // Relationships for anchored_expand: two types, parallel edges and self-loops.
    for (size_t i = 0; i < kRels; ++i) {
        const auto source = static_cast<newsgraph::NodeId>(random() % kNodes);
        const auto target = random() % 20 == 0 ? source : static_cast<newsgraph::NodeId>(random() % kNodes);
        builder.addRelationship(source, random() % 2 == 0 ? "X" : "Y", target);
    }
    return newsgraph::Database(std::move(builder).freeze());
}

std::vector<std::string> rowsOf(newsgraph::Database& database, const std::string& query,
                                const newsgraph::Parameters& parameters, bool rule) {
    newsgraph::ExecuteOptions options;
    if (!rule) {
        options.disabledRules = {"index_seek"};
    }
    return newsgraph::testing::renderedRows(database, database.execute(query, parameters, options));
}

} // namespace

TEST_CASE("index seek answers as the scan does, row for row", "[index_seek]") {
    // {query, whether the rule must fire}
    const std::vector<std::pair<std::string, bool>> family = {
        {"MATCH (n {name: $v}) RETURN n.seq", true},
        {"MATCH (n:A {code: $v}) RETURN n.seq", true},
        {"MATCH (n:B) WHERE n.id = $v RETURN n.seq", true},
        {"MATCH (n) WHERE $v = n.name AND n.seq % 2 = 0 RETURN n.seq", true},
        {"MATCH (n:A:B) WHERE n.name = $v RETURN n.seq", true},
        {"MATCH (n) WHERE n.aliases = $v RETURN n.seq", true},
        {"MATCH (n) WHERE n.other = $v RETURN n.seq", false}, // not an indexed key
        {"MATCH (n) WHERE n.name = $v OR n.code = $v RETURN n.seq", false},
        {"MATCH (a:A) MATCH (b {name: a.other}) RETURN a.seq, b.seq", true},
        {"MATCH (a:B) OPTIONAL MATCH (b:A) WHERE b.code = a.name RETURN a.seq, b.seq", true},
        {"MATCH (a:A) WHERE EXISTS { MATCH (b) WHERE b.id = a.code } RETURN a.seq", true},
        {"MATCH (a) WHERE a.name = $v MATCH (a)--(b) RETURN count(*)", true},
    };
    const std::vector<Value> values = {Value(std::string("a")), Value(std::string("A")), Value(std::string(" b ")),
                                       Value(std::string("cc")), Value(static_cast<int64_t>(2)), Value(2.0),
                                       Value(Value::List{Value(std::string("d")), Value(std::string("z"))}),
                                       Value(), Value(true)};
    for (const uint32_t seed : {1U, 2U}) {
        newsgraph::Database database = randomGraph(seed);
        for (const auto& [query, fires] : family) {
            const std::string plan = database.explain(query, {{"v", Value()}});
            INFO("seed " << seed << ": " << query << "\n" << plan);
            CHECK((plan.find("NodeIndexSeek") != std::string::npos) == fires);
            for (const Value& value : values) {
                INFO("$v = " << database.render(value));
                const newsgraph::Parameters parameters = {{"v", value}};
                CHECK(rowsOf(database, query, parameters, true) == rowsOf(database, query, parameters, false));
            }
        }
    }
}

TEST_CASE("index seek: a parameter the index does not hold still finds its nodes", "[index_seek]") {
    newsgraph::Database database;
    database.execute("CREATE (:P {id: 5}), (:P {id: 5.0}), (:P {id: '5'}), ({id: 5})");
    const auto count = [&](const std::string& query, Value value) {
        return database.execute(query, {{"x", std::move(value)}}).rows.at(0).at(0).asInt();
    };
    CHECK(count("MATCH (n:P {id: $x}) RETURN count(*)", Value(static_cast<int64_t>(5))) == 2);
    CHECK(count("MATCH (n {id: $x}) RETURN count(*)", Value(static_cast<int64_t>(5))) == 3);
    CHECK(count("MATCH (n {id: $x}) RETURN count(*)", Value(std::string("5"))) == 1);
    CHECK(count("MATCH (n {id: $x}) RETURN count(*)", Value()) == 0);
}

TEST_CASE("anchored_expand answers as the plain Expand does", "[index_seek]") {
    // {query, whether the rule must fire}; the same rows (as multisets: the anchored Expand gives a
    // row's edges in relationship order) with the rule and without it, for every kind of value.
    const std::vector<std::pair<std::string, bool>> family = {
        {"MATCH (a:A)-[r]->(b)<-[s]-(c {name: $v}) RETURN a.seq, b.seq, c.seq", true},
        {"MATCH (a {name: 'a'})-[r:X]-(b {code: $v}) RETURN a.seq, id(r), b.seq", true},
        {"MATCH (a:B {code: 'b'})<-[r:X|Y]-(b:A) WHERE b.name = $v AND b.seq > 10 RETURN a.seq, b.seq", true},
        {"MATCH (a) WHERE a.seq = 7 MATCH (a)-[r]->(b {id: $v}) RETURN a.seq, b.seq", true},
        {"MATCH (a) OPTIONAL MATCH (a)-[r]->(b {name: $v}) RETURN a.seq, b.seq", true},
        {"MATCH (a {id: 'c'})-[r]->(b)-[s]->(c {name: 'a'}) RETURN a.seq, id(r), id(s), c.seq", true},
        {"MATCH (a {code: 'a'})-[r]-(a2)-[s]-(c) WHERE c.code = $v RETURN count(*), count(DISTINCT a2)", true},
        {"MATCH (c {name: $v}) MATCH (a)-[r]->(b) WHERE b = c RETURN count(*)", false}, // a bound far node (Into)
        {"MATCH (a)-[r]->(b) WHERE b.name = a.code RETURN a.seq, b.seq", false}, // the value reads a column
        {"MATCH (a)-[r]->(b {other: $v}) RETURN a.seq, b.seq", false},           // not an indexed key
    };
    const std::vector<Value> values = {Value(std::string("a")), Value(std::string(" b ")), Value(static_cast<int64_t>(2)),
                                       Value(2.0), Value(Value::List{Value(std::string("d")), Value(std::string("z"))}),
                                       Value()};
    for (const uint32_t seed : {5U, 6U}) {
        newsgraph::Database database = randomGraph(seed);
        for (const auto& [query, fires] : family) {
            const std::string plan = database.explain(query, {{"v", Value()}});
            INFO("seed " << seed << ": " << query << "\n" << plan);
            CHECK((plan.find("anchored on") != std::string::npos) == fires);
            for (const Value& value : values) {
                INFO("$v = " << database.render(value));
                const newsgraph::Parameters parameters = {{"v", value}};
                newsgraph::ExecuteOptions without;
                without.disabledRules = {"anchored_expand"};
                auto expected = newsgraph::testing::renderedRows(database, database.execute(query, parameters, without));
                auto actual = newsgraph::testing::renderedRows(database, database.execute(query, parameters));
                std::sort(expected.begin(), expected.end());
                std::sort(actual.begin(), actual.end());
                CHECK(actual == expected);
            }
        }
    }
}
