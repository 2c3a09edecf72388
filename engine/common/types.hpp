#pragma once

#include <cstdint>
#include <limits>

namespace newsgraph {

// Entity ids are dense positions: node i is the i-th node added, relationship j the j-th.
using NodeId = uint32_t;
using RelId = uint32_t;
// Catalog ids: labels, relationship types and property keys are interned to small integers.
using LabelId = uint16_t;
using TypeId = uint16_t;
using PropertyKeyId = uint16_t;
using LabelSetId = uint32_t;
using StringId = uint32_t;

inline constexpr NodeId kInvalidNode = std::numeric_limits<NodeId>::max();
inline constexpr RelId kInvalidRel = std::numeric_limits<RelId>::max();
// The largest number of nodes or relationships one graph holds (ids are 32-bit, one value is reserved).
inline constexpr uint64_t kMaxEntities = std::numeric_limits<uint32_t>::max() - 1;
// The largest number of distinct labels, types or property keys (ids are 16-bit, one value is reserved).
inline constexpr uint32_t kMaxCatalogNames = std::numeric_limits<uint16_t>::max() - 1;

} // namespace newsgraph
