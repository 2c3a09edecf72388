#include "engine/catalog/string_pool.hpp"

#include <fmt/format.h>

#include "engine/common/exception.hpp"

namespace newsgraph {

namespace {
// Per string: the std::string header, one hash entry (key view, id, node pointer) and its bucket.
constexpr size_t kPerStringOverhead = sizeof(std::string) + sizeof(std::string_view) + 2 * sizeof(void*) + 8;
} // namespace

StringPool StringPool::clone() const {
    StringPool copy;
    for (const std::string& text : strings_) {
        copy.intern(text);
    }
    return copy;
}

StringId StringPool::intern(std::string_view text) {
    if (auto it = ids_.find(text); it != ids_.end()) {
        return it->second;
    }
    if (strings_.size() >= kMaxEntities) {
        throw StorageError(fmt::format("too many distinct strings: the limit is {}", kMaxEntities));
    }
    const auto id = static_cast<StringId>(strings_.size());
    strings_.emplace_back(text);
    ids_.emplace(strings_.back(), id);
    bytes_ += text.size() + kPerStringOverhead;
    return id;
}

std::optional<StringId> StringPool::find(std::string_view text) const {
    if (auto it = ids_.find(text); it != ids_.end()) {
        return it->second;
    }
    return std::nullopt;
}

} // namespace newsgraph
