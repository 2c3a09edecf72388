// PageRank against a textbook power iteration over a dense transition matrix, and degree by hand.
#include <cmath>
#include <set>
#include <utility>

#include "algo_test_support.hpp"

using newsgraph::NodeId;
using newsgraph::algo::AlgoConfig;
using newsgraph::algo::EdgeDirection;
using newsgraph::testing::TestGraph;

namespace {

constexpr double kClose = 1e-6;

// Power iteration on the simple graph of the steps (pairs, no self-loops; weight summed per pair),
// dangling rank spread evenly, stopping as the engine documents.
std::vector<double> textbookPageRank(const TestGraph& model, const AlgoConfig& config) {
    const uint32_t n = model.nodes;
    std::vector<std::vector<double>> weight(n, std::vector<double>(n, 0.0));
    std::vector<bool> live(n, true);
    for (NodeId node : model.deletedNodes) {
        live[node] = false;
    }
    for (const auto& step : newsgraph::testing::steps(model, config)) {
        if (step.from != step.to) {
            const auto& edge = model.edges[step.rel];
            weight[step.from][step.to] += config.weightKey ? *edge.weight : 0.0;
            if (!config.weightKey) {
                weight[step.from][step.to] = 1.0;
            }
        }
    }
    double count = 0;
    for (uint32_t i = 0; i < n; ++i) {
        count += live[i] ? 1.0 : 0.0;
    }
    std::vector<double> rank(n, 0.0);
    for (uint32_t i = 0; i < n; ++i) {
        rank[i] = live[i] ? 1.0 / count : 0.0;
    }
    for (uint32_t iteration = 0; iteration < config.maxIterations; ++iteration) {
        std::vector<double> next(n, 0.0);
        double dangling = 0.0;
        for (uint32_t u = 0; u < n; ++u) {
            double out = 0.0;
            for (uint32_t v = 0; v < n; ++v) {
                out += weight[u][v];
            }
            if (out == 0.0) {
                dangling += rank[u];
                continue;
            }
            for (uint32_t v = 0; v < n; ++v) {
                next[v] += config.damping * rank[u] * weight[u][v] / out;
            }
        }
        double change = 0.0;
        for (uint32_t v = 0; v < n; ++v) {
            if (live[v]) {
                next[v] += (1.0 - config.damping) / count + config.damping * dangling / count;
            }
            change += std::abs(next[v] - rank[v]);
        }
        rank = next;
        if (change < config.tolerance) {
            break;
        }
    }
    return rank;
}

void checkAgainstTextbook(const TestGraph& model, const AlgoConfig& config) {
    const auto graph = newsgraph::testing::build(model);
    const std::vector<double> got = newsgraph::algo::pageRank(graph, config);
    const std::vector<double> want = textbookPageRank(model, config);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < got.size(); ++i) {
        INFO("node " << i);
        CHECK(std::abs(got[i] - want[i]) < kClose);
    }
}

} // namespace

TEST_CASE("pagerank: a cycle ranks every node equally; a dangling node spreads its rank", "[algo][pagerank]") {
    TestGraph cycle{4, {{0, 1}, {1, 2}, {2, 3}, {3, 0}}, {}, {}};
    const auto graph = newsgraph::testing::build(cycle);
    for (double score : newsgraph::algo::pageRank(graph, AlgoConfig{})) {
        CHECK(std::abs(score - 0.25) < kClose);
    }
    TestGraph dangling{3, {{0, 1}, {0, 2}, {1, 2}, {1, 2}, {2, 2}}, {}, {}};  // 2 is dangling (its self-loop dropped)
    AlgoConfig config;
    config.maxIterations = 100;
    config.tolerance = 1e-12;
    checkAgainstTextbook(dangling, config);
    double sum = 0.0;
    for (double score : newsgraph::algo::pageRank(newsgraph::testing::build(dangling), config)) {
        sum += score;
    }
    CHECK(std::abs(sum - 1.0) < kClose);
}

TEST_CASE("pagerank: random graphs in every direction, weighted, filtered, 20 iterations", "[algo][pagerank]") {
    const TestGraph model = newsgraph::testing::randomGraph(60, 300, 3, 7, true);
    for (EdgeDirection direction : {EdgeDirection::Out, EdgeDirection::In, EdgeDirection::Both}) {
        AlgoConfig config;
        config.direction = direction;
        checkAgainstTextbook(model, config);
        config.weightKey.emplace("w");
        checkAgainstTextbook(model, config);
        config.weightKey.reset();
        config.types = {0, 2};
        config.from = newsgraph::Date::fromDays(5);
        config.to = newsgraph::Date::fromDays(20);
        config.minEdgeCount = 2;
        config.maxIterations = 200;
        config.tolerance = 1e-12;
        checkAgainstTextbook(model, config);
    }
}

TEST_CASE("pagerank: deleted nodes score 0 and are not counted; empty graph", "[algo][pagerank]") {
    TestGraph model{4, {{0, 1}, {1, 0}, {2, 3}}, {3}, {2}};
    checkAgainstTextbook(model, AlgoConfig{});
    const auto graph = newsgraph::testing::build(model);
    CHECK(newsgraph::algo::pageRank(graph, AlgoConfig{})[3] == 0.0);
    const auto empty = newsgraph::testing::build(TestGraph{});
    CHECK(newsgraph::algo::pageRank(empty, AlgoConfig{}).empty());
}

TEST_CASE("degree: relationships per direction, weights, self-loops, minEdgeCount", "[algo][degree]") {
    TestGraph model{3, {{0, 1, 0, 1, 2.0}, {0, 1, 0, 2, 3.0}, {1, 2, 1, 3, 1.5}, {2, 2, 0, 4, 4.0}}, {}, {}};
    const auto graph = newsgraph::testing::build(model);
    AlgoConfig config;
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{2, 1, 1});
    config.direction = EdgeDirection::In;
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{0, 2, 2});
    config.direction = EdgeDirection::Both;
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{2, 3, 3});
    config.weightKey.emplace("w");
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{5.0, 6.5, 9.5});
    config.weightKey.reset();
    config.minEdgeCount = 2;
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{2, 2, 2});  // the self-loop pair: 2 (out + in)
    config.minEdgeCount = 1;
    config.types = {1};
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{0, 1, 1});
    config.types.clear();
    config.from = newsgraph::Date::fromDays(2);
    config.to = newsgraph::Date::fromDays(3);
    CHECK(newsgraph::algo::degree(graph, config) == std::vector<double>{1, 2, 1});
}
