// The algo.* procedures: engine/algo's algorithms as rows that compose with the rest of a query.
#include "query/procedure/algo_procedures.hpp"

#include <functional>
#include <utility>

#include "engine/algo/algo.hpp"
#include "query/procedure/algo_config_map.hpp"

namespace newsgraph {

namespace {

using Rows = std::vector<std::vector<Value>>;

ProcedureField configInput() {
    return ProcedureField{"config", ProcedureType::Map, Value::map({})};
}

algo::AlgoConfig configOf(const ProcedureSignature& signature, const ProcedureContext& context, const Value& config,
                          algo::EdgeDirection defaultDirection) {
    algo::AlgoConfig out = readAlgoConfig(signature.name, config, context.graph, defaultDirection);
    out.cancelled = context.cancelled;
    return out;
}

// One row per live node: (node, score) or (node, component).
template <typename T>
Rows perNodeRows(const Graph& graph, const std::vector<T>& values) {
    Rows rows;
    rows.reserve(graph.liveNodeCount());
    for (NodeId node = 0; node < graph.nodeCount() && node < values.size(); ++node) {
        if (graph.nodeDeleted(node)) {
            continue;
        }
        if constexpr (std::is_floating_point_v<T>) {
            rows.push_back({Value(NodeRef{node}), Value(static_cast<double>(values[node]))});
        } else {
            rows.push_back({Value(NodeRef{node}), Value(static_cast<int64_t>(values[node]))});
        }
    }
    return rows;
}

// A whole-graph algorithm yielding one value per node: (node, score) for a double result,
// (node, component) for a component or community id.
template <typename T>
class PerNodeProcedure final : public Procedure {
public:
    using Algorithm = std::function<std::vector<T>(const Graph&, const algo::AlgoConfig&)>;
    PerNodeProcedure(std::string name, std::string description, algo::EdgeDirection defaultDirection,
                     Algorithm algorithm)
        : Procedure({std::move(name),
                     {configInput()},
                     {{"node", ProcedureType::Node, {}},
                      std::is_floating_point_v<T> ? ProcedureField{"score", ProcedureType::Float, {}}
                                                  : ProcedureField{"component", ProcedureType::Integer, {}}},
                     std::move(description)}),
          defaultDirection_(defaultDirection), algorithm_(std::move(algorithm)) {}
    Rows call(const ProcedureContext& context, const std::vector<Value>& arguments) const override {
        const algo::AlgoConfig config = configOf(signature(), context, arguments.at(0), defaultDirection_);
        return perNodeRows(context.graph, algorithm_(context.graph, config));
    }

private:
    algo::EdgeDirection defaultDirection_;
    Algorithm algorithm_;
};

using ScoreProcedure = PerNodeProcedure<double>;
using ComponentProcedure = PerNodeProcedure<uint32_t>;

// algo.shortestPath(source, target, config) :: (path, cost): one cheapest path, none if unreachable.
class ShortestPathProcedure final : public Procedure {
public:
    ShortestPathProcedure()
        : Procedure({"algo.shortestPath",
                     {{"source", ProcedureType::Node, {}}, {"target", ProcedureType::Node, {}}, configInput()},
                     {{"path", ProcedureType::Path, {}}, {"cost", ProcedureType::Float, {}}},
                     "a shortest (or, with weight, cheapest) path between two nodes"}) {}
    Rows call(const ProcedureContext& context, const std::vector<Value>& arguments) const override {
        if (arguments.at(0).isNull() || arguments.at(1).isNull()) {
            return {};
        }
        const algo::AlgoConfig config = configOf(signature(), context, arguments.at(2), algo::EdgeDirection::Out);
        auto path = algo::shortestPath(context.graph, arguments[0].asNode().id, arguments[1].asNode().id, config);
        if (!path) {
            return {};
        }
        PathValue value{std::move(path->nodes), std::move(path->rels)};
        return {{Value(std::move(value)), Value(path->cost)}};
    }
};

} // namespace

void addAlgoProcedures(ProcedureRegistry& registry) {
    using algo::EdgeDirection;
    registry.add(std::make_shared<ScoreProcedure>("algo.pagerank", "PageRank of every node", EdgeDirection::Out,
                                                  algo::pageRank));
    registry.add(std::make_shared<ScoreProcedure>("algo.betweenness", "betweenness centrality (Brandes)",
                                                  EdgeDirection::Out, algo::betweenness));
    registry.add(std::make_shared<ScoreProcedure>("algo.degree", "relationships (or summed weight) per node",
                                                  EdgeDirection::Out, algo::degree));
    registry.add(std::make_shared<ComponentProcedure>("algo.components", "weakly connected components",
                                                      EdgeDirection::Both, algo::weakComponents));
    registry.add(std::make_shared<ComponentProcedure>("algo.scc", "strongly connected components", EdgeDirection::Out,
                                                      algo::strongComponents));
    registry.add(std::make_shared<ComponentProcedure>("algo.communities", "Louvain communities", EdgeDirection::Both,
                                                      algo::communities));
    registry.add(std::make_shared<ShortestPathProcedure>());
}

} // namespace newsgraph
