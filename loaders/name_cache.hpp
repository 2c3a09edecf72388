#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// A map from short strings (entity names, actor codes, relation names) to 32-bit values, built for
// the hot loop of a loader: one flat open-addressing table of (hash, offset, length, value) slots
// and one character arena, so a look-up costs one probe sequence in contiguous memory and one
// comparison, without allocating.
class NameCache {
public:
    static constexpr uint32_t kMissing = 0xFFFFFFFFU;

    NameCache() : slots_(kInitialSlots) {}

    // The value stored for `key`, or kMissing.
    uint32_t find(std::string_view key) const {
        const uint64_t hash = hashOf(key);
        const size_t mask = slots_.size() - 1;
        for (size_t at = hash & mask;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (slot.value == kMissing) {
                return kMissing;
            }
            if (slot.hash == hash && slot.length == key.size() &&
                std::memcmp(arena_.data() + slot.offset, key.data(), key.size()) == 0) {
                return slot.value;
            }
        }
    }

    // Stores `value` (not kMissing) for `key`, which must not be present yet.
    void insert(std::string_view key, uint32_t value) {
        if ((size_ + 1) * 2 > slots_.size()) {
            grow();
        }
        const auto offset = static_cast<uint32_t>(arena_.size());
        arena_.append(key);
        place(Slot{hashOf(key), offset, static_cast<uint32_t>(key.size()), value});
        ++size_;
    }

    size_t size() const { return size_; }

    // A 64-bit hash of `key`, eight bytes at a time.
    static uint64_t hashOf(std::string_view key) {
        constexpr uint64_t kSeed = 0x9E3779B97F4A7C15ULL;
        constexpr uint64_t kMultiplier = 0xBF58476D1CE4E5B9ULL;
        constexpr unsigned kShift = 31;
        uint64_t hash = kSeed ^ key.size();
        size_t i = 0;
        for (; i + sizeof(uint64_t) <= key.size(); i += sizeof(uint64_t)) {
            uint64_t word = 0;
            std::memcpy(&word, key.data() + i, sizeof(word));
            hash = (hash ^ word) * kMultiplier;
            hash ^= hash >> kShift;
        }
        uint64_t tail = 0;
        std::memcpy(&tail, key.data() + i, key.size() - i);
        hash = (hash ^ tail) * kMultiplier;
        hash ^= hash >> kShift;
        return hash * kSeed;
    }

private:
    static constexpr size_t kInitialSlots = 1024;

    struct Slot {
        uint64_t hash = 0;
        uint32_t offset = 0;
        uint32_t length = 0;
        uint32_t value = kMissing;
    };

    void place(const Slot& slot) {
        const size_t mask = slots_.size() - 1;
        size_t at = slot.hash & mask;
        while (slots_[at].value != kMissing) {
            at = (at + 1) & mask;
        }
        slots_[at] = slot;
    }

    void grow() {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& slot : old) {
            if (slot.value != kMissing) {
                place(slot);
            }
        }
    }

    std::vector<Slot> slots_;
    std::string arena_;
    size_t size_ = 0;
};

} // namespace newsgraph
