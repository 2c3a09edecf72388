#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/common/types.hpp"

namespace newsgraph::algo {

// `count` distinct elements of `items`, chosen uniformly by a partial Fisher-Yates shuffle driven by
// SplitMix64 from `seed` (spelled out here, unlike std:: distributions, so the choice is the same
// with every standard library), returned in ascending order.
std::vector<NodeId> sampleWithoutReplacement(std::vector<NodeId> items, size_t count, uint64_t seed);

} // namespace newsgraph::algo
