#pragma once

#include "query/procedure/procedure.hpp"

namespace newsgraph {

// algo.pagerank, algo.betweenness, algo.degree, algo.components, algo.scc, algo.communities and
// algo.shortestPath over engine/algo, each taking a config map (see algo_config_map.hpp).
void addAlgoProcedures(ProcedureRegistry& registry);

} // namespace newsgraph
