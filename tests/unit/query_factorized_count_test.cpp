// The factorized counts of two-hop patterns (TwoHopCount) and of longer chains (ChainCount)
// against the enumerating plan (their rules switched off), on random graphs with self-loops,
// parallel relationships, missing values and values of several types: count(*), count(x) and
// count(DISTINCT b), every comparison between the steps, undirected steps, filters on one step or
// node, a WITH between the steps.
#include <catch2/catch.hpp>

#include <random>

#include <fmt/format.h>

#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"
#include "query_test_support.hpp"

namespace {

using newsgraph::Value;

enum class ValueShape { Dates, Integers, Floats, Mixed };

newsgraph::Database randomGraph(uint32_t seed, ValueShape shape) {
    constexpr size_t kNodes = 30;
    constexpr size_t kRels = 160;
    constexpr int kDays = 12;
    constexpr int kMissingOneIn = 7;
    newsgraph::GraphBuilder builder;
    std::mt19937 random(seed);
    std::uniform_int_distribution<size_t> pick(0, kNodes - 1);
    std::uniform_int_distribution<int> day(0, kDays);
    const newsgraph::LabelId labels[] = {builder.catalog().internLabel("N"), builder.catalog().internLabel("M")};
    const newsgraph::TypeId types[] = {builder.catalog().internType("A"), builder.catalog().internType("B")};
    for (size_t i = 0; i < kNodes; ++i) {
        const newsgraph::NodeId node = builder.addNode(std::vector<newsgraph::LabelId>{labels[i % 3 == 0 ? 1 : 0]});
        if (i % 5 != 0) {
            builder.setNodeProperty(node, "k", Value(static_cast<int64_t>(i))); // every fifth without
        }
    }
    for (size_t i = 0; i < kRels; ++i) {
        const auto source = static_cast<newsgraph::NodeId>(pick(random));
        // Every tenth relationship a self-loop; parallel ones come from the small node count.
        const auto target = i % 10 == 0 ? source : static_cast<newsgraph::NodeId>(pick(random));
        const newsgraph::RelId rel = builder.addRelationship(source, types[i % 2], target);
        const int d = day(random);
        if (static_cast<int>(i) % kMissingOneIn == 0) {
            continue; // no date at all
        }
        Value value;
        switch (shape) {
        case ValueShape::Dates: value = Value(newsgraph::Date::fromDays(d)); break;
        case ValueShape::Integers: value = Value(static_cast<int64_t>(d)); break;
        case ValueShape::Floats: value = Value(d / 2.0); break;
        case ValueShape::Mixed:
            value = i % 3 == 0 ? Value(static_cast<int64_t>(d)) : i % 3 == 1 ? Value(d + 0.5) : Value(std::to_string(d));
            break;
        }
        builder.setRelProperty(rel, "date", value);
        // A second key, for comparisons between different properties, and a string one for `=`.
        builder.setRelProperty(rel, "w", Value(static_cast<int64_t>(day(random))));
        builder.setRelProperty(rel, "code", Value(fmt::format("c{}", d % 4)));
    }
    return newsgraph::Database(std::move(builder).freeze());
}

using newsgraph::testing::single;

} // namespace

TEST_CASE("the factorized two-hop count agrees with enumerating the pairs", "[query][two-hop]") {
    const char* patterns[] = {
        "(a)-[r1]->(b)-[r2]->(c)",       "(a)<-[r1]-(b)-[r2]->(c)",      "(a)-[r1:A]->(b)<-[r2]-(c)",
        "(a:M)-[r1]->(b:N)-[r2:B]->(c)", "(a)-[r1:A|B]->(b)-[r2]->(c:M)", "(a)<-[r1]-(b:M)<-[r2:A]-(c)",
    };
    const char* conditions[] = {"", "WHERE r1.date < r2.date", "WHERE r1.date <= r2.date", "WHERE r1.date > r2.date",
                                "WHERE r2.date >= r1.date"};
    for (ValueShape shape : {ValueShape::Dates, ValueShape::Integers, ValueShape::Floats, ValueShape::Mixed}) {
        for (uint32_t seed : {1U, 2U}) {
            newsgraph::Database database = randomGraph(seed, shape);
            for (const char* pattern : patterns) {
                for (const char* condition : conditions) {
                    const std::string fast = fmt::format("MATCH {} {} RETURN count(*)", pattern, condition);
                    INFO(fast << " shape " << static_cast<int>(shape) << " seed " << seed);
                    REQUIRE_THAT(database.explain(fast), Catch::Contains("FactorizedTwoHopCount"));
                    CHECK(single(database, fast) == single(database, fast, {"two_hop_count"}));
                }
            }
        }
    }
}

TEST_CASE("the generalized factorized two-hop count agrees with enumerating the pairs", "[query][two-hop]") {
    // Random combinations of pattern, comparison, filters on one step and count, each checked
    // against the plan with the rule off (and that the rule fired).
    const char* left[] = {"(a)-[r1]->(b)", "(a)<-[r1]-(b)", "(a)-[r1]-(b)", "(a:M)-[r1:A]->(b)", "(a)-[r1:A|B]-(b:N)",
                          "(a)-[r1]->(b:M)"};
    const char* right[] = {"-[r2]->(c)", "<-[r2]-(c)", "-[r2]-(c)", "-[r2:B]->(c:M)", "-[r2]-(c:N)"};
    const char* comparisons[] = {"",
                                 "r1.date < r2.date",
                                 "r1.date <= r2.date",
                                 "r2.date > r1.date",
                                 "r1.date >= r2.date",
                                 "r1.date = r2.date",
                                 "r1.code = r2.code",
                                 "r2.code = r1.code",
                                 "r1.w < r2.date",
                                 "r1.date <= r2.w",
                                 "r1.w = r2.date"};
    const char* filters[] = {"r1.w > 3",          "r2.code <> 'c1'", "a.k IS NULL", "c:M",        "b:N",
                             "r1.date IS NOT NULL", "NOT b:M",        "r2.w < r2.date", "r1.code STARTS WITH 'c'",
                             "a <> b"};
    const char* counts[] = {"count(*)", "count(b)", "count(DISTINCT b)", "count(r2)", "count(a)"};
    std::mt19937 random(2026);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
    for (ValueShape shape : {ValueShape::Dates, ValueShape::Integers, ValueShape::Floats, ValueShape::Mixed}) {
        for (uint32_t seed : {4U, 5U}) {
            newsgraph::Database database = randomGraph(seed, shape);
            for (int i = 0; i < 60; ++i) {
                std::vector<std::string> where;
                if (const char* comparison = comparisons[pick(std::size(comparisons))]; *comparison != 0) {
                    where.emplace_back(comparison);
                }
                for (size_t f = pick(3); f > 0; --f) {
                    where.emplace_back(filters[pick(std::size(filters))]);
                }
                std::string condition;
                for (const std::string& part : where) {
                    condition += (condition.empty() ? "WHERE " : " AND ") + part;
                }
                const std::string first = left[pick(std::size(left))];
                const std::string second = right[pick(std::size(right))];
                // Half of them split by a WITH: no uniqueness between the parts.
                const std::string pattern = pick(2) == 0 ? fmt::format("MATCH {}{}", first, second)
                                                         : fmt::format("MATCH {} WITH a, b, r1 MATCH (b){}", first, second);
                const std::string query =
                    fmt::format("{} {} RETURN {}", pattern, condition, counts[pick(std::size(counts))]);
                INFO(query << " shape " << static_cast<int>(shape) << " seed " << seed);
                REQUIRE_THAT(database.explain(query), Catch::Contains("FactorizedTwoHopCount"));
                CHECK(single(database, query) == single(database, query, {"two_hop_count"}));
            }
        }
    }
}

TEST_CASE("two-hop counts the rewrite must leave alone", "[query][two-hop]") {
    newsgraph::Database database = randomGraph(3, ValueShape::Dates);
    // A repeated variable is a join condition; a filter across the steps, a second comparison, a
    // count of something else than b or a pattern variable, grouping, a third hop or a statement
    // that does not start with the pattern is another shape: all run the ordinary plan.
    for (const char* query : {"MATCH (a)-[r1]->(b)-[r2]->(a) RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.date < r2.date + 1 RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.date < r2.date AND r1.w < r2.w RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE a <> c RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.date <> r2.date RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE rand() < 2 RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE (a)-->(c) RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count(a.nope)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count(DISTINCT a)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) RETURN b.k, count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) RETURN count(*)",
                              "MATCH (a)-[r1]->(b) WITH b, r1.date AS d MATCH (b)-[r2]->(c) WHERE d < r2.date RETURN count(*)",
                              "MATCH (a)-[r1]->(b) WITH DISTINCT b MATCH (b)-[r2]->(c) RETURN count(*)",
                              "WITH 1 AS one MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count(*)"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), !Catch::Contains("FactorizedTwoHopCount"));
    }
    // What the operators show it is, whatever else the query says around it: an alias and ORDER
    // BY, count of a pattern variable, a label repeated in WHERE, the comparison inside a WHERE.
    for (const char* query : {"MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count(*) AS n ORDER BY n",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) RETURN count(b) AS n",
                              "MATCH (a:M)-[r1]->(b)-[r2]->(c) WHERE a:M AND r1.date < r2.date RETURN count(r2)",
                              "MATCH (a)-[r1]->(b:N)-[r2]->(c:M) WHERE c:M RETURN count(*)",
                              "MATCH (a)-[r1 {date: date('1970-01-02')}]->(b)-[r2]->(c) RETURN count(*)",
                              "MATCH (a)-[r1]-(b)-[r2]->(c) RETURN count(*)",
                              "MATCH (a)-[r1]->(b) MATCH (b)-[r2]->(c) RETURN count(*)",
                              "MATCH (a)-[r1]-(a2) WITH a2 AS b, r1 MATCH (b)-[r2]-(c) WHERE r1.w <= r2.w RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE b.title = 'nope' RETURN count(DISTINCT b)"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), Catch::Contains("FactorizedTwoHopCount"));
        CHECK(single(database, query) == single(database, query, {"two_hop_count"}));
    }
    // Unknown names: zero, as the ordinary plan says.
    CHECK(single(database, "MATCH (a)-[r1:NOPE]->(b)-[r2]->(c) RETURN count(*)") == 0);
    CHECK(single(database, "MATCH (a:Nope)-[r1]->(b)-[r2]->(c) RETURN count(*)") == 0);
    CHECK(single(database, "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.nope < r2.date RETURN count(*)") == 0);
    CHECK(single(database, "MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.nope = r2.nope RETURN count(DISTINCT b)") == 0);
}

TEST_CASE("the two-thread factorized count agrees with enumeration on a larger graph", "[query][two-hop]") {
    // Above the threshold for splitting the nodes between the cores (TwoHopCount, ChainCount).
    constexpr size_t kNodes = 20000;
    constexpr size_t kRels = 80000;
    constexpr int kDays = 400;
    newsgraph::GraphBuilder builder;
    std::mt19937 random(7);
    std::uniform_int_distribution<size_t> pick(0, kNodes - 1);
    std::uniform_int_distribution<int> day(0, kDays);
    const newsgraph::TypeId type = builder.catalog().internType("T");
    for (size_t i = 0; i < kNodes; ++i) {
        builder.addNode({});
    }
    for (size_t i = 0; i < kRels; ++i) {
        const newsgraph::RelId rel = builder.addRelationship(static_cast<newsgraph::NodeId>(pick(random)), type,
                                                             static_cast<newsgraph::NodeId>(pick(random)));
        builder.setRelProperty(rel, "date", Value(newsgraph::Date::fromDays(day(random))));
    }
    newsgraph::Database database(std::move(builder).freeze());
    for (const char* fast : {"MATCH (a)-[r1]->(b)-[r2]->(c) WHERE r1.date < r2.date RETURN count(*)",
                             "MATCH (a)-[r1]->(b)-[r2]-(c) WHERE r1.date = r2.date AND r2.date > date('1970-06-01') "
                             "RETURN count(DISTINCT b)"}) {
        INFO(fast);
        CHECK(single(database, fast) == single(database, fast, {"two_hop_count"}));
    }
    // Chains of three on all cores (no filter left to evaluate while counting).
    for (const char* fast : {"MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) WHERE r1.date < r2.date AND r2.date < r3.date "
                             "RETURN count(*)",
                             "MATCH (a)-[r1]->(b)<-[r2]-(c)-[r3]->(d) WHERE r2.date > date('1970-12-01') RETURN count(*)"}) {
        INFO(fast);
        REQUIRE_THAT(database.explain(fast), Catch::Contains("FactorizedChainCount"));
        CHECK(single(database, fast) == single(database, fast, {"chain_count"}));
    }
}

TEST_CASE("the factorized chain count agrees with enumerating the chains", "[query][chain]") {
    // Random chains of three and four steps: every direction, types and labels, comparisons between
    // neighbouring steps, filters on one step or one node, count(*) or count of a variable, some
    // split by WITH (no uniqueness across the parts). Each is checked against the plan with the
    // rule off; where uniqueness between steps further apart could matter the rule must stay away.
    const char* steps[] = {"-[{r}]->", "<-[{r}]-", "-[{r}]-", "-[{r}:A]->", "<-[{r}:B]-", "-[{r}:A|B]->"};
    const char* nodes[] = {"", ":N", ":M", ""};
    const char* comparisons[] = {"{a}.date < {b}.date", "{a}.date <= {b}.date", "{a}.date > {b}.date",
                                 "{b}.date >= {a}.date", "{a}.date = {b}.date", "{a}.code = {b}.code",
                                 "{a}.w < {b}.date"};
    const char* stepFilters[] = {"{r}.w > 3", "{r}.code <> 'c1'", "{r}.date IS NOT NULL", "{r}.code STARTS WITH 'c'"};
    const char* nodeFilters[] = {"{n}:N", "NOT {n}:M", "{n}.k IS NULL"};
    std::mt19937 random(20261203);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
    size_t fired = 0;
    size_t asked = 0;
    size_t threeFired = 0;
    size_t threeAsked = 0;
    for (ValueShape shape : {ValueShape::Dates, ValueShape::Integers, ValueShape::Floats, ValueShape::Mixed}) {
        for (uint32_t seed : {8U, 9U}) {
            newsgraph::Database database = randomGraph(seed, shape);
            for (int i = 0; i < 40; ++i) {
                const size_t length = 3 + pick(2);
                const bool split = pick(4) == 0;
                std::string pattern = fmt::format("MATCH (n0{})", nodes[pick(std::size(nodes))]);
                std::vector<std::string> where;
                for (size_t step = 1; step <= length; ++step) {
                    const std::string r = fmt::format("r{}", step);
                    if (split && step == 2) {
                        pattern += fmt::format(" WITH n1, r1 MATCH (n1)");
                    }
                    pattern += fmt::format(fmt::runtime(steps[pick(std::size(steps))]), fmt::arg("r", r));
                    pattern += fmt::format("(n{}{})", step, nodes[pick(std::size(nodes))]);
                    if (step > 1 && pick(3) != 0) {
                        where.push_back(fmt::format(fmt::runtime(comparisons[pick(std::size(comparisons))]),
                                                    fmt::arg("a", fmt::format("r{}", step - 1)), fmt::arg("b", r)));
                    }
                    if (pick(3) == 0) {
                        where.push_back(fmt::format(fmt::runtime(stepFilters[pick(std::size(stepFilters))]), fmt::arg("r", r)));
                    }
                }
                if (pick(3) == 0) {
                    where.push_back(fmt::format(fmt::runtime(nodeFilters[pick(std::size(nodeFilters))]),
                                                fmt::arg("n", fmt::format("n{}", split ? 1 + pick(length) : pick(length + 1)))));
                }
                std::string condition;
                for (const std::string& part : where) {
                    condition += (condition.empty() ? " WHERE " : " AND ") + part;
                }
                const char* count = pick(2) == 0 ? "count(*)" : "count(n2)";
                // Grouped by the first or the last node (the chain turned round), or not at all.
                const std::string last = fmt::format("n{}", length);
                const std::string group = pick(3) == 0   ? (split ? "n1.k % 4 AS g, " : "n0.k % 4 AS g, ")
                                          : pick(2) == 0 ? fmt::format("{}.k % 3 AS g, labels({}) AS l, ", last, last)
                                                         : "";
                const std::string query = fmt::format("{}{} RETURN {}{}", pattern, condition, group, count);
                INFO(query << " shape " << static_cast<int>(shape) << " seed " << seed);
                const bool factorized = database.explain(query).find("FactorizedChainCount") != std::string::npos;
                ++asked;
                fired += factorized ? 1 : 0;
                // (grouped by n1 after a WITH: a node inside the chain, not the rule's)
                const bool innerGroup = group.starts_with("n1.");
                threeAsked += length == 3 && !innerGroup ? 1 : 0;
                threeFired += length == 3 && !innerGroup && factorized ? 1 : 0;
                CHECK(newsgraph::testing::sortedRows(database, query) ==
                      newsgraph::testing::sortedRows(database, query, {"chain_count"}));
            }
        }
    }
    // Every chain of three is the rule's; of four, those where r1 and r3, r2 and r4, r1 and r4 are
    // provably apart (or in different MATCHes).
    CHECK(threeFired == threeAsked);
    CHECK(fired > threeFired);
    CHECK(fired < asked);
}

TEST_CASE("anchored chain counts agree with enumerating the chains", "[query][chain]") {
    // A chain that starts from an index seek (MATCH (a {name: $x})-...): counted over the whole
    // graph and summed at the anchor's nodes, whichever end the anchor is, grouped or not; the
    // names repeat, so an anchor may be several nodes, or none.
    newsgraph::Database database = randomGraph(12, ValueShape::Dates);
    database.execute("MATCH (n) SET n.name = 'p' + toString(n.k % 4)");
    const char* queries[] = {
        "MATCH (a {name: $x})-[r1]->(b)-[r2]->(c)-[r3]->(d) WHERE r1.date < r2.date AND r2.date < r3.date RETURN count(*)",
        "MATCH (a)-[r1]->(b)-[r2]-(c)-[r3]->(d:N {name: $x}) RETURN count(*)",
        "MATCH (a:M {name: $x})<-[r1:A]-(b)-[r2:A]->(c)-[r3:B]-(d)-[r4:B]->(e) WHERE r3.w > 2 RETURN count(e)",
        "MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) WHERE a.name = $x RETURN a.k AS k, count(*)",
        "MATCH (a {name: $x})-[r1]->(b) WITH a, b, r1 MATCH (b)-[r2]->(c)-[r3]->(d) WHERE r2.date > r3.date RETURN count(*)",
    };
    for (const char* query : queries) {
        for (const char* name : {"p0", "p1", "p3", "nobody"}) {
            INFO(query << " with $x = " << name);
            const newsgraph::Parameters parameters = {{"x", Value(std::string(name))}};
            CHECK_THAT(database.explain(query, parameters), Catch::Contains("FactorizedChainCount") &&
                                                                Catch::Contains("NodeIndexSeek"));
            newsgraph::ExecuteOptions off;
            off.disabledRules = {"chain_count"};
            CHECK(newsgraph::testing::renderedRows(database, database.execute(query, parameters)) ==
                  newsgraph::testing::renderedRows(database, database.execute(query, parameters, off)));
        }
    }
}

TEST_CASE("chain counts: what fires and what the rule leaves alone", "[query][chain]") {
    newsgraph::Database database = randomGraph(10, ValueShape::Dates);
    // Ordered by strict comparisons on one key, or of disjoint types: r1 and r3 never coincide; or
    // three steps that may share one (counted apart).
    for (const char* query : {"MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) RETURN count(*)",
                              "MATCH (a)-[r1]-(b)-[r2]-(c)-[r3]-(d) WHERE r2.w > 2 RETURN count(*)",
                              "MATCH (a)-[r1]->(b)<-[r2]-(c)-[r3]-(d) WHERE r1.code = r2.code RETURN count(*)","MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) WHERE r1.date < r2.date AND r2.date < r3.date "
                              "RETURN count(*)",
                              "MATCH (a)-[r1:A]->(b)-[r2]-(c)-[r3:B]->(d) RETURN count(*)",
                              "MATCH (a:N)-[r1]->(b)-[r2]->(c)-[r3]->(d)-[r4]->(e) WHERE r1.date > r2.date AND "
                              "r2.date > r3.date AND r3.date > r4.date AND r4.code STARTS WITH 'c' RETURN count(d)",
                              "MATCH (a)-[r1]->(b) WITH a, b, r1 MATCH (b)-[r2]->(c)-[r3]->(d) WHERE r2.date < r3.date "
                              "RETURN count(*)"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), Catch::Contains("FactorizedChainCount"));
        CHECK(single(database, query) == single(database, query, {"chain_count"}));
    }
    // A filter across steps, a repeated node, a second comparison between two steps, comparisons
    // between steps further apart, grouping by an inner node or by both ends, DISTINCT counts,
    // four steps where r1 and r4 may be one: the ordinary plan.
    for (const char* query : {"MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d)-[r4]->(e) RETURN count(*)","MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(d) WHERE a <> d RETURN count(*)",
                              "MATCH (a)-[r1]->(b)-[r2]->(c)-[r3]->(a) RETURN count(*)",
                              "MATCH (a)-[r1:A]->(b)-[r2]->(c)-[r3:B]->(d) WHERE r1.date < r2.date AND r1.w < r2.w "
                              "RETURN count(*)",
                              "MATCH (a)-[r1:A]->(b)-[r2]->(c)-[r3:B]->(d) WHERE r1.date < r3.date RETURN count(*)",
                              "MATCH (a)-[r1:A]->(b)-[r2]->(c)-[r3:B]->(d) RETURN b.k, count(*)",
                              "MATCH (a)-[r1:A]->(b)-[r2]->(c)-[r3:B]->(d) RETURN a.k, d.k, count(*)",
                              "MATCH (a)-[r1:A]->(b)-[r2]->(c)-[r3:B]->(d) RETURN count(DISTINCT d)"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), !Catch::Contains("FactorizedChainCount"));
    }
    CHECK(single(database, "MATCH (a)-[r1:NOPE]->(b)-[r2]->(c)-[r3]->(d) RETURN count(*)") == 0);
    CHECK(single(database, "MATCH (a)-[r1:A]->(b)-[r2]->(c)-[r3:B]->(d) WHERE r1.nope < r2.date RETURN count(*)") == 0);
}

TEST_CASE("variable-length path counts agree with enumerating the paths", "[query][chain]") {
    // count(*) over one variable-length step of at most three (trails: no relationship twice):
    // every direction, type sets, bounds from 0, labels and filters on either end, anchored by an
    // index seek, grouped by either end; each against the enumerating plan.
    const char* steps[] = {"-[*{b}]->", "<-[*{b}]-", "-[*{b}]-", "-[:A*{b}]->", "<-[:B*{b}]-", "-[:A|B*{b}]-"};
    const char* bounds[] = {"1..3", "2..3", "3", "0..2", "..2", "1", "0..3", "2", "3..3"};
    const char* ends[] = {"(b)", "(b:N)", "(b:M)"};
    const char* starts[] = {"(a)", "(a:M)", "(a {name: 'p1'})", "(a:N {name: 'p2'})"};
    const char* filters[] = {"", " WHERE b.k > 10", " WHERE a.k IS NULL", " WHERE b:M AND a.k < 20", " WHERE NOT b:N"};
    const char* returns[] = {"count(*)", "count(b)", "a.k % 3 AS g, count(*)", "b.k % 4 AS g, count(*)"};
    std::mt19937 random(20261206);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random); };
    for (uint32_t seed : {4U, 5U, 6U}) {
        newsgraph::Database database = randomGraph(seed, ValueShape::Dates);
        database.execute("MATCH (n) SET n.name = 'p' + toString(n.k % 4)");
        for (int i = 0; i < 60; ++i) {
            const std::string step =
                fmt::format(fmt::runtime(steps[pick(std::size(steps))]), fmt::arg("b", bounds[pick(std::size(bounds))]));
            const std::string query = fmt::format("MATCH {}{}{}{} RETURN {}", starts[pick(std::size(starts))], step,
                                                  ends[pick(std::size(ends))], filters[pick(std::size(filters))],
                                                  returns[pick(std::size(returns))]);
            INFO(query << " seed " << seed);
            CHECK_THAT(database.explain(query), Catch::Contains("FactorizedChainCount"));
            CHECK(newsgraph::testing::sortedRows(database, query) ==
                  newsgraph::testing::sortedRows(database, query, {"chain_count"}));
        }
    }
    // Longer or unbounded steps, relationships read, a second pattern, DISTINCT, a filter across
    // the ends: the ordinary plan.
    newsgraph::Database database = randomGraph(7, ValueShape::Dates);
    for (const char* query : {"MATCH (a)-[*1..4]->(b) RETURN count(*)", "MATCH (a)-[*]->(b) RETURN count(*)",
                              "MATCH (a)-[r*1..3]->(b) WHERE all(x IN r WHERE x.w > 2) RETURN count(*)",
                              "MATCH (a)-[r*1..2]->(b) RETURN size(r) AS s, count(*)",
                              "MATCH (a)-[*1..2 {w: 3}]->(b) RETURN count(*)",
                              "MATCH (a)-[*1..2]->(b)-[r]->(c) RETURN count(*)",
                              "MATCH (a)-[*1..3]->(b) WHERE a <> b RETURN count(*)",
                              "MATCH (a)-[*0..1]->(b) WHERE a.k <> b.k RETURN count(*)",
                              "MATCH p = (a)-[*1..2]->(b) RETURN count(p)",
                              "MATCH (a)-[*1..3]->(b) RETURN count(DISTINCT b)"}) {
        INFO(query);
        CHECK_THAT(database.explain(query), !Catch::Contains("FactorizedChainCount"));
    }
    CHECK(single(database, "MATCH (a)-[*3..2]->(b) RETURN count(*)") == 0);
    CHECK(single(database, "MATCH (a)-[:NOPE*1..3]->(b) RETURN count(*)") == 0);
}
