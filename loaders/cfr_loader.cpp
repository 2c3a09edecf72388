// `cfr`: the Council on Foreign Relations' Cyber Operations Tracker (quoted CSV, multi-line fields).
//
// Each row is an :Incident (id `cfr:YYYY-MM-DD:Title`, the date empty when the row has none; name, date, description, incident_type,
// category, victims, response, sources). Victims become an :Actor (or the country they name) that
// the incident TARGETED, plus each state named in the victims text. Affiliations are split into
// initiator names, resolved to groups by any alias (created when unknown), each
// -[:CARRIED_OUT]->(incident). The attribution is a :Claim {kind: 'attribution', date, source,
// response} -[:BY]->(Council on Foreign Relations), -[:OF]->(incident), -[:TO {role: 'initiator'}]->
// each group, -[:TO {role: 'sponsor'}]->(each sponsor state), -[:REPORTED_IN]->(:Article {url}) per
// source URL.
#include <array>
#include <filesystem>

#include <fmt/format.h>

#include "loaders/cameo.hpp"
#include "loaders/claim_support.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/news_load.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/progress.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kTrackerFile = "cyber-operations-incidents.csv";
constexpr std::string_view kTrackerName = "Council on Foreign Relations";
constexpr std::string_view kTrackerAlias = "CFR";
constexpr size_t kMaxInitiatorWords = 6;
constexpr std::array<std::string_view, 3> kSourceColumns = {"Sources_1", "Sources_2", "Sources_3"};

struct Columns {
    size_t title = 0, date = 0, affiliations = 0, description = 0, response = 0, victims = 0, sponsor = 0, type = 0,
           category = 0;
    std::vector<size_t> sources;
    size_t count = 0;
};

Columns findColumns(const std::vector<std::string_view>& header, const std::string& path) {
    auto column = [&](std::string_view name) -> size_t {
        for (size_t i = 0; i < header.size(); ++i) {
            if (trimText(header[i]) == name) {
                return i;
            }
        }
        throw LoadError(path, 1, fmt::format("not a CFR Cyber Operations Tracker file: no column '{}'", name));
    };
    Columns columns;
    columns.count = header.size();
    columns.title = column("Title");
    columns.date = column("Date");
    columns.affiliations = column("Affiliations");
    columns.description = column("Description");
    columns.response = column("Response");
    columns.victims = column("Victims");
    columns.sponsor = column("Sponsor");
    columns.type = column("Type");
    columns.category = column("Category");
    for (std::string_view name : kSourceColumns) {
        for (size_t i = 0; i < header.size(); ++i) {
            if (trimText(header[i]) == name) {
                columns.sources.push_back(i);
            }
        }
    }
    return columns;
}

size_t wordCount(std::string_view text) {
    size_t words = 0;
    bool inWord = false;
    for (char c : text) {
        const bool space = c == ' ';
        words += !space && !inWord ? 1 : 0;
        inWord = !space;
    }
    return words;
}

bool mentionsGovernment(std::string_view text) {
    const std::string key = looseKey(text);
    return key.find("government") != std::string::npos || key == "unknown" || key == "none";
}

class CfrLoad {
public:
    CfrLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report)
        : builder_(builder), options_(options), report_(report), schema_(builder), resolver_(builder, schema_),
          writer_(builder, schema_) {}

    void loadFile(const std::string& path, Progress& progress) {
        LineReader lines(path);
        RecordReader records(lines, RecordDialect{',', true});
        if (!records.next()) {
            throw unreadableOrEmpty(lines, "the file is empty (a header line is required)");
        }
        const Columns columns = findColumns(records.fields(), path);
        while (records.next()) {
            report_.countRow(options_, path);
            progress.update(lines.bytesRead(), report_.rowsRead);
            if (records.error()) {
                report_.reject(options_, path, records.line(), *records.error());
                continue;
            }
            if (records.size() != columns.count) {
                report_.reject(options_, path, records.line(),
                               fmt::format("expected {} fields, found {}", columns.count, records.size()));
                continue;
            }
            if (const size_t bad = firstInvalidUtf8Field(records.fields())) {
                report_.reject(options_, path, records.line(), fmt::format("invalid UTF-8 in field {}", bad));
                continue;
            }
            const std::string title(trimText(records[columns.title]));
            const std::string_view dateText = trimText(records[columns.date]);
            const std::optional<Date> date = parseUsDate(dateText);
            if (title.empty()) {
                report_.reject(options_, path, records.line(), "empty Title");
                continue;
            }
            if (!date && !dateText.empty()) {
                report_.reject(options_, path, records.line(), fmt::format("Date '{}' is not M/D/YYYY", dateText));
                continue;
            }
            applyNewsRow(builder_, report_, options_, path, records.line(),
                         [&] { addIncident(records.fields(), columns, title, date); });
        }
        if (lines.error()) {
            report_.reject(options_, path, lines.errorLine(), *lines.error());
        }
    }

    void finish() { report_.merged += resolver_.merged(); }

private:
    NodeId tracker() {
        if (tracker_ == kInvalidNode) {
            const std::array<LabelId, 2> labels{schema_.actor, schema_.organization};
            tracker_ = resolver_.actor(kTrackerName, labels);
            builder_.addAlias(tracker_, kTrackerAlias);
        }
        return tracker_;
    }

    void text(NodeId node, std::string_view key, std::string_view value) {
        const std::string_view trimmed = trimText(value);
        if (!trimmed.empty()) {
            builder_.setNodeProperty(node, key, Value(std::string(trimmed)));
        }
    }

    void addIncident(const std::vector<std::string_view>& fields, const Columns& columns, const std::string& title,
                     std::optional<Date> date) {
        bool created = false;
        const std::string day = date ? date->toString() : std::string();
        const NodeId incident = writer_.keyed(schema_.incident, fmt::format("cfr:{}:{}", day, title), title, created);
        if (!created) {
            resolver_.countMerge();
            return; // the same incident listed twice
        }
        if (date) {
            builder_.setNodeProperty(incident, schema_.dateKey, Value(*date));
        }
        text(incident, "description", fields[columns.description]);
        text(incident, "incident_type", fields[columns.type]);
        text(incident, "category", fields[columns.category]);
        text(incident, "victims", fields[columns.victims]);
        text(incident, "response", fields[columns.response]);
        Value::List sources;
        for (size_t column : columns.sources) {
            const std::string_view url = trimText(fields[column]);
            if (!url.empty()) {
                sources.emplace_back(std::string(url));
            }
        }
        if (!sources.empty()) {
            builder_.setNodeProperty(incident, schema_.sourceKey, sources.front());
            builder_.setNodeProperty(incident, "sources", Value(sources));
        }
        addVictims(incident, trimText(fields[columns.victims]));

        std::vector<NodeId> initiators;
        for (const std::string& name : splitNames(fields[columns.affiliations])) {
            if (wordCount(name) > kMaxInitiatorWords || mentionsGovernment(name) || lookupCountry(name)) {
                continue;
            }
            const NodeId group = resolver_.group(name, EntityResolver::kNoLabel);
            initiators.push_back(group);
            writer_.link(group, "CARRIED_OUT", incident);
        }
        std::vector<NodeId> sponsors;
        for (const std::string& name : splitNames(fields[columns.sponsor])) {
            if (auto country = resolver_.country(name)) {
                sponsors.push_back(*country);
            }
        }
        if (initiators.empty() && sponsors.empty()) {
            return;
        }
        bool claimCreated = false;
        const NodeId claim = writer_.keyed(schema_.claim, fmt::format("cfr-claim:{}:{}", day, title), "", claimCreated);
        builder_.setNodeProperty(claim, schema_.kindKey, Value("attribution"));
        if (date) {
            builder_.setNodeProperty(claim, schema_.dateKey, Value(*date));
        }
        builder_.setNodeProperty(claim, "summary", Value(title));
        text(claim, "response", fields[columns.response]);
        if (!sources.empty()) {
            builder_.setNodeProperty(claim, schema_.sourceKey, sources.front());
        }
        writer_.link(claim, "BY", tracker());
        writer_.link(claim, "OF", incident);
        for (NodeId group : initiators) {
            if (const RelId rel = writer_.link(claim, "TO", group); rel != kInvalidRel) {
                builder_.setRelProperty(rel, schema_.roleKey, Value("initiator"));
            }
        }
        for (NodeId country : sponsors) {
            if (const RelId rel = writer_.link(claim, "TO", country); rel != kInvalidRel) {
                builder_.setRelProperty(rel, schema_.roleKey, Value("sponsor"));
            }
        }
        for (const Value& url : sources) {
            writer_.link(claim, "REPORTED_IN", writer_.article(url.asString()));
        }
    }

    void addVictims(NodeId incident, std::string_view victims) {
        if (victims.empty()) {
            return;
        }
        std::optional<NodeId> victim = resolver_.country(victims);
        if (!victim) {
            const std::array<LabelId, 1> labels{schema_.actor};
            victim = resolver_.actor(victims, labels);
        }
        writer_.link(incident, "TARGETED", *victim);
        for (const std::string& code : countriesMentioned(victims)) {
            const std::optional<CountryRef> ref = lookupCountry(code);
            if (ref && !ref->region) {
                writer_.link(incident, "TARGETED", resolver_.country(*ref));
            }
        }
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    NewsSchema schema_;
    EntityResolver resolver_;
    ClaimWriter writer_;
    NodeId tracker_ = kInvalidNode;
};

} // namespace

void loadCfr(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    std::vector<std::string> files;
    if (isDirectory(path) && fileExists(joinPath(path, kTrackerFile))) {
        files.push_back(joinPath(path, kTrackerFile));
    } else {
        files = listInputFiles(path, {".csv", ".csv.gz"});
    }
    const uint64_t total = totalFileSize(files);
    runNewsLoad(builder, report, [&] {
        CfrLoad load(builder, options, report);
        Progress progress("cfr", total);
        for (const std::string& file : files) {
            load.loadFile(file, progress);
            progress.addDone(std::filesystem::file_size(file));
        }
        load.finish();
    });
}

} // namespace newsgraph
