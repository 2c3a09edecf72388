#include "engine/storage/property_column.hpp"

#include <algorithm>
#include <cassert>

namespace newsgraph {

namespace {
// A column becomes dense once at least 1 / kDenseFraction of the entities have a value.
constexpr size_t kDenseFraction = 2;
} // namespace

std::optional<size_t> PropertyColumn::sparseSlot(uint32_t entity) const {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), entity);
    if (it == ids_.end() || *it != entity) {
        return std::nullopt;
    }
    return static_cast<size_t>(it - ids_.begin());
}

Value PropertyColumn::get(uint32_t entity, const StringPool& pool) const {
    if (auto position = slot(entity)) {
        return values_.get(*position, pool);
    }
    return {};
}

void PropertyColumn::set(uint32_t entity, const Value& value, StringPool& pool) {
    assert(!dense_ && "a frozen column is read-only");
    zones_.clear();
    if (ids_.empty() || entity > ids_.back()) {
        ids_.push_back(entity);
        values_.push(value, pool);
        ++count_;
        return;
    }
    auto it = std::lower_bound(ids_.begin(), ids_.end(), entity);
    const auto position = static_cast<size_t>(it - ids_.begin());
    if (*it == entity) {
        values_.set(position, value, pool);
        return;
    }
    ids_.insert(it, entity);
    values_.insert(position, value, pool);
    ++count_;
}

void PropertyColumn::setString(uint32_t entity, StringId id, StringPool& pool) {
    assert(!dense_ && "a frozen column is read-only");
    zones_.clear();
    if ((ids_.empty() || entity > ids_.back()) && values_.pushString(id)) {
        ids_.push_back(entity);
        ++count_;
        return;
    }
    set(entity, Value(std::string(pool.get(id))), pool);
}

void PropertyColumn::reserve(size_t count, ColumnKind expected) {
    ids_.reserve(count);
    values_.reserve(count, expected);
}

bool PropertyColumn::erase(uint32_t entity) {
    assert(!dense_ && "a frozen column is read-only");
    zones_.clear();
    auto it = std::lower_bound(ids_.begin(), ids_.end(), entity);
    if (it == ids_.end() || *it != entity) {
        return false;
    }
    values_.erase(static_cast<size_t>(it - ids_.begin()));
    ids_.erase(it);
    --count_;
    return true;
}

void PropertyColumn::truncate(uint32_t count) {
    assert(!dense_ && "a frozen column is read-only");
    zones_.clear();
    while (!ids_.empty() && ids_.back() >= count) {
        values_.erase(values_.size() - 1);
        ids_.pop_back();
        --count_;
    }
}

void PropertyColumn::buildZones(uint32_t entityCount) {
    zones_.clear();
    const ColumnKind kind = values_.kind();
    if (kind != ColumnKind::Int && kind != ColumnKind::Date) {
        return;
    }
    zones_.assign((size_t{entityCount} + kZoneEntities - 1) / kZoneEntities, Zone{});
    auto widen = [&](uint32_t entity, size_t slot) {
        const int64_t value = kind == ColumnKind::Int ? values_.ints()[slot] : int64_t{values_.dates()[slot]};
        Zone& zone = zones_[entity / kZoneEntities];
        if (zone.empty()) {
            zone = Zone{value, value};
        } else {
            zone.min = std::min(zone.min, value);
            zone.max = std::max(zone.max, value);
        }
    };
    if (dense_) {
        for (uint32_t entity = 0; entity < entityCount; ++entity) {
            if (has(entity)) {
                widen(entity, entity);
            }
        }
        return;
    }
    for (size_t slot = 0; slot < ids_.size(); ++slot) {
        if (ids_[slot] < entityCount) {
            widen(ids_[slot], slot);
        }
    }
}

void PropertyColumn::freeze(uint32_t entityCount) {
    if (dense_) {
        if (zones_.empty()) {
            buildZones(entityCount);
        }
        return;
    }
    if (count_ * kDenseFraction < entityCount) {
        ids_.shrink_to_fit();
        values_.shrinkToFit();
        buildZones(entityCount);
        return;
    }
    // Spread the sparse values into one slot per entity; absent entities get a placeholder.
    ValueVector dense;
    dense.reserve(entityCount);
    present_.assign((entityCount + kPresentBits - 1) / kPresentBits, 0);
    size_t next = 0;
    for (uint32_t entity = 0; entity < entityCount; ++entity) {
        if (next < ids_.size() && ids_[next] == entity) {
            dense.pushFrom(values_, next);
            present_[entity / kPresentBits] |= uint64_t{1} << (entity % kPresentBits);
            ++next;
        } else {
            dense.pushDefault();
        }
    }
    values_ = std::move(dense);
    ids_.clear();
    ids_.shrink_to_fit();
    dense_ = true;
    buildZones(entityCount);
}

PropertyColumn PropertyColumn::thaw() const {
    if (!dense_) {
        return *this;
    }
    PropertyColumn copy;
    copy.ids_ = entities();
    copy.count_ = copy.ids_.size();
    copy.values_.reserve(copy.ids_.size());
    for (uint32_t entity : copy.ids_) {
        copy.values_.pushFrom(values_, entity);
    }
    return copy;
}

std::vector<uint32_t> PropertyColumn::entities() const {
    if (!dense_) {
        return ids_;
    }
    std::vector<uint32_t> out;
    out.reserve(count_);
    for (size_t word = 0; word < present_.size(); ++word) {
        for (uint64_t bits = present_[word]; bits != 0; bits &= bits - 1) {
            out.push_back(static_cast<uint32_t>(word * kPresentBits + static_cast<size_t>(__builtin_ctzll(bits))));
        }
    }
    return out;
}

size_t PropertyColumn::bytesUsed() const {
    return ids_.capacity() * sizeof(uint32_t) + present_.capacity() * sizeof(uint64_t) + values_.bytesUsed();
}

} // namespace newsgraph
