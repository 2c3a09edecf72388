// The parser's output: the query AST for every construct (kinds, operators, names, positions).
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include <catch2/catch.hpp>

#include "query/ast/statement.hpp"
#include "query/parser/parser.hpp"

using newsgraph::Value;
using newsgraph::parser::parseQuery;
namespace ast = newsgraph::ast;

namespace {

std::string describe(const ast::Expr* expr);
std::string describePart(const ast::PatternPart& part);

std::string describeAll(const std::vector<ast::ExprPtr>& children, size_t from = 0) {
    std::string out;
    for (size_t i = from; i < children.size(); ++i) {
        if (i > from) {
            out += ' ';
        }
        out += describe(children[i].get());
    }
    return out;
}

std::string describeProperties(const ast::ExprPtr& properties) {
    std::string out;
    if (properties) {
        out += ' ';
        out += describe(properties.get());
    }
    return out;
}

std::string describeNode(const ast::NodePattern& node) {
    std::string out = "(";
    out += node.variable;
    for (const auto& label : node.labels) {
        out += ':';
        out += label;
    }
    out += describeProperties(node.properties);
    out += ')';
    return out;
}

std::string describeRel(const ast::RelPattern& rel) {
    std::string out = rel.direction == ast::RelDirection::Incoming ? "<-[" : "-[";
    out += rel.variable;
    for (size_t i = 0; i < rel.types.size(); ++i) {
        out += i == 0 ? ':' : '|';
        out += rel.types[i];
    }
    if (rel.variableLength) {
        out += '*';
        out += std::to_string(rel.minHops);
        out += "..";
        out += rel.maxHops ? std::to_string(*rel.maxHops) : std::string();
    }
    out += describeProperties(rel.properties);
    out += rel.direction == ast::RelDirection::Outgoing ? "]->" : "]-";
    return out;
}

std::string describePart(const ast::PatternPart& part) {
    std::string out = part.pathVariable.empty() ? "" : part.pathVariable + " = ";
    if (part.shortest == ast::ShortestKind::Shortest) {
        out += "shortestPath ";
    } else if (part.shortest == ast::ShortestKind::AllShortest) {
        out += "allShortestPaths ";
    }
    out += describeNode(part.nodes.at(0));
    for (size_t i = 0; i < part.rels.size(); ++i) {
        out += describeRel(part.rels[i]) + describeNode(part.nodes.at(i + 1));
    }
    return out;
}

// A compact prefix notation of an expression tree: (+ 1 (* 2 3)).
std::string describe(const ast::Expr* expr) {
    if (expr == nullptr) {
        return "_";
    }
    const auto& e = *expr;
    switch (e.kind) {
    case ast::ExprKind::Literal: return e.value.toString();
    case ast::ExprKind::Parameter: return "$" + e.name;
    case ast::ExprKind::Variable: return e.name;
    case ast::ExprKind::Property: return "(. " + describe(e.children[0].get()) + " " + e.name + ")";
    case ast::ExprKind::Subscript: return "([] " + describeAll(e.children) + ")";
    case ast::ExprKind::Slice: return "([..] " + describeAll(e.children) + ")";
    case ast::ExprKind::List: return "[" + describeAll(e.children) + "]";
    case ast::ExprKind::Map: {
        std::string out = "{";
        for (size_t i = 0; i < e.keys.size(); ++i) {
            out += (i == 0 ? "" : " ") + e.keys[i] + ": " + describe(e.children[i].get());
        }
        return out + "}";
    }
    case ast::ExprKind::MapProjection: {
        std::string out = e.name + "{";
        for (size_t i = 0; i < e.mapItems.size(); ++i) {
            const auto& item = e.mapItems[i];
            out += i == 0 ? "" : " ";
            switch (item.kind) {
            case ast::MapItemKind::Property: out += "." + item.key; break;
            case ast::MapItemKind::AllProperties: out += ".*"; break;
            case ast::MapItemKind::Literal: out += item.key + ": " + describe(item.value.get()); break;
            case ast::MapItemKind::Variable: out += "var " + item.key; break;
            }
        }
        return out + "}";
    }
    case ast::ExprKind::Not: return "(NOT " + describe(e.children[0].get()) + ")";
    case ast::ExprKind::Negate: return "(neg " + describe(e.children[0].get()) + ")";
    case ast::ExprKind::Binary: return std::string("(") + binaryOpText(e.op) + " " + describeAll(e.children) + ")";
    case ast::ExprKind::IsNull: return "(IS NULL " + describe(e.children[0].get()) + ")";
    case ast::ExprKind::IsNotNull: return "(IS NOT NULL " + describe(e.children[0].get()) + ")";
    case ast::ExprKind::Function:
        return e.name + "(" + (e.distinct ? "DISTINCT " : "") + describeAll(e.children) + ")";
    case ast::ExprKind::CountStar: return "count(*)";
    case ast::ExprKind::Case: {
        std::string out = "(CASE";
        size_t i = 0;
        const size_t pairsEnd = e.children.size() - (e.caseHasElse ? 1 : 0);
        if (e.caseHasSubject) {
            out += " " + describe(e.children[i++].get());
        }
        for (; i < pairsEnd; i += 2) {
            out += " (WHEN " + describe(e.children[i].get()) + " THEN " + describe(e.children[i + 1].get()) + ")";
        }
        if (e.caseHasElse) {
            out += " (ELSE " + describe(e.children.back().get()) + ")";
        }
        return out + ")";
    }
    case ast::ExprKind::ListComprehension:
        return "[" + e.name + " IN " + describe(e.children[0].get()) + " WHERE " + describe(e.children[1].get()) +
               " | " + describe(e.children[2].get()) + "]";
    case ast::ExprKind::Quantifier: {
        static const char* const kNames[] = {"all", "any", "none", "single"};
        return std::string(kNames[static_cast<int>(e.quantifier)]) + "(" + e.name + " IN " +
               describe(e.children[0].get()) + " WHERE " + describe(e.children[1].get()) + ")";
    }
    case ast::ExprKind::Reduce:
        return "reduce(" + e.name + " = " + describe(e.children[0].get()) + ", " + e.name2 + " IN " +
               describe(e.children[1].get()) + " | " + describe(e.children[2].get()) + ")";
    case ast::ExprKind::PatternPredicate: return "<" + describePart(e.pattern.at(0)) + ">";
    case ast::ExprKind::PatternComprehension:
        return "[<" + describePart(e.pattern.at(0)) + "> WHERE " + describe(e.children[0].get()) + " | " +
               describe(e.children[1].get()) + "]";
    case ast::ExprKind::Exists: {
        if (e.subquery) {
            return "EXISTS{subquery of " + std::to_string(e.subquery->clauses.size()) + " clauses}";
        }
        std::string out = "EXISTS{";
        for (size_t i = 0; i < e.pattern.size(); ++i) {
            out += (i == 0 ? "" : ", ") + describePart(e.pattern[i]);
        }
        return out + " WHERE " + describe(e.children.at(0).get()) + "}";
    }
    case ast::ExprKind::LabelCheck: {
        std::string out = "(: " + describe(e.children[0].get());
        for (const auto& label : e.labels) {
            out += " " + label;
        }
        return out + ")";
    }
    }
    return "?";
}

const ast::Clause& clauseOf(const ast::Statement& statement, size_t index) {
    REQUIRE(statement.queries.size() >= 1);
    REQUIRE(statement.queries[0].clauses.size() > index);
    return statement.queries[0].clauses[index];
}

// The first RETURN item's expression of `RETURN <text>`, described.
std::string expr(std::string_view text) {
    const ast::Statement statement = parseQuery("RETURN " + std::string(text));
    const ast::Clause& ret = clauseOf(statement, 0);
    REQUIRE(ret.projection.items.size() >= 1);
    return describe(ret.projection.items[0].expression.get());
}

// The WHERE of `MATCH (n) WHERE <text> RETURN n`, described.
std::string where(std::string_view text) {
    const ast::Statement statement = parseQuery("MATCH (n) WHERE " + std::string(text) + " RETURN n");
    return describe(clauseOf(statement, 0).where.get());
}

std::string matchPattern(std::string_view text) {
    const ast::Statement statement = parseQuery("MATCH " + std::string(text) + " RETURN 1");
    std::string out;
    for (const auto& part : clauseOf(statement, 0).pattern) {
        out += (out.empty() ? "" : ", ") + describePart(part);
    }
    return out;
}

Value literal(std::string_view text) {
    const ast::Statement statement = parseQuery("RETURN " + std::string(text));
    const auto& item = clauseOf(statement, 0).projection.items.at(0);
    REQUIRE(item.expression->kind == ast::ExprKind::Literal);
    return item.expression->value;
}

} // namespace

TEST_CASE("parser: MATCH ... RETURN variations", "[parser]") {
    const auto statement = parseQuery("MATCH (n) RETURN n");
    REQUIRE(statement.queries.size() == 1);
    const auto& clauses = statement.queries[0].clauses;
    REQUIRE(clauses.size() == 2);
    CHECK(clauses[0].kind == ast::ClauseKind::Match);
    CHECK_FALSE(clauses[0].optional);
    CHECK(describePart(clauses[0].pattern.at(0)) == "(n)");
    CHECK(clauses[1].kind == ast::ClauseKind::Return);
    CHECK(clauses[1].projection.items.at(0).alias == "n");
    CHECK_FALSE(clauses[1].projection.items.at(0).aliased);
    CHECK_FALSE(statement.explain);

    CHECK(matchPattern("(n:Person:Actor {name: 'Tom', age: 3})") == "(n:Person:Actor {name: 'Tom' age: 3})");
    CHECK(matchPattern("(:Person $props)") == "(:Person $props)");
    CHECK(matchPattern("()") == "()");
    CHECK(matchPattern("(a), (b)") == "(a), (b)");
    CHECK(clauseOf(parseQuery("optional match (n) return n"), 0).optional);
    CHECK(clauseOf(parseQuery("OPTIONAL MATCH (n) WHERE n.x = 1 RETURN n"), 0).optional);
    CHECK(parseQuery("MATCH (n) RETURN n;").queries.size() == 1);
    CHECK(parseQuery("  match (n)\n\treturn n  ").queries[0].clauses.size() == 2);
}

TEST_CASE("parser: relationship patterns", "[parser]") {
    CHECK(matchPattern("(a)-->(b)") == "(a)-[]->(b)");
    CHECK(matchPattern("(a)<--(b)") == "(a)<-[]-(b)");
    CHECK(matchPattern("(a)--(b)") == "(a)-[]-(b)");
    CHECK(matchPattern("(a)<-->(b)") == "(a)-[]-(b)");
    CHECK(matchPattern("(a)-[r:T|U*1..2 {k: 1}]->(b)") == "(a)-[r:T|U*1..2 {k: 1}]->(b)");
    CHECK(matchPattern("(a)-[:T|:U]-(b)") == "(a)-[:T|U]-(b)");
    CHECK(matchPattern("(a)<-[r]-(b)-[s]->(c)") == "(a)<-[r]-(b)-[s]->(c)");
    CHECK(matchPattern("(a)-[*]->(b)") == "(a)-[*1..]->(b)");
    CHECK(matchPattern("(a)-[*2]->(b)") == "(a)-[*2..2]->(b)");
    CHECK(matchPattern("(a)-[*1..3]->(b)") == "(a)-[*1..3]->(b)");
    CHECK(matchPattern("(a)-[*..5]->(b)") == "(a)-[*1..5]->(b)");
    CHECK(matchPattern("(a)-[*2..]->(b)") == "(a)-[*2..]->(b)");
    CHECK(matchPattern("(a)-[*0..1]->(b)") == "(a)-[*0..1]->(b)");
    CHECK(matchPattern("(a)-[r* 1 .. 3]->(b)") == "(a)-[r*1..3]->(b)");
    CHECK(matchPattern("p = (a)-->(b)") == "p = (a)-[]->(b)");
    CHECK(matchPattern("p = shortestPath((a)-[*]-(b))") == "p = shortestPath (a)-[*1..]-(b)");
    CHECK(matchPattern("allShortestPaths((a)-[*..3]->(b))") == "allShortestPaths (a)-[*1..3]->(b)");

    const auto statement = parseQuery("MATCH (a)-[r:KNOWS]->(b) RETURN r");
    const auto& rel = clauseOf(statement, 0).pattern.at(0).rels.at(0);
    CHECK_FALSE(rel.variableLength);
    CHECK(rel.minHops == 1);
    CHECK(rel.maxHops == 1U);
    CHECK(rel.direction == ast::RelDirection::Outgoing);
}

TEST_CASE("parser: operators fold left-associatively with the usual precedence", "[parser]") {
    CHECK(expr("1 + 2 * 3") == "(+ 1 (* 2 3))");
    CHECK(expr("1 - 2 - 3") == "(- (- 1 2) 3)");
    CHECK(expr("2 ^ 3 ^ 2") == "(^ (^ 2 3) 2)");
    CHECK(expr("a ^ b ^ c") == "(^ (^ a b) c)");
    CHECK(expr("(1 + 2) * 3") == "(* (+ 1 2) 3)");
    CHECK(expr("10 / 2 % 3") == "(% (/ 10 2) 3)");
    CHECK(expr("-2 ^ 2") == "(^ -2 2)");
    CHECK(expr("a OR b XOR c AND NOT d") == "(OR a (XOR b (AND c (NOT d))))");
    CHECK(expr("NOT NOT true") == "(NOT (NOT true))");
    CHECK(expr("NOT a = b") == "(NOT (= a b))");
    CHECK(expr("a = 1 OR b <> 2") == "(OR (= a 1) (<> b 2))");
    CHECK(expr("a < b < c") == "(AND (< a b) (< b c))");
    CHECK(expr("1 <= x < 5 >= y") == "(AND (AND (<= 1 x) (< x 5)) (>= 5 y))");
    CHECK(expr("x IS NULL") == "(IS NULL x)");
    CHECK(expr("x IS NOT NULL") == "(IS NOT NULL x)");
    CHECK(expr("x.a IS NOT NULL AND y IS NULL") == "(AND (IS NOT NULL (. x a)) (IS NULL y))");
    CHECK(expr("'a' STARTS WITH 'b'") == "(STARTS WITH 'a' 'b')");
    CHECK(expr("'a' ends with 'b'") == "(ENDS WITH 'a' 'b')");
    CHECK(expr("'a' CONTAINS 'b' + 'c'") == "(CONTAINS 'a' (+ 'b' 'c'))");
    CHECK(where("n.name =~ 'A.*'") == "(=~ (. n name) 'A.*')");
    CHECK(expr("1 IN [1, 2]") == "(IN 1 [1 2])");
    CHECK(expr("-n.x") == "(neg (. n x))");
    CHECK(expr("- -1") == "(neg -1)");
    CHECK(expr("+1") == "1");
    CHECK(expr("-(1 + 2)") == "(neg (+ 1 2))");
    CHECK(expr("1 + -2") == "(+ 1 -2)");
    CHECK(expr("a = b = c") == "(AND (= a b) (= b c))");
}

TEST_CASE("parser: postfix lookups, subscripts, slices and label checks", "[parser]") {
    CHECK(expr("n.name") == "(. n name)");
    CHECK(expr("n.address.city") == "(. (. n address) city)");
    CHECK(expr("list[1]") == "([] list 1)");
    CHECK(expr("list[1..2]") == "([..] list 1 2)");
    CHECK(expr("list[..2]") == "([..] list _ 2)");
    CHECK(expr("list[1..]") == "([..] list 1 _)");
    CHECK(expr("list[..]") == "([..] list _ _)");
    CHECK(expr("map['k']") == "([] map 'k')");
    CHECK(expr("[1, 2, 3][0]") == "([] [1 2 3] 0)");
    CHECK(expr("n.list[0].x") == "(. ([] (. n list) 0) x)");
    CHECK(where("n:Label") == "(: n Label)");
    CHECK(where("n:A:B") == "(: n A B)");
    CHECK(where("NOT n:A") == "(NOT (: n A))");
    // Keywords are fine as property keys, labels, map keys and relationship types.
    CHECK(expr("n.count") == "(. n count)");
    CHECK(expr("n.match") == "(. n match)");
    CHECK(expr("{match: 1, return: 2}") == "{match: 1 return: 2}");
    CHECK(matchPattern("(n:Match)-[:Return]->()") == "(n:Match)-[:Return]->()");
    CHECK(where("n:Match") == "(: n Match)");
}

TEST_CASE("parser: lists, maps, functions and parameters", "[parser]") {
    CHECK(expr("[]") == "[]");
    CHECK(expr("[1, 'a', null, true, [false]]") == "[1 'a' null true [false]]");
    CHECK(expr("{}") == "{}");
    CHECK(expr("{a: 1, `b c`: [2]}") == "{a: 1 b c: [2]}");
    CHECK(expr("count(*)") == "count(*)");
    CHECK(expr("COUNT ( * )") == "count(*)");
    CHECK(expr("count(n)") == "count(n)");
    CHECK(expr("count(DISTINCT n.x)") == "count(DISTINCT (. n x))");
    CHECK(expr("toUpper('a')") == "toUpper('a')");
    CHECK(expr("db.labels()") == "db.labels()");
    CHECK(expr("a.b.c(1, 2)") == "a.b.c(1 2)");
    CHECK(expr("exists(n.prop)") == "exists((. n prop))");
    CHECK(expr("$p") == "$p");
    CHECK(expr("$0") == "$0");
    CHECK(expr("$`a b`") == "$a b");
    CHECK(expr("`a b`") == "a b");
    CHECK(expr("`a``b`") == "a`b");
}

TEST_CASE("parser: CASE, comprehensions, quantifiers and reduce", "[parser]") {
    CHECK(expr("CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END") == "(CASE (WHEN a THEN 1) (WHEN b THEN 2) (ELSE 3))");
    CHECK(expr("case x when 1 then 'one' end") == "(CASE x (WHEN 1 THEN 'one'))");
    CHECK(expr("CASE n.x WHEN 1 THEN 2 ELSE 3 END") == "(CASE (. n x) (WHEN 1 THEN 2) (ELSE 3))");
    CHECK(expr("[x IN [1,2] WHERE x > 1 | x * 2]") == "[x IN [1 2] WHERE (> x 1) | (* x 2)]");
    CHECK(expr("[x IN list | x.name]") == "[x IN list WHERE _ | (. x name)]");
    CHECK(expr("[x IN list WHERE x > 1]") == "[x IN list WHERE (> x 1) | _]");
    CHECK(expr("[x IN list]") == "[x IN list WHERE _ | _]");
    CHECK(expr("all(x IN list WHERE x > 0)") == "all(x IN list WHERE (> x 0))");
    CHECK(expr("ANY(x IN list WHERE x > 0)") == "any(x IN list WHERE (> x 0))");
    CHECK(expr("none(x IN list WHERE x > 0)") == "none(x IN list WHERE (> x 0))");
    CHECK(expr("single(x IN list WHERE x > 0)") == "single(x IN list WHERE (> x 0))");
    CHECK(expr("reduce(acc = 0, x IN [1,2] | acc + x)") == "reduce(acc = 0, x IN [1 2] | (+ acc x))");
    // A list literal holding an IN predicate, not a comprehension.
    CHECK(expr("[1 IN list, 2]") == "[(IN 1 list) 2]");
    CHECK(expr("[x IN list, 2]") == "[(IN x list) 2]");
}

TEST_CASE("parser: pattern expressions, EXISTS and map projections", "[parser]") {
    CHECK(expr("[(a)-->(b) | b.name]") == "[<(a)-[]->(b)> WHERE _ | (. b name)]");
    CHECK(expr("[p = (a)-[:T]->(b:B) WHERE b.x > 1 | p]") == "[<p = (a)-[:T]->(b:B)> WHERE (> (. b x) 1) | p]");
    CHECK(where("(n)-[:T]->()") == "<(n)-[:T]->()>");
    CHECK(where("(n)") == "n");
    CHECK(where("(n)-->() AND (n.x)") == "(AND <(n)-[]->()> (. n x))");
    CHECK(where("NOT (n)<--(:A)") == "(NOT <(n)<-[]-(:A)>)");
    CHECK(where("(n) - (m) > 0") == "(> (- n m) 0)");
    CHECK(where("EXISTS { (n)-->() }") == "EXISTS{(n)-[]->() WHERE _}");
    CHECK(where("exists { MATCH (n)-->(m) WHERE m.x = 1 }") == "EXISTS{(n)-[]->(m) WHERE (= (. m x) 1)}");
    CHECK(where("EXISTS { (n)-->(m) WHERE n.prop = m.prop }") == "EXISTS{(n)-[]->(m) WHERE (= (. n prop) (. m prop))}");
    CHECK(where("exists { MATCH (n)-->(m) RETURN true }") == "EXISTS{subquery of 2 clauses}");
    CHECK(expr("n {.name, .*, k: 1, v}") == "n{.name .* k: 1 var v}");
    CHECK(expr("n{}") == "n{}");
    CHECK(expr("n { .name }") == "n{.name}");
}

TEST_CASE("parser: number literals", "[parser]") {
    CHECK(literal("0") == Value(int64_t{0}));
    CHECK(literal("42") == Value(int64_t{42}));
    CHECK(literal("-0") == Value(int64_t{0}));
    CHECK(literal("9223372036854775807") == Value(int64_t{9223372036854775807}));
    CHECK(literal("-9223372036854775808") == Value(std::numeric_limits<int64_t>::min()));
    CHECK(literal("0x1F") == Value(int64_t{31}));
    CHECK(literal("0X1f") == Value(int64_t{31}));
    CHECK(literal("0x7FFFFFFFFFFFFFFF") == Value(int64_t{9223372036854775807}));
    CHECK(literal("-0x8000000000000000") == Value(std::numeric_limits<int64_t>::min()));
    CHECK(literal("0o17") == Value(int64_t{15}));
    CHECK(literal("-0o1000000000000000000000") == Value(std::numeric_limits<int64_t>::min()));
    CHECK(literal("1.5") == Value(1.5));
    CHECK(literal(".5") == Value(0.5));
    CHECK(literal("-.5") == Value(-0.5));
    CHECK(literal("1e3") == Value(1000.0));
    CHECK(literal("1E-3") == Value(0.001));
    CHECK(literal(".1e9") == Value(1e8));
    CHECK(literal("1e308") == Value(1e308));
    CHECK(literal("123456789e300") == Value(123456789e300));
    CHECK(literal("-0.0").asFloat() == 0.0);
    CHECK(std::signbit(literal("-0.0").asFloat()));
    CHECK(literal("0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                  "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                  "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
                  "00000000000000000000000000000000000001")
              .type() == newsgraph::ValueType::Float);
    CHECK(literal("1" + std::string(300, '0') + ".0").asFloat() == Approx(1e300));
}

TEST_CASE("parser: string literals and escapes", "[parser]") {
    CHECK(literal("''") == Value(std::string()));
    CHECK(literal("'a'") == Value("a"));
    CHECK(literal("\"a\"") == Value("a"));
    CHECK(literal(R"('it\'s')") == Value("it's"));
    CHECK(literal(R"("say \"hi\"")") == Value("say \"hi\""));
    CHECK(literal(R"('"' )") == Value("\""));
    CHECK(literal(R"('\\ \b\f\n\r\t')") == Value("\\ \b\f\n\r\t"));
    CHECK(literal(R"('\u00e9')") == Value("\xC3\xA9"));
    CHECK(literal(R"('\u01FF')") == Value("\xC7\xBF"));
    CHECK(literal(R"('\U0001F600')") == Value("\xF0\x9F\x98\x80"));
    CHECK(literal(R"('\uD83D\uDE00')") == Value("\xF0\x9F\x98\x80"));
    CHECK(literal("'🧐🍌❖⋙⚐'") == Value("🧐🍌❖⋙⚐"));
    CHECK(literal("'line\nbreak'") == Value("line\nbreak"));
    CHECK(literal(R"('a\\bcn5t\'"\\//\\"\'')") == Value(R"(a\bcn5t'"\//\"')"));
}

TEST_CASE("parser: clauses", "[parser]") {
    SECTION("WITH, UNWIND, ORDER BY, SKIP, LIMIT, DISTINCT") {
        const auto statement = parseQuery("UNWIND [1, 2] AS x WITH DISTINCT x AS y, x.a WHERE y > 1 "
                                          "RETURN y ORDER BY y DESC, y.a asc, y.b Descending, y.c SKIP 1 LIMIT $l");
        const auto& unwind = clauseOf(statement, 0);
        CHECK(unwind.kind == ast::ClauseKind::Unwind);
        CHECK(describe(unwind.expression.get()) == "[1 2]");
        CHECK(unwind.variable == "x");
        const auto& with = clauseOf(statement, 1);
        CHECK(with.kind == ast::ClauseKind::With);
        CHECK(with.projection.distinct);
        REQUIRE(with.projection.items.size() == 2);
        CHECK(with.projection.items[0].alias == "y");
        CHECK(with.projection.items[0].aliased);
        CHECK(with.projection.items[1].alias == "x.a");
        CHECK_FALSE(with.projection.items[1].aliased);
        CHECK(describe(with.where.get()) == "(> y 1)");
        const auto& ret = clauseOf(statement, 2);
        REQUIRE(ret.projection.order.size() == 4);
        CHECK(ret.projection.order[0].descending);
        CHECK_FALSE(ret.projection.order[1].descending);
        CHECK(ret.projection.order[2].descending);
        CHECK_FALSE(ret.projection.order[3].descending);
        CHECK(describe(ret.projection.skip.get()) == "1");
        CHECK(describe(ret.projection.limit.get()) == "$l");
    }
    SECTION("RETURN * and column names") {
        const auto star = parseQuery("MATCH (n) RETURN *");
        CHECK(clauseOf(star, 1).projection.star);
        CHECK(clauseOf(star, 1).projection.items.empty());
        const auto starPlus = parseQuery("MATCH (n) WITH *, 1 AS one RETURN one");
        CHECK(clauseOf(starPlus, 1).projection.star);
        CHECK(clauseOf(starPlus, 1).projection.items.size() == 1);
        const auto columns = parseQuery("MATCH (n) RETURN n.name, count(*), n.x  +  1 , (n.y), 1 AS `a b`");
        const auto& items = clauseOf(columns, 1).projection.items;
        REQUIRE(items.size() == 5);
        CHECK(items[0].alias == "n.name");
        CHECK(items[1].alias == "count(*)");
        CHECK(items[2].alias == "n.x  +  1");
        CHECK(items[3].alias == "(n.y)");
        CHECK(items[4].alias == "a b");
    }
    SECTION("CREATE, SET, REMOVE, DELETE") {
        const auto statement = parseQuery("CREATE (a:A {x: 1})-[:R]->(b) SET a.y = 2, a = {z: 3}, a += $m, a:B:C "
                                          "REMOVE a:B, a.y DETACH DELETE a, b DELETE b");
        CHECK(clauseOf(statement, 0).kind == ast::ClauseKind::Create);
        CHECK(describePart(clauseOf(statement, 0).pattern.at(0)) == "(a:A {x: 1})-[:R]->(b)");
        const auto& set = clauseOf(statement, 1);
        REQUIRE(set.setItems.size() == 4);
        CHECK(set.setItems[0].kind == ast::SetKind::Property);
        CHECK(describe(set.setItems[0].target.get()) == "(. a y)");
        CHECK(describe(set.setItems[0].value.get()) == "2");
        CHECK(set.setItems[1].kind == ast::SetKind::ReplaceProperties);
        CHECK(set.setItems[1].variable == "a");
        CHECK(set.setItems[2].kind == ast::SetKind::MergeProperties);
        CHECK(describe(set.setItems[2].value.get()) == "$m");
        CHECK(set.setItems[3].kind == ast::SetKind::Labels);
        CHECK(set.setItems[3].labels == std::vector<std::string>{"B", "C"});
        const auto& remove = clauseOf(statement, 2);
        REQUIRE(remove.removeItems.size() == 2);
        CHECK(remove.removeItems[0].kind == ast::RemoveKind::Labels);
        CHECK(remove.removeItems[0].labels == std::vector<std::string>{"B"});
        CHECK(remove.removeItems[1].kind == ast::RemoveKind::Property);
        CHECK(describe(remove.removeItems[1].target.get()) == "(. a y)");
        const auto& detachDelete = clauseOf(statement, 3);
        CHECK(detachDelete.detach);
        CHECK(detachDelete.deleteExpressions.size() == 2);
        CHECK_FALSE(clauseOf(statement, 4).detach);
    }
    SECTION("MERGE with ON CREATE and ON MATCH") {
        const auto statement = parseQuery("MERGE (a:A {k: 1}) ON CREATE SET a.created = 1 ON MATCH SET a.seen = 2, "
                                          "a.n = 3 on create set a:New");
        const auto& merge = clauseOf(statement, 0);
        CHECK(merge.kind == ast::ClauseKind::Merge);
        REQUIRE(merge.pattern.size() == 1);
        CHECK(merge.onCreate.size() == 2);
        CHECK(merge.onMatch.size() == 2);
        CHECK(merge.onCreate[1].kind == ast::SetKind::Labels);
    }
    SECTION("CALL") {
        const auto withYield = parseQuery("CALL db.labels() YIELD label RETURN label");
        const auto& call = clauseOf(withYield, 0);
        CHECK(call.kind == ast::ClauseKind::Call);
        CHECK(call.procedure == "db.labels");
        CHECK_FALSE(call.implicitArguments);
        CHECK(call.hasYield);
        REQUIRE(call.yields.size() == 1);
        CHECK(call.yields[0].field == "label");
        CHECK(call.yields[0].alias == "label");
        const auto implicit = parseQuery("CALL test.my.proc");
        CHECK(clauseOf(implicit, 0).implicitArguments);
        CHECK(clauseOf(implicit, 0).procedure == "test.my.proc");
        CHECK_FALSE(clauseOf(implicit, 0).hasYield);
        const auto renamed = parseQuery("CALL p(1, 'a') YIELD out AS o, x WHERE o > 1 RETURN o");
        const auto& call2 = clauseOf(renamed, 0);
        CHECK(call2.arguments.size() == 2);
        REQUIRE(call2.yields.size() == 2);
        CHECK(call2.yields[0].alias == "o");
        CHECK(describe(call2.where.get()) == "(> o 1)");
        CHECK(clauseOf(parseQuery("CALL p() YIELD *"), 0).yieldStar);
    }
    SECTION("UNION, UNION ALL and EXPLAIN") {
        const auto statement = parseQuery("EXPLAIN RETURN 1 AS x UNION RETURN 2 AS x UNION ALL RETURN 3 AS x");
        CHECK(statement.explain);
        REQUIRE(statement.queries.size() == 3);
        CHECK(statement.unionAll == std::vector<bool>{false, true});
    }
    SECTION("comments") {
        const auto statement = parseQuery("// leading\nMATCH (n) /* inline */ RETURN n // trailing");
        CHECK(statement.queries[0].clauses.size() == 2);
        const auto block = parseQuery("MATCH (n)\n/* multi\nline */\nRETURN n.x /* c */ AS x");
        CHECK(clauseOf(block, 1).projection.items[0].alias == "x");
    }
}

TEST_CASE("parser: positions of a multi-line query", "[parser]") {
    const std::string query = "MATCH (n:Person)\n"
                              "  WHERE n.age > 30\n"
                              "RETURN n.name AS name,\n"
                              "       count(*)";
    const auto statement = parseQuery(query);
    const auto& match = clauseOf(statement, 0);
    CHECK(match.position.line == 1);
    CHECK(match.position.column == 1);
    CHECK(match.pattern[0].nodes[0].position.line == 1);
    CHECK(match.pattern[0].nodes[0].position.column == 7);
    const auto& where = *match.where;
    CHECK(where.kind == ast::ExprKind::Binary);
    CHECK(where.position.line == 2);
    CHECK(where.position.column == 9);
    CHECK(where.text == "n.age > 30");
    CHECK(where.children[1]->position.column == 17);
    const auto& ret = clauseOf(statement, 1);
    CHECK(ret.position.line == 3);
    CHECK(ret.position.column == 1);
    const auto& items = ret.projection.items;
    REQUIRE(items.size() == 2);
    CHECK(items[0].expression->position.line == 3);
    CHECK(items[0].expression->position.column == 8);
    CHECK(items[1].alias == "count(*)");
    CHECK(items[1].expression->position.line == 4);
    CHECK(items[1].expression->position.column == 8);

    // Columns count characters, not bytes.
    const auto unicode = parseQuery("RETURN 'é' + x");
    const auto& plus = *clauseOf(unicode, 0).projection.items[0].expression;
    CHECK(plus.children[1]->position.column == 14);
}

TEST_CASE("parser: clone copies the whole tree", "[parser]") {
    const auto statement = parseQuery("MATCH (n) WHERE exists { MATCH (n)-->(m) RETURN m } AND [(n)-->(x) | x.a] <> [] "
                                      "RETURN n {.a, b: 1}");
    const auto& where = *clauseOf(statement, 0).where;
    const auto copy = where.clone();
    CHECK(describe(copy.get()) == describe(&where));
    CHECK(copy->text == where.text);
    CHECK(copy->children[0]->subquery != nullptr);
    CHECK(copy->children[0]->subquery.get() != where.children[0]->subquery.get());
    const auto single = statement.queries[0].clone();
    CHECK(single.clauses.size() == 2);
    CHECK(describe(single.clauses[1].projection.items[0].expression.get()) == "n{.a b: 1}");
    CHECK(describe(ast::makeBinary(ast::BinaryOp::Add, ast::makeLiteral(Value(int64_t{1})),
                                   ast::makeVariable("x")).get()) == "(+ 1 x)");
}
