// The GLOBALEVENTIDs a GDELT load has seen (a repeated one is loaded once).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace newsgraph {

// An open-addressing set of 64-bit event ids (0 is never an id: GLOBALEVENTID is positive).
class EventIdSet {
public:
    EventIdSet() : slots_(kInitialSlots, 0) {}
    // Adds `id`; false when it was there already.
    bool insert(uint64_t id) {
        if ((size_ + 1) * kLoadDenominator > slots_.size() * kLoadNumerator) {
            grow(slots_.size() * 2);
        }
        return place(slots_, id);
    }
    // Starts loading the slot where `id` would go: a large set is one cache miss per insert, so
    // a caller that knows the next ids asks for their slots a few rows ahead.
    void prefetch(uint64_t id) const { __builtin_prefetch(&slots_[slotOf(id, slots_.size() - 1)]); }
    // Room for `count` more ids without growing in steps.
    void reserve(size_t count) {
        size_t slots = slots_.size();
        while ((size_ + count) * kLoadDenominator > slots * kLoadNumerator) {
            slots *= 2;
        }
        if (slots != slots_.size()) {
            grow(slots);
        }
    }

private:
    static constexpr size_t kInitialSlots = 1U << 12;
    static constexpr size_t kLoadNumerator = 7;
    static constexpr size_t kLoadDenominator = 10;

    // Ids in runs of eight share one cache line (GDELT numbers its events consecutively, so a
    // file's ids fill lines one after another); the runs are spread by a multiplicative hash.
    static size_t slotOf(uint64_t id, size_t mask) {
        constexpr uint64_t kMix = 0x9E3779B97F4A7C15ULL;
        constexpr unsigned kShift = 29;
        constexpr unsigned kRunBits = 3;
        constexpr uint64_t kRunMask = (uint64_t{1} << kRunBits) - 1;
        uint64_t h = (id >> kRunBits) * kMix;
        h ^= h >> kShift;
        return static_cast<size_t>((h << kRunBits) | (id & kRunMask)) & mask;
    }

    bool place(std::vector<uint64_t>& slots, uint64_t id) {
        const size_t mask = slots.size() - 1;
        for (size_t at = slotOf(id, mask);; at = (at + 1) & mask) {
            if (slots[at] == id) {
                return false;
            }
            if (slots[at] == 0) {
                slots[at] = id;
                ++size_;
                return true;
            }
        }
    }

    void grow(size_t slotCount) {
        std::vector<uint64_t> bigger(slotCount, 0);
        size_ = 0;
        for (uint64_t id : slots_) {
            if (id != 0) {
                place(bigger, id);
            }
        }
        slots_ = std::move(bigger);
    }

    std::vector<uint64_t> slots_;
    size_t size_ = 0;
};

} // namespace newsgraph
