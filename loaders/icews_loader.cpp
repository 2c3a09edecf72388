// `icews`: ICEWS temporal-KG facts as relationships between actor nodes.
//
// Named files hold `subject<TAB>relation<TAB>object<TAB>YYYY-MM-DD` (names with spaces, or with
// '_' for spaces as in TLogic's files: a name without a space has its underscores read as spaces).
// Id files hold `subject_id<TAB>relation_id<TAB>object_id<TAB>time` with entity2id.txt and
// relation2id.txt (`Name<TAB>id`) beside them; time counts days from 2014-01-01 (ICEWS14) or
// 2005-01-01 (ICEWS05-15), or hours from 2018-01-01 (ICEWS18), told apart by the path.
//
// A relation whose name matches a CAMEO description (see CameoEvents::matchName) takes that code's
// verb as its type and carries code, base_code and root_code; others are typed by their own name
// under the same naming rule. Country names resolve to the one country node; a sector name
// "Role (Parent)" (Citizen (Nigeria), Police (India)) is an :Actor with `role`, linked
// -[:SECTOR_OF]-> to its parent (the country, or an actor of that name), with `country` set when
// the parent is a country.
#include <algorithm>
#include <array>
#include <deque>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "loaders/cameo.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/name_cache.hpp"
#include "loaders/news_load.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/progress.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

constexpr size_t kFactColumns = 4;
constexpr size_t kMapColumns = 2;
constexpr int64_t kHoursPerDay = 24;
constexpr uint64_t kProgressEvery = 8192;
constexpr std::string_view kEntityMap = "entity2id.txt";
constexpr std::string_view kRelationMap = "relation2id.txt";
constexpr std::array<std::string_view, 3> kIdSplits = {"train.txt", "valid.txt", "test.txt"};
constexpr std::string_view kGovernmentRole = "Government";

struct TimeOrigin {
    Date epoch;
    bool hours = false;
};

std::string lowerPath(const std::string& path) {
    std::string out = std::filesystem::absolute(path).string();
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

TimeOrigin timeOrigin(const std::string& path) {
    const std::string lower = lowerPath(path);
    if (lower.find("icews18") != std::string::npos) {
        return {*Date::fromCivil(2018, 1, 1), true};
    }
    if (lower.find("icews05-15") != std::string::npos || lower.find("icews0515") != std::string::npos) {
        return {*Date::fromCivil(2005, 1, 1), false};
    }
    if (lower.find("icews14") != std::string::npos) {
        return {*Date::fromCivil(2014, 1, 1), false};
    }
    throw LoadError(path, 0, "cannot tell the time origin of ICEWS id files: the path names none of icews14, "
                             "icews05-15 and icews18 (load the named files instead)");
}

bool hasSpace(std::string_view text) {
    return text.find(' ') != std::string_view::npos;
}

// TLogic's files write spaces as '_'.
std::string displayName(std::string_view raw) {
    std::string name(trimText(raw));
    if (!hasSpace(name)) {
        std::replace(name.begin(), name.end(), '_', ' ');
    }
    return name;
}

// A relation name resolved once: its type and, for CAMEO-coded ones, the codes interned in the pool.
struct Relation {
    TypeId type = 0;
    bool coded = false;
    InternedString code{}, baseCode{}, rootCode{};
};

class IcewsLoad {
public:
    IcewsLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report)
        : builder_(builder), options_(options), report_(report), schema_(builder), resolver_(builder, schema_),
          events_(CameoEvents::builtin()), sectorOf_(builder.catalog().internType("SECTOR_OF")),
          baseCodeKey_(builder.catalog().internKey("base_code")), rootCodeKey_(builder.catalog().internKey("root_code")) {}

    void loadNamedFile(const std::string& path, Progress& progress) {
        LineReader lines(path);
        RecordReader records(lines, RecordDialect{'\t', false});
        const InternedString source = builder_.internString(provenanceName(path));
        while (records.next()) {
            report_.countRow(options_, path);
            if (report_.rowsRead % kProgressEvery == 0) {
                progress.update(lines.bytesRead(), report_.rowsRead);
            }
            if (records.size() != kFactColumns) {
                reject(path, records.line(), fmt::format("expected 4 tab-separated fields (subject, relation, object, "
                                                         "date), found {}", records.size()));
                continue;
            }
            if (!isAscii(records.raw())) {
                if (const size_t bad = firstInvalidUtf8Field(records.fields())) {
                    reject(path, records.line(), fmt::format("invalid UTF-8 in field {}", bad));
                    continue;
                }
            }
            const std::string_view dateText = trimText(records[3]);
            const std::optional<Date> date = parseIsoDate(dateText);
            if (!date) {
                reject(path, records.line(), fmt::format("date '{}' is not YYYY-MM-DD", dateText));
                continue;
            }
            if (trimText(records[0]).empty() || trimText(records[1]).empty() || trimText(records[2]).empty()) {
                reject(path, records.line(), "empty subject, relation or object");
                continue;
            }
            const NodeId subject = entity(records[0]);
            const Relation& relation = relationOf(records[1]);
            const NodeId object = entity(records[2]);
            addFact(subject, relation, object, *date, source);
        }
        if (lines.error()) {
            reject(path, lines.errorLine(), *lines.error());
        }
    }

    void loadIdFile(const std::string& path, Progress& progress) {
        const std::string folder = std::filesystem::path(path).parent_path().string();
        loadMaps(folder);
        const TimeOrigin origin = timeOrigin(path);
        LineReader lines(path);
        RecordReader records(lines, RecordDialect{'\t', false});
        const InternedString source = builder_.internString(provenanceName(path));
        while (records.next()) {
            report_.countRow(options_, path);
            if (report_.rowsRead % kProgressEvery == 0) {
                progress.update(lines.bytesRead(), report_.rowsRead);
            }
            if (records.size() < kFactColumns) {
                reject(path, records.line(), fmt::format("expected 4 tab-separated ids (subject, relation, object, "
                                                         "time), found {} fields", records.size()));
                continue;
            }
            std::array<int64_t, kFactColumns> ids{};
            bool ok = true;
            for (size_t i = 0; i < kFactColumns && ok; ++i) {
                const std::optional<int64_t> value = parseInteger(trimText(records[i]));
                if (!value || *value < 0) {
                    reject(path, records.line(), fmt::format("field {} ('{}') is not a non-negative integer", i + 1,
                                                             records[i]));
                    ok = false;
                } else {
                    ids[i] = *value;
                }
            }
            if (!ok) {
                continue;
            }
            if (static_cast<size_t>(ids[0]) >= entityNames_.size() || entityNames_[static_cast<size_t>(ids[0])].empty() ||
                static_cast<size_t>(ids[2]) >= entityNames_.size() || entityNames_[static_cast<size_t>(ids[2])].empty()) {
                reject(path, records.line(), fmt::format("unknown entity id {} or {}", ids[0], ids[2]));
                continue;
            }
            if (static_cast<size_t>(ids[1]) >= relationNames_.size() || relationNames_[static_cast<size_t>(ids[1])].empty()) {
                reject(path, records.line(), fmt::format("unknown relation id {}", ids[1]));
                continue;
            }
            if (origin.hours && ids[3] % kHoursPerDay != 0) {
                reject(path, records.line(), fmt::format("time {} is not a whole number of days in hours", ids[3]));
                continue;
            }
            const int64_t days = origin.hours ? ids[3] / kHoursPerDay : ids[3];
            const Date date = Date::fromDays(origin.epoch.days() + static_cast<int32_t>(days));
            const NodeId subject = entityById(static_cast<size_t>(ids[0]));
            const NodeId object = entityById(static_cast<size_t>(ids[2]));
            const Relation& relation = relationOf(relationNames_[static_cast<size_t>(ids[1])]);
            addFact(subject, relation, object, date, source);
        }
        if (lines.error()) {
            reject(path, lines.errorLine(), *lines.error());
        }
    }

    void finish() { report_.merged += resolver_.merged(); }

private:
    void reject(const std::string& path, uint64_t line, const std::string& reason) {
        report_.reject(options_, path, line, reason);
    }

    void addFact(NodeId subject, const Relation& relation, NodeId object, Date date, InternedString source) {
        const RelId rel = builder_.addRelationship(subject, relation.type, object);
        builder_.setRelProperty(rel, schema_.dateKey, Value(date));
        builder_.setRelProperty(rel, schema_.sourceKey, source);
        if (relation.coded) {
            builder_.setRelProperty(rel, schema_.codeKey, relation.code);
            builder_.setRelProperty(rel, baseCodeKey_, relation.baseCode);
            builder_.setRelProperty(rel, rootCodeKey_, relation.rootCode);
        }
    }

    // entity2id.txt and relation2id.txt of an id folder (once per folder).
    void loadMaps(const std::string& folder) {
        if (folder == mapsFolder_) {
            return;
        }
        mapsFolder_ = folder;
        entityNames_.clear();
        entityNodes_.clear();
        relationNames_.clear();
        readMap(joinPath(folder, kEntityMap), entityNames_);
        readMap(joinPath(folder, kRelationMap), relationNames_);
        entityNodes_.assign(entityNames_.size(), kInvalidNode);
    }

    static void readMap(const std::string& path, std::vector<std::string>& names) {
        if (!fileExists(path)) {
            throw LoadError(path, 0, "cannot open: an ICEWS id file needs this map beside it");
        }
        LineReader lines(path);
        std::string_view line;
        while (lines.next(line)) {
            if (trimText(line).empty()) {
                continue;
            }
            const size_t tab = line.rfind('\t');
            const std::optional<int64_t> id =
                tab == std::string_view::npos ? std::nullopt : parseInteger(trimText(line.substr(tab + 1)));
            if (!id || *id < 0 || findInvalidUtf8(line)) {
                throw LoadError(path, lines.lineNumber(), "expected 'Name<TAB>id' with a non-negative id in UTF-8");
            }
            const auto index = static_cast<size_t>(*id);
            if (index >= names.size()) {
                names.resize(index + 1);
            }
            names[index] = std::string(line.substr(0, tab));
        }
        if (lines.error()) {
            throw LoadError(path, lines.errorLine(), *lines.error());
        }
    }

    NodeId entityById(size_t id) {
        if (entityNodes_[id] == kInvalidNode) {
            entityNodes_[id] = entity(entityNames_[id]);
        }
        return entityNodes_[id];
    }

    NodeId entity(std::string_view raw) {
        if (const uint32_t known = entities_.find(raw); known != NameCache::kMissing) {
            return known;
        }
        const NodeId node = resolveEntity(displayName(raw));
        entities_.insert(raw, node);
        return node;
    }

    NodeId resolveEntity(const std::string& name) {
        const size_t open = name.find(" (");
        if (open != std::string::npos && name.back() == ')') {
            return sector(name, name.substr(0, open), name.substr(open + 2, name.size() - open - 3));
        }
        if (lookupCountry(name)) {
            return *resolver_.country(name);
        }
        const std::array<LabelId, 1> labels{schema_.actor};
        return resolver_.actor(name, labels);
    }

    NodeId sector(const std::string& name, const std::string& role, const std::string& parentName) {
        const NodeId before = builder_.nodeCount();
        std::vector<LabelId> labels{schema_.actor};
        if (role == kGovernmentRole) {
            labels.push_back(schema_.government);
        }
        const NodeId node = resolver_.actor(name, labels);
        if (node < before) {
            return node; // known from an earlier load, links included
        }
        builder_.setNodeProperty(node, schema_.roleKey, Value(role));
        NodeId parent = kInvalidNode;
        if (std::optional<CountryRef> ref = lookupCountry(parentName)) {
            parent = *resolver_.country(parentName);
            if (!ref->region) {
                builder_.setNodeProperty(node, schema_.countryKey, Value(std::string(ref->code)));
            }
        } else {
            const std::array<LabelId, 1> actor{schema_.actor};
            parent = resolver_.actor(parentName, actor);
        }
        builder_.addRelationship(node, sectorOf_, parent);
        return node;
    }

    const Relation& relationOf(std::string_view raw) {
        if (const uint32_t known = relationIndex_.find(raw); known != NameCache::kMissing) {
            return relations_[known];
        }
        const std::string name = displayName(raw);
        Relation relation;
        if (const CameoEvent* event = events_.matchName(name)) {
            relation.type = builder_.catalog().internType(event->verb);
            relation.coded = true;
            relation.code = builder_.internString(event->code);
            relation.baseCode = builder_.internString(event->baseCode);
            relation.rootCode = builder_.internString(event->rootCode);
        } else {
            relation.type = builder_.catalog().internType(cameoVerb(name));
        }
        relationIndex_.insert(raw, static_cast<uint32_t>(relations_.size()));
        relations_.push_back(std::move(relation));
        return relations_.back();
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    NewsSchema schema_;
    EntityResolver resolver_;
    const CameoEvents& events_;
    TypeId sectorOf_;
    PropertyKeyId baseCodeKey_, rootCodeKey_;
    NameCache entities_;
    NameCache relationIndex_;
    std::deque<Relation> relations_; // stable addresses: callers keep references

    std::string mapsFolder_;
    std::vector<std::string> entityNames_;
    std::vector<NodeId> entityNodes_;
    std::vector<std::string> relationNames_;
};

bool isIdFolder(const std::string& folder) {
    return fileExists(joinPath(folder, kEntityMap)) && fileExists(joinPath(folder, kRelationMap));
}

struct Plan {
    std::vector<std::string> files;
    bool ids = false;
};

Plan planIcews(const std::string& path) {
    Plan plan;
    if (!isDirectory(path)) {
        const std::string folder = std::filesystem::path(path).parent_path().string();
        plan.files = listInputFiles(path, {});
        const std::string name = fileName(path);
        plan.ids = isIdFolder(folder.empty() ? "." : folder) &&
                   std::find(kIdSplits.begin(), kIdSplits.end(), name) != kIdSplits.end();
        return plan;
    }
    std::string folder = path;
    if (!isIdFolder(folder) && isDirectory(joinPath(path, "named"))) {
        folder = joinPath(path, "named");
    } else if (!isIdFolder(folder) && isIdFolder(joinPath(path, "ids"))) {
        folder = joinPath(path, "ids");
    }
    if (isIdFolder(folder)) {
        plan.ids = true;
        for (std::string_view split : kIdSplits) {
            if (fileExists(joinPath(folder, split))) {
                plan.files.push_back(joinPath(folder, split));
            }
        }
        if (plan.files.empty()) {
            throw LoadError(folder, 0, "an ICEWS id folder needs train.txt, valid.txt or test.txt");
        }
        return plan;
    }
    for (const std::string& file : listInputFiles(folder, {".tsv", ".tsv.gz", ".txt", ".txt.gz"})) {
        const std::string name = fileName(file);
        if (name != kEntityMap && name != kRelationMap && name != "stat.txt") {
            plan.files.push_back(file);
        }
    }
    return plan;
}

} // namespace

void loadIcews(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    const Plan plan = planIcews(path);
    uint64_t total = 0;
    for (const std::string& file : plan.files) {
        total += std::filesystem::file_size(file);
    }
    runNewsLoad(builder, report, [&] {
        IcewsLoad load(builder, options, report);
        Progress progress("icews", total);
        for (const std::string& file : plan.files) {
            if (plan.ids) {
                load.loadIdFile(file, progress);
            } else {
                load.loadNamedFile(file, progress);
            }
            progress.addDone(std::filesystem::file_size(file));
        }
        load.finish();
    });
}

} // namespace newsgraph
