#include "query/processor/operators/frontier_distinct.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace newsgraph {

namespace {

constexpr size_t kCancelCheckMask = 0xFFFF; // poll the cancel flag every 65,536 rows

// The relationships of a row's uniqueness columns, sorted.
using RelSet = std::vector<RelId>;

// A group's relationship set, kept or looked up; lookups take a view of a reused buffer, so only
// a set that is kept is copied (heterogeneous lookup).
struct RelSetKey {
    size_t group;
    RelSet rels;
};
struct RelSetView {
    size_t group;
    std::span<const RelId> rels;
};

struct RelSetHash {
    using is_transparent = void;
    size_t operator()(const RelSetView& entry) const {
        size_t seed = std::hash<size_t>()(entry.group);
        for (RelId rel : entry.rels) {
            seed ^= std::hash<RelId>()(rel) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
        }
        return seed;
    }
    size_t operator()(const RelSetKey& entry) const { return (*this)(RelSetView{entry.group, entry.rels}); }
};

struct RelSetEqual {
    using is_transparent = void;
    static RelSetView view(const RelSetKey& key) { return RelSetView{key.group, key.rels}; }
    static RelSetView view(const RelSetView& view) { return view; }
    template <typename L, typename R>
    bool operator()(const L& lhs, const R& rhs) const {
        const RelSetView left = view(lhs);
        const RelSetView right = view(rhs);
        return left.group == right.group && std::equal(left.rels.begin(), left.rels.end(), right.rels.begin(), right.rels.end());
    }
};

bool disjoint(const RelSet& lhs, const RelSet& rhs) {
    auto left = lhs.begin();
    auto right = rhs.begin();
    while (left != lhs.end() && right != rhs.end()) {
        if (*left == *right) {
            return false;
        }
        if (*left < *right) {
            ++left;
        } else {
            ++right;
        }
    }
    return true;
}

struct Group {
    std::vector<size_t> rows;       // indexes into the input
    std::vector<RelSet> witnesses;  // pairwise disjoint relationship sets among the rows
    bool collapsed = false;         // one row, its relationship columns null, stands for the key
};

} // namespace

std::string FrontierDistinct::describe() const {
    std::string keys;
    for (size_t slot : keySlots_) {
        keys += fmt::format("{}#{}", keys.empty() ? "" : ", ", slot);
    }
    return fmt::format("FrontierDistinct on {} ({} relationship columns, {} later)", keys, relSlots_.size(),
                       laterRels_ ? std::to_string(*laterRels_) : std::string("unbounded"));
}

void FrontierDistinct::consume(ExecutionContext& context, std::vector<std::vector<Value>> input) {
    std::vector<Group> groups;
    std::unordered_map<std::vector<Value>, size_t, Distinct::KeyHash, Distinct::KeyEqual> index;
    std::unordered_set<RelSetKey, RelSetHash, RelSetEqual> seen;
    RelSet rels;
    std::vector<Value> key(keySlots_.size());
    for (size_t r = 0; r < input.size(); ++r) {
        if ((r & kCancelCheckMask) == 0) {
            context.checkCancelled();
        }
        const std::vector<Value>& row = input[r];
        for (size_t k = 0; k < keySlots_.size(); ++k) {
            key[k] = row[keySlots_[k]];
        }
        auto [found, added] = index.try_emplace(key, groups.size());
        if (added) {
            groups.emplace_back();
        }
        Group& group = groups[found->second];
        if (group.collapsed) {
            continue;
        }
        rels.clear();
        for (size_t slot : relSlots_) {
            if (row[slot].type() == ValueType::Relationship) {
                rels.push_back(row[slot].asRelationship().id);
            }
        }
        std::sort(rels.begin(), rels.end());
        if (seen.contains(RelSetView{found->second, rels})) {
            continue; // the same key and relationships: the later steps see the same row
        }
        seen.insert(RelSetKey{found->second, rels});
        group.rows.push_back(r);
        if (!laterRels_ || !std::all_of(group.witnesses.begin(), group.witnesses.end(),
                                        [&](const RelSet& witness) { return disjoint(witness, rels); })) {
            continue;
        }
        group.witnesses.push_back(rels);
        if (group.witnesses.size() > *laterRels_) {
            group.collapsed = true;
            group.rows.resize(1);
            for (size_t slot : relSlots_) {
                input[group.rows.front()][slot] = Value();
            }
        }
    }
    for (Group& group : groups) {
        for (size_t r : group.rows) {
            rows_.push_back(std::move(input[r]));
        }
    }
}

} // namespace newsgraph
