#include "loaders/entity_resolution.hpp"

#include <array>

#include "loaders/cameo.hpp"
#include "loaders/country_tables.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

constexpr size_t kCodeLength = 3;
constexpr size_t kIso2Length = 2;
constexpr size_t kMaxAliasLength = 80;
constexpr std::string_view kBritishSpelling = "judgement";
constexpr std::string_view kAmericanSpelling = "judgment";

bool allUpper(std::string_view text) {
    for (char c : text) {
        if (c < 'A' || c > 'Z') {
            return false;
        }
    }
    return !text.empty();
}

struct CountryIndex {
    std::vector<CountryRef> refs;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> byCode;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> byIso2;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> byName;
    std::vector<std::pair<std::string, std::string_view>> names;

    void add(const CodeName& row) {
        const std::string_view code = row.code;
        byCode.emplace(std::string(code), refs.size());
        byName.emplace(looseKey(row.name), refs.size());
        names.emplace_back(row.name, code);
        refs.push_back(CountryRef{code, row.name, isCameoRegion(code)});
    }

    CountryIndex() {
        for (const CodeName& row : cameo_data::countries()) {
            add(row);
        }
        for (const CodeName& row : country_data::extraCountries()) {
            add(row);
        }
        for (const auto& row : country_data::iso2Codes()) {
            if (auto it = byCode.find(std::string_view(row.code)); it != byCode.end()) {
                byIso2.emplace(row.iso2, it->second);
            }
        }
        for (const auto& row : country_data::aliases()) {
            if (auto it = byCode.find(std::string_view(row.code)); it != byCode.end()) {
                byName.emplace(looseKey(row.alias), it->second);
                names.emplace_back(row.alias, refs[it->second].code);
            }
        }
    }

    std::optional<CountryRef> find(std::string_view text) const {
        text = trimText(text);
        if (text.size() == kCodeLength && allUpper(text)) {
            if (auto it = byCode.find(text); it != byCode.end()) {
                return refs[it->second];
            }
        }
        if (text.size() == kIso2Length && allUpper(text)) {
            if (auto it = byIso2.find(text); it != byIso2.end()) {
                return refs[it->second];
            }
        }
        if (auto it = byName.find(looseKey(text)); it != byName.end()) {
            return refs[it->second];
        }
        const size_t cut = text.find_first_of("(,");
        if (cut != std::string_view::npos && cut > 0) {
            if (auto it = byName.find(looseKey(text.substr(0, cut))); it != byName.end()) {
                return refs[it->second];
            }
        }
        return std::nullopt;
    }

    static std::string_view trimText(std::string_view text) {
        const size_t first = text.find_first_not_of(" \t\"");
        if (first == std::string_view::npos) {
            return {};
        }
        return text.substr(first, text.find_last_not_of(" \t\"") - first + 1);
    }
};

const CountryIndex& countryIndex() {
    static const CountryIndex index;
    return index;
}

} // namespace

NewsSchema::NewsSchema(GraphBuilder& builder) {
    Catalog& catalog = builder.catalog();
    actor = catalog.internLabel("Actor");
    country = catalog.internLabel("Country");
    region = catalog.internLabel("Region");
    group = catalog.internLabel("Group");
    organization = catalog.internLabel("Organization");
    government = catalog.internLabel("Government");
    person = catalog.internLabel("Person");
    incident = catalog.internLabel("Incident");
    claim = catalog.internLabel("Claim");
    article = catalog.internLabel("Article");
    eventType = catalog.internLabel("EventType");
    actorType = catalog.internLabel("ActorType");
    standIn = catalog.internLabel("StandIn");
    idKey = builder.idKey();
    nameKey = builder.nameKey();
    codeKey = builder.codeKey();
    aliasesKey = builder.aliasesKey();
    countryKey = catalog.internKey("country");
    roleKey = catalog.internKey("role");
    descriptionKey = catalog.internKey("description");
    sourceKey = catalog.internKey("source");
    dateKey = catalog.internKey("date");
    kindKey = catalog.internKey("kind");
}

std::optional<CountryRef> lookupCountry(std::string_view text) {
    return countryIndex().find(text);
}

const std::vector<std::pair<std::string, std::string_view>>& countryNames() {
    return countryIndex().names;
}

EntityResolver::EntityResolver(GraphBuilder& builder, const NewsSchema& schema)
    : builder_(builder), schema_(schema), startNodes_(builder.nodeCount()) {}

void EntityResolver::noteResolved(std::string_view spelling, NodeId node, bool created) {
    std::string key = looseKey(spelling);
    key += '\x1f';
    key += std::to_string(node);
    if (!seenSpellings_.insert(std::move(key)).second) {
        return;
    }
    if (!created) {
        ++merged_;
    }
    seenNodes_.insert(node);
}

NodeId EntityResolver::country(const CountryRef& ref) {
    const LabelId label = ref.region ? schema_.region : schema_.country;
    if (auto found = builder_.lookup(label, schema_.codeKey, ref.code); !found.empty()) {
        return found.front();
    }
    if (auto found = builder_.resolve(label, ref.name)) {
        return *found;
    }
    const std::array<LabelId, 2> labels{schema_.actor, label};
    const NodeId node = builder_.addNode(labels);
    builder_.setNodeProperty(node, schema_.nameKey, Value(std::string(ref.name)));
    builder_.setNodeProperty(node, schema_.codeKey, Value(std::string(ref.code)));
    if (!ref.region) {
        builder_.setNodeProperty(node, schema_.countryKey, Value(std::string(ref.code)));
    }
    return node;
}

std::optional<NodeId> EntityResolver::country(std::string_view text) {
    if (auto it = countryCache_.find(text); it != countryCache_.end()) {
        if (it->second == kInvalidNode) {
            return std::nullopt;
        }
        return it->second;
    }
    const std::optional<CountryRef> ref = lookupCountry(text);
    if (!ref) {
        countryCache_.emplace(std::string(text), kInvalidNode);
        return std::nullopt;
    }
    const NodeId before = builder_.nodeCount();
    const NodeId node = country(*ref);
    const bool created = node >= before;
    const std::string_view trimmed = trimText(text);
    const bool isCode = trimmed.size() <= kCodeLength && allUpper(trimmed);
    if (!isCode && trimmed.size() <= kMaxAliasLength && looseKey(trimmed) != looseKey(ref->name)) {
        builder_.addAlias(node, trimmed);
    }
    noteResolved(created ? ref->code : trimmed, node, created);
    countryCache_.emplace(std::string(text), node);
    return node;
}

std::string EntityResolver::groupKey(std::string_view name) {
    std::string key;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            key.push_back(c);
        } else if (c >= 'A' && c <= 'Z') {
            key.push_back(static_cast<char>(c - 'A' + 'a'));
        }
    }
    if (const size_t at = key.find(kBritishSpelling); at != std::string::npos) {
        key.replace(at, kBritishSpelling.size(), kAmericanSpelling);
    }
    return key;
}

void EntityResolver::buildGroupIndex() {
    groupIndexBuilt_ = true;
    for (NodeId node = 0; node < builder_.nodeCount(); ++node) {
        if (builder_.nodeDeleted(node)) {
            continue;
        }
        bool isGroup = false;
        for (LabelId label : builder_.nodeLabels(node)) {
            isGroup = isGroup || label == schema_.group;
        }
        if (!isGroup) {
            continue;
        }
        const Value name = builder_.nodeProperty(node, schema_.nameKey);
        if (name.type() == ValueType::String) {
            groupKeys_.emplace(groupKey(name.asString()), node);
        }
        const Value aliases = builder_.nodeProperty(node, schema_.aliasesKey);
        if (aliases.type() == ValueType::List) {
            for (const Value& alias : aliases.asList()) {
                if (alias.type() == ValueType::String) {
                    groupKeys_.emplace(groupKey(alias.asString()), node);
                }
            }
        }
    }
}

std::optional<NodeId> EntityResolver::findGroup(std::string_view name) {
    if (auto found = builder_.lookup(schema_.group, schema_.nameKey, name); !found.empty()) {
        return found.front();
    }
    if (auto found = builder_.lookup(schema_.group, schema_.aliasesKey, name); !found.empty()) {
        return found.front();
    }
    if (!groupIndexBuilt_) {
        buildGroupIndex();
    }
    const std::string key = groupKey(name);
    if (key.empty()) {
        return std::nullopt;
    }
    if (auto it = groupKeys_.find(key); it != groupKeys_.end()) {
        return it->second;
    }
    return std::nullopt;
}

NodeId EntityResolver::group(std::string_view name, LabelId extra) {
    if (auto found = findGroup(name)) {
        noteResolved(name, *found, false);
        const bool exact = !builder_.lookup(schema_.group, schema_.nameKey, name).empty() ||
                           !builder_.lookup(schema_.group, schema_.aliasesKey, name).empty();
        if (!exact) {
            addGroupAlias(*found, name); // "APT 31" found as APT31: the spelling becomes an alias
        }
        return *found;
    }
    std::vector<LabelId> labels{schema_.actor, schema_.group};
    if (extra != kNoLabel) {
        labels.push_back(extra);
    }
    const NodeId node = builder_.addNode(labels);
    builder_.setNodeProperty(node, schema_.nameKey, Value(std::string(name)));
    if (groupIndexBuilt_) {
        groupKeys_.emplace(groupKey(name), node);
    }
    noteResolved(name, node, true);
    return node;
}

void EntityResolver::addGroupAlias(NodeId node, std::string_view alias) {
    builder_.addAlias(node, alias);
    if (groupIndexBuilt_) {
        groupKeys_.emplace(groupKey(alias), node);
    }
}

NodeId EntityResolver::actor(std::string_view name, std::span<const LabelId> labels) {
    if (auto found = builder_.lookup(schema_.actor, schema_.nameKey, name); !found.empty()) {
        noteResolved(name, found.front(), false);
        return found.front();
    }
    if (auto found = builder_.lookup(schema_.actor, schema_.aliasesKey, name); !found.empty()) {
        noteResolved(name, found.front(), false);
        return found.front();
    }
    const NodeId node = builder_.addNode(labels);
    builder_.setNodeProperty(node, schema_.nameKey, Value(std::string(name)));
    noteResolved(name, node, true);
    return node;
}

} // namespace newsgraph
