#pragma once

// The graph algorithms of newsgraph::algo (issue #6), one header per algorithm. All of them read a
// frozen Graph through an EdgeView (type, date-window and minEdgeCount filters, weights) and never
// change it; the whole-graph ones run on a simple projection (see projection.hpp).
#include "engine/algo/algo_config.hpp"
#include "engine/algo/betweenness.hpp"
#include "engine/algo/communities.hpp"
#include "engine/algo/components.hpp"
#include "engine/algo/degree.hpp"
#include "engine/algo/page_rank.hpp"
#include "engine/algo/shortest_path.hpp"
