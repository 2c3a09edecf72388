// Helpers for the graph-algorithm tests: small graphs from edge lists, random graphs, and an
// independent model of which relationships a config lets through.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/algo/algo.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"

namespace newsgraph::testing {

// One relationship of a test graph: type "T<type>", an optional date (days) and weight.
struct TestEdge {
    TestEdge(NodeId from, NodeId to, uint32_t relType = 0, std::optional<int32_t> date = std::nullopt,
             std::optional<double> value = std::nullopt)
        : source(from), target(to), type(relType), day(date), weight(value) {}
    NodeId source;
    NodeId target;
    uint32_t type;
    std::optional<int32_t> day;
    std::optional<double> weight;
};

struct TestGraph {
    uint32_t nodes = 0;
    std::vector<TestEdge> edges;          // relationship i is edges[i]
    std::vector<NodeId> deletedNodes;     // must have no edges
    std::vector<RelId> deletedRels;
};

inline std::string typeName(uint32_t type) {
    std::string name(1, 'T');  // appended, not "T" + ...: GCC 12 flags that with a false -Wrestrict
    name += std::to_string(type);
    return name;
}

// Node i and relationship i of the graph are node i and edge i of the model. Types T0..T9 exist.
inline Graph build(const TestGraph& model) {
    constexpr uint32_t kTypes = 10;
    GraphBuilder builder;
    for (uint32_t type = 0; type < kTypes; ++type) {
        builder.catalog().internType(typeName(type));
    }
    for (uint32_t i = 0; i < model.nodes; ++i) {
        builder.addNode({"N"}, {{"name", Value(static_cast<int64_t>(i))}});
    }
    for (const TestEdge& edge : model.edges) {
        PropertyList properties;
        if (edge.day) {
            properties.emplace_back("date", Value(Date::fromDays(*edge.day)));
        }
        if (edge.weight) {
            properties.emplace_back("w", Value(*edge.weight));
        }
        builder.addRelationship(edge.source, typeName(edge.type), edge.target, properties);
    }
    for (RelId rel : model.deletedRels) {
        builder.deleteRelationship(rel);
    }
    for (NodeId node : model.deletedNodes) {
        builder.deleteNode(node);
    }
    return std::move(builder).freeze();
}

inline TestGraph randomGraph(uint32_t nodes, uint32_t rels, uint32_t types, uint32_t seed, bool weights = false) {
    std::mt19937 random(seed);
    constexpr int32_t kDays = 30;
    constexpr double kMaxWeight = 10.0;
    std::uniform_int_distribution<uint32_t> node(0, nodes - 1);
    std::uniform_int_distribution<uint32_t> type(0, types - 1);
    std::uniform_int_distribution<int32_t> day(0, kDays - 1);
    std::uniform_real_distribution<double> weight(0.5, kMaxWeight);
    TestGraph model{nodes, {}, {}, {}};
    for (uint32_t i = 0; i < rels; ++i) {
        TestEdge edge{node(random), node(random), type(random), day(random), std::nullopt};
        if (weights) {
            edge.weight = weight(random);
        }
        model.edges.push_back(edge);
    }
    return model;
}

inline bool deleted(const TestGraph& model, RelId rel) {
    return std::find(model.deletedRels.begin(), model.deletedRels.end(), rel) != model.deletedRels.end();
}

// Whether relationship `rel` passes the config's type and window filters (minEdgeCount aside).
inline bool passes(const TestGraph& model, RelId rel, const algo::AlgoConfig& config) {
    const TestEdge& edge = model.edges[rel];
    if (deleted(model, rel)) {
        return false;
    }
    if (!config.types.empty()) {
        bool found = false;
        for (TypeId type : config.types) {
            found = found || type == edge.type;  // test graphs intern T0.. as type ids 0..
        }
        if (!found) {
            return false;
        }
    }
    if (config.from || config.to) {
        if (!edge.day) {
            return false;
        }
        if ((config.from && *edge.day < config.from->days()) || (config.to && *edge.day > config.to->days())) {
            return false;
        }
    }
    return true;
}

// The (u, v) steps a walk may take under `config`, each with its relationship, minEdgeCount
// applied per ordered pair (Both: per unordered pair). Undirected steps appear both ways.
struct Step {
    NodeId from;
    NodeId to;
    RelId rel;
};
inline std::vector<Step> steps(const TestGraph& model, const algo::AlgoConfig& config) {
    std::vector<Step> all;
    const bool both = config.direction == algo::EdgeDirection::Both;
    const auto count = [&](NodeId a, NodeId b) {
        uint32_t n = 0;
        for (RelId rel = 0; rel < model.edges.size(); ++rel) {
            const TestEdge& e = model.edges[rel];
            if (passes(model, rel, config) &&
                ((e.source == a && e.target == b) || (both && e.source == b && e.target == a))) {
                ++n;
            }
        }
        return n;
    };
    for (RelId rel = 0; rel < model.edges.size(); ++rel) {
        const TestEdge& e = model.edges[rel];
        if (!passes(model, rel, config) || (config.minEdgeCount > 1 && count(e.source, e.target) < config.minEdgeCount)) {
            continue;
        }
        if (config.direction != algo::EdgeDirection::In) {
            all.push_back({e.source, e.target, rel});
        }
        if (config.direction != algo::EdgeDirection::Out) {
            all.push_back({e.target, e.source, rel});
        }
    }
    return all;
}

} // namespace newsgraph::testing
