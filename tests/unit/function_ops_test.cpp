// Cypher's operators on values (engine/function/value_ops.hpp), with expectations taken from the
// openCypher TCK feature named in each section. Values are compared through Value::toString(),
// which tells 1 from 1.0 and 'a' from a, so every check is exact about types.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"
#include "engine/function/value_ops.hpp"

using newsgraph::Date;
using newsgraph::NodeRef;
using newsgraph::PathValue;
using newsgraph::QueryError;
using newsgraph::QueryPhase;
using newsgraph::RelRef;
using newsgraph::Value;
namespace ops = newsgraph;

namespace {

const Value kNull;

Value list(std::initializer_list<Value> items) {
    return Value(Value::List(items));
}

Value map(std::initializer_list<std::pair<std::string, Value>> entries) {
    return Value::map(Value::Map(entries));
}

Value nan() {
    return ops::divide(Value(0.0), Value(0.0));
}

std::string str(const Value& value) {
    return value.toString();
}

// Runs `fn`, which must throw a runtime QueryError of `kind` with `detail`.
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

using BinaryOp = Value (*)(const Value&, const Value&);

} // namespace

// --- Mathematical2, Mathematical8, Precedence2 -----------------------------------------------------

TEST_CASE("Arithmetic on integers stays integral", "[function][ops]") {
    CHECK(str(ops::add(Value(99), Value(5))) == "104"); // Mathematical2 [1]
    // Mathematical8 [1]: 12 / 4 * 3 - 2 * 4 = 1; [2]: 12 / 4 * (3 - 2 * 4) = -15
    const Value twelveByFour = ops::divide(Value(12), Value(4));
    CHECK(str(ops::subtract(ops::multiply(twelveByFour, Value(3)), ops::multiply(Value(2), Value(4)))) == "1");
    CHECK(str(ops::multiply(twelveByFour, ops::subtract(Value(3), ops::multiply(Value(2), Value(4))))) == "-15");
    CHECK(str(ops::divide(Value(7), Value(2))) == "3");
    CHECK(str(ops::divide(Value(-7), Value(2))) == "-3");
    CHECK(str(ops::modulo(Value(-7), Value(2))) == "-1");
    CHECK(str(ops::modulo(Value(7), Value(-2))) == "1");
}

TEST_CASE("Precedence2: multiplicative before additive, exponentiation yields floats", "[function][ops]") {
    struct Row {
        BinaryOp mult1;
        BinaryOp add;
        BinaryOp mult2;
        int64_t right;
        int64_t wrong;
    };
    // Precedence2 [1]: RETURN 4 <mult1> 2 <add> 3 <mult2> 2 (right), 4 <mult1> (2 <add> 3) <mult2> 2 (wrong)
    const std::vector<Row> rows = {
        {ops::multiply, ops::add, ops::multiply, 14, 40},   {ops::multiply, ops::add, ops::divide, 9, 10},
        {ops::multiply, ops::add, ops::modulo, 9, 0},       {ops::multiply, ops::subtract, ops::multiply, 2, -8},
        {ops::multiply, ops::subtract, ops::divide, 7, -2}, {ops::multiply, ops::subtract, ops::modulo, 7, 0},
        {ops::divide, ops::add, ops::multiply, 8, 0},       {ops::divide, ops::add, ops::divide, 3, 0},
        {ops::divide, ops::add, ops::modulo, 3, 0},         {ops::divide, ops::subtract, ops::multiply, -4, -8},
        {ops::divide, ops::subtract, ops::divide, 1, -2},   {ops::divide, ops::subtract, ops::modulo, 1, 0},
        {ops::modulo, ops::add, ops::multiply, 6, 8},       {ops::modulo, ops::add, ops::divide, 1, 2},
        {ops::modulo, ops::add, ops::modulo, 1, 0},         {ops::modulo, ops::subtract, ops::multiply, -6, 0},
        {ops::modulo, ops::subtract, ops::divide, -1, 0},   {ops::modulo, ops::subtract, ops::modulo, -1, 0},
    };
    for (const Row& row : rows) {
        const Value right = row.add(row.mult1(Value(4), Value(2)), row.mult2(Value(3), Value(2)));
        const Value wrong = row.mult2(row.mult1(Value(4), row.add(Value(2), Value(3))), Value(2));
        CHECK(str(right) == str(Value(row.right)));
        CHECK(str(wrong) == str(Value(row.wrong)));
    }
    // Precedence2 [2]: 4 ^ 3 * 2 ^ 3 = 512.0, 4 ^ 3 / 2 ^ 3 = 8.0, 4 ^ 3 % 2 ^ 3 = 0.0
    const Value fourCubed = ops::power(Value(4), Value(3));
    const Value twoCubed = ops::power(Value(2), Value(3));
    CHECK(str(fourCubed) == "64.0");
    CHECK(str(ops::multiply(fourCubed, twoCubed)) == "512.0");
    CHECK(str(ops::divide(fourCubed, twoCubed)) == "8.0");
    CHECK(str(ops::modulo(fourCubed, twoCubed)) == "0.0");
    // Precedence2 [3]: 4 ^ 3 + 2 ^ 3 = 72.0; 4 ^ (3 + 2) ^ 3 = 1073741824.0
    CHECK(str(ops::add(fourCubed, twoCubed)) == "72.0");
    CHECK(ops::power(ops::power(Value(4), ops::add(Value(3), Value(2))), Value(3)).asFloat() == 1073741824.0);
    // Precedence2 [4]: -3 ^ 2 = 9.0, -(3 ^ 2) = -9.0; [5]: -3 + 2 = -1, -(3 + 2) = -5
    CHECK(str(ops::power(ops::negate(Value(3)), Value(2))) == "9.0");
    CHECK(str(ops::negate(ops::power(Value(3), Value(2)))) == "-9.0");
    CHECK(str(ops::add(ops::negate(Value(3)), Value(2))) == "-1");
    CHECK(str(ops::negate(ops::add(Value(3), Value(2)))) == "-5");
}

TEST_CASE("Arithmetic mixing integers and floats gives floats", "[function][ops]") {
    CHECK(str(ops::add(Value(1), Value(0.5))) == "1.5");
    CHECK(str(ops::subtract(Value(1.5), Value(1))) == "0.5");
    CHECK(str(ops::multiply(Value(2), Value(1.5))) == "3.0");
    CHECK(str(ops::divide(Value(3), Value(2.0))) == "1.5");
    CHECK(str(ops::modulo(Value(7.5), Value(2))) == "1.5");
    CHECK(str(ops::negate(Value(1.5))) == "-1.5");
    // Comparison1 [8]: 0.0 / 0.0 is NaN; a float division by zero is infinite.
    CHECK(std::isnan(nan().asFloat()));
    CHECK(str(ops::divide(Value(1.0), Value(0))) == "Infinity");
    CHECK(str(ops::divide(Value(-1), Value(0.0))) == "-Infinity");
}

TEST_CASE("Arithmetic propagates null", "[function][ops]") {
    for (BinaryOp op : {ops::add, ops::subtract, ops::multiply, ops::divide, ops::modulo, ops::power}) {
        CHECK(op(kNull, Value(1)).isNull());
        CHECK(op(Value(1.5), kNull).isNull());
        CHECK(op(kNull, kNull).isNull());
    }
    CHECK(ops::negate(kNull).isNull());
    CHECK(ops::add(list({1}), kNull).isNull());
    CHECK(ops::add(kNull, Value("a")).isNull());
}

TEST_CASE("Integer overflow and division by zero are ArgumentErrors", "[function][ops]") {
    const Value max(std::numeric_limits<int64_t>::max());
    const Value min(std::numeric_limits<int64_t>::min());
    requireError([&] { ops::add(max, Value(1)); }, "ArgumentError", "NumberOutOfRange");
    requireError([&] { ops::subtract(min, Value(1)); }, "ArgumentError", "NumberOutOfRange");
    requireError([&] { ops::multiply(max, Value(2)); }, "ArgumentError", "NumberOutOfRange");
    requireError([&] { ops::divide(min, Value(-1)); }, "ArgumentError", "NumberOutOfRange");
    requireError([&] { ops::negate(min); }, "ArgumentError", "NumberOutOfRange");
    requireError([&] { ops::divide(Value(1), Value(0)); }, "ArgumentError", "DivisionByZero");
    requireError([&] { ops::modulo(Value(1), Value(0)); }, "ArgumentError", "DivisionByZero");
    CHECK(str(ops::modulo(min, Value(-1))) == "0");
    CHECK(str(ops::add(max, Value(1.0))) == "9.223372036854776e+18");
}

TEST_CASE("Arithmetic on the wrong types is a TypeError", "[function][ops]") {
    requireError([] { ops::subtract(Value("a"), Value(1)); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::multiply(Value(true), Value(1)); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::divide(list({}), Value(1)); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::add(Value(true), Value(1)); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::add(map({}), Value("a")); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::add(Value(NodeRef{1}), Value(1)); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::negate(Value("a")); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::power(Value(2), Value("2")); }, "TypeError", "InvalidArgumentType");
    const Value day(*Date::parse("2025-05-28"));
    requireError([&] { ops::add(day, Value(1)); }, "TypeError", "InvalidArgumentType");
}

// --- List4, Precedence3, WithOrderBy2 [7] (a.title + ' ' + a.name), Merge6 (key + '->' + r[key]) ----

TEST_CASE("+ concatenates lists and strings", "[function][ops]") {
    CHECK(str(ops::add(list({1, 10, 100}), list({4, 5}))) == "[1, 10, 100, 4, 5]"); // List4 [1]
    CHECK(str(ops::add(list({false, true}), Value(false))) == "[false, true, false]"); // List4 [2]
    // Precedence3 [1]: [[1], [2, 3], [4, 5]] + 10 appends; [2]: + [8, 9] concatenates
    const Value nested = list({list({1}), list({2, 3}), list({4, 5})});
    CHECK(str(ops::add(nested, Value(10))) == "[[1], [2, 3], [4, 5], 10]");
    CHECK(str(ops::add(nested, list({8, 9}))) == "[[1], [2, 3], [4, 5], 8, 9]");
    // Precedence3 [4]: [1] + (2 IN [3]) + 4 = [1, false, 4]; [5]: false + [4] = [false, 4]
    CHECK(str(ops::add(ops::add(list({1}), ops::inList(Value(2), list({3}))), Value(4))) == "[1, false, 4]");
    CHECK(str(ops::add(Value(false), list({4}))) == "[false, 4]");
    CHECK(str(ops::add(list({}), list({}))) == "[]");
    CHECK(str(ops::add(list({1}), list({list({})}))) == "[1, []]");

    CHECK(str(ops::add(Value("Dr."), ops::add(Value(" "), Value("Who")))) == "'Dr. Who'");
    CHECK(str(ops::add(Value("num"), Value(1))) == "'num1'");
    CHECK(str(ops::add(Value(1.5), Value("x"))) == "'1.5x'");
    CHECK(str(ops::add(Value("x"), Value(2.0))) == "'x2.0'");
    CHECK(str(ops::add(Value("is "), Value(true))) == "'is true'");
    CHECK(str(ops::add(Value("on "), Value(*Date::parse("2025-05-28")))) == "'on 2025-05-28'");
}

// --- Boolean1-5, Null3 [1] ---------------------------------------------------------------------------

TEST_CASE("Three-valued logic: AND, OR, XOR, NOT", "[function][ops]") {
    const Value t(true);
    const Value f(false);
    const std::vector<Value> operands = {t, f, kNull};
    // Rows: lhs in {true, false, null} x rhs in {true, false, null}, as Boolean1-3 [1] list them.
    const std::vector<std::string> andTable = {"true", "false", "null", "false", "false", "false", "null", "false", "null"};
    const std::vector<std::string> orTable = {"true", "true", "true", "true", "false", "null", "true", "null", "null"};
    const std::vector<std::string> xorTable = {"false", "true", "null", "true", "false", "null", "null", "null", "null"};
    size_t cell = 0;
    for (const Value& lhs : operands) {
        for (const Value& rhs : operands) {
            INFO(str(lhs) << " op " << str(rhs));
            CHECK(str(ops::logicalAnd(lhs, rhs)) == andTable[cell]);
            CHECK(str(ops::logicalOr(lhs, rhs)) == orTable[cell]);
            CHECK(str(ops::logicalXor(lhs, rhs)) == xorTable[cell]);
            ++cell;
        }
    }
    // Boolean4 [1], Null3 [1]
    CHECK(str(ops::logicalNot(t)) == "false");
    CHECK(str(ops::logicalNot(f)) == "true");
    CHECK(ops::logicalNot(kNull).isNull());
    // Boolean3 [2]: true XOR true XOR true = true; Boolean1 [3] m3: AND chain with a false is false
    CHECK(str(ops::logicalXor(ops::logicalXor(t, t), t)) == "true");
    CHECK(str(ops::logicalAnd(ops::logicalAnd(kNull, f), kNull)) == "false");
    // Boolean5 [6]: (null AND (true XOR true)) IS NULL differs from ((null AND true) XOR (null AND true)) IS NULL
    CHECK(str(ops::logicalAnd(kNull, ops::logicalXor(t, t))) == "false");
    CHECK(ops::logicalXor(ops::logicalAnd(kNull, t), ops::logicalAnd(kNull, t)).isNull());
}

TEST_CASE("Logical operators reject non-booleans at runtime", "[function][ops]") {
    // Boolean1-4 [8] reject these at compile time; values that reach runtime fail the same way.
    requireError([] { ops::logicalAnd(Value(123), Value(true)); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::logicalOr(Value(false), Value("foo")); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::logicalXor(kNull, list({kNull})); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::logicalAnd(Value(false), map({})); }, "TypeError", "InvalidArgumentType");
    requireError([] { ops::logicalNot(Value(0)); }, "TypeError", "InvalidArgumentType");
}

// --- Comparison1, List3: equality ------------------------------------------------------------------

TEST_CASE("Equality of lists and maps", "[function][ops]") {
    struct Row {
        Value lhs;
        Value rhs;
        std::string result;
    };
    // Comparison1 [6] and List3 [1-7]
    const std::vector<Row> lists = {
        {list({1, 2}), list({1}), "false"},
        {list({kNull}), list({1}), "null"},
        {list({"a"}), list({1}), "false"},
        {list({list({1})}), list({list({1}), list({kNull})}), "false"},
        {list({list({1}), list({2})}), list({list({1}), list({kNull})}), "null"},
        {list({list({1}), list({2, 3})}), list({list({1}), list({kNull})}), "false"},
        {list({1, 2}), Value("foo"), "false"},
        {list({1}), list({1, kNull}), "false"},
        {list({1, 2}), list({kNull, "foo"}), "false"},
        {list({1, 2}), list({kNull, 2}), "null"},
        {list({list({1, 2}), list({1, 3})}), list({list({1, 2}), list({kNull, "foo"})}), "false"},
        {list({list({1, 2}), list({"foo", "bar"})}), list({list({1, 2}), list({kNull, "bar"})}), "null"},
    };
    for (const Row& row : lists) {
        INFO(str(row.lhs) << " = " << str(row.rhs));
        CHECK(str(ops::equals(row.lhs, row.rhs)) == row.result);
    }
    // Comparison1 [7]
    const std::vector<Row> maps = {
        {map({}), map({}), "true"},
        {map({{"k", true}}), map({{"k", true}}), "true"},
        {map({{"k", 1}}), map({{"k", 1}}), "true"},
        {map({{"k", 1.0}}), map({{"k", 1.0}}), "true"},
        {map({{"k", "abc"}}), map({{"k", "abc"}}), "true"},
        {map({{"k", "a"}, {"l", 2}}), map({{"k", "a"}, {"l", 2}}), "true"},
        {map({}), map({{"k", kNull}}), "false"},
        {map({{"k", kNull}}), map({}), "false"},
        {map({{"k", 1}}), map({{"k", 1}, {"l", kNull}}), "false"},
        {map({{"k", kNull}, {"l", 1}}), map({{"l", 1}}), "false"},
        {map({{"k", kNull}}), map({{"k", kNull}, {"l", kNull}}), "false"},
        {map({{"k", kNull}}), map({{"k", kNull}}), "null"},
        {map({{"k", 1}}), map({{"k", kNull}}), "null"},
        {map({{"k", 1}, {"l", kNull}}), map({{"k", kNull}, {"l", kNull}}), "null"},
        {map({{"k", 1}, {"l", kNull}}), map({{"k", kNull}, {"l", 1}}), "null"},
        {map({{"k", 1}, {"l", kNull}}), map({{"k", 1}, {"l", 1}}), "null"},
    };
    for (const Row& row : maps) {
        INFO(str(row.lhs) << " = " << str(row.rhs));
        CHECK(str(ops::equals(row.lhs, row.rhs)) == row.result);
    }
}

TEST_CASE("Equality of scalars, NaN and null", "[function][ops]") {
    // Comparison1 [9]
    CHECK(str(ops::equals(Value(1.0), Value(1.0))) == "true");
    CHECK(str(ops::equals(Value(1), Value(1.0))) == "true");
    CHECK(str(ops::equals(Value("1.0"), Value(1.0))) == "false");
    CHECK(str(ops::equals(Value("1"), Value(1))) == "false");
    // Comparison1 [8]: NaN = x is false and NaN <> x is true, even for NaN and 'a'
    for (const Value& other : {Value(1), Value(1.0), nan(), Value("a")}) {
        CHECK(str(ops::equals(nan(), other)) == "false");
        CHECK(str(ops::notEquals(nan(), other)) == "true");
    }
    // Comparison1 [15-16], Null3 [2-3]
    CHECK(ops::equals(kNull, kNull).isNull());
    CHECK(ops::notEquals(kNull, kNull).isNull());
    CHECK(ops::equals(Value(1), kNull).isNull());
    // Comparison1 [10-13]: large integers compare exactly
    CHECK(str(ops::equals(Value(int64_t{4611686018427387905}), Value(int64_t{4611686018427387905}))) == "true");
    CHECK(str(ops::equals(Value(int64_t{4611686018427387905}), Value(int64_t{4611686018427387900}))) == "false");
    CHECK(str(ops::equals(Value(int64_t{9007199254740993}), Value(9007199254740992.0))) == "false");
    // Comparison1 [4-5], [14]: entities by identity; paths by their sequence
    CHECK(str(ops::equals(Value(NodeRef{3}), Value(NodeRef{3}))) == "true");
    CHECK(str(ops::equals(Value(NodeRef{3}), Value(RelRef{3}))) == "false");
    const Value loop(PathValue{{0, 0}, {0}});
    CHECK(str(ops::equals(loop, Value(PathValue{{0, 0}, {0}}))) == "true");
    CHECK(str(ops::notEquals(Value(true), Value(false))) == "true");
}

// --- Comparison2, Comparison3, Precedence1 [6], Precedence3 [6]: ordering comparisons ---------------

TEST_CASE("Comparing across types is null, except numbers", "[function][ops]") {
    // Comparison2 [3]: among [n, r, p, '', 1, 3.14, true, null, [], {}], only 1 < 3.14 and 3.14 > 1 hold
    const std::vector<Value> values = {Value(NodeRef{0}), Value(RelRef{0}), Value(PathValue{{0, 1}, {0}}),
                                       Value(""),         Value(1),         Value(3.14),
                                       Value(true),       kNull,            list({}),
                                       map({})};
    std::vector<std::string> holds;
    for (size_t i = 0; i < values.size(); ++i) {
        for (size_t j = 0; j < values.size(); ++j) {
            if (i == j) {
                continue;
            }
            const std::string pair = str(values[i]) + " " + str(values[j]);
            for (const auto& [name, op] : std::vector<std::pair<std::string, BinaryOp>>{
                     {"<", ops::lessThan}, {"<=", ops::lessOrEqual}, {">", ops::greaterThan}, {">=", ops::greaterOrEqual}}) {
                const Value result = op(values[i], values[j]);
                if (!result.isNull() && result.asBool()) {
                    holds.push_back(pair + " " + name);
                }
            }
        }
    }
    CHECK(holds == std::vector<std::string>{"1 3.14 <", "1 3.14 <=", "3.14 1 >", "3.14 1 >="});
    // Comparison2 [6]
    CHECK(str(ops::lessThan(Value(1.0), Value(1.0))) == "false");
    CHECK(str(ops::lessThan(Value(1), Value(1.0))) == "false");
    CHECK(ops::lessThan(Value("1.0"), Value(1.0)).isNull());
    CHECK(ops::lessThan(Value("1"), Value(1)).isNull());
    // Precedence3 [6]: [1, 2] < false is null
    CHECK(ops::lessThan(list({1, 2}), Value(false)).isNull());
    CHECK(ops::lessThan(map({{"a", 1}}), map({{"a", 2}})).isNull());
}

TEST_CASE("Comparing lists, NaN, strings and booleans", "[function][ops]") {
    // Comparison2 [4]: lhs >= rhs
    CHECK(str(ops::greaterOrEqual(list({1, 0}), list({1}))) == "true");
    CHECK(str(ops::greaterOrEqual(list({1, kNull}), list({1}))) == "true");
    CHECK(ops::greaterOrEqual(list({1, 2}), list({1, kNull})).isNull());
    CHECK(ops::greaterOrEqual(list({1, "a"}), list({1, kNull})).isNull());
    CHECK(str(ops::greaterOrEqual(list({1, 2}), list({3, kNull}))) == "false");
    // Comparison2 [5]: every comparison with NaN is false, but NaN against a string is null
    for (const Value& other : {Value(1), Value(1.0), nan()}) {
        for (BinaryOp op : {ops::lessThan, ops::lessOrEqual, ops::greaterThan, ops::greaterOrEqual}) {
            CHECK(str(op(nan(), other)) == "false");
        }
    }
    CHECK(ops::greaterThan(nan(), Value("a")).isNull());
    // Comparison3 [5-8]: string ranges
    CHECK(str(ops::lessThan(Value("a"), Value("b"))) == "true");
    CHECK(str(ops::lessOrEqual(Value("c"), Value("c"))) == "true");
    CHECK(str(ops::greaterThan(Value("xx"), Value("x"))) == "true"); // Comparison2 [1]
    // Precedence1 [6]: (NOT false) >= false is true
    CHECK(str(ops::greaterOrEqual(Value(true), Value(false))) == "true");
    CHECK(str(ops::lessThan(Value(false), Value(true))) == "true");
    CHECK(ops::lessThan(kNull, Value(1)).isNull());
    const Value earlier(*Date::parse("1980-12-24"));
    const Value later(*Date::parse("1984-10-11"));
    CHECK(str(ops::lessThan(earlier, later)) == "true");
    CHECK(str(ops::lessThan(Value(int64_t{9007199254740993}), Value(9007199254740994.0))) == "true");
}

// --- ReturnOrderBy1, WithOrderBy1: orderability; equivalence for DISTINCT ----------------------------

TEST_CASE("Orderability sorts across types", "[function][ops]") {
    auto sorted = [](std::vector<Value> values) {
        std::stable_sort(values.begin(), values.end(),
                         [](const Value& lhs, const Value& rhs) { return ops::compareForOrder(lhs, rhs) < 0; });
        std::vector<std::string> out;
        for (const Value& value : values) {
            out.push_back(str(value));
        }
        return out;
    };
    // ReturnOrderBy1 [11]: {a: 'map'}, (:N), [:REL], ['list'], path, 'text', false, 1.5, NaN, null
    const Value path(PathValue{{0, 1}, {0}});
    CHECK(sorted({Value(NodeRef{0}), Value(RelRef{0}), path, Value(1.5), list({"list"}), Value("text"), kNull,
                  Value(false), nan(), map({{"a", "map"}})}) ==
          std::vector<std::string>{"{a: 'map'}", "node(0)", "relationship(0)", "['list']", str(path), "'text'", "false",
                                   "1.5", "NaN", "null"});
    // ReturnOrderBy1 [9]
    CHECK(sorted({list({}), list({"a"}), list({"a", 1}), list({1}), list({1, "a"}), list({1, kNull}),
                  list({kNull, 1}), list({kNull, 2})}) ==
          std::vector<std::string>{"[]", "['a']", "['a', 1]", "[1]", "[1, 'a']", "[1, null]", "[null, 1]",
                                   "[null, 2]"});
    // ReturnOrderBy1 [1], [3], [5], [7]
    CHECK(sorted({Value(true), Value(false)}) == std::vector<std::string>{"false", "true"});
    CHECK(sorted({Value(".*"), Value(""), Value(" "), Value("one")}) ==
          std::vector<std::string>{"''", "' '", "'.*'", "'one'"});
    CHECK(sorted({Value(1), Value(3), Value(2)}) == std::vector<std::string>{"1", "2", "3"});
    CHECK(sorted({Value(1.5), Value(1.3), Value(999.99)}) == std::vector<std::string>{"1.3", "1.5", "999.99"});
    CHECK(sorted({Value(2), Value(1.5), Value(-1), nan(), Value(-0.5)}) ==
          std::vector<std::string>{"-1", "-0.5", "1.5", "2", "NaN"});
    CHECK(ops::compareForOrder(Value(1), Value(1.0)) == 0);
}

TEST_CASE("Orderability agrees with < where < is defined", "[function][ops]") {
    // WithOrderBy1 [45]: after sorting, exactly i values are < the i-th value
    const std::vector<std::vector<Value>> cases = {
        {Value(true), Value(false)},
        {Value(351), Value(-3974856), Value(93), Value(-3), Value(123), Value(0), Value(3), Value(-2), Value(20934587),
         Value(1), Value(20934585), Value(20934586), Value(-10)},
        {Value(351.5), Value(-3974856.01), Value(-3.203957), Value(123.0002), Value(123.0001), Value(123.00013),
         Value(123.00011), Value(0.0100000), Value(0.0999999), Value(0.00000001), Value(3.0), Value(209345.87),
         Value(-10.654)},
        {Value("Sort"), Value("order"), Value(" "), Value("should"), Value("be"), Value(""), Value("consistent"),
         Value("with"), Value("comparisons"), Value(", "), Value("where"), Value("comparisons are"), Value("defined"),
         Value("!")},
        {list({2, 2}), list({2, -2}), list({1, 2}), list({}), list({1}), list({300, 0}), list({1, -20}),
         list({2, -2, 100})},
        {Value(*Date::parse("1910-05-06")), Value(*Date::parse("1980-12-24")), Value(*Date::parse("1984-10-12")),
         Value(*Date::parse("1985-05-06")), Value(*Date::parse("1980-10-24")), Value(*Date::parse("1984-10-11"))},
    };
    for (std::vector<Value> values : cases) {
        std::stable_sort(values.begin(), values.end(),
                         [](const Value& lhs, const Value& rhs) { return ops::compareForOrder(lhs, rhs) < 0; });
        for (size_t i = 0; i < values.size(); ++i) {
            size_t smaller = 0;
            for (const Value& other : values) {
                const Value less = ops::lessThan(other, values[i]);
                smaller += (!less.isNull() && less.asBool()) ? 1 : 0;
            }
            INFO(str(values[i]));
            CHECK(smaller == i);
        }
    }
}

TEST_CASE("Equivalence and its hash", "[function][ops]") {
    CHECK(ops::equivalent(kNull, kNull));
    CHECK(ops::equivalent(Value(1), Value(1.0)));
    CHECK(ops::equivalenceHash(Value(1)) == ops::equivalenceHash(Value(1.0)));
    CHECK(ops::equivalent(nan(), nan()));
    CHECK(ops::equivalenceHash(nan()) == ops::equivalenceHash(ops::divide(Value(0.0), Value(0.0))));
    CHECK(ops::equivalent(Value(0.0), Value(-0.0)));
    CHECK(ops::equivalenceHash(Value(0.0)) == ops::equivalenceHash(Value(-0.0)));
    CHECK_FALSE(ops::equivalent(Value(1), Value("1")));
    CHECK_FALSE(ops::equivalent(Value(NodeRef{1}), Value(RelRef{1})));
    // Return5 [1], [3]: lists and maps holding equal lists are one DISTINCT value
    const Value first = map({{"name", list({list({"A", "B"}), list({1, kNull})})}});
    const Value second = map({{"name", list({list({"A", "B"}), list({1.0, kNull})})}});
    CHECK(ops::equivalent(first, second));
    CHECK(ops::equivalenceHash(first) == ops::equivalenceHash(second));
    CHECK_FALSE(ops::equivalent(list({1, 2}), list({2, 1})));
    CHECK_FALSE(ops::equivalent(map({{"a", 1}}), map({{"b", 1}})));
}

// --- Null3 [4], List5: IN -------------------------------------------------------------------------

TEST_CASE("IN with nulls and nested lists", "[function][ops]") {
    struct Row {
        Value element;
        Value list;
        std::string result;
    };
    const std::vector<Row> rows = {
        // Null3 [4]
        {kNull, kNull, "null"},
        {kNull, list({1, 2, 3}), "null"},
        {kNull, list({1, 2, 3, kNull}), "null"},
        {kNull, list({}), "false"},
        {Value(1), list({1, 2, 3, kNull}), "true"},
        {Value(1), list({kNull, 1}), "true"},
        {Value(5), list({1, 2, 3, kNull}), "null"},
        // List5 [5-41]
        {Value(1), list({"1", 2}), "false"},
        {list({1, 2}), list({1, list({1, "2"})}), "false"},
        {list({1}), list({1, 2}), "false"},
        {list({1, 2}), list({1, 2}), "false"},
        {list({1}), list({1, 2, list({1})}), "true"},
        {list({1, 2}), list({1, list({1, 2})}), "true"},
        {list({1, 2}), list({1, list({2, 1})}), "false"},
        {list({1, 2}), list({1, list({1, 2, 3})}), "false"},
        {list({1, 2}), list({1, list({list({1, 2})})}), "false"},
        {list({list({1, 2}), list({3, 4})}), list({5, list({list({1, 2}), list({3, 4})})}), "true"},
        {list({list({1, 2}), 3}), list({1, list({list({1, 2}), 3})}), "true"},
        {list({list({1})}), list({2, list({list({1})})}), "true"},
        {list({list({1, 3})}), list({2, list({list({1, 3})})}), "true"},
        {list({list({1})}), list({2, list({1})}), "false"},
        {list({list({1, 3})}), list({2, list({1, 3})}), "false"},
        {kNull, list({kNull}), "null"},
        {list({kNull}), list({list({kNull})}), "null"},
        {list({kNull}), list({kNull}), "null"},
        {list({1}), list({list({1, kNull})}), "false"},
        {Value(3), list({1, kNull, 3}), "true"},
        {Value(4), list({1, kNull, 3}), "null"},
        {list({1, 2}), list({list({kNull, "foo"}), list({1, 2})}), "true"},
        {list({1, 2}), list({1, list({1, 2}), kNull}), "true"},
        {list({1, 2}), list({list({kNull, "foo"})}), "false"},
        {list({1, 2}), list({list({kNull, 2})}), "null"},
        {list({1, 2}), list({1, list({1, 2, kNull})}), "false"},
        {list({1, 2, kNull}), list({1, list({1, 2, kNull})}), "null"},
        {list({1, 2}), list({list({kNull, 2}), list({1, 2})}), "true"},
        {list({list({1, 2}), list({3, 4})}), list({5, list({list({1, 2}), list({3, 4}), kNull})}), "false"},
        {list({1, 2}), list({list({kNull, 2}), list({1, 3})}), "null"},
        {list({}), list({list({})}), "true"},
        {list({}), list({}), "false"},
        {list({}), list({1, list({})}), "true"},
        {list({}), list({1, 2}), "false"},
        {list({list({})}), list({1, list({list({})})}), "true"},
        {list({}), list({1, 2, kNull}), "null"},
        {list({list({}), list({})}), list({1, list({list({}), list({})})}), "true"},
        // Precedence1 [11-13]
        {Value(true), list({true, false}), "true"},
        {Value(false), list({true, false}), "true"},
    };
    for (const Row& row : rows) {
        INFO(str(row.element) << " IN " << str(row.list));
        CHECK(str(ops::inList(row.element, row.list)) == row.result);
    }
    // List5 [42] is a compile-time error; a non-list reaching runtime is a TypeError.
    requireError([] { ops::inList(Value(1), Value(123)); }, "TypeError", "InvalidArgumentType");
}

// --- List1, Map2: element access; List2: slicing ---------------------------------------------------

TEST_CASE("List and map element access", "[function][ops]") {
    CHECK(str(ops::subscript(list({1, 2, 3}), Value(0))) == "1"); // List1 [1]
    CHECK(str(ops::subscript(ops::subscript(list({list({1})}), Value(0)), Value(0))) == "1"); // List1 [2]
    CHECK(str(ops::subscript(list({"Apa"}), Value(0))) == "'Apa'"); // List1 [3-5]
    CHECK(str(ops::subscript(list({1, 2, 3}), Value(-1))) == "3");
    CHECK(ops::subscript(list({1, 2, 3}), Value(3)).isNull());
    CHECK(ops::subscript(list({1, 2, 3}), Value(-4)).isNull());
    CHECK(ops::subscript(list({1}), kNull).isNull());
    // Precedence3 [1]: [5, [6, 7], [8, 9], 10][3] = 10
    CHECK(str(ops::subscript(list({5, list({6, 7}), list({8, 9}), 10}), Value(3))) == "10");
    // List1 [6-7]: indexing a non-list
    for (const Value& container : {Value(true), Value(123), Value(4.7), Value("1")}) {
        requireError([&] { ops::subscript(container, Value(0)); }, "TypeError", "InvalidArgumentType");
    }
    // List1 [8-9]: indexing with a non-integer
    for (const Value& index : {Value(true), Value(4.7), Value("1"), list({1}), map({{"x", 3}})}) {
        requireError([&] { ops::subscript(list({1, 2, 3, 4, 5}), index); }, "TypeError", "InvalidArgumentType");
    }
    // Map2 [1-5]
    CHECK(str(ops::subscript(map({{"name", "Apa"}}), Value("name"))) == "'Apa'");
    CHECK(ops::subscript(kNull, Value("x")).isNull());
    CHECK(ops::subscript(map({{"name", "Mats"}}), kNull).isNull());
    const Value cased = map({{"name", "Mats"}, {"Name", "Pontus"}});
    CHECK(str(ops::subscript(cased, Value("name"))) == "'Mats'");
    CHECK(str(ops::subscript(cased, Value("Name"))) == "'Pontus'");
    CHECK(ops::subscript(cased, Value("nAMe")).isNull());
    const Value nulls = map({{"null", "Mats"}, {"NULL", "Pontus"}});
    CHECK(str(ops::subscript(nulls, Value("null"))) == "'Mats'");
    CHECK(str(ops::subscript(nulls, Value("NULL"))) == "'Pontus'");
    // Map2 [6-8]
    requireError([] { ops::subscript(map({{"name", "Apa"}}), Value(0)); }, "TypeError", "MapElementAccessByNonString");
    requireError([] { ops::subscript(map({{"name", "Apa"}}), Value(12.3)); }, "TypeError",
                 "MapElementAccessByNonString");
    requireError([] { ops::subscript(Value(100), Value(0)); }, "TypeError", "InvalidArgumentType");
}

TEST_CASE("List slicing", "[function][ops]") {
    const Value five = list({1, 2, 3, 4, 5});
    const Value three = list({1, 2, 3});
    using Bound = std::optional<Value>;
    CHECK(str(ops::sliceBounds(five, Value(1), Value(3))) == "[2, 3]");      // List2 [1]
    CHECK(str(ops::sliceBounds(three, Value(1), std::nullopt)) == "[2, 3]"); // List2 [2]
    CHECK(str(ops::sliceBounds(three, std::nullopt, Value(2))) == "[1, 2]"); // List2 [3]
    CHECK(str(ops::sliceBounds(three, Value(0), Value(1))) == "[1]");        // List2 [4]
    CHECK(str(ops::sliceBounds(three, Value(0), Value(0))) == "[]");         // List2 [5]
    CHECK(str(ops::sliceBounds(three, Value(-3), Value(-1))) == "[1, 2]");   // List2 [6]
    CHECK(str(ops::sliceBounds(three, Value(3), Value(1))) == "[]");         // List2 [7], [11]
    CHECK(str(ops::sliceBounds(three, Value(-5), Value(5))) == "[1, 2, 3]"); // List2 [8]
    // List2 [9]: a bound that is null (not absent) makes the slice null
    for (const auto& [from, to] : std::vector<std::pair<Bound, Bound>>{{kNull, kNull},
                                                                      {Value(1), kNull},
                                                                      {kNull, Value(3)},
                                                                      {std::nullopt, kNull},
                                                                      {kNull, std::nullopt}}) {
        CHECK(ops::sliceBounds(three, from, to).isNull());
    }
    // Precedence3 [3]: [5, [6, 7], [8, 9], 10][1..3] = [[6, 7], [8, 9]]
    CHECK(str(ops::sliceBounds(list({5, list({6, 7}), list({8, 9}), 10}), Value(1), Value(3))) == "[[6, 7], [8, 9]]");
    // List5 [3]: 3 IN [1, 2, 3][0..1] is false
    CHECK(str(ops::inList(Value(3), ops::sliceBounds(three, Value(0), Value(1)))) == "false");
    // The header's slice(): a null bound is an open one.
    CHECK(str(ops::slice(three, Value(1), kNull)) == "[2, 3]");
    CHECK(str(ops::slice(three, kNull, kNull)) == "[1, 2, 3]");
    CHECK(ops::slice(kNull, Value(1), Value(2)).isNull());
    requireError([] { ops::slice(Value("abc"), Value(1), Value(2)); }, "TypeError", "InvalidArgumentType");
    requireError([&] { ops::slice(three, Value(1.5), Value(2)); }, "TypeError", "InvalidArgumentType");
}

// --- String8-11: STARTS WITH, ENDS WITH, CONTAINS; String13: =~ ------------------------------------

TEST_CASE("String predicates", "[function][ops]") {
    const std::vector<std::string> names = {"ABCDEF", "AB", "abcdef", "ab", ""};
    auto matching = [&](BinaryOp op, const Value& pattern) {
        std::vector<std::string> out;
        for (const std::string& name : names) {
            const Value result = op(Value(name), pattern);
            if (!result.isNull() && result.asBool()) {
                out.push_back(name);
            }
        }
        return out;
    };
    using Names = std::vector<std::string>;
    CHECK(matching(ops::startsWith, Value("ABCDEF")) == Names{"ABCDEF"}); // String8 [1]
    CHECK(matching(ops::startsWith, Value("ABC")) == Names{"ABCDEF"});    // String8 [2]
    CHECK(matching(ops::startsWith, Value("")) == names);                 // String8 [3]
    CHECK(matching(ops::endsWith, Value("AB")) == Names{"AB"});           // String9 [1]
    CHECK(matching(ops::endsWith, Value("DEF")) == Names{"ABCDEF"});      // String9 [2]
    CHECK(matching(ops::endsWith, Value("")) == names);                   // String9 [3]
    CHECK(matching(ops::contains, Value("ABCDEF")) == Names{"ABCDEF"});   // String10 [1]
    CHECK(matching(ops::contains, Value("CD")) == Names{"ABCDEF"});       // String10 [2]
    CHECK(matching(ops::contains, Value("")) == names);                   // String10 [3]
    CHECK(str(ops::contains(Value("Foo\nFoo"), Value("\n"))) == "true");  // String10 [5]
    CHECK(str(ops::startsWith(Value(" Foo "), Value(" "))) == "true");    // String8 [4]
    // String8-10 [6-7]: null pattern is null, so are NOT of it
    for (BinaryOp op : {ops::startsWith, ops::endsWith, ops::contains}) {
        CHECK(op(Value("ABCDEF"), kNull).isNull());
        CHECK(ops::logicalNot(op(Value("ABCDEF"), kNull)).isNull());
    }
    // String8-10 [8]: any non-string operand gives null (36 of 36 combinations)
    const std::vector<Value> operands = {Value(1), Value(3.14), Value(true), list({}), map({}), kNull};
    size_t nulls = 0;
    for (BinaryOp op : {ops::startsWith, ops::endsWith, ops::contains}) {
        for (const Value& lhs : operands) {
            for (const Value& rhs : operands) {
                nulls += op(lhs, rhs).isNull() ? 1 : 0;
            }
        }
    }
    CHECK(nulls == 3 * operands.size() * operands.size());
    // Precedence4 [4]: 'abc' STARTS WITH null OR true is true
    CHECK(str(ops::logicalOr(ops::startsWith(Value("abc"), kNull), Value(true))) == "true");
}

TEST_CASE("Regular expression match", "[function][ops]") {
    CHECK(str(ops::regexMatch(Value("abc"), Value("a.c"))) == "true");
    CHECK(str(ops::regexMatch(Value("abcd"), Value("a.c"))) == "false"); // whole-string match
    CHECK(str(ops::regexMatch(Value("ABC"), Value("(?i)abc"))) == "true");
    CHECK(str(ops::regexMatch(Value("ABC"), Value("abc"))) == "false");
    CHECK(str(ops::regexMatch(Value("a\nb"), Value("a.b"))) == "false");
    CHECK(str(ops::regexMatch(Value("a\nb"), Value("(?s)a.b"))) == "true");
    CHECK(str(ops::regexMatch(Value("Ševčík"), Value("..v.ík"))) == "true"); // code points, not bytes
    CHECK(str(ops::regexMatch(Value("APT31"), Value("APT\\d+"))) == "true");
    CHECK(ops::regexMatch(kNull, Value("a")).isNull());
    CHECK(ops::regexMatch(Value("a"), kNull).isNull());
    CHECK(ops::regexMatch(Value(1), Value("1")).isNull());
    requireError([] { ops::regexMatch(Value("a"), Value("(")); }, "ArgumentError", "InvalidArgumentValue");
    requireError([] { ops::regexMatch(Value("aa"), Value("(a)\\1")); }, "ArgumentError", "InvalidArgumentValue");
    // A long input does not exhaust the stack.
    const std::string longText(200000, 'a');
    CHECK(str(ops::regexMatch(Value(longText), Value("(a|b)*"))) == "true");
    CHECK(str(ops::regexMatch(Value(longText + "c"), Value(".*b.*"))) == "false");
}
