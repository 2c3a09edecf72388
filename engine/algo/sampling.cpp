#include "engine/algo/sampling.hpp"

#include <algorithm>
#include <utility>

namespace newsgraph::algo {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): the constants are the published ones.
uint64_t splitMix64(uint64_t& state) {
    constexpr uint64_t kIncrement = 0x9E3779B97F4A7C15ULL;
    constexpr uint64_t kMultiplier1 = 0xBF58476D1CE4E5B9ULL;
    constexpr uint64_t kMultiplier2 = 0x94D049BB133111EBULL;
    constexpr int kShift1 = 30;
    constexpr int kShift2 = 27;
    constexpr int kShift3 = 31;
    uint64_t z = (state += kIncrement);
    z = (z ^ (z >> kShift1)) * kMultiplier1;
    z = (z ^ (z >> kShift2)) * kMultiplier2;
    return z ^ (z >> kShift3);
}

} // namespace

std::vector<NodeId> sampleWithoutReplacement(std::vector<NodeId> items, size_t count, uint64_t seed) {
    count = std::min(count, items.size());
    uint64_t state = seed;
    for (size_t i = 0; i < count; ++i) {
        // The modulo bias is below 2^-32 for any graph that fits 32-bit ids.
        const size_t pick = i + static_cast<size_t>(splitMix64(state) % (items.size() - i));
        std::swap(items[i], items[pick]);
    }
    items.resize(count);
    std::sort(items.begin(), items.end());
    return items;
}

} // namespace newsgraph::algo
