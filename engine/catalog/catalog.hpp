#pragma once

#include <map>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/catalog/name_table.hpp"
#include "engine/common/types.hpp"

namespace newsgraph {

// Names of the schema: labels, relationship types and property keys, each interned to a small id,
// and the distinct sets of labels nodes carry (a node stores one label-set id).
class Catalog {
public:
    Catalog();

    LabelId internLabel(std::string_view name) { return static_cast<LabelId>(labels_.intern(name)); }
    TypeId internType(std::string_view name) { return static_cast<TypeId>(types_.intern(name)); }
    PropertyKeyId internKey(std::string_view name) { return static_cast<PropertyKeyId>(keys_.intern(name)); }

    std::optional<LabelId> findLabel(std::string_view name) const;
    std::optional<TypeId> findType(std::string_view name) const;
    std::optional<PropertyKeyId> findKey(std::string_view name) const;

    const std::string& labelName(LabelId id) const { return labels_.name(id); }
    const std::string& typeName(TypeId id) const { return types_.name(id); }
    const std::string& keyName(PropertyKeyId id) const { return keys_.name(id); }

    uint32_t labelCount() const { return labels_.size(); }
    uint32_t typeCount() const { return types_.size(); }
    uint32_t keyCount() const { return keys_.size(); }

    // The id of a set of labels (order and repeats ignored); the empty set is id 0.
    LabelSetId internLabelSet(std::vector<LabelId> labels);
    std::span<const LabelId> labelSet(LabelSetId id) const { return labelSets_.at(id); }
    uint32_t labelSetCount() const { return static_cast<uint32_t>(labelSets_.size()); }
    bool labelSetHas(LabelSetId id, LabelId label) const;

    // Forgets names and label sets added after the counts given (a rolled-back batch).
    void truncate(uint32_t labels, uint32_t types, uint32_t keys, uint32_t labelSets);

private:
    NameTable labels_;
    NameTable types_;
    NameTable keys_;
    std::vector<std::vector<LabelId>> labelSets_;
    std::map<std::vector<LabelId>, LabelSetId> labelSetIds_;
};

} // namespace newsgraph
