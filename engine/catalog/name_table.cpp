#include "engine/catalog/name_table.hpp"

#include <fmt/format.h>

#include "engine/common/exception.hpp"

namespace newsgraph {

uint32_t NameTable::intern(std::string_view name) {
    if (auto it = ids_.find(name); it != ids_.end()) {
        return it->second;
    }
    if (names_.size() >= capacity_) {
        throw StorageError(fmt::format("too many {}: the limit is {}", what_, capacity_));
    }
    const auto id = static_cast<uint32_t>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(names_.back(), id);
    return id;
}

void NameTable::truncate(uint32_t count) {
    while (names_.size() > count) {
        ids_.erase(names_.back());
        names_.pop_back();
    }
}

std::optional<uint32_t> NameTable::find(std::string_view name) const {
    if (auto it = ids_.find(name); it != ids_.end()) {
        return it->second;
    }
    return std::nullopt;
}

} // namespace newsgraph
