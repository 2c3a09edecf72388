// Built-in scalar functions (engine/function/scalar_functions.hpp) and graph-aware property access
// (engine/function/property_access.hpp), with expectations from the openCypher TCK feature named in
// each section. Graph functions run against a fake EntityAccessor.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"
#include "engine/function/function_context.hpp"
#include "engine/function/property_access.hpp"
#include "engine/function/scalar_functions.hpp"
#include "engine/function/value_ops.hpp"

using newsgraph::Date;
using newsgraph::EntityAccessor;
using newsgraph::NodeId;
using newsgraph::NodeRef;
using newsgraph::PathValue;
using newsgraph::PropertyList;
using newsgraph::QueryError;
using newsgraph::QueryPhase;
using newsgraph::RelId;
using newsgraph::RelRef;
using newsgraph::ScalarFunction;
using newsgraph::Value;

namespace {

// A graph held in vectors: node i and relationship j are entries i and j.
class FakeEntities final : public EntityAccessor {
public:
    struct Node {
        std::vector<std::string> labels;
        PropertyList properties;
    };
    struct Rel {
        std::string type;
        NodeId source;
        NodeId target;
        PropertyList properties;
    };

    std::vector<Node> nodeTable;
    std::vector<Rel> relTable;
    std::set<NodeId> deletedNodes;
    std::set<RelId> deletedRels;

    std::vector<std::string> nodeLabels(NodeId node) const override { return nodeTable.at(node).labels; }
    PropertyList nodeProperties(NodeId node) const override { return nodeTable.at(node).properties; }
    Value nodeProperty(NodeId node, const std::string& key) const override {
        return lookup(nodeTable.at(node).properties, key);
    }
    std::string relType(RelId rel) const override { return relTable.at(rel).type; }
    PropertyList relProperties(RelId rel) const override { return relTable.at(rel).properties; }
    Value relProperty(RelId rel, const std::string& key) const override {
        return lookup(relTable.at(rel).properties, key);
    }
    NodeId relSource(RelId rel) const override { return relTable.at(rel).source; }
    NodeId relTarget(RelId rel) const override { return relTable.at(rel).target; }
    bool nodeDeleted(NodeId node) const override { return deletedNodes.count(node) > 0; }
    bool relDeleted(RelId rel) const override { return deletedRels.count(rel) > 0; }

private:
    static Value lookup(const PropertyList& properties, const std::string& key) {
        const auto found = std::find_if(properties.begin(), properties.end(),
                                        [&](const auto& entry) { return entry.first == key; });
        return found != properties.end() ? found->second : Value();
    }
};

const Value kNull;

const FakeEntities& emptyGraph() {
    static const FakeEntities graph;
    return graph;
}

Value list(std::initializer_list<Value> items) {
    return Value(Value::List(items));
}

Value map(std::initializer_list<std::pair<std::string, Value>> entries) {
    return Value::map(Value::Map(entries));
}

Value date(std::string_view text) {
    const auto parsed = Date::parse(text);
    REQUIRE(parsed.has_value());
    return Value(*parsed);
}

std::string str(const Value& value) {
    return value.toString();
}

// Calls a built-in by name, checking the registry's arity first.
Value call(std::string_view name, const std::vector<Value>& args, const EntityAccessor& entities = emptyGraph()) {
    const ScalarFunction* function = newsgraph::findScalarFunction(name);
    INFO(name);
    REQUIRE(function != nullptr);
    REQUIRE(args.size() >= function->minArgs);
    REQUIRE(args.size() <= function->maxArgs);
    return function->fn(args, entities);
}

void requireError(const std::function<void()>& fn, const std::string& kind, const std::string& detail) {
    bool thrown = false;
    try {
        fn();
    } catch (const QueryError& error) {
        thrown = true;
        INFO(error.what());
        CHECK(error.kind() == kind);
        CHECK(error.detail() == detail);
        CHECK(error.phase() == QueryPhase::Runtime);
    }
    INFO("expected " << kind << ": " << detail);
    CHECK(thrown);
}

// (0:Foo:Bar {name: 'Mattias'}), (1), (2:Person {name: 'Popeye', level: 9001}),
// (0)-[0:T {num: 1}]->(1), (1)-[1:KNOWS]->(2)
void fillSample(FakeEntities& graph) {
    graph.nodeTable = {{{"Foo", "Bar"}, {{"name", Value("Mattias")}}},
                       {{}, {}},
                       {{"Person"}, {{"name", Value("Popeye")}, {"level", Value(9001)}}}};
    graph.relTable = {{"T", 0, 1, {{"num", Value(1)}}}, {"KNOWS", 1, 2, {}}};
}

} // namespace

// --- Registry -------------------------------------------------------------------------------------------

TEST_CASE("Function lookup is case-insensitive and knows arities", "[function][scalar]") {
    const ScalarFunction* toInteger = newsgraph::findScalarFunction("TOINTEGER");
    REQUIRE(toInteger != nullptr);
    CHECK(toInteger->name == "toInteger");
    CHECK(newsgraph::findScalarFunction("tointeger") == toInteger);
    CHECK(newsgraph::findScalarFunction("toUpper") != nullptr);
    CHECK(newsgraph::findScalarFunction("noSuchFunction") == nullptr); // Return2 [18]: UnknownFunction
    CHECK(newsgraph::findScalarFunction("count") == nullptr);          // aggregates live elsewhere
    const ScalarFunction* range = newsgraph::findScalarFunction("range");
    REQUIRE(range != nullptr);
    CHECK(range->minArgs == 2);
    CHECK(range->maxArgs == 3);
    const ScalarFunction* coalesce = newsgraph::findScalarFunction("coalesce");
    REQUIRE(coalesce != nullptr);
    CHECK(coalesce->maxArgs == std::numeric_limits<uint32_t>::max());
    std::set<std::string> names;
    for (const ScalarFunction& function : newsgraph::scalarFunctions()) {
        CHECK(function.fn != nullptr);
        CHECK(function.minArgs <= function.maxArgs);
        names.insert(std::string(function.name));
    }
    CHECK(names.size() == newsgraph::scalarFunctions().size());
}

// --- Graph3, Graph4, Graph8, Graph9, Map3, Path1-3, Return2 -----------------------------------------------

TEST_CASE("labels() and type()", "[function][scalar]") {
    FakeEntities graph;
    fillSample(graph);
    CHECK(str(call("labels", {Value(NodeRef{1})}, graph)) == "[]");             // Graph3 [1]
    CHECK(str(call("labels", {Value(NodeRef{0})}, graph)) == "['Foo', 'Bar']"); // Graph3 [2]
    CHECK(call("labels", {kNull}, graph).isNull());                             // Graph3 [7]
    requireError([&] { call("labels", {Value(1)}, graph); }, "TypeError", "InvalidArgumentValue"); // Graph3 [9]
    requireError([&] { call("labels", {Value(PathValue{{0}, {}})}, graph); }, "TypeError", "InvalidArgumentValue");
    CHECK(str(call("type", {Value(RelRef{0})}, graph)) == "'T'");   // Graph4 [1]
    CHECK(str(call("type", {Value(RelRef{1})}, graph)) == "'KNOWS'"); // Graph4 [2]
    CHECK(call("type", {kNull}, graph).isNull());                     // Graph4 [3]
    for (const Value& invalid : {Value(0), Value(1.0), Value(true), Value(""), list({})}) { // Graph4 [6]
        requireError([&] { call("type", {invalid}, graph); }, "TypeError", "InvalidArgumentValue");
    }
    // Return2 [14]: type() of a deleted relationship still answers; [16]: labels() of a deleted node fails
    graph.deletedRels.insert(0);
    graph.deletedNodes.insert(0);
    CHECK(str(call("type", {Value(RelRef{0})}, graph)) == "'T'");
    requireError([&] { call("labels", {Value(NodeRef{0})}, graph); }, "EntityNotFound", "DeletedEntityAccess");
}

TEST_CASE("keys() and properties()", "[function][scalar]") {
    FakeEntities graph;
    fillSample(graph);
    CHECK(str(call("keys", {Value(NodeRef{2})}, graph)) == "['name', 'level']"); // Graph8 [1]
    CHECK(str(call("keys", {Value(NodeRef{1})}, graph)) == "[]");                // Graph8 [3]
    CHECK(str(call("keys", {Value(RelRef{0})}, graph)) == "['num']");            // Graph8 [5]
    CHECK(str(call("keys", {Value(RelRef{1})}, graph)) == "[]");                 // Graph8 [6]
    CHECK(call("keys", {kNull}, graph).isNull());                                // Graph8 [4], Map3 [3]
    // Map3 [1], [4]: keys of maps, null-valued entries included (sorted here; the TCK ignores order)
    CHECK(str(call("keys", {map({{"name", "Alice"}, {"age", 38}, {"address", map({{"city", "London"}})}})})) ==
          "['address', 'age', 'name']");
    CHECK(str(call("keys", {map({})})) == "[]");
    CHECK(str(call("keys", {map({{"k", kNull}, {"l", 1}})})) == "['k', 'l']");
    // Map3 [5]: 'notMissing' IN keys({exists: 42, notMissing: null})
    const Value keys = call("keys", {map({{"exists", 42}, {"notMissing", kNull}})});
    CHECK(str(newsgraph::inList(Value("notMissing"), keys)) == "true");
    CHECK(str(newsgraph::inList(Value("missing"), keys)) == "false");
    // Graph9 [1-4]
    CHECK(str(call("properties", {Value(NodeRef{2})}, graph)) == "{level: 9001, name: 'Popeye'}");
    CHECK(str(call("properties", {Value(RelRef{0})}, graph)) == "{num: 1}");
    CHECK(call("properties", {kNull}, graph).isNull());
    CHECK(str(call("properties", {map({{"name", "Popeye"}, {"level", 9001}})})) == "{level: 9001, name: 'Popeye'}");
    // Graph9 [5-7] are compile-time errors; at runtime the same arguments are TypeErrors.
    for (const Value& invalid : {Value(1), Value("Cypher"), list({true, false})}) {
        requireError([&] { call("properties", {invalid}, graph); }, "TypeError", "InvalidArgumentValue");
    }
    graph.deletedNodes.insert(2);
    requireError([&] { call("properties", {Value(NodeRef{2})}, graph); }, "EntityNotFound", "DeletedEntityAccess");
    requireError([&] { call("keys", {Value(NodeRef{2})}, graph); }, "EntityNotFound", "DeletedEntityAccess");
}

TEST_CASE("Relationship endpoints, ids and paths", "[function][scalar]") {
    FakeEntities graph;
    fillSample(graph);
    CHECK(str(call("startNode", {Value(RelRef{1})}, graph)) == "node(1)");
    CHECK(str(call("endNode", {Value(RelRef{1})}, graph)) == "node(2)");
    CHECK(call("startNode", {kNull}, graph).isNull());
    requireError([&] { call("endNode", {Value(NodeRef{1})}, graph); }, "TypeError", "InvalidArgumentValue");
    CHECK(str(call("id", {Value(NodeRef{2})}, graph)) == "2");
    CHECK(str(call("id", {Value(RelRef{1})}, graph)) == "1");
    CHECK(call("id", {kNull}, graph).isNull());
    // Path2 [1]: relationships(p); Path3 [1]: length(p) of a zero-length path is 0
    const Value path(PathValue{{0, 1, 2}, {0, 1}});
    CHECK(str(call("nodes", {path}, graph)) == "[node(0), node(1), node(2)]");
    CHECK(str(call("relationships", {path}, graph)) == "[relationship(0), relationship(1)]");
    CHECK(str(call("length", {path}, graph)) == "2");
    CHECK(str(call("length", {Value(PathValue{{1}, {}})}, graph)) == "0");
    CHECK(call("nodes", {kNull}, graph).isNull());         // Path1 [1]
    CHECK(call("relationships", {kNull}, graph).isNull()); // Path2 [3]
    // Path3 [2-3] fail at compile time; a node at runtime is a TypeError.
    requireError([&] { call("length", {Value(NodeRef{0})}, graph); }, "TypeError", "InvalidArgumentValue");
    // List12 [4]: head(nodes(x))
    CHECK(str(call("head", {call("nodes", {path}, graph)}, graph)) == "node(0)");
    CHECK(str(call("exists", {Value(1)})) == "true");
    CHECK(str(call("exists", {kNull})) == "false");
}

TEST_CASE("Property access on maps, entities and dates", "[function][scalar]") {
    FakeEntities graph;
    fillSample(graph);
    // Graph6 [1], [3], [5], [7]
    CHECK(str(newsgraph::propertyAccess(Value(NodeRef{2}), "level", graph)) == "9001");
    CHECK(newsgraph::propertyAccess(Value(NodeRef{2}), "missing", graph).isNull());
    CHECK(str(newsgraph::propertyAccess(Value(RelRef{0}), "num", graph)) == "1");
    CHECK(newsgraph::propertyAccess(kNull, "missing", graph).isNull());
    // Map1 [1], [4]
    const Value m = map({{"existing", 42}, {"notMissing", kNull}});
    CHECK(newsgraph::propertyAccess(m, "missing", graph).isNull());
    CHECK(newsgraph::propertyAccess(m, "notMissing", graph).isNull());
    CHECK(str(newsgraph::propertyAccess(m, "existing", graph)) == "42");
    CHECK(newsgraph::propertyAccess(map({{"name", "Mats"}, {"Name", "Pontus"}}), "nAMe", graph).isNull());
    // Null1 [5]: {notName: 0}.name IS NULL
    CHECK(newsgraph::propertyAccess(map({{"notName", 0}}), "name", graph).isNull());
    // Map1 [6], Graph6 [9]: property access on a non-map
    for (const Value& invalid : {Value(123), Value(42.45), Value(true), Value("string"), list({123, true})}) {
        requireError([&] { newsgraph::propertyAccess(invalid, "num", graph); }, "TypeError", "InvalidArgumentType");
    }
    // Graph7 [1]: n['nam' + 'e']
    CHECK(str(newsgraph::subscript(Value(NodeRef{0}), newsgraph::add(Value("nam"), Value("e")), graph)) ==
          "'Mattias'");
    CHECK(str(newsgraph::subscript(list({1, 2}), Value(1), graph)) == "2");
    requireError([&] { newsgraph::subscript(Value(NodeRef{0}), Value(1), graph); }, "TypeError",
                 "InvalidArgumentType");
    // Return2 [15], [17]: properties of deleted entities
    graph.deletedNodes.insert(0);
    graph.deletedRels.insert(0);
    requireError([&] { newsgraph::propertyAccess(Value(NodeRef{0}), "name", graph); }, "EntityNotFound",
                 "DeletedEntityAccess");
    requireError([&] { newsgraph::propertyAccess(Value(RelRef{0}), "num", graph); }, "EntityNotFound",
                 "DeletedEntityAccess");
    // Date fields
    const Value day = date("1984-10-11");
    CHECK(str(newsgraph::propertyAccess(day, "year", graph)) == "1984");
    CHECK(str(newsgraph::propertyAccess(day, "month", graph)) == "10");
    CHECK(str(newsgraph::propertyAccess(day, "day", graph)) == "11");
    CHECK(str(newsgraph::propertyAccess(day, "quarter", graph)) == "4");
    CHECK(str(newsgraph::propertyAccess(day, "week", graph)) == "41");
    CHECK(str(newsgraph::propertyAccess(day, "dayOfWeek", graph)) == "4");
    CHECK(str(newsgraph::propertyAccess(day, "ordinalDay", graph)) == "285");
    CHECK(newsgraph::propertyAccess(day, "hour", graph).isNull());
}

// --- List6, List7-11, String3, Conditional1 -----------------------------------------------------------

TEST_CASE("size, head, last, tail, reverse, coalesce", "[function][scalar]") {
    CHECK(str(call("size", {list({1, 2, 3})})) == "3"); // List6 [1]
    CHECK(str(call("size", {newsgraph::add(list({list({}), list({})}), list({list({})}))})) == "3"); // List6 [3]
    CHECK(call("size", {kNull}).isNull());                                                         // List6 [4]
    CHECK(str(call("size", {Value("Ševčík")})) == "6");
    requireError([] { call("size", {Value(PathValue{{0}, {}})}); }, "TypeError", "InvalidArgumentValue");
    // List9 [1]: tail(tail([1, 2, 3, 4, 5]))
    CHECK(str(call("tail", {call("tail", {list({1, 2, 3, 4, 5})})})) == "[3, 4, 5]");
    CHECK(str(call("tail", {list({})})) == "[]");
    CHECK(call("tail", {kNull}).isNull());
    CHECK(str(call("head", {list({1, 2})})) == "1");
    CHECK(call("head", {list({})}).isNull());
    CHECK(str(call("last", {list({1, 2})})) == "2");
    CHECK(call("last", {list({})}).isNull());
    requireError([] { call("head", {Value("abc")}); }, "TypeError", "InvalidArgumentValue");
    CHECK(str(call("reverse", {Value("raksO")})) == "'Oskar'"); // String3 [1]
    CHECK(str(call("reverse", {Value("čau")})) == "'uač'");
    CHECK(str(call("reverse", {list({1, "a", kNull})})) == "[null, 'a', 1]");
    CHECK(call("reverse", {kNull}).isNull());
    // Conditional1 [1]; TypeConversion4 [8]
    CHECK(str(call("coalesce", {kNull, Value("Emil Eifrem")})) == "'Emil Eifrem'");
    CHECK(str(call("coalesce", {Value("CEO"), Value("Emil Eifrem")})) == "'CEO'");
    CHECK(call("coalesce", {kNull, kNull}).isNull());
    CHECK(str(call("isEmpty", {list({})})) == "true");
    CHECK(str(call("isEmpty", {Value("a")})) == "false");
}

TEST_CASE("range()", "[function][scalar]") {
    struct Row {
        int64_t start;
        int64_t end;
        std::string list;
    };
    // List11 [1]
    const std::vector<Row> defaultStep = {
        {-1236, -1234, "[-1236, -1235, -1234]"}, {-1234, -1234, "[-1234]"},
        {-10, -3, "[-10, -9, -8, -7, -6, -5, -4, -3]"}, {-10, 0, "[-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]"},
        {-1, 0, "[-1, 0]"}, {0, -123, "[]"}, {0, -1, "[]"}, {-1, 1, "[-1, 0, 1]"}, {0, 0, "[0]"}, {0, 1, "[0, 1]"},
        {0, 10, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"}, {6, 10, "[6, 7, 8, 9, 10]"}, {1234, 1234, "[1234]"},
        {1234, 1236, "[1234, 1235, 1236]"},
    };
    for (const Row& row : defaultStep) {
        CHECK(str(call("range", {Value(row.start), Value(row.end)})) == row.list);
    }
    struct StepRow {
        int64_t start;
        int64_t end;
        int64_t step;
        std::string list;
    };
    // List11 [2]
    const std::vector<StepRow> explicitStep = {
        {1381, -3412, -1298, "[1381, 83, -1215, -2513]"}, {0, -2000, -1298, "[0, -1298]"},
        {10, -10, -3, "[10, 7, 4, 1, -2, -5, -8]"}, {0, -10, -3, "[0, -3, -6, -9]"},
        {0, -20, -2, "[0, -2, -4, -6, -8, -10, -12, -14, -16, -18, -20]"},
        {0, -10, -1, "[0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10]"}, {0, -1, -1, "[0, -1]"},
        {-1236, -1234, 1, "[-1236, -1235, -1234]"}, {-10, 0, 1, "[-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0]"},
        {-1, 0, 1, "[-1, 0]"}, {0, 1, -123, "[]"}, {0, 1, -1, "[]"}, {0, -123, 1, "[]"}, {0, -1, 1, "[]"},
        {0, 0, -1, "[0]"}, {0, 0, 1, "[0]"}, {0, 1, 2, "[0]"}, {0, 1, 1, "[0, 1]"},
        {0, 10, 1, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"}, {6, 10, 1, "[6, 7, 8, 9, 10]"}, {1234, 1234, 1, "[1234]"},
        {1234, 1236, 1, "[1234, 1235, 1236]"}, {-10, 0, 3, "[-10, -7, -4, -1]"},
        {-10, 10, 3, "[-10, -7, -4, -1, 2, 5, 8]"}, {-2000, 0, 1298, "[-2000, -702]"},
        {-3412, 1381, 1298, "[-3412, -2114, -816, 482]"},
    };
    for (const StepRow& row : explicitStep) {
        CHECK(str(call("range", {Value(row.start), Value(row.end), Value(row.step)})) == row.list);
    }
    // List11 [3]: empty exactly when sign(stop - start) <> sign(step)
    for (int64_t stop : {1, 2, 500, 1000, 1500}) {
        for (int64_t step : {-1000, -3, -2, -1, 1, 2, 3, 1000}) {
            const bool empty = call("range", {Value(0), Value(stop), Value(step)}).asList().empty();
            CHECK(empty == (step < 0));
        }
    }
    // List11 [4]
    for (const auto& [start, end] : std::vector<std::pair<int64_t, int64_t>>{{0, 0}, {2, 8}, {-2, 8}, {2, -8}}) {
        requireError([&] { call("range", {Value(start), Value(end), Value(0)}); }, "ArgumentError", "NumberOutOfRange");
    }
    // List11 [5]
    const std::vector<std::vector<Value>> invalid = {
        {Value(true), Value(1), Value(1)},    {Value(0), Value(true), Value(1)},     {Value(0), Value(1), Value(true)},
        {Value(-1.1), Value(1), Value(1)},    {Value(-0.0), Value(1), Value(1)},     {Value(0.0), Value(1), Value(1)},
        {Value(1.1), Value(1), Value(1)},     {Value(0), Value(-1.1), Value(1)},     {Value(0), Value(-0.0), Value(1)},
        {Value(0), Value(0.0), Value(1)},     {Value(0), Value(1.1), Value(1)},      {Value(0), Value(1), Value(-1.1)},
        {Value(0), Value(1), Value(1.1)},     {Value("xyz"), Value(1), Value(1)},    {Value(0), Value("xyz"), Value(1)},
        {Value(0), Value(1), Value("xyz")},   {list({0}), Value(1), Value(1)},       {Value(0), list({1}), Value(1)},
        {Value(0), Value(1), list({1})},      {map({{"start", 0}}), Value(1), Value(1)},
        {Value(0), map({{"end", 1}}), Value(1)}, {Value(0), Value(1), map({{"step", 1}})},
    };
    for (const std::vector<Value>& args : invalid) {
        requireError([&] { call("range", args); }, "ArgumentError", "InvalidArgumentType");
    }
    // Aggregation3 [2] builds range(1000000, 2000000); a range too large to hold is refused.
    CHECK(call("range", {Value(1000000), Value(2000000)}).asList().size() == 1000001);
    requireError([] { call("range", {Value(0), Value(std::numeric_limits<int64_t>::max())}); }, "ArgumentError",
                 "NumberOutOfRange");
    CHECK(str(call("range", {Value(std::numeric_limits<int64_t>::max() - 1), Value(std::numeric_limits<int64_t>::max())})) ==
          "[9223372036854775806, 9223372036854775807]");
    CHECK(call("range", {kNull, Value(1)}).isNull());
}

// --- String1-5, String12 ------------------------------------------------------------------------------

TEST_CASE("String functions", "[function][scalar]") {
    CHECK(str(call("substring", {Value("0123456789"), Value(1)})) == "'123456789'"); // String1 [1]
    CHECK(str(call("substring", {Value("0123456789"), Value(1), Value(3)})) == "'123'");
    CHECK(str(call("substring", {Value("0123"), Value(10)})) == "''");
    CHECK(str(call("substring", {Value("0123"), Value(2), Value(10)})) == "'23'");
    CHECK(str(call("substring", {Value("Ševčík"), Value(3), Value(2)})) == "'čí'");
    CHECK(call("substring", {kNull, Value(1)}).isNull());
    requireError([] { call("substring", {Value("abc"), Value(-1)}); }, "ArgumentError", "NegativeIntegerArgument");
    requireError([] { call("substring", {Value("abc"), Value(0), Value(-1)}); }, "ArgumentError",
                 "NegativeIntegerArgument");
    requireError([] { call("substring", {Value("abc"), kNull}); }, "ArgumentError", "InvalidArgumentValue");
    requireError([] { call("substring", {Value(1), Value(0)}); }, "TypeError", "InvalidArgumentValue");
    requireError([] { call("substring", {Value("abc"), Value(1.5)}); }, "TypeError", "InvalidArgumentValue");

    CHECK(str(call("left", {Value("hello"), Value(3)})) == "'hel'");
    CHECK(str(call("left", {Value("hello"), Value(30)})) == "'hello'");
    CHECK(str(call("right", {Value("hello"), Value(3)})) == "'llo'");
    CHECK(str(call("right", {Value("hello"), Value(30)})) == "'hello'");
    CHECK(call("left", {kNull, Value(3)}).isNull());
    requireError([] { call("right", {Value("hello"), Value(-1)}); }, "ArgumentError", "NegativeIntegerArgument");

    // String4 [1]: split('one1two', '1') has two items
    CHECK(str(call("split", {Value("one1two"), Value("1")})) == "['one', 'two']");
    CHECK(str(call("split", {Value("a,b,,c,"), Value(",")})) == "['a', 'b', '', 'c', '']");
    CHECK(str(call("split", {Value("a-b+c"), list({"-", "+"})})) == "['a', 'b', 'c']");
    CHECK(str(call("split", {Value("čau"), Value("")})) == "['č', 'a', 'u']");
    CHECK(str(call("split", {Value("abc"), Value("::")})) == "['abc']");
    CHECK(call("split", {kNull, Value(",")}).isNull());
    CHECK(call("split", {Value("a"), kNull}).isNull());

    CHECK(str(call("toUpper", {Value("abc Ševčík ÿ ß")})) == "'ABC ŠEVČÍK Ÿ ß'");
    CHECK(str(call("toLower", {Value("ABC ŠEVČÍK Ωμέγα")})) == "'abc ševčík ωμέγα'");
    CHECK(str(call("toLower", {Value("МОСКВА")})) == "'москва'");
    CHECK(str(call("upper", {Value("x")})) == "'X'");
    CHECK(call("toUpper", {kNull}).isNull());
    requireError([] { call("toLower", {Value(1)}); }, "TypeError", "InvalidArgumentValue");

    CHECK(str(call("trim", {Value("  \t hello \n ")})) == "'hello'");
    CHECK(str(call("lTrim", {Value("  hello  ")})) == "'hello  '");
    CHECK(str(call("rTrim", {Value("  hello  ")})) == "'  hello'");
    CHECK(str(call("trim", {Value("   ")})) == "''");
    CHECK(str(call("trim", {Value("\xE3\x80\x80x\xE3\x80\x80")})) == "'x'"); // U+3000 ideographic space

    CHECK(str(call("replace", {Value("hello"), Value("l"), Value("w")})) == "'hewwo'");
    CHECK(str(call("replace", {Value("aaa"), Value("aa"), Value("b")})) == "'ba'");
    CHECK(str(call("replace", {Value("ab"), Value(""), Value("-")})) == "'-a-b-'");
    CHECK(call("replace", {Value("ab"), kNull, Value("-")}).isNull());
}

// --- Mathematical9-17 ---------------------------------------------------------------------------------

TEST_CASE("Numeric functions", "[function][scalar]") {
    CHECK(str(call("abs", {Value(-1)})) == "1"); // Mathematical11 [1]
    CHECK(str(call("abs", {Value(-1.5)})) == "1.5");
    requireError([] { call("abs", {Value(std::numeric_limits<int64_t>::min())}); }, "ArgumentError",
                 "NumberOutOfRange");
    CHECK(str(call("sqrt", {Value(12.96)})) == "3.6"); // Mathematical13 [1]
    CHECK(str(call("sqrt", {Value(16)})) == "4.0");
    CHECK(str(call("ceil", {Value(1.2)})) == "2.0");
    CHECK(str(call("ceil", {Value(1)})) == "1.0");
    CHECK(str(call("floor", {Value(-1.2)})) == "-2.0");
    CHECK(str(call("sign", {Value(-17)})) == "-1");
    CHECK(str(call("sign", {Value(0.1)})) == "1");
    CHECK(str(call("sign", {Value(0)})) == "0");
    CHECK(str(call("exp", {Value(0)})) == "1.0");
    CHECK(str(call("log", {Value(0)})) == "-Infinity");
    CHECK(str(call("log10", {Value(1000)})) == "3.0");
    CHECK(call("e", {}).asFloat() == Approx(2.718281828459045));
    CHECK(call("pi", {}).asFloat() == Approx(3.141592653589793));
    const double random = call("rand", {}).asFloat();
    CHECK((random >= 0.0 && random < 1.0));
    CHECK(call("sin", {Value(0)}).asFloat() == 0.0);
    CHECK(call("cos", {Value(0)}).asFloat() == 1.0);
    CHECK(call("atan2", {Value(1), Value(1)}).asFloat() == Approx(0.7853981633974483));
    CHECK(call("degrees", {call("pi", {})}).asFloat() == Approx(180.0));
    CHECK(call("radians", {Value(180)}).asFloat() == Approx(3.141592653589793));
    CHECK(call("haversin", {Value(0.5)}).asFloat() == Approx(0.06120871905481362));
    CHECK(str(call("cot", {Value(0)})) == "Infinity");
    CHECK(std::isnan(call("asin", {Value(2)}).asFloat()));
    CHECK(str(call("isNaN", {newsgraph::divide(Value(0.0), Value(0.0))})) == "true");
    CHECK(str(call("isNaN", {Value(1)})) == "false");
    CHECK(call("sqrt", {kNull}).isNull());
    requireError([] { call("sqrt", {Value("4")}); }, "TypeError", "InvalidArgumentValue");
    requireError([] { call("atan2", {Value(1), Value(true)}); }, "TypeError", "InvalidArgumentValue");
}

TEST_CASE("round()", "[function][scalar]") {
    CHECK(str(call("round", {Value(3.141592)})) == "3.0");
    CHECK(str(call("round", {Value(2.5)})) == "3.0");
    CHECK(str(call("round", {Value(-2.5)})) == "-2.0"); // halves toward positive infinity
    CHECK(str(call("round", {Value(-2.6)})) == "-3.0");
    CHECK(str(call("round", {Value(7)})) == "7.0");
    CHECK(str(call("round", {Value(0.49999999999999994)})) == "0.0");
    CHECK(str(call("round", {Value(3.141592), Value(3)})) == "3.142");
    CHECK(str(call("round", {Value(-1.5), Value(0)})) == "-2.0"); // HALF_UP: away from zero
    CHECK(str(call("round", {Value(2.675), Value(2)})) == "2.68"); // decimal, not binary, rounding
    CHECK(str(call("round", {Value(1234.5), Value(-2)})) == "1200.0");
    CHECK(str(call("round", {Value(1.25), Value(1), Value("HALF_EVEN")})) == "1.2");
    CHECK(str(call("round", {Value(1.35), Value(1), Value("half_even")})) == "1.4");
    CHECK(str(call("round", {Value(1.25), Value(1), Value("HALF_DOWN")})) == "1.2");
    CHECK(str(call("round", {Value(1.21), Value(1), Value("UP")})) == "1.3");
    CHECK(str(call("round", {Value(-1.21), Value(1), Value("CEILING")})) == "-1.2");
    CHECK(str(call("round", {Value(-1.21), Value(1), Value("FLOOR")})) == "-1.3");
    CHECK(str(call("round", {Value(1.29), Value(1), Value("DOWN")})) == "1.2");
    CHECK(str(call("round", {Value(0.004), Value(2), Value("UP")})) == "0.01");
    CHECK(str(call("round", {Value(0.004), Value(1), Value("HALF_UP")})) == "0.0");
    CHECK(str(call("round", {Value(9.99), Value(1)})) == "10.0");
    CHECK(call("round", {kNull}).isNull());
    requireError([] { call("round", {Value(1.5), Value(0), Value("SIDEWAYS")}); }, "ArgumentError",
                 "InvalidArgumentValue");
    requireError([] { call("round", {Value("1.5")}); }, "TypeError", "InvalidArgumentValue");
}

// --- TypeConversion1-4 ------------------------------------------------------------------------------------

TEST_CASE("toBoolean()", "[function][scalar]") {
    CHECK(str(call("toBoolean", {Value(true)})) == "true");   // TypeConversion1 [1]
    CHECK(str(call("toBoolean", {Value(false)})) == "false");
    CHECK(str(call("toBoolean", {Value("true")})) == "true"); // [2-3]
    CHECK(str(call("toBoolean", {Value("false")})) == "false");
    for (const Value& invalid : {kNull, Value(""), Value(" tru "), Value("f alse")}) { // [4]
        CHECK(call("toBoolean", {invalid}).isNull());
    }
    const std::vector<Value> invalidTypes = {list({}), map({}), Value(1.0), Value(NodeRef{0}), Value(RelRef{0}),
                                             Value(PathValue{{0, 1}, {0}})};
    for (const Value& invalid : invalidTypes) { // [5]
        requireError([&] { call("toBoolean", {invalid}); }, "TypeError", "InvalidArgumentValue");
        CHECK(call("toBooleanOrNull", {invalid}).isNull());
    }
    CHECK(str(call("toBoolean", {Value(" TRUE ")})) == "true");
    CHECK(str(call("toBoolean", {Value(0)})) == "false");
}

TEST_CASE("toInteger()", "[function][scalar]") {
    CHECK(str(call("toInteger", {Value(82.9)})) == "82"); // TypeConversion2 [1]
    CHECK(call("toInteger", {Value("foo")}).isNull());    // [2]
    CHECK(call("toInteger", {Value("")}).isNull());
    CHECK(str(call("toInteger", {Value(2)})) == "2");     // [3-4]
    CHECK(str(call("toInteger", {Value(2.9)})) == "2");
    CHECK(str(call("toInteger", {Value("1.7")})) == "1");
    CHECK(str(call("toInteger", {Value("2")})) == "2");   // [5]
    CHECK(str(call("toInteger", {Value("2.9")})) == "2");
    CHECK(str(call("toInteger", {newsgraph::subtract(Value(1), Value(1))})) == "0"); // [6]
    CHECK(str(call("toInteger", {Value("42")})) == "42");                            // [7]
    for (const Value& invalid : {list({}), map({}), Value(NodeRef{0}), Value(RelRef{0}), Value(PathValue{{0, 1}, {0}})}) {
        requireError([&] { call("toInteger", {invalid}); }, "TypeError", "InvalidArgumentValue"); // [8]
        CHECK(call("toIntegerOrNull", {invalid}).isNull());
    }
    // Comparison1 [1-3]: toInteger(n.id) = 0 holds for 0 and 0.0, not for 0.5 or '0'
    CHECK(str(newsgraph::equals(call("toInteger", {Value(0)}), Value(0.0))) == "true");
    CHECK(str(newsgraph::equals(call("toInteger", {Value(0)}), Value("0"))) == "false");
    CHECK(str(call("toInteger", {Value(-2.9)})) == "-2");
    CHECK(str(call("toInteger", {Value("-17")})) == "-17");
    CHECK(str(call("toInteger", {Value("1e3")})) == "1000");
    CHECK(str(call("toInteger", {Value(" 12 ")})) == "12");
    CHECK(str(call("toInteger", {Value("9223372036854775807")})) == "9223372036854775807");
    CHECK(call("toInteger", {Value("9223372036854775808")}).isNull());
    CHECK(str(call("toInteger", {Value(true)})) == "1");
    CHECK(call("toInteger", {kNull}).isNull());
    requireError([] { call("toInteger", {Value(1e30)}); }, "ArgumentError", "NumberOutOfRange");
    CHECK(call("toIntegerOrNull", {Value(1e30)}).isNull());
}

TEST_CASE("toFloat()", "[function][scalar]") {
    CHECK(str(call("toFloat", {Value(3.4)})) == "3.4"); // TypeConversion3 [1]
    CHECK(str(call("toFloat", {Value(3)})) == "3.0");
    CHECK(call("toFloat", {Value("foo")}).isNull());    // [2]
    CHECK(call("toFloat", {Value("")}).isNull());
    CHECK(str(call("toFloat", {Value("5")})) == "5.0"); // [3-4]
    CHECK(str(call("toFloat", {Value("1")})) == "1.0");
    CHECK(str(call("toFloat", {Value(4)})) == "4.0");   // [5]
    const std::vector<Value> invalidTypes = {Value(true), list({}), map({}), Value(NodeRef{0}), Value(RelRef{0}),
                                             Value(PathValue{{0, 1}, {0}})};
    for (const Value& invalid : invalidTypes) { // [6]
        requireError([&] { call("toFloat", {invalid}); }, "TypeError", "InvalidArgumentValue");
        CHECK(call("toFloatOrNull", {invalid}).isNull());
    }
    CHECK(str(call("toFloat", {Value("-1.5e3")})) == "-1500.0");
    CHECK(str(call("toFloat", {Value("NaN")})) == "NaN");
    CHECK(str(call("toFloat", {Value("Infinity")})) == "Infinity");
    CHECK(call("toFloat", {Value("inf")}).isNull());
    CHECK(call("toFloat", {Value("0x10")}).isNull());
}

TEST_CASE("toString()", "[function][scalar]") {
    CHECK(str(call("toString", {Value(42)})) == "'42'");      // TypeConversion4 [1]
    CHECK(str(call("toString", {Value(true)})) == "'true'");  // [2]
    CHECK(str(call("toString", {newsgraph::lessThan(Value(1), Value(0))})) == "'false'"); // [3]
    // [5]: [1, 2.3, true, 'apa'] -> ['1', '2.3', 'true', 'apa']
    std::vector<std::string> converted;
    for (const Value& item : {Value(1), Value(2.3), Value(true), Value("apa")}) {
        converted.push_back(call("toString", {item}).asString());
    }
    CHECK(converted == std::vector<std::string>{"1", "2.3", "true", "apa"});
    CHECK(str(call("toString", {Value(4)})) == "'4'"); // [7]
    CHECK(call("toString", {kNull}).isNull());         // [8]
    CHECK(str(call("toString", {Value(1.0)})) == "'1.0'");
    CHECK(str(call("toString", {date("2025-05-28")})) == "'2025-05-28'");
    for (const Value& invalid : {list({}), map({}), Value(NodeRef{0}), Value(RelRef{0}), Value(PathValue{{0, 1}, {0}})}) {
        requireError([&] { call("toString", {invalid}); }, "TypeError", "InvalidArgumentValue"); // [10]
        CHECK(call("toStringOrNull", {invalid}).isNull());
    }
}

// --- Temporal1-3: date() -----------------------------------------------------------------------------------

TEST_CASE("date() from strings", "[function][scalar]") {
    // Temporal2 [1]
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"2015-07-21", "2015-07-21"}, {"20150721", "2015-07-21"}, {"2015-07", "2015-07-01"},
        {"201507", "2015-07-01"},     {"2015-W30-2", "2015-07-21"}, {"2015W302", "2015-07-21"},
        {"2015-W30", "2015-07-20"},   {"2015W30", "2015-07-20"},   {"2015-202", "2015-07-21"},
        {"2015202", "2015-07-21"},    {"2015", "2015-01-01"},
    };
    for (const auto& [text, expected] : rows) {
        INFO(text);
        CHECK(call("date", {Value(text)}).asDate().toString() == expected);
    }
    CHECK(call("date", {Value("2025-05-28")}).asDate().toString() == "2025-05-28");
    CHECK(call("date", {kNull}).isNull());
    CHECK(str(call("date", {date("2025-05-28")})) == "date('2025-05-28')");
    // Temporal6 [1]-style round trip: date(toString(d)) = d
    const Value day = date("1984-10-11");
    CHECK(str(newsgraph::equals(call("date", {call("toString", {day})}), day)) == "true");
    for (const char* invalid : {"2015-02-30", "2015-13", "2015-W54", "2015-000", "15-07-21", "2015/07/21", ""}) {
        INFO(invalid);
        requireError([&] { call("date", {Value(invalid)}); }, "ArgumentError", "InvalidArgumentValue");
    }
    requireError([] { call("date", {Value(20150721)}); }, "TypeError", "InvalidArgumentValue");
    CHECK(call("date", {}).type() == newsgraph::ValueType::Date);
}

TEST_CASE("date() from maps", "[function][scalar]") {
    CHECK(call("date", {map({{"year", 1984}, {"month", 10}, {"day", 11}})}).asDate().toString() == "1984-10-11");
    // Temporal1 [1]
    const std::vector<std::pair<Value, std::string>> weeks = {
        {map({{"year", 1816}, {"week", 1}}), "1816-01-01"},
        {map({{"year", 1816}, {"week", 52}}), "1816-12-23"},
        {map({{"year", 1817}, {"week", 1}}), "1816-12-30"},
        {map({{"year", 1817}, {"week", 10}}), "1817-03-03"},
        {map({{"year", 1817}, {"week", 30}}), "1817-07-21"},
        {map({{"year", 1817}, {"week", 52}}), "1817-12-22"},
        {map({{"year", 1818}, {"week", 1}}), "1817-12-29"},
        {map({{"year", 1818}, {"week", 52}}), "1818-12-21"},
        {map({{"year", 1818}, {"week", 53}}), "1818-12-28"},
        {map({{"year", 1819}, {"week", 1}}), "1819-01-04"},
        {map({{"year", 1819}, {"week", 52}}), "1819-12-27"},
        {map({{"dayOfWeek", 2}, {"year", 1817}, {"week", 1}}), "1816-12-31"},
        {map({{"date", date("1816-12-30")}, {"week", 2}, {"dayOfWeek", 3}}), "1817-01-08"},
        {map({{"date", date("1816-12-31")}, {"week", 2}}), "1817-01-07"},
        {map({{"date", date("1816-12-31")}, {"year", 1817}, {"week", 2}}), "1817-01-07"},
    };
    for (const auto& [fields, expected] : weeks) {
        INFO(str(fields));
        CHECK(call("date", {fields}).asDate().toString() == expected);
    }
    // Temporal3 [1]: other = date({year: 1984, month: 11, day: 11})
    const Value other = call("date", {map({{"year", 1984}, {"month", 11}, {"day", 11}})});
    const std::vector<std::pair<Value, std::string>> fromDate = {
        {other, "1984-11-11"},
        {map({{"date", other}}), "1984-11-11"},
        {map({{"date", other}, {"year", 28}}), "0028-11-11"},
        {map({{"date", other}, {"day", 28}}), "1984-11-28"},
        {map({{"date", other}, {"week", 1}}), "1984-01-08"},
        {map({{"date", other}, {"ordinalDay", 28}}), "1984-01-28"},
        {map({{"date", other}, {"quarter", 3}}), "1984-08-11"},
    };
    for (const auto& [fields, expected] : fromDate) {
        INFO(str(fields));
        CHECK(call("date", {fields}).asDate().toString() == expected);
    }
    CHECK(call("date", {map({{"year", 2015}, {"ordinalDay", 202}})}).asDate().toString() == "2015-07-21");
    CHECK(call("date", {map({{"year", 2015}, {"quarter", 2}, {"dayOfQuarter", 91}})}).asDate().toString() ==
          "2015-06-30");
    CHECK(call("date", {map({{"year", 2015}})}).asDate().toString() == "2015-01-01");
    requireError([] { call("date", {map({{"year", 2015}, {"month", 2}, {"day", 29}})}); }, "ArgumentError",
                 "InvalidArgumentValue");
    requireError([] { call("date", {map({{"month", 2}})}); }, "ArgumentError", "InvalidArgumentValue");
    requireError([] { call("date", {map({{"year", 2015}, {"hour", 2}})}); }, "ArgumentError", "InvalidArgumentValue");
    requireError([] { call("date", {map({{"year", 2015}, {"month", 2}, {"week", 2}})}); }, "ArgumentError",
                 "InvalidArgumentValue");
    requireError([] { call("date", {map({{"year", "2015"}})}); }, "TypeError", "InvalidArgumentValue");
    requireError([] { call("date", {map({{"year", std::numeric_limits<int64_t>::max()}})}); }, "ArgumentError",
                 "InvalidArgumentValue");
}
