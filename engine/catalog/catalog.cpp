#include "engine/catalog/catalog.hpp"

#include <algorithm>

namespace newsgraph {

Catalog::Catalog()
    : labels_("labels", kMaxCatalogNames), types_("relationship types", kMaxCatalogNames),
      keys_("property keys", kMaxCatalogNames) {
    internLabelSet({});
}

std::optional<LabelId> Catalog::findLabel(std::string_view name) const {
    if (auto id = labels_.find(name)) {
        return static_cast<LabelId>(*id);
    }
    return std::nullopt;
}

std::optional<TypeId> Catalog::findType(std::string_view name) const {
    if (auto id = types_.find(name)) {
        return static_cast<TypeId>(*id);
    }
    return std::nullopt;
}

std::optional<PropertyKeyId> Catalog::findKey(std::string_view name) const {
    if (auto id = keys_.find(name)) {
        return static_cast<PropertyKeyId>(*id);
    }
    return std::nullopt;
}

LabelSetId Catalog::internLabelSet(std::vector<LabelId> labels) {
    std::sort(labels.begin(), labels.end());
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    if (auto it = labelSetIds_.find(labels); it != labelSetIds_.end()) {
        return it->second;
    }
    const auto id = static_cast<LabelSetId>(labelSets_.size());
    labelSets_.push_back(labels);
    labelSetIds_.emplace(std::move(labels), id);
    return id;
}

void Catalog::truncate(uint32_t labels, uint32_t types, uint32_t keys, uint32_t labelSets) {
    labels_.truncate(labels);
    types_.truncate(types);
    keys_.truncate(keys);
    while (labelSets_.size() > labelSets) {
        labelSetIds_.erase(labelSets_.back());
        labelSets_.pop_back();
    }
}

bool Catalog::labelSetHas(LabelSetId id, LabelId label) const {
    const auto& labels = labelSets_.at(id);
    return std::binary_search(labels.begin(), labels.end(), label);
}

} // namespace newsgraph
