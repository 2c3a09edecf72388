#pragma once

#include <string_view>

#include "engine/storage/graph_builder.hpp"
#include "loaders/name_cache.hpp"

namespace newsgraph {

// Repeated string values of a load (CAMEO codes, names): each distinct one is checked and interned
// in the builder's pool once, then set by its id (GraphBuilder::setRelProperty(rel, key,
// InternedString)). Pool ids stay valid when a row is rolled back: the pool never shrinks.
class StringCache {
public:
    InternedString get(GraphBuilder& builder, std::string_view text) {
        if (const uint32_t known = ids_.find(text); known != NameCache::kMissing) {
            return InternedString{known};
        }
        const InternedString interned = builder.internString(text);
        ids_.insert(text, interned.id);
        return interned;
    }

private:
    NameCache ids_;
};

} // namespace newsgraph
