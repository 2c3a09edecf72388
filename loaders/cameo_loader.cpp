// `cameo`: GDELT's CAMEO lookup files as nodes. Event codes become :EventType nodes linked
// leaf -> base -> root by SUBTYPE_OF (roots -> :QuadClass by IN_QUAD_CLASS); countries and regions
// resolve through the EntityResolver (one node per state); actor types become :ActorType, known
// groups :Actor:Organization, ethnic and religion codes :Ethnicity and :Religion.
#include <algorithm>
#include <array>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "loaders/cameo.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/news_load.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/progress.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kEventHeader = "CAMEOEVENTCODE";
constexpr std::string_view kCodeHeader = "CODE";
constexpr size_t kColumns = 2;
constexpr size_t kQuadCodeLength = 1;

enum class TableKind : uint8_t { Events, Countries, ActorTypes, KnownGroups, Ethnic, Religion };

std::string lowerName(const std::string& path) {
    std::string name = fileName(path);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return name;
}

TableKind tableKind(const std::string& path, std::string_view headerCode) {
    if (headerCode == kEventHeader) {
        return TableKind::Events;
    }
    if (headerCode != kCodeHeader) {
        throw LoadError(path, 1, fmt::format("not a CAMEO lookup file: expected a header 'CAMEOEVENTCODE' or "
                                             "'CODE<TAB>LABEL', found '{}'", headerCode));
    }
    const std::string name = lowerName(path);
    const std::array<std::pair<std::string_view, TableKind>, 5> kinds = {{{"country", TableKind::Countries},
                                                                          {"type", TableKind::ActorTypes},
                                                                          {"group", TableKind::KnownGroups},
                                                                          {"ethnic", TableKind::Ethnic},
                                                                          {"religion", TableKind::Religion}}};
    for (const auto& [word, kind] : kinds) {
        if (name.find(word) != std::string::npos) {
            return kind;
        }
    }
    throw LoadError(path, 0, "cannot tell which CAMEO table this is (its name says none of country, type, group, "
                             "ethnic, religion)");
}

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class CameoLoad {
public:
    CameoLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report)
        : builder_(builder), options_(options), report_(report), schema_(builder), resolver_(builder, schema_),
          subtypeOf_(builder.catalog().internType("SUBTYPE_OF")),
          inQuadClass_(builder.catalog().internType("IN_QUAD_CLASS")), quadLabel_(builder.catalog().internLabel("QuadClass")),
          ethnicLabel_(builder.catalog().internLabel("Ethnicity")),
          religionLabel_(builder.catalog().internLabel("Religion")), verbKey_(builder.catalog().internKey("verb")),
          levelKey_(builder.catalog().internKey("level")), quadKey_(builder.catalog().internKey("quad_class")),
          startNodes_(builder.nodeCount()) {}

    void loadFile(const std::string& path, Progress& progress) {
        LineReader lines(path);
        RecordReader records(lines, RecordDialect{'\t', false});
        if (!records.next()) {
            throw unreadableOrEmpty(lines, "the file is empty (a header line is required)");
        }
        const TableKind kind = tableKind(path, trimText(records[0]));
        while (records.next()) {
            report_.countRow(options_, path);
            progress.update(lines.bytesRead(), report_.rowsRead);
            if (records.size() != kColumns) {
                report_.reject(options_, path, records.line(),
                               fmt::format("expected 2 tab-separated fields (code, label), found {}", records.size()));
                continue;
            }
            if (const size_t bad = firstInvalidUtf8Field(records.fields())) {
                report_.reject(options_, path, records.line(), fmt::format("invalid UTF-8 in field {}", bad));
                continue;
            }
            const std::string_view code = trimText(records[0]);
            const std::string_view label = trimText(records[1]);
            if (code.empty() || label.empty()) {
                report_.reject(options_, path, records.line(), "empty code or label");
                continue;
            }
            if (kind == TableKind::Events && !allDigits(code)) {
                report_.reject(options_, path, records.line(), fmt::format("event code '{}' is not numeric", code));
                continue;
            }
            applyNewsRow(builder_, report_, options_, path, records.line(), [&] { addRow(kind, code, label); });
        }
        if (lines.error()) {
            report_.reject(options_, path, lines.errorLine(), *lines.error());
        }
    }

    // Links every event type to its parent once all files are in.
    void linkHierarchy() {
        for (const auto& [code, node] : eventNodes_) {
            if (code.size() == kQuadCodeLength) {
                continue;
            }
            std::string parent;
            if (code.size() > 3) {
                parent = code.substr(0, 3);
            } else if (code.size() == 3) {
                parent = code.substr(0, 2);
            }
            if (!parent.empty()) {
                if (auto it = eventNodes_.find(parent); it != eventNodes_.end() && isNew(node)) {
                    builder_.addRelationship(node, subtypeOf_, it->second);
                }
                continue;
            }
            const int quad = cameoQuadClass(code);
            if (auto it = quadNodes_.find(std::to_string(quad)); it != quadNodes_.end() && isNew(node)) {
                builder_.addRelationship(node, inQuadClass_, it->second);
            }
        }
        report_.merged += resolver_.merged();
    }

private:
    // Only event types this load created are linked (earlier loads linked theirs).
    bool isNew(NodeId node) const { return node >= startNodes_; }

    NodeId findOrCreate(LabelId label, std::string_view code, std::string_view name) {
        auto [node, created] = builder_.findOrCreateNode(label, schema_.codeKey, code);
        if (created) {
            builder_.setNodeProperty(node, schema_.nameKey, Value(std::string(name)));
        } else {
            ++report_.merged;
        }
        return node;
    }

    void addEvent(std::string_view code, std::string_view description) {
        for (const auto& [rowCode, text] : repairCameoEventRow(code, description)) {
            if (rowCode.size() == kQuadCodeLength) {
                quadNodes_[rowCode] = findOrCreate(quadLabel_, rowCode, text);
                continue;
            }
            auto [node, created] = builder_.findOrCreateNode(schema_.eventType, schema_.codeKey, rowCode);
            if (!created) {
                ++report_.merged;
                eventNodes_[rowCode] = node;
                continue;
            }
            builder_.setNodeProperty(node, schema_.nameKey, Value(text));
            builder_.setNodeProperty(node, verbKey_, Value(cameoVerb(text)));
            const char* level = rowCode.size() == 2 ? "root" : rowCode.size() == 3 ? "base" : "code";
            builder_.setNodeProperty(node, levelKey_, Value(level));
            builder_.setNodeProperty(node, quadKey_, Value(cameoQuadClass(rowCode.substr(0, 2))));
            eventNodes_[rowCode] = node;
        }
    }

    void addGroup(std::string_view code, std::string_view label) {
        std::string name(label);
        std::string shortName;
        if (const size_t open = name.rfind(" ("); open != std::string::npos && name.back() == ')') {
            shortName = name.substr(open + 2, name.size() - open - 3);
            name.erase(open);
        }
        NodeId node = kInvalidNode;
        if (auto found = builder_.lookup(schema_.organization, schema_.codeKey, code); !found.empty()) {
            node = found.front();
            ++report_.merged;
        } else {
            const std::array<LabelId, 2> labels{schema_.actor, schema_.organization};
            node = builder_.addNode(labels);
            builder_.setNodeProperty(node, schema_.nameKey, Value(name));
            builder_.setNodeProperty(node, schema_.codeKey, Value(std::string(code)));
        }
        const Value current = builder_.nodeProperty(node, schema_.nameKey);
        for (const std::string& alias : {name, shortName}) {
            if (!alias.empty() && (current.type() != ValueType::String || looseKey(current.asString()) != looseKey(alias))) {
                builder_.addAlias(node, alias);
            }
        }
    }

    void addRow(TableKind kind, std::string_view code, std::string_view label) {
        switch (kind) {
        case TableKind::Events: addEvent(code, label); return;
        case TableKind::Countries: {
            std::optional<CountryRef> known = lookupCountry(code);
            const CountryRef ref = known ? *known : CountryRef{code, label, isCameoRegion(code)};
            const NodeId before = builder_.nodeCount();
            const NodeId node = resolver_.country(ref);
            resolver_.noteResolved(code, node, node >= before);
            const Value name = builder_.nodeProperty(node, schema_.nameKey);
            if (name.type() == ValueType::String && looseKey(name.asString()) != looseKey(label)) {
                builder_.addAlias(node, label);
            }
            return;
        }
        case TableKind::ActorTypes: findOrCreate(schema_.actorType, code, label); return;
        case TableKind::KnownGroups: addGroup(code, label); return;
        case TableKind::Ethnic: findOrCreate(ethnicLabel_, code, label); return;
        case TableKind::Religion: findOrCreate(religionLabel_, code, label); return;
        }
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    NewsSchema schema_;
    EntityResolver resolver_;
    TypeId subtypeOf_;
    TypeId inQuadClass_;
    LabelId quadLabel_;
    LabelId ethnicLabel_;
    LabelId religionLabel_;
    PropertyKeyId verbKey_;
    PropertyKeyId levelKey_;
    PropertyKeyId quadKey_;
    std::map<std::string, NodeId> eventNodes_;
    std::map<std::string, NodeId> quadNodes_;
    NodeId startNodes_;
};

} // namespace

void loadCameo(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    const std::vector<std::string> files = listInputFiles(path, {".txt", ".tsv"});
    const uint64_t total = totalFileSize(files);
    runNewsLoad(builder, report, [&] {
        CameoLoad load(builder, options, report);
        Progress progress("cameo", total);
        for (const std::string& file : files) {
            load.loadFile(file, progress);
            progress.addDone(std::filesystem::file_size(file));
        }
        load.linkHierarchy();
    });
}

} // namespace newsgraph
