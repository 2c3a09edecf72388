#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/storage/value_vector.hpp"

namespace newsgraph {

// The values of one property key over all nodes (or all relationships), stored column-wise.
// While a graph is being built a column is sparse: sorted entity ids beside their values, so
// appending the property of the newest entity is O(1). freeze() makes a column dense (a presence
// bitmap and one typed slot per entity) when at least half of the entities have the property.
class PropertyColumn {
public:
    void set(uint32_t entity, const Value& value, StringPool& pool);
    // set() for a string already in `pool` (the loaders' hot path: no hashing, no copy).
    void setString(uint32_t entity, StringId id, StringPool& pool);
    // Room for `count` values of kind `expected` (entities appended in id order).
    void reserve(size_t count, ColumnKind expected);
    // Removes the entity's value; returns whether it had one.
    bool erase(uint32_t entity);
    // Forgets the values of entities >= `count` (used when a batch is rolled back).
    void truncate(uint32_t count);
    void freeze(uint32_t entityCount);
    // A sparse, writable copy (strings stay ids of the same pool).
    PropertyColumn thaw() const;

    bool has(uint32_t entity) const { return slot(entity).has_value(); }
    // The position of the entity's value in values(), if it has one.
    std::optional<size_t> slot(uint32_t entity) const {
        if (dense_) {
            const size_t word = entity / kPresentBits;
            if (word >= present_.size() || ((present_[word] >> (entity % kPresentBits)) & 1U) == 0) {
                return std::nullopt;
            }
            return entity;
        }
        return sparseSlot(entity);
    }
    Value get(uint32_t entity, const StringPool& pool) const;

    // A zone map, made by freeze() for columns of integers or dates: per block of kZoneEntities
    // entity ids, the least and greatest value in it (dates as days), so that a scan in id order
    // skips the blocks a range cannot match. Empty when unknown (other kinds, or changed since).
    static constexpr uint32_t kZoneEntities = 2048;
    struct Zone {
        int64_t min = 0;
        int64_t max = -1; // min > max: no entity of the block has a value
        bool empty() const { return min > max; }
    };
    const std::vector<Zone>& zones() const { return zones_; }

    bool dense() const { return dense_; }
    size_t count() const { return count_; }
    const ValueVector& values() const { return values_; }
    // Entities that have a value, in increasing order (a scan, for tests and statistics).
    std::vector<uint32_t> entities() const;
    size_t bytesUsed() const;

private:
    static constexpr size_t kPresentBits = 64;
    std::optional<size_t> sparseSlot(uint32_t entity) const;
    void buildZones(uint32_t entityCount);

    bool dense_ = false;
    size_t count_ = 0;
    std::vector<uint32_t> ids_;      // sparse: sorted entity ids, parallel to values_
    std::vector<uint64_t> present_;  // dense: bit i set when entity i has a value
    ValueVector values_;
    std::vector<Zone> zones_;
};

} // namespace newsgraph
