#pragma once

#include <string_view>

#include "engine/algo/algo_config.hpp"
#include "engine/common/value.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph {

// Reads the config map of an algo.* call into an AlgoConfig. Keys (all optional):
//   types: 'ACCUSE' or ['ACCUSE', ...]   relationship types (unknown names match nothing)
//   direction: 'out' | 'in' | 'both'     how relationships are followed (default: `defaultDirection`)
//   from, to: date or 'YYYY-MM-DD'        inclusive window on the relationship date
//   dateProperty: 'date'                  which relationship property holds the date
//   minEdgeCount: 1                       relationships a pair needs to count as an edge
//   weight: 'goldstein'                   numeric relationship property used as weight
//   iterations, damping, tolerance        PageRank
//   samples, seed, threads                betweenness (samples 0 = exact; threads 0 = all cores)
// A null config is the empty map. Anything else (an unknown key, a wrong type, a value out of
// range) is an ArgumentError naming the procedure and the key.
algo::AlgoConfig readAlgoConfig(std::string_view procedure, const Value& config, const Graph& graph,
                                algo::EdgeDirection defaultDirection);

} // namespace newsgraph
