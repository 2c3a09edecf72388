#include "engine/storage/type_value_summary.hpp"

#include <unordered_set>

#include "engine/function/value_ops.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph {

namespace {

constexpr unsigned kKeyBits = 32;

struct EquivalenceHash {
    size_t operator()(const Value& value) const { return equivalenceHash(value); }
};
struct Equivalent {
    bool operator()(const Value& lhs, const Value& rhs) const { return equivalent(lhs, rhs); }
};

} // namespace

std::optional<std::vector<Value>> TypeValueSummaries::values(const Graph& graph, TypeId type, PropertyKeyId key) {
    const uint64_t slot = (uint64_t{type} << kKeyBits) | key;
    std::lock_guard lock(mutex_);
    if (auto found = cache_.find(slot); found != cache_.end()) {
        return found->second;
    }
    std::unordered_set<Value, EquivalenceHash, Equivalent> seen;
    std::optional<std::vector<Value>> distinct(std::in_place);
    for (RelId rel : graph.relsOfType(type)) {
        Value value = graph.relProperty(rel, key);
        if (seen.contains(value)) {
            continue;
        }
        if (distinct->size() == kMaxValues) {
            distinct.reset();
            break;
        }
        seen.insert(value);
        distinct->push_back(std::move(value));
    }
    cache_.emplace(slot, distinct);
    return distinct;
}

} // namespace newsgraph
