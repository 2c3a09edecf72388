#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/date.hpp"
#include "engine/common/types.hpp"

namespace newsgraph::algo {

// How relationships are followed: as they point, against their direction, or both (undirected).
enum class EdgeDirection : uint8_t { Out, In, Both };

// The direction that walks the same edges backwards (Both stays Both).
constexpr EdgeDirection reversed(EdgeDirection direction) {
    switch (direction) {
    case EdgeDirection::Out: return EdgeDirection::In;
    case EdgeDirection::In: return EdgeDirection::Out;
    case EdgeDirection::Both: return EdgeDirection::Both;
    }
    return direction;
}

// What every algorithm takes: which relationships form the graph and the algorithm's parameters.
struct AlgoConfig {
    std::vector<TypeId> types;                     // empty = all types
    EdgeDirection direction = EdgeDirection::Out;  // Both = undirected
    // Inclusive date window on the relationship property `dateKey`; when either bound is set,
    // relationships without a date (or with a non-date value there) are left out.
    std::optional<Date> from, to;
    std::string dateKey = "date";
    // A (u, v) pair is an edge only when at least this many relationships between them pass the
    // filter (counted as the direction says: Out/In the ordered pair, Both either way round).
    uint32_t minEdgeCount = 1;
    // A numeric (int or float) relationship property. A passing relationship without it, or with a
    // non-numeric, NaN, infinite or negative value, is an ArgumentError naming the relationship.
    std::optional<std::string> weightKey;
    uint32_t maxIterations = 20;  // pagerank
    double damping = 0.85;        // pagerank
    double tolerance = 1e-6;      // pagerank: stop once the L1 change of one iteration is below
    uint32_t samples = 0;         // betweenness: 0 = exact, else sampled sources (seeded)
    uint64_t seed = 42;
    // betweenness: worker threads (0 = one per hardware thread). Sources are dealt out round-robin
    // and the per-thread sums added in thread order, so a given thread count gives the same scores
    // on every run; different counts may differ in the last bits.
    uint32_t threads = 1;
    const std::atomic<bool>* cancelled = nullptr;
};

// Component and community ids of deleted nodes (they are not part of the graph).
inline constexpr uint32_t kNoComponent = UINT32_MAX;

// Throws the engine's cancellation error (TransactionError/Cancelled) once `cancelled` is set.
void checkCancelled(const AlgoConfig& config);
// Throws an ArgumentError (detail InvalidArgumentValue) with `message`.
[[noreturn]] void throwArgumentError(const std::string& message);

// Calls checkCancelled every kCancelCheckInterval ticks, so hot loops pay one increment.
class CancelCheck {
public:
    explicit CancelCheck(const AlgoConfig& config) : config_(config) {}
    void tick() {
        if (++ticks_ % kCancelCheckInterval == 0) {
            checkCancelled(config_);
        }
    }

private:
    static constexpr uint64_t kCancelCheckInterval = 4096;
    const AlgoConfig& config_;
    uint64_t ticks_ = 0;
};

} // namespace newsgraph::algo
