#pragma once

#include <string>

#include "engine/common/value.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph {

// A value written the way the openCypher TCK writes results: nodes (:A:B {k: 1}), relationships
// [:T {k: 1}], paths <(:A)-[:T]->(:B)>, strings 'quoted', floats with a decimal point.
std::string renderValue(const Graph& graph, const Value& value);

} // namespace newsgraph
