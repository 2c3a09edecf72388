#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/catalog/name_table.hpp"
#include "engine/common/types.hpp"

namespace newsgraph {

// Interned string values: each distinct string is stored once and named by a 32-bit id, so a string
// column holds ids and repeated names, codes and URLs cost four bytes per use.
class StringPool {
public:
    StringPool() = default;
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) = default;
    StringPool& operator=(StringPool&&) = default;
    ~StringPool() = default;

    // A copy with the same ids for the same strings.
    StringPool clone() const;

    StringId intern(std::string_view text);
    std::optional<StringId> find(std::string_view text) const;
    std::string_view get(StringId id) const { return strings_.at(id); }
    size_t size() const { return strings_.size(); }
    // Bytes held by the pool: characters plus per-string bookkeeping.
    size_t bytesUsed() const { return bytes_; }

private:
    std::deque<std::string> strings_; // a deque keeps the addresses the index points into stable
    std::unordered_map<std::string_view, StringId> ids_;
    size_t bytes_ = 0;
};

} // namespace newsgraph
