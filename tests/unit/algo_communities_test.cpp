// Louvain communities: two joined cliques, determinism, and modularity against trivial partitions
// (modularity computed here from the edge model, not by the engine).
#include <map>
#include <set>
#include <utility>

#include "algo_test_support.hpp"

using newsgraph::NodeId;
using newsgraph::algo::AlgoConfig;
using newsgraph::testing::TestGraph;

namespace {

// Newman's Q on the undirected simple graph of the model (one unit per connected pair).
double modularityOf(const TestGraph& model, const std::vector<uint32_t>& community) {
    AlgoConfig config;
    config.direction = newsgraph::algo::EdgeDirection::Both;
    std::set<std::pair<NodeId, NodeId>> pairs;
    for (const auto& step : newsgraph::testing::steps(model, config)) {
        if (step.from != step.to) {
            pairs.emplace(step.from, step.to);  // both orientations: A is symmetric
        }
    }
    std::map<uint32_t, double> inner;
    std::map<uint32_t, double> total;
    for (const auto& [u, v] : pairs) {
        total[community[u]] += 1.0;
        if (community[u] == community[v]) {
            inner[community[u]] += 1.0;
        }
    }
    const auto twiceM = static_cast<double>(pairs.size());
    double q = 0.0;
    for (const auto& [c, t] : total) {
        q += inner[c] / twiceM - (t / twiceM) * (t / twiceM);
    }
    return q;
}

TestGraph twoCliques(uint32_t size) {
    TestGraph model{2 * size, {}, {}, {}};
    for (uint32_t offset : {0U, size}) {
        for (uint32_t i = 0; i < size; ++i) {
            for (uint32_t j = i + 1; j < size; ++j) {
                model.edges.push_back({offset + i, offset + j});
            }
        }
    }
    model.edges.push_back({size - 1, size});
    return model;
}

} // namespace

TEST_CASE("communities: two cliques joined by one edge are two communities", "[algo][communities]") {
    constexpr uint32_t kSize = 5;
    const TestGraph model = twoCliques(kSize);
    const auto graph = newsgraph::testing::build(model);
    const auto found = newsgraph::algo::communities(graph, AlgoConfig{});
    std::vector<uint32_t> want(2 * kSize, 0);
    std::fill(want.begin() + kSize, want.end(), 1);
    CHECK(found == want);
    CHECK(std::abs(newsgraph::algo::modularity(graph, AlgoConfig{}, found) - modularityOf(model, found)) < 1e-12);
}

TEST_CASE("communities: deterministic, better than trivial partitions, deleted nodes", "[algo][communities]") {
    for (uint32_t seed : {1U, 2U, 3U}) {
        TestGraph model = newsgraph::testing::randomGraph(120, 300, 2, seed);
        model.nodes += 1;
        model.deletedNodes = {120};
        const auto graph = newsgraph::testing::build(model);
        const auto first = newsgraph::algo::communities(graph, AlgoConfig{});
        CHECK(first == newsgraph::algo::communities(graph, AlgoConfig{}));
        CHECK(first[120] == newsgraph::algo::kNoComponent);
        std::vector<uint32_t> singletons(model.nodes);
        std::vector<uint32_t> one(model.nodes, 0);
        for (uint32_t i = 0; i < model.nodes; ++i) {
            singletons[i] = i;
        }
        const double q = modularityOf(model, first);
        CHECK(q >= modularityOf(model, singletons));
        CHECK(q >= modularityOf(model, one));
        CHECK(q > 0.2);  // random sparse graphs have markedly modular partitions
        CHECK(std::abs(newsgraph::algo::modularity(graph, AlgoConfig{}, first) - q) < 1e-12);
    }
    CHECK(newsgraph::algo::communities(newsgraph::testing::build(TestGraph{}), AlgoConfig{}).empty());
    const auto isolated = newsgraph::testing::build(TestGraph{3, {}, {}, {}});
    CHECK(newsgraph::algo::communities(isolated, AlgoConfig{}) == std::vector<uint32_t>{0, 1, 2});
}
