// Aggregate states (engine/function/aggregate_functions.hpp), with expectations from the openCypher
// TCK feature named in each section.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"
#include "engine/function/aggregate_functions.hpp"
#include "engine/function/value_ops.hpp"

using newsgraph::AggregateState;
using newsgraph::NodeRef;
using newsgraph::QueryError;
using newsgraph::QueryPhase;
using newsgraph::Value;

namespace {

const Value kNull;

Value list(std::initializer_list<Value> items) {
    return Value(Value::List(items));
}

Value map(std::initializer_list<std::pair<std::string, Value>> entries) {
    return Value::map(Value::Map(entries));
}

// Feeds `inputs` (with `parameter` on every row) to a fresh `name` aggregate and returns its result.
Value aggregate(std::string_view name, const std::vector<Value>& inputs, bool distinct = false,
                const Value& parameter = Value()) {
    std::unique_ptr<AggregateState> state = newsgraph::makeAggregate(name, distinct);
    INFO(name);
    REQUIRE(state != nullptr);
    for (const Value& input : inputs) {
        state->update(input, parameter);
    }
    return state->finish();
}

std::string str(const Value& value) {
    return value.toString();
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

} // namespace

TEST_CASE("Aggregate lookup", "[function][aggregate]") {
    for (const char* name : {"count", "COUNT", "sum", "avg", "min", "max", "collect", "percentileDisc",
                             "PERCENTILECONT", "stDev", "stdevp"}) {
        INFO(name);
        CHECK(newsgraph::isAggregateFunction(name));
        CHECK(newsgraph::makeAggregate(name, false) != nullptr);
    }
    CHECK_FALSE(newsgraph::isAggregateFunction("size"));
    CHECK(newsgraph::makeAggregate("toInteger", false) == nullptr);
}

// --- Aggregation1, Aggregation8 -----------------------------------------------------------------------

TEST_CASE("count", "[function][aggregate]") {
    CHECK(str(aggregate("count", {Value(33), kNull})) == "1");  // Aggregation1 [1]: count(n.num)
    CHECK(str(aggregate("count", {Value(NodeRef{0})})) == "1"); // Aggregation1 [2]
    CHECK(str(aggregate("count", {kNull}, true)) == "0");       // Aggregation8 [1-2]
    CHECK(str(aggregate("count", {})) == "0");
    CHECK(str(aggregate("count", {Value(1), Value(1.0), Value(2), Value("1")}, true)) == "3");
    // Return5 [1], [3]: count(DISTINCT {name: n.list}) over two equal lists is 1
    CHECK(str(aggregate("count",
                        {map({{"name", list({list({"A", "B"}), list({"A", "B"})})}}),
                         map({{"name", list({list({"A", "B"}), list({"A", "B"})})}})},
                        true)) == "1");
    std::unique_ptr<AggregateState> star = newsgraph::makeCountStar();
    for (const Value& row : {kNull, Value(1), kNull}) {
        star->update(row, kNull);
    }
    CHECK(str(star->finish()) == "3"); // ReturnOrderBy2 [6]: count(*) counts rows
}

// --- Aggregation2 ---------------------------------------------------------------------------------------

TEST_CASE("min and max", "[function][aggregate]") {
    const std::vector<Value> ints = {Value(1), Value(2), Value(0), kNull, Value(-1)};
    CHECK(str(aggregate("max", ints)) == "2");  // [1]
    CHECK(str(aggregate("min", ints)) == "-1"); // [2]
    const std::vector<Value> floats = {Value(1.0), Value(2.0), Value(0.5), kNull};
    CHECK(str(aggregate("max", floats)) == "2.0"); // [3]
    CHECK(str(aggregate("min", floats)) == "0.5"); // [4]
    const std::vector<Value> mixed = {Value(1), Value(2.0), Value(5), kNull, Value(3.2), Value(0.1)};
    CHECK(str(aggregate("max", mixed)) == "5");   // [5]
    CHECK(str(aggregate("min", mixed)) == "0.1"); // [6]
    const std::vector<Value> strings = {Value("a"), Value("b"), Value("B"), kNull, Value("abc"), Value("abc1")};
    CHECK(str(aggregate("max", strings)) == "'b'"); // [7]
    CHECK(str(aggregate("min", strings)) == "'B'"); // [8]
    const std::vector<Value> lists = {list({1}), list({2}), list({2, 1})};
    CHECK(str(aggregate("max", lists)) == "[2, 1]"); // [9]
    CHECK(str(aggregate("min", lists)) == "[1]");    // [10]
    const std::vector<Value> anything = {Value(1), Value("a"), kNull, list({1, 2}), Value(0.2), Value("b")};
    CHECK(str(aggregate("max", anything)) == "1");      // [11]
    CHECK(str(aggregate("min", anything)) == "[1, 2]"); // [12]
    CHECK(aggregate("max", {kNull, kNull}).isNull());
    CHECK(aggregate("min", {}).isNull());
}

// --- Aggregation3, Aggregation4, Aggregation7 ---------------------------------------------------------

TEST_CASE("sum and avg", "[function][aggregate]") {
    CHECK(str(aggregate("sum", {Value(33), kNull, Value(42)})) == "75"); // Aggregation3 [1]
    // Aggregation3 [2]: sum of range(1000000, 2000000) LIMIT 3000
    std::vector<Value> range;
    for (int64_t i = 1000000; i < 1003000; ++i) {
        range.emplace_back(i);
    }
    CHECK(str(aggregate("sum", range)) == "3004498500");
    CHECK(str(aggregate("sum", {})) == "0");
    CHECK(str(aggregate("sum", {Value(1), Value(0.5)})) == "1.5");
    CHECK(str(aggregate("sum", {Value(1), Value(1), Value(2)}, true)) == "3");
    CHECK(str(aggregate("sum", {Value(0.1), Value(0.2), Value(0.3)})) == "0.6");
    const Value max(std::numeric_limits<int64_t>::max());
    // An intermediate overflow that the total undoes is fine; a total beyond 64 bits is not.
    CHECK(str(aggregate("sum", {max, Value(1), Value(-2)})) == "9223372036854775806");
    requireError([&] { aggregate("sum", {max, Value(1)}); }, "ArgumentError", "NumberOutOfRange");
    requireError([] { aggregate("sum", {Value(1), Value("2")}); }, "TypeError", "InvalidArgumentValue");

    CHECK(str(aggregate("avg", {Value(1), Value(2), Value(3), Value(4)})) == "2.5");
    CHECK(str(aggregate("avg", {Value(2), kNull, Value(4)})) == "3.0"); // an int average is a float
    CHECK(aggregate("avg", {}).isNull());                               // ReturnOrderBy6 [1]
    CHECK(aggregate("avg", {kNull}).isNull());
    CHECK(str(aggregate("avg", {Value(1.5), Value(2)})) == "1.75");
    requireError([] { aggregate("avg", {Value(true)}); }, "TypeError", "InvalidArgumentValue");
}

TEST_CASE("stDev and stDevP", "[function][aggregate]") {
    const std::vector<Value> values = {Value(2), Value(4), Value(4), Value(4), Value(5), Value(5), Value(7), Value(9)};
    CHECK(aggregate("stDevP", values).asFloat() == Approx(2.0));
    CHECK(aggregate("stDev", values).asFloat() == Approx(2.138089935299395));
    CHECK(str(aggregate("stDev", {Value(1)})) == "0.0");
    CHECK(str(aggregate("stDev", {})) == "0.0");
    CHECK(str(aggregate("stDevP", {})) == "0.0");
    CHECK(str(aggregate("stDevP", {Value(3), kNull})) == "0.0");
    requireError([] { aggregate("stDev", {Value("x")}); }, "TypeError", "InvalidArgumentValue");
}

// --- Aggregation5, Aggregation8 -----------------------------------------------------------------------------

TEST_CASE("collect", "[function][aggregate]") {
    CHECK(str(aggregate("collect", {kNull})) == "[]");                                         // Aggregation5 [1]
    CHECK(str(aggregate("collect", {kNull, kNull, kNull}, true)) == "[]");                     // Aggregation5 [2]
    CHECK(str(aggregate("collect", {Value(42), Value(43), Value(44)}, true)) == "[42, 43, 44]"); // Aggregation5 [2]
    CHECK(str(aggregate("collect", {kNull, kNull}, true)) == "[]");                            // Aggregation8 [3]
    CHECK(str(aggregate("collect", {kNull, Value(1), kNull}, true)) == "[1]");                 // Aggregation8 [4]
    CHECK(str(aggregate("collect", {Value(1), Value(2), Value(1)})) == "[1, 2, 1]");
    CHECK(str(aggregate("collect", {list({"red"}), list({"blue"}), list({"red"})}, true)) == "[['red'], ['blue']]");
}

// --- Aggregation6 ------------------------------------------------------------------------------------------

TEST_CASE("percentileDisc and percentileCont", "[function][aggregate]") {
    const std::vector<Value> prices = {Value(10.0), Value(20.0), Value(30.0)};
    // [1], [2]
    for (const auto& [percentile, expected] :
         std::vector<std::pair<double, std::string>>{{0.0, "10.0"}, {0.5, "20.0"}, {1.0, "30.0"}}) {
        CHECK(str(aggregate("percentileDisc", prices, false, Value(percentile))) == expected);
        CHECK(str(aggregate("percentileCont", prices, false, Value(percentile))) == expected);
    }
    const std::vector<Value> ints = {Value(4), Value(1), Value(3), Value(2)};
    CHECK(str(aggregate("percentileDisc", ints, false, Value(0.5))) == "2");
    CHECK(str(aggregate("percentileDisc", ints, false, Value(0.51))) == "3");
    CHECK(str(aggregate("percentileDisc", ints, false, Value(1))) == "4");
    CHECK(str(aggregate("percentileCont", ints, false, Value(0.5))) == "2.5");
    CHECK(str(aggregate("percentileCont", ints, false, Value(0.25))) == "1.75");
    CHECK(aggregate("percentileCont", {kNull}, false, Value(0.5)).isNull());
    // [3], [4]: percentiles outside [0, 1]
    for (const Value& percentile : {Value(1000), Value(-1), Value(1.1)}) {
        requireError([&] { aggregate("percentileCont", {Value(10.0)}, false, percentile); }, "ArgumentError",
                     "NumberOutOfRange");
        requireError([&] { aggregate("percentileDisc", {Value(10.0)}, false, percentile); }, "ArgumentError",
                     "NumberOutOfRange");
    }
    // [5]: percentileDisc(0.90, deg) with deg > 2 as the percentile
    requireError([] { aggregate("percentileDisc", {Value(0.90)}, false, Value(3)); }, "ArgumentError",
                 "NumberOutOfRange");
    requireError([] { aggregate("percentileDisc", {Value("a")}, false, Value(0.5)); }, "TypeError",
                 "InvalidArgumentValue");
    requireError([] { aggregate("percentileDisc", {Value(1)}, false, Value("half")); }, "TypeError",
                 "InvalidArgumentValue");
}
