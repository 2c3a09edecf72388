// Betweenness: known values on paths and stars, and Boost.Graph's brandes_betweenness_centrality
// (run here on an adjacency_list built from the test's own edge model) on random graphs.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <atomic>
#include <cmath>
#include <map>
#include <utility>

#include "algo_test_support.hpp"
#include "engine/common/query_error.hpp"

using newsgraph::NodeId;
using newsgraph::algo::AlgoConfig;
using newsgraph::algo::EdgeDirection;
using newsgraph::testing::TestGraph;

namespace {

constexpr double kClose = 1e-9;

void checkClose(const std::vector<double>& got, const std::vector<double>& want) {
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("node " << i << ": " << got[i] << " vs " << want[i]);
        CHECK(std::abs(got[i] - want[i]) < kClose * std::max(1.0, std::abs(want[i])));
    }
}

template <typename Directedness>
std::vector<double> boostBetweenness(const TestGraph& model, const AlgoConfig& config) {
    using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, Directedness, boost::no_property,
                                             boost::property<boost::edge_weight_t, double>>;
    // One edge per pair (undirected: per unordered pair), the cheapest weight, no self-loops.
    std::map<std::pair<NodeId, NodeId>, double> pairs;
    const bool both = config.direction == EdgeDirection::Both;
    for (const auto& step : newsgraph::testing::steps(model, config)) {
        if (step.from == step.to || (both && step.from > step.to)) {
            continue;
        }
        const double weight = config.weightKey ? *model.edges[step.rel].weight : 1.0;
        auto [it, inserted] = pairs.emplace(std::make_pair(step.from, step.to), weight);
        it->second = std::min(it->second, weight);
    }
    BoostGraph graph(model.nodes);
    for (const auto& [pair, weight] : pairs) {
        boost::add_edge(pair.first, pair.second, weight, graph);
    }
    std::vector<double> centrality(model.nodes, 0.0);
    auto map = boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, graph));
    if (config.weightKey) {
        boost::brandes_betweenness_centrality(graph, boost::centrality_map(map).weight_map(get(boost::edge_weight, graph)));
    } else {
        boost::brandes_betweenness_centrality(graph, map);
    }
    return centrality;
}

std::vector<double> reference(const TestGraph& model, const AlgoConfig& config) {
    if (config.direction == EdgeDirection::Both) {
        return boostBetweenness<boost::undirectedS>(model, config);
    }
    return boostBetweenness<boost::bidirectionalS>(model, config);
}

} // namespace

TEST_CASE("betweenness: path and star graphs", "[algo][betweenness]") {
    const TestGraph path{5, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, {}, {}};
    const auto pathGraph = newsgraph::testing::build(path);
    AlgoConfig config;
    checkClose(newsgraph::algo::betweenness(pathGraph, config), {0, 3, 4, 3, 0});
    config.direction = EdgeDirection::Both;
    checkClose(newsgraph::algo::betweenness(pathGraph, config), {0, 3, 4, 3, 0});
    config.direction = EdgeDirection::In;
    checkClose(newsgraph::algo::betweenness(pathGraph, config), {0, 3, 4, 3, 0});

    const TestGraph star{5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 4}}, {}, {}};
    const auto starGraph = newsgraph::testing::build(star);
    config.direction = EdgeDirection::Both;
    checkClose(newsgraph::algo::betweenness(starGraph, config), {6, 0, 0, 0, 0});  // C(4, 2) leaf pairs
    config.direction = EdgeDirection::Out;
    checkClose(newsgraph::algo::betweenness(starGraph, config), {0, 0, 0, 0, 0});
    // Two equal routes 0 -> {1, 2} -> 3 share the pair's one unit.
    const TestGraph diamond{4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}, {}, {}};
    checkClose(newsgraph::algo::betweenness(newsgraph::testing::build(diamond), AlgoConfig{}), {0, 0.5, 0.5, 0});
}

TEST_CASE("betweenness: random graphs agree with Boost's Brandes, weighted and filtered", "[algo][betweenness]") {
    for (uint32_t seed : {1U, 2U, 3U}) {
        const TestGraph model = newsgraph::testing::randomGraph(50, 150, 3, seed, true);
        const auto graph = newsgraph::testing::build(model);
        for (EdgeDirection direction : {EdgeDirection::Out, EdgeDirection::In, EdgeDirection::Both}) {
            AlgoConfig config;
            config.direction = direction;
            checkClose(newsgraph::algo::betweenness(graph, config), reference(model, config));
            config.weightKey.emplace("w");
            checkClose(newsgraph::algo::betweenness(graph, config), reference(model, config));
            config.weightKey.reset();
            config.types = {1, 2};
            config.from = newsgraph::Date::fromDays(3);
            checkClose(newsgraph::algo::betweenness(graph, config), reference(model, config));
        }
    }
}

TEST_CASE("betweenness: sampling is deterministic and exact once samples cover every node", "[algo][betweenness]") {
    const TestGraph model = newsgraph::testing::randomGraph(80, 300, 2, 11);
    const auto graph = newsgraph::testing::build(model);
    AlgoConfig config;
    const auto exact = newsgraph::algo::betweenness(graph, config);
    config.samples = 80;
    checkClose(newsgraph::algo::betweenness(graph, config), exact);
    config.samples = 1000;
    checkClose(newsgraph::algo::betweenness(graph, config), exact);
    config.samples = 20;
    const auto sampled = newsgraph::algo::betweenness(graph, config);
    CHECK(sampled == newsgraph::algo::betweenness(graph, config));
    CHECK(sampled != exact);
    config.seed = 7;
    CHECK(newsgraph::algo::betweenness(graph, config) != sampled);
    CHECK(newsgraph::algo::betweenness(newsgraph::testing::build(TestGraph{}), config).empty());
}

TEST_CASE("betweenness: worker threads agree with one thread; cancellation stops it", "[algo][betweenness]") {
    const TestGraph model = newsgraph::testing::randomGraph(120, 500, 2, 13);
    const auto graph = newsgraph::testing::build(model);
    AlgoConfig config;
    const auto single = newsgraph::algo::betweenness(graph, config);
    config.threads = 3;
    const auto threaded = newsgraph::algo::betweenness(graph, config);
    checkClose(threaded, single);
    CHECK(threaded == newsgraph::algo::betweenness(graph, config));
    std::atomic<bool> cancelled{true};
    config.cancelled = &cancelled;
    try {
        newsgraph::algo::betweenness(graph, config);
        FAIL("no cancellation error");
    } catch (const newsgraph::QueryError& error) {
        CHECK(error.kind() == "TransactionError");
        CHECK(error.detail() == newsgraph::kCancelledDetail);
    }
    config.threads = 1;
    CHECK_THROWS_AS(newsgraph::algo::pageRank(graph, config), newsgraph::QueryError);
    CHECK_THROWS_AS(newsgraph::algo::communities(graph, config), newsgraph::QueryError);
}
