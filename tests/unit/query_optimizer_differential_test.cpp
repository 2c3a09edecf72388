// The optimizer's differential test: random graphs and random queries (patterns of fixed and
// variable-length steps in any direction, filters on any variable, pattern predicates, OPTIONAL
// MATCH, a second MATCH joined on a value, WITH chains, aggregation, DISTINCT, ORDER BY ... LIMIT, counts over two steps with a
// comparison between them), each run with every rule on,
// with every rule off, and with each rule off alone; the answers must be the same multiset (or
// the same error kind). The seed is printed with every failure; NEWSGRAPH_DIFFERENTIAL_SEED and
// NEWSGRAPH_DIFFERENTIAL_QUERIES run other seeds and more queries.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "engine/storage/graph_builder.hpp"
#include "query/database.hpp"
#include "query/optimizer/optimizer.hpp"
#include "query_test_support.hpp"

namespace {

using newsgraph::Value;

constexpr size_t kNodes = 24;
constexpr size_t kRels = 48;
// About 7 s in a Release build; the sanitizer build (Debug, ASan) is some 50 times slower and runs
// a sample, so that CI stays in its time (NEWSGRAPH_DIFFERENTIAL_QUERIES runs more anywhere).
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kDefaultQueries = 120;
#else
constexpr size_t kDefaultQueries = 800;
#endif

newsgraph::Database randomGraph(std::mt19937& random) {
    newsgraph::GraphBuilder builder;
    const newsgraph::LabelId labels[] = {builder.catalog().internLabel("A"), builder.catalog().internLabel("B")};
    const newsgraph::TypeId types[] = {builder.catalog().internType("X"), builder.catalog().internType("Y")};
    std::uniform_int_distribution<int> percent(0, 99);
    std::uniform_int_distribution<int> small(0, 5);
    for (size_t i = 0; i < kNodes; ++i) {
        std::vector<newsgraph::LabelId> own;
        for (newsgraph::LabelId label : labels) {
            if (percent(random) < 50) {
                own.push_back(label);
            }
        }
        const newsgraph::NodeId node = builder.addNode(own);
        if (percent(random) < 85) {
            builder.setNodeProperty(node, "k", Value(static_cast<int64_t>(small(random))));
        }
        builder.setNodeProperty(node, "name", Value(fmt::format("n{}", i)));
    }
    std::uniform_int_distribution<size_t> pick(0, kNodes - 1);
    for (size_t i = 0; i < kRels; ++i) {
        const auto source = static_cast<newsgraph::NodeId>(pick(random));
        // Self-loops and parallel relationships included.
        const auto target = percent(random) < 8 ? source : static_cast<newsgraph::NodeId>(pick(random) % (kNodes / 2));
        const newsgraph::RelId rel = builder.addRelationship(source, types[percent(random) % 2], target);
        if (percent(random) < 90) {
            builder.setRelProperty(rel, "d", Value(static_cast<int64_t>(small(random))));
        }
        if (percent(random) < 80) {
            builder.setRelProperty(rel, "s", Value(percent(random) < 50 ? "p" : "q"));
        }
    }
    return newsgraph::Database(std::move(builder).freeze());
}

class QueryGenerator {
public:
    explicit QueryGenerator(std::mt19937& random) : random_(random) {}

    std::string query() {
        nodes_.clear();
        rels_.clear();
        variableUsed_ = false;
        if (chance(15)) {
            return twoHopCount();
        }
        std::string text = "MATCH " + pattern(1 + pick(3));
        if (chance(60)) {
            text += " WHERE " + predicates();
        }
        if (chance(15)) {
            // A second pattern joined on a value (value_hash_join): the nodes with the same k.
            const std::string anchor = nodes_[pick(nodes_.size())];
            const std::string z = fresh("j");
            const char* probe = chance(30) ? "{}.k + 0.0" : chance(50) ? "{}.k" : "{}.k - 1";
            text += fmt::format(" MATCH ({}{}) WHERE {}.k = {}", z, label(), z, fmt::format(fmt::runtime(probe), anchor));
            if (chance(40)) {
                text += fmt::format(" AND {}.k <> {}", anchor, pick(4)); // filter_pushdown: below the join
            }
            nodes_.push_back(z);
        }
        if (chance(25)) {
            const std::string from = nodes_[pick(nodes_.size())];
            const std::string x = fresh("o");
            text += fmt::format(" OPTIONAL MATCH ({}){}({}{})", from, step(""), x, label());
            if (chance(50)) {
                text += fmt::format(" WHERE {}.k > {}", x, pick(4));
            }
        }
        if (chance(20)) {
            // A WITH between parts keeps some variables; later parts read only those.
            const std::string kept = nodes_[pick(nodes_.size())];
            text += chance(50) ? fmt::format(" WITH DISTINCT {}", kept) : fmt::format(" WITH {}", kept);
            nodes_ = {kept};
            rels_.clear();
            if (chance(50)) {
                const std::string y = fresh("w");
                text += fmt::format(" MATCH ({}){}({})", kept, step(""), y);
                if (chance(40)) {
                    text += fmt::format(" WHERE {}.k > {}", kept, pick(4)); // filter_pushdown: below the step
                }
                nodes_.push_back(y);
            }
        }
        return text + " " + projection();
    }

private:
    size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }
    bool chance(int percent) { return std::uniform_int_distribution<int>(0, 99)(random_) < percent; }
    std::string fresh(const char* prefix) { return fmt::format("{}{}", prefix, counter_++); }
    std::string label() {
        const int which = static_cast<int>(pick(6));
        return which == 0 ? ":A" : which == 1 ? ":B" : "";
    }
    // One relationship step; a named fixed-length one is remembered for predicates.
    std::string step(const std::string& name) {
        std::string detail = name;
        if (chance(40)) {
            detail += chance(50) ? ":X" : ":X|Y";
        }
        // At most one variable-length step per query: enumerating the paths of several, which the
        // rules-off runs do, would make the test slow, not stronger.
        const bool variable = !variableUsed_ && chance(45);
        if (variable) {
            variableUsed_ = true;
            const size_t low = pick(3);
            detail += fmt::format("*{}..{}", low, low + pick(2));
            if (!name.empty()) {
                lists_.push_back(name);
            }
        } else if (!name.empty()) {
            rels_.push_back(name);
        }
        const std::string body = detail.empty() ? "" : "[" + detail + "]";
        switch (pick(3)) {
        case 0: return "-" + body + "->";
        case 1: return "<-" + body + "-";
        default: return "-" + body + "-";
        }
    }
    std::string pattern(size_t steps) {
        std::string start = fresh("n");
        nodes_.push_back(start);
        std::string text = "(" + start + label() + (chance(25) ? fmt::format(" {{k: {}}}", pick(4)) : "") + ")";
        for (size_t i = 0; i < steps; ++i) {
            const std::string rel = chance(50) ? fresh("r") : "";
            const std::string node = fresh("n");
            nodes_.push_back(node);
            text += step(rel) + "(" + node + label() + ")";
        }
        return text;
    }
    std::string predicate() {
        const std::string& a = nodes_[pick(nodes_.size())];
        const std::string& b = nodes_[pick(nodes_.size())];
        switch (pick(rels_.size() >= 2 ? 7 : 6)) {
        case 0: return fmt::format("{}.k > {}", a, pick(5));
        case 1: return fmt::format("{}.k <> {}.k", a, b);
        case 2: return fmt::format("{}:A", a);
        case 3: return fmt::format("({})-->()", a);
        case 4: return fmt::format("NOT ({})-[:Y]->({})", a, b);
        case 5: return fmt::format("{}.name <> 'n3'", a);
        default: return fmt::format("{}.d < {}.d", rels_[pick(rels_.size())], rels_[pick(rels_.size())]);
        }
    }
    // Counts over two fixed steps through a middle node (the two_hop_count family): a comparison
    // between the steps, filters on any variable, a WITH between the steps, count(DISTINCT b).
    std::string twoHopCount() {
        variableUsed_ = true; // fixed steps only
        const std::string a = fresh("n");
        const std::string b = fresh("n");
        const std::string c = fresh("n");
        const std::string r1 = fresh("r");
        const std::string r2 = fresh("r");
        nodes_ = {a, b, c};
        const std::string first = fmt::format("({}{}){}({}{})", a, label(), step(r1), b, label());
        const std::string second = fmt::format("{}({}{})", step(r2), c, label());
        std::string text = chance(30) ? fmt::format("MATCH {} WITH {}, {}, {} MATCH ({}){}", first, a, b, r1, b, second)
                                      : fmt::format("MATCH {}{}", first, second);
        std::vector<std::string> where;
        if (chance(75)) {
            static const char* ops[] = {"<", "<=", ">", ">=", "="};
            const bool strings = chance(25);
            const std::string key = strings ? "s" : "d";
            const std::string op = strings ? "=" : ops[pick(5)];
            where.push_back(chance(50) ? fmt::format("{}.{} {} {}.{}", r1, key, op, r2, key)
                                       : fmt::format("{}.{} {} {}.{}", r2, key, op, r1, key));
        }
        for (size_t i = pick(3); i > 0; --i) {
            switch (pick(4)) {
            case 0: where.push_back(fmt::format("{}.d > {}", chance(50) ? r1 : r2, pick(5))); break;
            case 1: where.push_back(fmt::format("{}.s = 'p'", chance(50) ? r1 : r2)); break;
            default: where.push_back(predicate()); break;
            }
        }
        for (size_t i = 0; i < where.size(); ++i) {
            text += (i == 0 ? " WHERE " : " AND ") + where[i];
        }
        switch (pick(4)) {
        case 0: return text + " RETURN count(*)";
        case 1: return text + fmt::format(" RETURN count(DISTINCT {})", b);
        case 2: return text + fmt::format(" RETURN count({})", chance(50) ? r2 : a);
        default: return text + fmt::format(" RETURN count(*) AS n, count(*) AS m");
        }
    }
    std::string predicates() {
        std::string text = predicate();
        for (size_t i = pick(3); i > 0; --i) {
            text += (chance(80) ? " AND " : " OR ") + predicate();
        }
        return text;
    }
    std::string projection() {
        const std::string& a = nodes_[pick(nodes_.size())];
        const std::string& b = nodes_.back();
        switch (pick(12)) {
        case 0: return "RETURN count(*)";
        case 1: return fmt::format("RETURN count(DISTINCT {})", b);
        case 2: return fmt::format("RETURN DISTINCT {}.k, {}.name", a, b);
        case 3: return fmt::format("RETURN {}.k AS g, count(DISTINCT {}) AS c", a, b);
        case 4: return fmt::format("RETURN min({0}.k), max({0}.name), count(DISTINCT {1}.k)", b, a);
        case 5: return fmt::format("WITH DISTINCT {} AS x RETURN count(*)", b);
        case 6: return fmt::format("WITH collect(DISTINCT {}.name) AS ns UNWIND ns AS n RETURN n", b);
        case 7: return fmt::format("RETURN {0}.name AS p, {1}.name AS q ORDER BY p DESC, q LIMIT {2}", a, b, 1 + pick(6));
        case 8: return fmt::format("RETURN {}.k AS g, count(*) AS c ORDER BY c DESC, g SKIP 1 LIMIT 3", a);
        case 9: return fmt::format("RETURN {0} AS g, count(DISTINCT {1}) AS c ORDER BY c DESC, g LIMIT {2}", a, b, 1 + pick(4));
        case 10: return fmt::format("RETURN {0}.name AS p, {1}.name AS q, count(*) AS c ORDER BY c DESC, p, q LIMIT 4", a, b);
        default: return fmt::format("RETURN sum(DISTINCT {}.k), count({})", b, a);
        }
    }

    std::mt19937& random_;
    std::vector<std::string> nodes_;
    std::vector<std::string> rels_;
    std::vector<std::string> lists_;
    size_t counter_ = 0;
    bool variableUsed_ = false;
};

// The answer as a sorted multiset of rendered rows, or the error's kind.
std::vector<std::string> answer(newsgraph::Database& database, const std::string& query,
                                const std::vector<std::string>& disabled) {
    try {
        return newsgraph::testing::sortedRows(database, query, disabled);
    } catch (const newsgraph::QueryError& error) {
        return {"error " + error.kind()};
    }
}

size_t fromEnvironment(const char* name, size_t fallback) {
    const char* text = std::getenv(name);
    return text != nullptr ? static_cast<size_t>(std::strtoull(text, nullptr, 10)) : fallback;
}

} // namespace

TEST_CASE("optimizer differential: every rule on, all off and each off alone give the same answers",
          "[query][optimizer][differential]") {
    std::vector<std::string> everyRule;
    for (const newsgraph::RuleInfo& rule : newsgraph::optimizerRules()) {
        everyRule.push_back(rule.name);
    }
    const size_t seed = fromEnvironment("NEWSGRAPH_DIFFERENTIAL_SEED", 20261202);
    const size_t queries = fromEnvironment("NEWSGRAPH_DIFFERENTIAL_QUERIES", kDefaultQueries);
    std::mt19937 random(static_cast<uint32_t>(seed));
    size_t fired = 0;
    size_t twoHop = 0;
    for (size_t graph = 0; graph < 4; ++graph) {
        newsgraph::Database database = randomGraph(random);
        QueryGenerator generator(random);
        for (size_t i = 0; i < queries / 4; ++i) {
            const std::string query = generator.query();
            INFO("seed " << seed << ", graph " << graph << ", query " << i << ": " << query);
            const auto expected = answer(database, query, everyRule);
            CHECK(answer(database, query, {}) == expected);
            for (const std::string& rule : everyRule) {
                INFO("with " << rule << " off");
                CHECK(answer(database, query, {rule}) == expected);
            }
            const std::string plan = database.explain(query);
            if (plan.find("rules fired: none") == std::string::npos) {
                ++fired;
            }
            if (plan.find("FactorizedTwoHopCount") != std::string::npos) {
                ++twoHop;
            }
        }
    }
    // The generator must exercise the rules, or the test proves nothing.
    CHECK(fired > queries / 4);
    INFO("factorized two-hop counts: " << twoHop);
    CHECK(twoHop > queries / 40);
}
