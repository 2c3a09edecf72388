#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "engine/catalog/name_table.hpp"
#include "engine/storage/graph_builder.hpp"

namespace newsgraph {

// Labels, relationship types and property keys of the news data model, interned once per load.
struct NewsSchema {
    explicit NewsSchema(GraphBuilder& builder);

    LabelId actor, country, region, group, organization, government, person, incident, claim, article, eventType,
        actorType, standIn;
    PropertyKeyId idKey, nameKey, codeKey, aliasesKey, countryKey, roleKey, descriptionKey, sourceKey, dateKey,
        kindKey;
};

// A state or region of the country table: CAMEO code (ISO 3166 alpha-3 for states, with CAMEO's
// own ROM, MTN, TMP and IMY; SSD, XKX and CUW added) and display name.
struct CountryRef {
    std::string_view code;
    std::string_view name;
    bool region = false;
};

// Looks `text` up as a country: a CAMEO or ISO alpha-3 code (upper case), an ISO alpha-2 code
// (upper case), a name of the CAMEO table, or a known alias ("People's Republic of China", "Russian
// Federation", "Iran, Islamic Republic of", "Korea (Democratic People's Republic of)", "Colombia",
// "Cote d'Ivoire", ...); ASCII case and punctuation are ignored for names. Then the same without a
// trailing parenthesis or ", ... of" part.
std::optional<CountryRef> lookupCountry(std::string_view text);

// Every country name and alias the tables know with its code (for scanning free text).
const std::vector<std::pair<std::string, std::string_view>>& countryNames();

// One node per real-world entity across sources. Countries are found by code or any known name
// (the CAMEO country table plus aliases) and created from the table when absent; groups by name or
// alias through the (label, key) index, then by a loose key (letters and digits only, "judgement"
// read as "judgment": "APT 31" = "APT31", "Judgement Panda" = "JUDGMENT PANDA").
//
// merged() counts source entities that resolved to a node that existed before the load, or that
// the load already reached under another name (CHN, "China" and "People's Republic of China" in one
// load: one node, two merges).
class EntityResolver {
public:
    EntityResolver(GraphBuilder& builder, const NewsSchema& schema);

    // The country node for `text`, or nothing when `text` names no country or region.
    std::optional<NodeId> country(std::string_view text);
    NodeId country(const CountryRef& ref);
    // A group (label Group) by name or alias, exact (index) then loose.
    std::optional<NodeId> findGroup(std::string_view name);
    // The group named `name`, created as :Actor:Group (plus `extra` label if not kNoLabel) when absent;
    // a name found only through the loose key is added to the group's aliases.
    NodeId group(std::string_view name, LabelId extra);
    // The :Actor named `name` (any actor, by name or alias), created with `labels` when absent.
    NodeId actor(std::string_view name, std::span<const LabelId> labels);
    // Records that a group node also goes by `alias` (index and loose key).
    void addGroupAlias(NodeId node, std::string_view alias);

    uint64_t merged() const { return merged_; }
    void countMerge() { ++merged_; }
    // Counts a merge the first time `node` is reached under `spelling` in this load, when the node
    // existed before the load or was reached under another spelling.
    void noteResolved(std::string_view spelling, NodeId node, bool created);

    static constexpr LabelId kNoLabel = 0xFFFF;
    // The loose key of a group name.
    static std::string groupKey(std::string_view name);

private:
    void buildGroupIndex();

    GraphBuilder& builder_;
    const NewsSchema& schema_;
    NodeId startNodes_;
    uint64_t merged_ = 0;
    std::unordered_map<std::string, NodeId, StringHash, std::equal_to<>> countryCache_;
    std::unordered_set<NodeId> seenNodes_;
    std::unordered_set<std::string> seenSpellings_;
    bool groupIndexBuilt_ = false;
    std::unordered_map<std::string, NodeId> groupKeys_;
};

} // namespace newsgraph
