// Tab completion: what is offered where.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli/completion.hpp"
#include "engine/storage/graph_builder.hpp"

using newsgraph::completeWord;
using newsgraph::Value;

namespace {

newsgraph::Graph smallGraph() {
    newsgraph::GraphBuilder builder;
    const auto group = builder.addNode({"Actor", "Group"}, {{"name", Value("APT31")}});
    const auto country = builder.addNode({"Country", "Odd Label"}, {{"code", Value("CHN")}});
    builder.addRelationship(group, "ASSOCIATED_WITH", country, {{"source", Value("x")}});
    return std::move(builder).freeze();
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

} // namespace

TEST_CASE("keywords and functions complete case-insensitively", "[cli][completion]") {
    const newsgraph::Graph graph = smallGraph();
    const auto match = completeWord("mat", true, graph, {});
    CHECK(match.candidates == std::vector<std::string>{"MATCH"});
    CHECK(match.start == 0);
    CHECK(match.suffix == ' ');
    const auto upper = completeWord("RETURN toUpp", false, graph, {});
    CHECK(upper.candidates == std::vector<std::string>{"toUpper"});
    CHECK(upper.start == 7);
    CHECK(upper.suffix == '(');
    const auto many = completeWord("RETURN co", false, graph, {});
    CHECK(contains(many.candidates, "CONTAINS"));
    CHECK(contains(many.candidates, "count"));
    CHECK(contains(many.candidates, "coalesce"));
    CHECK(completeWord("RETURN ", false, graph, {}).candidates.empty());
}

TEST_CASE("labels inside (), types inside [], keys after '.'", "[cli][completion]") {
    const newsgraph::Graph graph = smallGraph();
    CHECK(completeWord("MATCH (n:Gr", true, graph, {}).candidates == std::vector<std::string>{"Group"});
    const auto labels = completeWord("MATCH (n:", true, graph, {}).candidates;
    CHECK(labels == std::vector<std::string>{"Actor", "Country", "Group", "`Odd Label`"});
    CHECK(completeWord("MATCH (a)-[r:ASS", true, graph, {}).candidates ==
          std::vector<std::string>{"ASSOCIATED_WITH"});
    CHECK(completeWord("MATCH (a)-[r:", true, graph, {}).candidates == std::vector<std::string>{"ASSOCIATED_WITH"});
    const auto keys = completeWord("RETURN n.", false, graph, {}).candidates;
    CHECK(contains(keys, "name"));
    CHECK(contains(keys, "code"));
    CHECK(contains(keys, "source"));
    CHECK(completeWord("RETURN n.na", false, graph, {}).candidates == std::vector<std::string>{"name"});
    CHECK(completeWord("RETURN 1.", false, graph, {}).candidates.empty());
    // ':' inside a string is not a label position the bracket scan trips over.
    CHECK(completeWord("MATCH (n {name: ')'}) WHERE n:Gr", true, graph, {}).candidates ==
          std::vector<std::string>{"Group"});
}

TEST_CASE("parameters after '$', commands at the start of a statement", "[cli][completion]") {
    const newsgraph::Graph graph = smallGraph();
    const newsgraph::Parameters parameters{{"who", Value("APT31")}, {"when", Value(1)}};
    CHECK(completeWord("RETURN $wh", false, graph, parameters).candidates == std::vector<std::string>{"when", "who"});
    const auto command = completeWord(":sch", true, graph, {});
    CHECK(command.candidates == std::vector<std::string>{":schema"});
    CHECK(command.start == 0);
    const auto commands = completeWord(":", true, graph, {}).candidates;
    CHECK(contains(commands, ":help"));
    CHECK(contains(commands, ":quit"));
    // In the middle of a statement ':' is a label.
    CHECK(completeWord(":Gr", false, graph, {}).candidates == std::vector<std::string>{"Group"});
}

TEST_CASE("the common prefix of candidates", "[cli][completion]") {
    CHECK(newsgraph::commonPrefix({"toUpper", "toLower"}) == "to");
    CHECK(newsgraph::commonPrefix({"abc"}) == "abc");
    CHECK(newsgraph::commonPrefix({}).empty());
    CHECK(newsgraph::commonPrefix({"\u010da", "\u010db"}) == "\u010d");
    CHECK(newsgraph::commonPrefix({"\u010d", "\u010f"}).empty());
}

TEST_CASE("procedure names after CALL, path functions and CALL/YIELD keywords", "[cli][completion]") {
    const newsgraph::Graph graph = smallGraph();
    const auto pagerank = completeWord("CALL algo.pa", true, graph, {});
    CHECK(pagerank.candidates == std::vector<std::string>{"algo.pagerank"});
    CHECK(pagerank.start == 5);
    CHECK(pagerank.suffix == '(');
    const auto algos = completeWord("MATCH (n) call algo.", true, graph, {}).candidates;
    CHECK(contains(algos, "algo.betweenness"));
    CHECK(contains(algos, "algo.shortestPath"));
    CHECK_FALSE(contains(algos, "db.labels"));
    CHECK(completeWord("CALL db.la", true, graph, {}).candidates == std::vector<std::string>{"db.labels"});
    // Not after CALL: a property key, as before.
    CHECK(completeWord("RETURN n.na", false, graph, {}).candidates == std::vector<std::string>{"name"});
    CHECK(completeWord("RECALL algo.pa", true, graph, {}).candidates.empty());
    CHECK(completeWord("MATCH p = shortest", true, graph, {}).candidates == std::vector<std::string>{"shortestPath"});
    CHECK(completeWord("CALL db.labels() YIE", true, graph, {}).candidates == std::vector<std::string>{"YIELD"});
}
