// Components: weak ones against a union-find written here, strong ones against reachability.
#include <numeric>

#include "algo_test_support.hpp"

using newsgraph::NodeId;
using newsgraph::algo::AlgoConfig;
using newsgraph::algo::EdgeDirection;
using newsgraph::algo::kNoComponent;
using newsgraph::testing::TestGraph;

namespace {

uint32_t findRoot(std::vector<uint32_t>& parent, uint32_t x) {
    return parent[x] == x ? x : parent[x] = findRoot(parent, parent[x]);
}

// Ids by smallest member, as the engine numbers them.
std::vector<uint32_t> renumber(const std::vector<uint32_t>& labels, const TestGraph& model) {
    std::vector<uint32_t> out(labels.size(), kNoComponent);
    std::vector<uint32_t> idOf(labels.size(), kNoComponent);
    uint32_t next = 0;
    for (NodeId node = 0; node < labels.size(); ++node) {
        if (std::find(model.deletedNodes.begin(), model.deletedNodes.end(), node) != model.deletedNodes.end()) {
            continue;
        }
        if (idOf[labels[node]] == kNoComponent) {
            idOf[labels[node]] = next++;
        }
        out[node] = idOf[labels[node]];
    }
    return out;
}

std::vector<uint32_t> unionFind(const TestGraph& model, const AlgoConfig& config) {
    std::vector<uint32_t> parent(model.nodes);
    std::iota(parent.begin(), parent.end(), 0U);
    for (const auto& step : newsgraph::testing::steps(model, config)) {
        parent[findRoot(parent, step.from)] = findRoot(parent, step.to);
    }
    std::vector<uint32_t> labels(model.nodes);
    for (NodeId node = 0; node < model.nodes; ++node) {
        labels[node] = findRoot(parent, node);
    }
    return renumber(labels, model);
}

// Nodes u and v share a strong component when each reaches the other (transitive closure).
std::vector<uint32_t> byReachability(const TestGraph& model, const AlgoConfig& config) {
    const uint32_t n = model.nodes;
    std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
    for (NodeId i = 0; i < n; ++i) {
        reach[i][i] = true;
    }
    for (const auto& step : newsgraph::testing::steps(model, config)) {
        reach[step.from][step.to] = true;
    }
    for (NodeId k = 0; k < n; ++k) {
        for (NodeId i = 0; i < n; ++i) {
            for (NodeId j = 0; j < n; ++j) {
                reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
            }
        }
    }
    std::vector<uint32_t> labels(n);
    for (NodeId i = 0; i < n; ++i) {
        labels[i] = i;
        for (NodeId j = 0; j < i; ++j) {
            if (reach[i][j] && reach[j][i]) {
                labels[i] = labels[j];
                break;
            }
        }
    }
    return renumber(labels, model);
}

} // namespace

TEST_CASE("components: weak components match a union-find on random graphs, filtered too", "[algo][components]") {
    for (uint32_t seed : {1U, 2U, 3U, 4U}) {
        TestGraph model = newsgraph::testing::randomGraph(300, 260, 3, seed);
        model.deletedRels = {0, 5, 9};
        const auto graph = newsgraph::testing::build(model);
        AlgoConfig config;
        CHECK(newsgraph::algo::weakComponents(graph, config) == unionFind(model, config));
        config.types = {0, 1};
        config.to = newsgraph::Date::fromDays(20);
        CHECK(newsgraph::algo::weakComponents(graph, config) == unionFind(model, config));
        config.types.clear();
        config.minEdgeCount = 2;
        config.direction = EdgeDirection::Both;
        CHECK(newsgraph::algo::weakComponents(graph, config) == unionFind(model, config));
    }
}

TEST_CASE("components: strong components by hand and against reachability", "[algo][components]") {
    const TestGraph model{7, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {5, 5}}, {6}, {}};
    const auto graph = newsgraph::testing::build(model);
    CHECK(newsgraph::algo::strongComponents(graph, AlgoConfig{}) ==
          std::vector<uint32_t>{0, 0, 0, 1, 1, 2, kNoComponent});
    CHECK(newsgraph::algo::weakComponents(graph, AlgoConfig{}) ==
          std::vector<uint32_t>{0, 0, 0, 0, 0, 1, kNoComponent});
    for (uint32_t seed : {5U, 6U, 7U}) {
        const TestGraph random = newsgraph::testing::randomGraph(40, 60, 2, seed);
        const auto randomGraph = newsgraph::testing::build(random);
        for (EdgeDirection direction : {EdgeDirection::Out, EdgeDirection::In, EdgeDirection::Both}) {
            AlgoConfig config;
            config.direction = direction;
            CHECK(newsgraph::algo::strongComponents(randomGraph, config) == byReachability(random, config));
        }
    }
    CHECK(newsgraph::algo::strongComponents(newsgraph::testing::build(TestGraph{}), AlgoConfig{}).empty());
    CHECK(newsgraph::algo::weakComponents(newsgraph::testing::build(TestGraph{}), AlgoConfig{}).empty());
}
