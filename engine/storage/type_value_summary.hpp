#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "engine/common/value.hpp"
#include "engine/catalog/catalog.hpp"

namespace newsgraph {

class Graph;

// The distinct values a relationship property takes within one relationship type, when they are
// few. An expansion with a predicate on the property (r.code STARTS WITH '112') can then skip the
// types whose values all fail it and read only the adjacency of the others: in news data each
// CAMEO verb type carries one code. Computed on first use per (type, key) and kept with the frozen
// graph, which never changes; safe to call from several threads.
class TypeValueSummaries {
public:
    static constexpr size_t kMaxValues = 64;

    // The distinct values of `key` over the live relationships of `type`, null among them when
    // one lacks the key; nullopt when there are more than kMaxValues.
    std::optional<std::vector<Value>> values(const Graph& graph, TypeId type, PropertyKeyId key);
    // Unique among all summaries made by this process: one per frozen graph, so a cache of what
    // was derived from a graph can tell whether the graph it reads now is the same one.
    uint64_t id() const { return id_; }

private:
    inline static std::atomic<uint64_t> nextId_{1};
    uint64_t id_ = nextId_.fetch_add(1);
    std::mutex mutex_;
    std::unordered_map<uint64_t, std::optional<std::vector<Value>>> cache_;
};

} // namespace newsgraph
