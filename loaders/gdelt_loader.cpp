// `gdelt`: GDELT event rows as CAMEO-typed relationships between actor nodes.
//
// Layouts, detected per row by the number of tab-separated fields: GDELT 1.0 historical backfile (57
// fields, no SOURCEURL), GDELT 1.0 daily (58) and GDELT 2.0 (61); the first 35 fields are the same
// in all three. A file whose first line starts with "GLOBALEVENTID" is the comma-separated variant
// with a header (the West Africa extract: 59 columns, `NA` for empty, numeric codes that lost their
// leading zeros, which are restored from the root code); its columns are found by name.
#include <algorithm>
#include <array>
#include <cmath>
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
#include "loaders/string_cache.hpp"

namespace newsgraph {

namespace {

constexpr size_t kHistoricalColumns = 57;
constexpr size_t kDailyColumns = 58;
constexpr size_t kV2Columns = 61;
constexpr size_t kHistoricalSourceless = 0; // marker: no SOURCEURL column
constexpr size_t kDailySourceColumn = 57;
constexpr size_t kV2SourceColumn = 60;
constexpr std::string_view kHeaderStart = "GLOBALEVENTID";
constexpr std::string_view kMissing = "NA";
constexpr std::string_view kGovernmentType = "GOV";
constexpr size_t kRootDigits = 2;
constexpr size_t kBaseDigits = 3;
constexpr size_t kMaxCodeDigits = 4;
constexpr size_t kCountryCodeLength = 3;
constexpr double kMaxGoldstein = 10.0;
constexpr uint64_t kProgressEvery = 4096;
constexpr std::string_view kStandInId = "gdelt:no-actor";
constexpr std::string_view kStandInName = "(no actor coded)";

// An open-addressing set of 64-bit event ids (0 is never an id: GLOBALEVENTID is positive).
class EventIdSet {
public:
    EventIdSet() : slots_(kInitialSlots, 0) {}
    // Adds `id`; false when it was there already.
    bool insert(uint64_t id) {
        if ((size_ + 1) * kLoadDenominator > slots_.size() * kLoadNumerator) {
            grow();
        }
        return place(slots_, id);
    }

private:
    static constexpr size_t kInitialSlots = 1U << 12;
    static constexpr size_t kLoadNumerator = 7;
    static constexpr size_t kLoadDenominator = 10;

    static size_t slotOf(uint64_t id, size_t mask) {
        constexpr uint64_t kMix = 0x9E3779B97F4A7C15ULL;
        constexpr unsigned kShift = 29;
        uint64_t h = id * kMix;
        h ^= h >> kShift;
        return static_cast<size_t>(h) & mask;
    }

    bool place(std::vector<uint64_t>& slots, uint64_t id) {
        const size_t mask = slots.size() - 1;
        for (size_t at = slotOf(id, mask);; at = (at + 1) & mask) {
            if (slots[at] == id) {
                return false;
            }
            if (slots[at] == 0) {
                slots[at] = id;
                ++size_;
                return true;
            }
        }
    }

    void grow() {
        std::vector<uint64_t> bigger(slots_.size() * 2, 0);
        size_ = 0;
        for (uint64_t id : slots_) {
            if (id != 0) {
                place(bigger, id);
            }
        }
        slots_ = std::move(bigger);
    }

    std::vector<uint64_t> slots_;
    size_t size_ = 0;
};

// Where the fields a relationship needs sit in a row.
struct Layout {
    size_t eventId = 0, sqlDate = 1;
    std::array<size_t, 5> actor1{5, 6, 7, 8, 12};  // code, name, country, known group, type 1
    std::array<size_t, 5> actor2{15, 16, 17, 18, 22};
    size_t eventCode = 26, baseCode = 27, rootCode = 28, quadClass = 29, goldstein = 30, mentions = 31, tone = 34;
    size_t source = kHistoricalSourceless;
    bool hasSource = false;
    size_t columns = 0;
    bool csv = false; // `NA` means empty, codes may have lost leading zeros
};

Layout tsvLayout(size_t columns) {
    Layout layout;
    layout.columns = columns;
    if (columns == kDailyColumns) {
        layout.source = kDailySourceColumn;
        layout.hasSource = true;
    } else if (columns == kV2Columns) {
        layout.source = kV2SourceColumn;
        layout.hasSource = true;
    }
    return layout;
}

Layout csvLayout(const std::vector<std::string_view>& header, const std::string& path) {
    Layout layout;
    layout.csv = true;
    layout.columns = header.size();
    auto column = [&](std::string_view name) -> size_t {
        for (size_t i = 0; i < header.size(); ++i) {
            if (trimText(header[i]) == name) {
                return i;
            }
        }
        throw LoadError(path, 1, fmt::format("the GDELT header has no column '{}'", name));
    };
    layout.eventId = column("GLOBALEVENTID");
    layout.sqlDate = column("SQLDATE");
    const std::array<std::string_view, 5> suffixes{"Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code"};
    for (size_t i = 0; i < suffixes.size(); ++i) {
        layout.actor1[i] = column(fmt::format("Actor1{}", suffixes[i]));
        layout.actor2[i] = column(fmt::format("Actor2{}", suffixes[i]));
    }
    layout.eventCode = column("EventCode");
    layout.baseCode = column("EventBaseCode");
    layout.rootCode = column("EventRootCode");
    layout.quadClass = column("QuadClass");
    layout.goldstein = column("GoldsteinScale");
    layout.mentions = column("NumMentions");
    layout.tone = column("AvgTone");
    for (size_t i = 0; i < header.size(); ++i) {
        if (trimText(header[i]) == "SOURCEURL") {
            layout.source = i;
            layout.hasSource = true;
        }
    }
    return layout;
}

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct ActorFields {
    std::string_view code, name, country, knownGroup, type;
};

class GdeltLoad {
public:
    GdeltLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report, GdeltStats& stats)
        : builder_(builder), options_(options), report_(report), stats_(stats), schema_(builder),
          resolver_(builder, schema_), events_(CameoEvents::builtin()),
          sectorOf_(builder.catalog().internType("SECTOR_OF")), eventIdKey_(builder.catalog().internKey("event_id")),
          baseCodeKey_(builder.catalog().internKey("base_code")), rootCodeKey_(builder.catalog().internKey("root_code")),
          quadKey_(builder.catalog().internKey("quad_class")), goldsteinKey_(builder.catalog().internKey("goldstein")),
          toneKey_(builder.catalog().internKey("tone")), mentionsKey_(builder.catalog().internKey("mentions")),
          rowsKey_(builder.catalog().internKey("rows")) {
        seedEventIds();
    }

    // Loads one file; false when `sniff` is set and the file is not a GDELT event file.
    bool loadFile(const std::string& path, bool sniff, Progress& progress) {
        LineReader lines(path);
        std::string_view first;
        if (!lines.next(first)) {
            if (lines.error()) {
                report_.reject(options_, path, lines.errorLine(), *lines.error());
                return true;
            }
            if (sniff) {
                return false;
            }
            throw LoadError(path, 0, "the file is empty");
        }
        path_ = &path;
        if (first.substr(0, kHeaderStart.size()) == kHeaderStart) {
            std::vector<std::string_view> names;
            splitComma(first, names);
            const Layout layout = csvLayout(names, path); // before the next read moves `first`
            RecordReader records(lines, RecordDialect{',', true});
            readRows(records, &layout, progress);
        } else {
            const size_t columns = static_cast<size_t>(std::count(first.begin(), first.end(), '\t')) + 1;
            const bool known = columns == kHistoricalColumns || columns == kDailyColumns || columns == kV2Columns;
            if (sniff && !known) {
                return false;
            }
            RecordReader records(lines, RecordDialect{'\t', false});
            // The first line was consumed by the sniffing: split it the same way.
            firstLine_ = std::string(first);
            readRows(records, nullptr, progress);
        }
        if (lines.error()) {
            report_.reject(options_, path, lines.errorLine(), *lines.error());
        }
        return true;
    }

    void finish() {
        if (standIn_ != kInvalidNode && stats_.standInEndpoints > 0) {
            const Value old = builder_.nodeProperty(standIn_, rowsKey_);
            const int64_t before = old.type() == ValueType::Int ? old.asInt() : 0;
            builder_.setNodeProperty(standIn_, rowsKey_, Value(before + static_cast<int64_t>(stats_.standInEndpoints)));
        }
        report_.merged += resolver_.merged();
    }

private:
    static void splitComma(std::string_view line, std::vector<std::string_view>& out) {
        out.clear();
        size_t start = 0;
        while (true) {
            const size_t cut = line.find(',', start);
            out.push_back(line.substr(start, cut == std::string_view::npos ? cut : cut - start));
            if (cut == std::string_view::npos) {
                return;
            }
            start = cut + 1;
        }
    }

    void seedEventIds() {
        const std::optional<PropertyKeyId> key = builder_.catalog().findKey("event_id");
        if (!key) {
            return;
        }
        for (RelId rel = 0; rel < builder_.relCount(); ++rel) {
            if (builder_.relDeleted(rel)) {
                continue;
            }
            const Value id = builder_.relProperty(rel, *key);
            if (id.type() == ValueType::Int && id.asInt() > 0) {
                seen_.insert(static_cast<uint64_t>(id.asInt()));
            }
        }
    }

    void readRows(RecordReader& records, const Layout* csv, Progress& progress) {
        std::vector<std::string_view> firstFields;
        if (!firstLine_.empty()) {
            // The sniffed first line of a TSV file.
            const std::string line = std::move(firstLine_);
            firstLine_.clear();
            size_t start = 0;
            while (true) {
                const size_t cut = line.find('\t', start);
                firstFields.push_back(std::string_view(line).substr(start, cut == std::string::npos ? cut : cut - start));
                if (cut == std::string::npos) {
                    break;
                }
                start = cut + 1;
            }
            ++report_.rowsRead;
            row(firstFields, nullptr, 1, line);
        }
        while (records.next()) {
            ++report_.rowsRead;
            if (report_.rowsRead % kProgressEvery == 0) {
                progress.update(records.lines().bytesRead(), report_.rowsRead);
            }
            if (records.error()) {
                report_.reject(options_, *path_, records.line(), *records.error());
                continue;
            }
            row(records.fields(), csv, records.line(), records.raw());
        }
    }

    void reject(uint64_t line, const std::string& reason) { report_.reject(options_, *path_, line, reason); }

    std::string_view get(const std::vector<std::string_view>& fields, size_t index, bool csv) const {
        std::string_view text = fields[index];
        if (csv) {
            text = trimText(text);
            if (text == kMissing) {
                return {};
            }
        }
        return text;
    }

    void row(const std::vector<std::string_view>& fields, const Layout* csv, uint64_t line, std::string_view raw) {
        Layout tsv;
        const Layout* layout = csv;
        if (layout == nullptr) {
            const size_t count = fields.size();
            if (count != kHistoricalColumns && count != kDailyColumns && count != kV2Columns) {
                reject(line, fmt::format("expected 57, 58 or 61 tab-separated fields (GDELT 1.0 or 2.0), found {}",
                                         count));
                return;
            }
            tsv = tsvLayout(count);
            layout = &tsv;
        } else if (fields.size() != layout->columns) {
            reject(line, fmt::format("expected {} comma-separated fields, found {}", layout->columns, fields.size()));
            return;
        }
        // An ASCII line is valid UTF-8 in every field; a multi-line CSV record has no single raw line
        // (raw is empty) and is checked field by field.
        if (raw.empty() || !isAscii(raw)) {
            if (const size_t bad = firstInvalidUtf8Field(fields)) {
                reject(line, fmt::format("invalid UTF-8 in field {}", bad));
                return;
            }
        }
        const bool isCsv = layout->csv;
        const std::string_view idText = get(fields, layout->eventId, isCsv);
        const std::optional<int64_t> eventId = parseInteger(idText);
        if (!eventId || *eventId <= 0) {
            reject(line, fmt::format("GLOBALEVENTID '{}' is not a positive integer", idText));
            return;
        }
        const std::string_view dateText = get(fields, layout->sqlDate, isCsv);
        const std::optional<Date> date = parseCompactDate(dateText);
        if (!date) {
            reject(line, fmt::format("SQLDATE '{}' is not a date (YYYYMMDD)", dateText));
            return;
        }
        std::string root(get(fields, layout->rootCode, isCsv));
        std::string base(get(fields, layout->baseCode, isCsv));
        std::string code(get(fields, layout->eventCode, isCsv));
        if (!allDigits(code) || code.size() > kMaxCodeDigits) {
            reject(line, fmt::format("EventCode '{}' is not a CAMEO code", code));
            return;
        }
        if (isCsv) {
            restoreLeadingZeros(root, base, code);
        }
        if (root.empty()) {
            root = code.substr(0, kRootDigits);
        }
        if (base.empty()) {
            base = code.substr(0, std::min(code.size(), kBaseDigits));
        }
        if (!allDigits(root) || !allDigits(base)) {
            reject(line, fmt::format("EventBaseCode '{}' or EventRootCode '{}' is not a CAMEO code", base, root));
            return;
        }
        const std::string_view quadText = get(fields, layout->quadClass, isCsv);
        std::optional<int64_t> quad = quadText.empty() ? std::optional<int64_t>(cameoQuadClass(root)) : parseInteger(quadText);
        if (!quad) {
            reject(line, fmt::format("QuadClass '{}' is not an integer", quadText));
            return;
        }
        const std::string_view goldsteinText = get(fields, layout->goldstein, isCsv);
        const std::optional<double> goldstein = parseNumber(goldsteinText);
        if (!goldsteinText.empty() && (!goldstein || std::abs(*goldstein) > kMaxGoldstein)) {
            reject(line, fmt::format("GoldsteinScale '{}' is not a number in [-10, 10]", goldsteinText));
            return;
        }
        const std::string_view mentionsText = get(fields, layout->mentions, isCsv);
        const std::optional<int64_t> mentions = parseInteger(mentionsText);
        if (!mentionsText.empty() && (!mentions || *mentions < 0)) {
            reject(line, fmt::format("NumMentions '{}' is not a count", mentionsText));
            return;
        }
        const std::string_view toneText = get(fields, layout->tone, isCsv);
        const std::optional<double> tone = parseNumber(toneText);
        if (!toneText.empty() && !tone) {
            reject(line, fmt::format("AvgTone '{}' is not a number", toneText));
            return;
        }
        if (!seen_.insert(static_cast<uint64_t>(*eventId))) {
            ++stats_.duplicates;
            ++report_.merged;
            return;
        }
        const ActorFields actor1 = actorFields(fields, layout->actor1, isCsv);
        const ActorFields actor2 = actorFields(fields, layout->actor2, isCsv);
        const NodeId source = actorNode(actor1);
        const NodeId target = actorNode(actor2);
        if (actor1.code.empty() || actor2.code.empty()) {
            ++stats_.standInEndpoints;
        }
        const RelId rel = builder_.addRelationship(source, eventType(code), target);
        builder_.setRelProperty(rel, eventIdKey_, Value(*eventId));
        builder_.setRelProperty(rel, schema_.codeKey, codeString(code));
        builder_.setRelProperty(rel, baseCodeKey_, codeString(base));
        builder_.setRelProperty(rel, rootCodeKey_, codeString(root));
        builder_.setRelProperty(rel, quadKey_, Value(*quad));
        if (goldstein) {
            builder_.setRelProperty(rel, goldsteinKey_, Value(*goldstein));
        }
        if (tone) {
            builder_.setRelProperty(rel, toneKey_, Value(*tone));
        }
        if (mentions) {
            builder_.setRelProperty(rel, mentionsKey_, Value(*mentions));
        }
        builder_.setRelProperty(rel, schema_.dateKey, Value(*date));
        if (layout->hasSource) {
            const std::string_view url = get(fields, layout->source, isCsv);
            if (!url.empty()) {
                builder_.setRelProperty(rel, schema_.sourceKey, builder_.internString(url));
            }
        }
        ++stats_.events;
    }

    // CAMEO codes come from a few hundred strings: each is interned once and then set by id.
    InternedString codeString(std::string_view code) { return codeStrings_.get(builder_, code); }

    // CSV exports lost the leading zero of codes under root 01-09 ("43" for "043").
    static void restoreLeadingZeros(std::string& root, std::string& base, std::string& code) {
        if (root.size() == 1) {
            root.insert(root.begin(), '0');
        }
        if (root.empty() || root[0] != '0') {
            return;
        }
        if (!code.empty() && code[0] != '0') {
            code.insert(code.begin(), '0');
        }
        if (!base.empty() && base[0] != '0') {
            base.insert(base.begin(), '0');
        }
    }

    ActorFields actorFields(const std::vector<std::string_view>& fields, const std::array<size_t, 5>& at, bool csv) const {
        return ActorFields{get(fields, at[0], csv), get(fields, at[1], csv), get(fields, at[2], csv),
                           get(fields, at[3], csv), get(fields, at[4], csv)};
    }

    TypeId eventType(const std::string& code) {
        if (const uint32_t known = types_.find(code); known != NameCache::kMissing) {
            return static_cast<TypeId>(known);
        }
        // An unknown code takes the type of its base code, else of its root, else CAMEO_<code>.
        const CameoEvent* event = events_.find(code);
        if (event == nullptr) {
            event = events_.find(code.substr(0, std::min(code.size(), kBaseDigits)));
        }
        if (event == nullptr) {
            event = events_.find(code.substr(0, std::min(code.size(), kRootDigits)));
        }
        const std::string name = event != nullptr ? event->verb : "CAMEO_" + code;
        const TypeId type = builder_.catalog().internType(name);
        types_.insert(code, type);
        return type;
    }

    NodeId standIn() {
        if (standIn_ == kInvalidNode) {
            auto [node, created] = builder_.findOrCreateNode(schema_.standIn, schema_.idKey, kStandInId);
            if (created) {
                builder_.addLabel(node, schema_.actor);
                builder_.setNodeProperty(node, schema_.nameKey, Value(std::string(kStandInName)));
            }
            standIn_ = node;
        }
        return standIn_;
    }

    NodeId actorNode(const ActorFields& actor) {
        if (actor.code.empty()) {
            return standIn();
        }
        if (const uint32_t known = actors_.find(actor.code); known != NameCache::kMissing) {
            return known;
        }
        const NodeId node = resolveActor(actor);
        actors_.insert(actor.code, node);
        return node;
    }

    NodeId resolveActor(const ActorFields& actor) {
        if (actor.code.size() == kCountryCodeLength) {
            if (auto country = resolver_.country(actor.code)) {
                return *country;
            }
        }
        if (auto found = builder_.lookup(schema_.actor, schema_.codeKey, actor.code); !found.empty()) {
            resolver_.noteResolved(actor.code, found.front(), false);
            return found.front();
        }
        std::vector<LabelId> labels{schema_.actor};
        if (actor.type == kGovernmentType) {
            labels.push_back(schema_.government);
        } else if (!actor.knownGroup.empty()) {
            labels.push_back(schema_.organization);
        }
        const NodeId node = builder_.addNode(labels);
        builder_.setNodeProperty(node, schema_.codeKey, Value(std::string(actor.code)));
        if (!actor.name.empty()) {
            builder_.setNodeProperty(node, schema_.nameKey, Value(std::string(actor.name)));
        }
        if (!actor.country.empty()) {
            builder_.setNodeProperty(node, schema_.countryKey, Value(std::string(actor.country)));
            if (auto country = resolver_.country(actor.country)) {
                builder_.addRelationship(node, sectorOf_, *country);
            }
        }
        return node;
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    GdeltStats& stats_;
    NewsSchema schema_;
    EntityResolver resolver_;
    const CameoEvents& events_;
    TypeId sectorOf_;
    PropertyKeyId eventIdKey_, baseCodeKey_, rootCodeKey_, quadKey_, goldsteinKey_, toneKey_, mentionsKey_, rowsKey_;
    EventIdSet seen_;
    // Flat caches for the per-row look-ups: event code -> type, actor code -> node, code -> string id.
    NameCache types_;
    NameCache actors_;
    StringCache codeStrings_;
    NodeId standIn_ = kInvalidNode;
    const std::string* path_ = nullptr;
    std::string firstLine_;
};

} // namespace

void loadGdelt(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report,
               GdeltStats& stats) {
    const bool folder = isDirectory(path);
    const std::vector<std::string> files = listInputFiles(path, {});
    const uint64_t total = totalFileSize(files);
    GdeltStats local;
    runNewsLoad(builder, report, [&] {
        GdeltLoad load(builder, options, report, local);
        Progress progress("gdelt", total);
        for (const std::string& file : files) {
            if (!load.loadFile(file, folder, progress)) {
                ++local.filesSkipped;
            }
            progress.addDone(std::filesystem::file_size(file));
        }
        load.finish();
    });
    stats.events += local.events;
    stats.duplicates += local.duplicates;
    stats.standInEndpoints += local.standInEndpoints;
    stats.filesSkipped += local.filesSkipped;
}

void loadGdelt(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    GdeltStats stats;
    loadGdelt(builder, path, options, report, stats);
}

} // namespace newsgraph
