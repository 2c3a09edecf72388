#pragma once

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/catalog/name_table.hpp"
#include "engine/common/types.hpp"

namespace newsgraph {

// Hash index from (label, property key, text) to the nodes carrying that label whose property (or,
// for a list, one of its elements) has that text. Texts are normalized (see normalize()), so a
// look-up finds candidates; a caller that needs exact equality re-checks the property.
class NodeIndex {
public:
    // The property keys the index holds: a look-up by any other key must scan.
    static constexpr std::array<std::string_view, 4> kIndexedKeys{"id", "name", "code", "aliases"};
    static bool indexedKey(std::string_view key) {
        return std::find(kIndexedKeys.begin(), kIndexedKeys.end(), key) != kIndexedKeys.end();
    }

    // Lower-cases ASCII letters, trims and collapses runs of white space to one space.
    static std::string normalize(std::string_view text);

    void add(LabelId label, PropertyKeyId key, std::string_view text, NodeId node);
    void remove(LabelId label, PropertyKeyId key, std::string_view text, NodeId node);
    // The matching nodes in increasing id order; empty when none.
    std::span<const NodeId> find(LabelId label, PropertyKeyId key, std::string_view text) const;

    size_t entryCount() const { return entries_; }
    size_t bytesUsed() const;

    // Calls fn(label, key, normalizedText, nodes) for every key of the index (for tests).
    template <typename Fn>
    void forEach(Fn fn) const {
        for (const auto& [composite, nodes] : postings_) {
            const auto label = static_cast<LabelId>(decodeId(composite, 0));
            const auto key = static_cast<PropertyKeyId>(decodeId(composite, sizeof(LabelId)));
            fn(label, key, std::string_view(composite).substr(kHeaderBytes),
               std::span<const NodeId>(nodes));
        }
    }

private:
    static constexpr size_t kHeaderBytes = sizeof(LabelId) + sizeof(PropertyKeyId);
    static std::string compositeKey(LabelId label, PropertyKeyId key, std::string_view text);
    static uint32_t decodeId(const std::string& composite, size_t offset);

    std::unordered_map<std::string, std::vector<NodeId>, StringHash, std::equal_to<>> postings_;
    size_t entries_ = 0;
};

} // namespace newsgraph
