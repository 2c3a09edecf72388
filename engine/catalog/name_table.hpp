#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph {

// Transparent hashing so lookups by string_view allocate nothing.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Interns names to dense ids 0, 1, 2, ... in order of first appearance, up to `capacity` names.
class NameTable {
public:
    explicit NameTable(std::string what, uint32_t capacity) : what_(std::move(what)), capacity_(capacity) {}

    // The id of `name`, adding it when new; throws StorageError when the table is full.
    uint32_t intern(std::string_view name);
    std::optional<uint32_t> find(std::string_view name) const;
    const std::string& name(uint32_t id) const { return names_.at(id); }
    // Forgets the names with ids >= `count` (a rolled-back batch).
    void truncate(uint32_t count);
    uint32_t size() const { return static_cast<uint32_t>(names_.size()); }
    const std::vector<std::string>& names() const { return names_; }

private:
    std::string what_;
    uint32_t capacity_;
    std::vector<std::string> names_;
    std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids_;
};

} // namespace newsgraph
