// `misp`: MISP galaxy clusters of threat actors, merged into one :Actor:Group per actor.
//
// Files: threat-actor.json first (each of its clusters is its own group), then
// mitre-intrusion-set.json and microsoft-activity-group.json, whose clusters join an existing group
// when their name (MITRE's " - G0128" suffix dropped) is a group's name, else a group's alias, else
// when one of their synonyms is a group's name; otherwise they become new groups. Every name
// (value, meta.synonyms, the names of meta.name-attribution) becomes an alias, so APT31 = ZIRCONIUM
// = JUDGMENT PANDA = Violet Typhoon is one node. meta.country (ISO alpha-2) gives `country` and
// -[:BASED_IN]->(country); meta.cfr-suspected-state-sponsor -[:SUSPECTED_STATE_SPONSOR]->(country);
// meta.cfr-suspected-victims -[:TARGETED]->(country, or an :Actor of that name). Relationships
// carry `source` (the galaxy file).
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "loaders/json_depth.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/news_load.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/progress.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 3> kGalaxyOrder = {"threat-actor.json", "mitre-intrusion-set.json",
                                                         "microsoft-activity-group.json"};
constexpr std::string_view kUnknown = "Unknown";

std::vector<std::string> stringList(const Json& value) {
    std::vector<std::string> out;
    if (value.is_string()) {
        out.push_back(value.get<std::string>());
    } else if (value.is_array()) {
        for (const Json& item : value) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

std::string stringField(const Json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? std::string(trimText(it->get<std::string>())) : std::string();
}

// The line of byte `offset` of `text` (1-based).
uint64_t lineOf(const std::string& text, size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

class MispLoad {
public:
    MispLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report)
        : builder_(builder), options_(options), report_(report), schema_(builder), resolver_(builder, schema_),
          basedIn_(builder.catalog().internType("BASED_IN")),
          sponsor_(builder.catalog().internType("SUSPECTED_STATE_SPONSOR")),
          targeted_(builder.catalog().internType("TARGETED")), uuidKey_(builder.catalog().internKey("uuid")),
          mitreKey_(builder.catalog().internKey("mitre_id")),
          confidenceKey_(builder.catalog().internKey("attribution_confidence")) {}

    void loadFile(const std::string& path) {
        std::ifstream input(path, std::ios::binary);
        if (!input) {
            throw LoadError(path, 0, "cannot open");
        }
        std::stringstream buffer;
        buffer << input.rdbuf();
        const std::string text = buffer.str();
        if (trimText(text).empty()) {
            throw LoadError(path, 0, "the file is empty");
        }
        if (const auto deep = jsonTooDeepAt(text)) {
            throw LoadError(path, lineOf(text, *deep),
                            fmt::format("not valid JSON: arrays and objects nested more than {} levels deep", kMaxJsonDepth));
        }
        Json document;
        try {
            document = Json::parse(text);
        } catch (const Json::parse_error& error) {
            throw LoadError(path, lineOf(text, error.byte), fmt::format("not valid JSON: {}", error.what()));
        }
        if (!document.is_object() || !document.contains("values") || !document["values"].is_array()) {
            throw LoadError(path, 0, "not a MISP galaxy cluster file (no 'values' array)");
        }
        const Value source{fileName(path)};
        size_t index = 0;
        for (const Json& entry : document["values"]) {
            ++index;
            report_.countRow(options_, path);
            const std::string value = stringField(entry, "value");
            if (value.empty()) {
                report_.reject(options_, path, 0, fmt::format("cluster #{} has no 'value' (name)", index));
                continue;
            }
            applyNewsRow(builder_, report_, options_, path, 0, [&] { addCluster(entry, value, source); });
        }
    }

    void finish() { report_.merged += resolver_.merged(); }

private:
    void link(NodeId from, TypeId type, NodeId to, const Value& source) {
        if (!edges_.insert({from, type, to}).second) {
            return;
        }
        const RelId rel = builder_.addRelationship(from, type, to);
        builder_.setRelProperty(rel, schema_.sourceKey, source);
    }

    std::optional<NodeId> existingGroup(const std::string& name, const std::vector<std::string>& synonyms) {
        if (auto found = builder_.lookup(schema_.group, schema_.nameKey, name); !found.empty()) {
            return found.front();
        }
        if (auto found = builder_.lookup(schema_.group, schema_.aliasesKey, name); !found.empty()) {
            return found.front();
        }
        for (const std::string& synonym : synonyms) {
            if (auto found = builder_.lookup(schema_.group, schema_.nameKey, synonym); !found.empty()) {
                return found.front();
            }
        }
        return std::nullopt;
    }

    void addCluster(const Json& entry, const std::string& value, const Value& source) {
        static const std::regex mitreSuffix(R"(\s+-\s+G\d{4}$)");
        const std::string name = std::regex_replace(value, mitreSuffix, "");
        const Json meta = entry.contains("meta") ? entry["meta"] : Json::object();
        std::vector<std::string> synonyms = stringList(meta.is_object() && meta.contains("synonyms") ? meta["synonyms"] : Json());
        if (meta.is_object() && meta.contains("name-attribution")) {
            for (const std::string& item : stringList(meta["name-attribution"])) {
                synonyms.emplace_back(trimText(std::string_view(item).substr(0, item.find(':'))));
            }
        }
        NodeId group = kInvalidNode;
        if (auto found = existingGroup(name, synonyms)) {
            group = *found;
            resolver_.countMerge();
        } else {
            const std::array<LabelId, 2> labels{schema_.actor, schema_.group};
            group = builder_.addNode(labels);
            builder_.setNodeProperty(group, schema_.nameKey, Value(name));
        }
        const Value current = builder_.nodeProperty(group, schema_.nameKey);
        const std::string groupName = current.type() == ValueType::String ? current.asString() : name;
        std::set<std::string> added;
        for (const std::string& alias : synonyms) {
            const std::string trimmed(trimText(alias));
            if (!trimmed.empty() && NodeIndex::normalize(trimmed) != NodeIndex::normalize(groupName) &&
                added.insert(NodeIndex::normalize(trimmed)).second) {
                builder_.addAlias(group, trimmed);
            }
        }
        if (NodeIndex::normalize(name) != NodeIndex::normalize(groupName)) {
            builder_.addAlias(group, name);
        }
        setIfAbsent(group, schema_.descriptionKey, stringField(entry, "description"));
        setIfAbsent(group, uuidKey_, stringField(entry, "uuid"));
        setIfAbsent(group, mitreKey_, stringField(meta, "external_id"));
        setIfAbsent(group, confidenceKey_, stringField(meta, "attribution-confidence"));
        const std::string origin = stringField(meta, "country");
        if (!origin.empty()) {
            if (auto country = resolver_.country(origin)) {
                if (auto ref = lookupCountry(origin); ref && !ref->region) {
                    setIfAbsent(group, schema_.countryKey, std::string(ref->code));
                }
                link(group, basedIn_, *country, source);
            }
        }
        for (const std::string& sponsor : stringList(meta.is_object() && meta.contains("cfr-suspected-state-sponsor")
                                                         ? meta["cfr-suspected-state-sponsor"]
                                                         : Json())) {
            if (trimText(sponsor) == kUnknown) {
                continue;
            }
            if (auto country = resolver_.country(sponsor)) {
                link(group, sponsor_, *country, source);
            }
        }
        for (const std::string& victim : stringList(meta.is_object() && meta.contains("cfr-suspected-victims")
                                                        ? meta["cfr-suspected-victims"]
                                                        : Json())) {
            const std::string_view text = trimText(victim);
            if (text.empty()) {
                continue;
            }
            std::optional<NodeId> target = resolver_.country(text);
            if (!target) {
                const std::array<LabelId, 1> labels{schema_.actor};
                target = resolver_.actor(text, labels);
            }
            link(group, targeted_, *target, source);
        }
    }

    void setIfAbsent(NodeId node, PropertyKeyId key, const std::string& text) {
        if (!text.empty() && builder_.nodeProperty(node, key).isNull()) {
            builder_.setNodeProperty(node, key, Value(text));
        }
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    NewsSchema schema_;
    EntityResolver resolver_;
    TypeId basedIn_, sponsor_, targeted_;
    PropertyKeyId uuidKey_, mitreKey_, confidenceKey_;
    std::set<std::tuple<NodeId, TypeId, NodeId>> edges_;
};

// Galaxy files in merge order: threat-actor, MITRE, Microsoft, then any other by name.
std::vector<std::string> galaxyFiles(const std::string& path) {
    std::vector<std::string> files = listInputFiles(path, {".json"});
    auto rank = [](const std::string& file) {
        const std::string name = fileName(file);
        for (size_t i = 0; i < kGalaxyOrder.size(); ++i) {
            if (name == kGalaxyOrder[i]) {
                return i;
            }
        }
        return kGalaxyOrder.size();
    };
    std::stable_sort(files.begin(), files.end(),
                     [&](const std::string& lhs, const std::string& rhs) { return rank(lhs) < rank(rhs); });
    return files;
}

} // namespace

void loadMisp(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    const std::vector<std::string> files = galaxyFiles(path);
    runNewsLoad(builder, report, [&] {
        MispLoad load(builder, options, report);
        for (const std::string& file : files) {
            load.loadFile(file);
        }
        load.finish();
    });
}

} // namespace newsgraph
