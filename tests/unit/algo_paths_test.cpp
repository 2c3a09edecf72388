// Shortest paths: lengths against a plain BFS, path counts against a counting BFS, costs against
// Bellman-Ford, every path checked step by step against the test's own edge model.
#include <cmath>
#include <functional>
#include <set>

#include "algo_test_support.hpp"
#include "engine/common/query_error.hpp"

using newsgraph::NodeId;
using newsgraph::RelId;
using newsgraph::algo::AlgoConfig;
using newsgraph::algo::EdgeDirection;
using newsgraph::algo::Path;
using newsgraph::testing::Step;
using newsgraph::testing::TestGraph;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double stepCost(const TestGraph& model, const AlgoConfig& config, const Step& step) {
    return config.weightKey ? *model.edges[step.rel].weight : 1.0;
}

// A valid path: from source to target over allowed steps, relationships distinct, cost summed.
void checkPath(const TestGraph& model, const AlgoConfig& config, const Path& path, NodeId source, NodeId target) {
    const auto allowed = newsgraph::testing::steps(model, config);
    REQUIRE(path.nodes.size() == path.rels.size() + 1);
    CHECK(path.nodes.front() == source);
    CHECK(path.nodes.back() == target);
    CHECK(std::set<RelId>(path.rels.begin(), path.rels.end()).size() == path.rels.size());
    double cost = 0.0;
    for (size_t i = 0; i < path.rels.size(); ++i) {
        const auto it = std::find_if(allowed.begin(), allowed.end(), [&](const Step& s) {
            return s.from == path.nodes[i] && s.to == path.nodes[i + 1] && s.rel == path.rels[i];
        });
        REQUIRE(it != allowed.end());
        cost += stepCost(model, config, *it);
    }
    CHECK(std::abs(cost - path.cost) < 1e-9);
}

// Bellman-Ford from `source` with at most `rounds` relationships (unit costs when unweighted);
// counts[v] is the number of cheapest walks when unweighted (a counting BFS).
struct Reference {
    std::vector<double> dist;
    std::vector<double> counts;
};
Reference bellmanFord(const TestGraph& model, const AlgoConfig& config, NodeId source, uint32_t rounds) {
    const auto allowed = newsgraph::testing::steps(model, config);
    Reference ref{std::vector<double>(model.nodes, kInf), std::vector<double>(model.nodes, 0.0)};
    ref.dist[source] = 0.0;
    ref.counts[source] = 1.0;
    for (uint32_t round = 0; round < rounds; ++round) {
        std::vector<double> next = ref.dist;  // one more relationship per round
        for (const Step& step : allowed) {
            next[step.to] = std::min(next[step.to], ref.dist[step.from] + stepCost(model, config, step));
        }
        if (next == ref.dist) {
            break;
        }
        ref.dist = next;
    }
    if (!config.weightKey) {  // counting BFS by levels
        for (double level = 1; level < model.nodes; ++level) {
            for (const Step& step : allowed) {
                if (ref.dist[step.to] == level && ref.dist[step.from] == level - 1) {
                    ref.counts[step.to] += ref.counts[step.from];
                }
            }
        }
    }
    return ref;
}

void comparePaths(const TestGraph& model, const AlgoConfig& config, uint32_t maxHops = UINT32_MAX) {
    const auto graph = newsgraph::testing::build(model);
    const uint32_t rounds = std::min<uint32_t>(maxHops, model.nodes);
    for (NodeId source = 0; source < model.nodes; source += 3) {
        const Reference ref = bellmanFord(model, config, source, rounds);
        for (NodeId target = 0; target < model.nodes; target += 2) {
            INFO("source " << source << " target " << target);
            const auto path = newsgraph::algo::shortestPath(graph, source, target, config, maxHops);
            REQUIRE(path.has_value() == (ref.dist[target] != kInf));
            if (!path) {
                continue;
            }
            CHECK(std::abs(path->cost - ref.dist[target]) < 1e-9);
            checkPath(model, config, *path, source, target);
            if (config.weightKey && maxHops != UINT32_MAX) {
                continue;
            }
            const auto all = newsgraph::algo::allShortestPaths(graph, source, target, config, maxHops);
            if (!config.weightKey) {
                CHECK(static_cast<double>(all.size()) == (source == target ? 1.0 : ref.counts[target]));
            }
            std::set<std::vector<RelId>> distinct;
            for (const Path& each : all) {
                checkPath(model, config, each, source, target);
                CHECK(std::abs(each.cost - ref.dist[target]) < 1e-9);
                distinct.insert(each.rels);
            }
            CHECK(distinct.size() == all.size());
        }
    }
}

} // namespace

TEST_CASE("paths: unweighted shortest and all shortest paths match BFS", "[algo][paths]") {
    for (uint32_t seed : {1U, 2U}) {
        TestGraph model = newsgraph::testing::randomGraph(40, 110, 3, seed);
        model.deletedRels = {1, 2, 3};
        for (EdgeDirection direction : {EdgeDirection::Out, EdgeDirection::In, EdgeDirection::Both}) {
            AlgoConfig config;
            config.direction = direction;
            comparePaths(model, config);
            comparePaths(model, config, 3);
            config.types = {0, 2};
            config.from = newsgraph::Date::fromDays(4);
            config.to = newsgraph::Date::fromDays(25);
            comparePaths(model, config);
        }
    }
    // Parallel relationships: minEdgeCount 2 keeps only doubled pairs; each relationship is a path.
    const TestGraph parallel = newsgraph::testing::randomGraph(12, 90, 1, 3);
    AlgoConfig config;
    config.minEdgeCount = 2;
    comparePaths(parallel, config);
    config.direction = EdgeDirection::Both;
    comparePaths(parallel, config);
}

TEST_CASE("paths: weighted paths match Bellman-Ford, with and without a hop bound", "[algo][paths]") {
    const TestGraph model = newsgraph::testing::randomGraph(40, 120, 2, 9, true);
    for (EdgeDirection direction : {EdgeDirection::Out, EdgeDirection::Both}) {
        AlgoConfig config;
        config.direction = direction;
        config.weightKey.emplace("w");
        comparePaths(model, config);
        comparePaths(model, config, 2);
    }
}

TEST_CASE("paths: length 0, cycles, deleted and unknown endpoints", "[algo][paths]") {
    // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 <-> 4 twice, 4 deleted-rel loop; node 5 deleted.
    const TestGraph model{6, {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {3, 4}, {4, 3}, {4, 4}}, {5}, {6}};
    const auto graph = newsgraph::testing::build(model);
    AlgoConfig config;
    CHECK(newsgraph::algo::shortestPath(graph, 1, 1, config)->nodes == std::vector<NodeId>{1});
    const auto cycle = newsgraph::algo::shortestPath(graph, 1, 1, config, UINT32_MAX, 1);
    REQUIRE(cycle);
    CHECK(cycle->nodes == std::vector<NodeId>{1, 2, 0, 1});
    CHECK(cycle->rels == std::vector<RelId>{1, 2, 0});
    CHECK_FALSE(newsgraph::algo::shortestPath(graph, 1, 1, config, 2, 1));
    CHECK(newsgraph::algo::shortestPath(graph, 3, 3, config, UINT32_MAX, 1)->rels == std::vector<RelId>{4, 5});
    config.direction = EdgeDirection::Both;
    // Undirected, 3 - 4 - 3 over two different relationships is a cycle; walking one back is not.
    CHECK(newsgraph::algo::shortestPath(graph, 3, 3, config, UINT32_MAX, 1)->rels.size() == 2U);
    CHECK(newsgraph::algo::shortestPath(graph, 0, 0, config, UINT32_MAX, 1)->rels.size() == 3U);
    const TestGraph tree{3, {{0, 1}, {1, 2}}, {}, {}};
    CHECK_FALSE(newsgraph::algo::shortestPath(newsgraph::testing::build(tree), 0, 0, config, UINT32_MAX, 1));
    CHECK_FALSE(newsgraph::algo::shortestPath(graph, 0, 5, config));
    CHECK_FALSE(newsgraph::algo::shortestPath(graph, 0, 99, config));
    CHECK(newsgraph::algo::allShortestPaths(graph, 0, 5, config).empty());
    CHECK(newsgraph::algo::allShortestPaths(graph, 2, 4, config, UINT32_MAX, 1).size() == 1U);
    CHECK(newsgraph::algo::allShortestPaths(graph, 2, 4, config).size() == 2U);
}

TEST_CASE("paths: bad weights are argument errors; empty graphs have no paths", "[algo][paths]") {
    TestGraph model{3, {{0, 1, 0, 1, 2.0}, {1, 2, 0, 1, -1.0}, {0, 2, 1, 1, std::nullopt}}, {}, {}};
    AlgoConfig config;
    config.weightKey.emplace("w");
    const auto graph = newsgraph::testing::build(model);
    config.types = {0};
    CHECK_THROWS_WITH(newsgraph::algo::shortestPath(graph, 0, 2, config),
                      Catch::Contains("relationship 1") && Catch::Contains("negative"));
    CHECK_THROWS_AS(newsgraph::algo::pageRank(graph, config), newsgraph::QueryError);
    config.types = {1};
    CHECK_THROWS_WITH(newsgraph::algo::degree(graph, config), Catch::Contains("missing"));
    config.types = {0};
    config.weightKey = "name";
    newsgraph::GraphBuilder builder;
    const NodeId a = builder.addNode({"N"});
    const NodeId b = builder.addNode({"N"});
    builder.addRelationship(a, "T", b, {{"w", newsgraph::Value("heavy")}});
    const auto strings = std::move(builder).freeze();
    config.types.clear();
    config.weightKey.emplace("w");
    CHECK_THROWS_WITH(newsgraph::algo::betweenness(strings, config), Catch::Contains("not a number"));
    const auto empty = newsgraph::testing::build(TestGraph{});
    CHECK_FALSE(newsgraph::algo::shortestPath(empty, 0, 0, AlgoConfig{}));
    CHECK(newsgraph::algo::degree(empty, AlgoConfig{}).empty());
}

namespace {

// The cheapest cycle through `start` by brute force: every node-simple walk from start, closed by a
// step back to start over a relationship the walk has not used.
double bruteForceCycle(const TestGraph& model, const AlgoConfig& config, NodeId start) {
    const auto allowed = newsgraph::testing::steps(model, config);
    double best = kInf;
    std::vector<bool> onWalk(model.nodes, false);
    std::vector<RelId> used;
    std::function<void(NodeId, double)> extend = [&](NodeId at, double cost) {
        for (const Step& step : allowed) {
            if (step.from != at || std::find(used.begin(), used.end(), step.rel) != used.end()) {
                continue;
            }
            const double next = cost + stepCost(model, config, step);
            if (step.to == start) {
                best = std::min(best, next);
            } else if (!onWalk[step.to]) {
                onWalk[step.to] = true;
                used.push_back(step.rel);
                extend(step.to, next);
                used.pop_back();
                onWalk[step.to] = false;
            }
        }
    };
    onWalk[start] = true;
    extend(start, 0.0);
    return best;
}

} // namespace

TEST_CASE("paths: shortest cycles match brute force on small random graphs", "[algo][paths]") {
    for (uint32_t seed : {21U, 22U, 23U, 24U}) {
        const TestGraph model = newsgraph::testing::randomGraph(8, 13, 1, seed, true);
        const auto graph = newsgraph::testing::build(model);
        for (EdgeDirection direction : {EdgeDirection::Out, EdgeDirection::Both}) {
            for (bool weighted : {false, true}) {
                AlgoConfig config;
                config.direction = direction;
                if (weighted) {
                    config.weightKey.emplace("w");
                }
                for (NodeId node = 0; node < model.nodes; ++node) {
                    INFO("seed " << seed << " node " << node << " weighted " << weighted);
                    const double want = bruteForceCycle(model, config, node);
                    const auto cycle = newsgraph::algo::shortestPath(graph, node, node, config, UINT32_MAX, 1);
                    REQUIRE(cycle.has_value() == (want != kInf));
                    if (cycle) {
                        CHECK(std::abs(cycle->cost - want) < 1e-9);
                        checkPath(model, config, *cycle, node, node);
                        CHECK(std::set<NodeId>(cycle->nodes.begin(), cycle->nodes.end()).size() == cycle->rels.size());
                    }
                }
            }
        }
    }
}
