// `eurepoc`: European Repository of Cyber Incidents dashboard extracts, joined by incident ID.
//
// Files are told apart by their header: initiators (initiator_name), network
// (weighted_cyber_intensity), attributions (political_date) and attribution basis
// (attribution_basis_clean); a folder loads them in that order. Every ID is an :Incident (id
// `eurepoc:ID`, name "EuRepoC incident ID", eurepoc_id, start_date, incident_types,
// conflict_issues, intensity, and the first attribution date per basis). Receivers are countries
// (or actors) the incident TARGETED; named initiators are groups found by any alias ("APT31/Violet
// Typhoon fka ZIRCONIUM/..." is APT31), created when unknown (:Person for individual hackers,
// :Organization for states' agencies), each -[:CARRIED_OUT]->(incident); a State initiator without
// a name is its country. Each attribution_ID of the basis file is a :Claim {kind: 'attribution',
// basis, date, source} -[:OF]->(incident), -[:TO]->(initiator country and the incident's named
// initiators), -[:BY]->: the initiators for "Attacker confirms", the receiver state for "Political
// attribution", else a stand-in actor per basis ("Industry (attribution basis)", "Media (...)",
// "Third party (...)", "Unspecified (...)").
#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>

#include <fmt/format.h>

#include "loaders/claim_support.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/news_load.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/progress.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

enum class FileKind : uint8_t { Initiators, Network, Attributions, Basis };

constexpr std::array<std::string_view, 4> kNotAvailable = {"Not available", "Unknown", "None", "NA"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kDateColumns = {{{"industry_date", "industry"},
                                                                                          {"political_date", "political"},
                                                                                          {"attacker_date", "attacker"},
                                                                                          {"third_party_date", "third_party"},
                                                                                          {"other_date", "other"}}};

bool available(std::string_view text) {
    text = trimText(text);
    return !text.empty() && std::find(kNotAvailable.begin(), kNotAvailable.end(), text) == kNotAvailable.end();
}

struct Header {
    FileKind kind = FileKind::Initiators;
    std::map<std::string, size_t, std::less<>> columns;

    std::optional<size_t> find(std::string_view name) const {
        auto it = columns.find(name);
        return it == columns.end() ? std::nullopt : std::optional<size_t>(it->second);
    }
};

Header readHeader(const std::vector<std::string_view>& fields, const std::string& path) {
    Header header;
    for (size_t i = 0; i < fields.size(); ++i) {
        header.columns.emplace(std::string(trimText(fields[i])), i);
    }
    if (!header.find("ID")) {
        throw LoadError(path, 1, "not a EuRepoC extract: no 'ID' column");
    }
    if (header.find("attribution_basis_clean")) {
        header.kind = FileKind::Basis;
    } else if (header.find("political_date")) {
        header.kind = FileKind::Attributions;
    } else if (header.find("weighted_cyber_intensity")) {
        header.kind = FileKind::Network;
    } else if (header.find("initiator_name")) {
        header.kind = FileKind::Initiators;
    } else {
        throw LoadError(path, 1, "unknown EuRepoC extract (no initiator_name, weighted_cyber_intensity, political_date "
                                 "or attribution_basis_clean column)");
    }
    return header;
}

struct IncidentState {
    NodeId node = kInvalidNode;
    std::set<std::string> types;
    std::set<std::string> issues;
    std::vector<NodeId> initiators;
};

class EurepocLoad {
public:
    EurepocLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report)
        : builder_(builder), options_(options), report_(report), schema_(builder), resolver_(builder, schema_),
          writer_(builder, schema_) {}

    void loadFile(const std::string& path, Progress& progress) {
        LineReader lines(path);
        RecordReader records(lines, RecordDialect{',', true});
        if (!records.next()) {
            throw unreadableOrEmpty(lines, "the file is empty (a header line is required)");
        }
        const Header header = readHeader(records.fields(), path);
        const Value source{fileName(path)};
        while (records.next()) {
            report_.countRow(options_, path);
            progress.update(lines.bytesRead(), report_.rowsRead);
            if (records.error()) {
                report_.reject(options_, path, records.line(), *records.error());
                continue;
            }
            if (records.size() != header.columns.size()) {
                report_.reject(options_, path, records.line(),
                               fmt::format("expected {} fields, found {}", header.columns.size(), records.size()));
                continue;
            }
            if (const size_t bad = firstInvalidUtf8Field(records.fields())) {
                report_.reject(options_, path, records.line(), fmt::format("invalid UTF-8 in field {}", bad));
                continue;
            }
            const std::string_view idText = trimText(records[*header.find("ID")]);
            const std::optional<int64_t> id = parseInteger(idText);
            if (!id || *id <= 0) {
                report_.reject(options_, path, records.line(), fmt::format("ID '{}' is not a positive integer", idText));
                continue;
            }
            std::optional<std::string> bad = checkDates(records.fields(), header);
            if (bad) {
                report_.reject(options_, path, records.line(), *bad);
                continue;
            }
            applyNewsRow(builder_, report_, options_, path, records.line(),
                         [&] { addRow(header, records.fields(), *id, source); });
        }
        if (lines.error()) {
            report_.reject(options_, path, lines.errorLine(), *lines.error());
        }
    }

    void finish() {
        for (auto& [id, state] : incidents_) {
            if (!state.types.empty()) {
                builder_.setNodeProperty(state.node, "incident_types", stringList(state.types));
            }
            if (!state.issues.empty()) {
                builder_.setNodeProperty(state.node, "conflict_issues", stringList(state.issues));
            }
        }
        report_.merged += resolver_.merged();
    }

private:
    static Value stringList(const std::set<std::string>& items) {
        Value::List list;
        for (const std::string& item : items) {
            list.emplace_back(item);
        }
        return Value(std::move(list));
    }

    static std::optional<std::string> checkDates(const std::vector<std::string_view>& fields, const Header& header) {
        for (const auto& [name, column] : header.columns) {
            if (name.find("date") == std::string::npos || name.find("difference") != std::string::npos) {
                continue;
            }
            const std::string_view text = trimText(fields[column]);
            if (!text.empty() && !parseIsoDate(text)) {
                return fmt::format("{} '{}' is not a date (YYYY-MM-DD)", name, text);
            }
        }
        return std::nullopt;
    }

    std::string_view field(const std::vector<std::string_view>& fields, const Header& header, std::string_view name) {
        const std::optional<size_t> column = header.find(name);
        return column ? trimText(fields[*column]) : std::string_view();
    }

    IncidentState& incident(int64_t id) {
        IncidentState& state = incidents_[id];
        if (state.node == kInvalidNode) {
            bool created = false;
            state.node = writer_.keyed(schema_.incident, fmt::format("eurepoc:{}", id), fmt::format("EuRepoC incident {}", id),
                                       created);
            if (created) {
                builder_.setNodeProperty(state.node, "eurepoc_id", Value(id));
            }
        }
        return state;
    }

    NodeId place(std::string_view name) {
        if (auto country = resolver_.country(name)) {
            return *country;
        }
        const std::array<LabelId, 1> labels{schema_.actor};
        return resolver_.actor(name, labels);
    }

    void addRow(const Header& header, const std::vector<std::string_view>& fields, int64_t id, const Value& source) {
        IncidentState& state = incident(id);
        if (const std::string_view start = field(fields, header, "start_date"); !start.empty()) {
            writer_.setIfAbsent(state.node, "start_date", Value(*parseIsoDate(start)));
        }
        if (const std::string_view type = field(fields, header, "incident_type"); available(type)) {
            state.types.emplace(type);
        }
        if (const std::string_view receiver = field(fields, header, "receiver_country"); available(receiver)) {
            writer_.link(state.node, "TARGETED", place(receiver));
        }
        switch (header.kind) {
        case FileKind::Initiators: addInitiator(header, fields, state); return;
        case FileKind::Network: {
            if (const std::optional<double> intensity = parseNumber(field(fields, header, "weighted_cyber_intensity"))) {
                writer_.setIfAbsent(state.node, "intensity", Value(*intensity));
            }
            if (const std::string_view issue = field(fields, header, "cyber_conflict_issue"); available(issue)) {
                state.issues.emplace(issue);
            }
            return;
        }
        case FileKind::Attributions:
            for (const auto& [column, basis] : kDateColumns) {
                if (const std::string_view date = field(fields, header, column); !date.empty()) {
                    writer_.setIfAbsent(state.node, fmt::format("{}_attribution_date", basis), Value(*parseIsoDate(date)));
                }
            }
            return;
        case FileKind::Basis: addClaim(header, fields, id, state, source); return;
        }
    }

    void addInitiator(const Header& header, const std::vector<std::string_view>& fields, IncidentState& state) {
        const std::string_view category = field(fields, header, "initiator_category");
        const std::string_view name = field(fields, header, "initiator_name");
        const std::string_view country = field(fields, header, "initiator_country");
        std::optional<NodeId> initiator;
        if (available(name)) {
            const std::vector<std::string> names = splitNames(name);
            for (const std::string& each : names) {
                if (auto found = resolver_.findGroup(each)) {
                    initiator = *found;
                    resolver_.noteResolved(name, *found, false);
                    break;
                }
            }
            if (!initiator && !names.empty()) {
                const LabelId extra = category == "Individual hacker(s)" ? schema_.person
                                      : category == "State"              ? schema_.organization
                                                                         : EntityResolver::kNoLabel;
                initiator = resolver_.group(names.front(), extra);
                for (size_t i = 1; i < names.size(); ++i) {
                    resolver_.addGroupAlias(*initiator, names[i]);
                }
            }
        } else if (category == "State" && available(country)) {
            initiator = resolver_.country(country);
        }
        if (!initiator) {
            return;
        }
        if (std::find(state.initiators.begin(), state.initiators.end(), *initiator) == state.initiators.end()) {
            state.initiators.push_back(*initiator);
        }
        if (const RelId rel = writer_.link(*initiator, "CARRIED_OUT", state.node); rel != kInvalidRel && !category.empty()) {
            builder_.setRelProperty(rel, "initiator_category", Value(std::string(category)));
        }
    }

    NodeId basisActor(std::string_view basis) {
        std::string name = "Unspecified (attribution basis)";
        if (basis == "Industry attribution") {
            name = "Industry (attribution basis)";
        } else if (basis == "Media-based attribution") {
            name = "Media (attribution basis)";
        } else if (basis == "Attribution by third-party") {
            name = "Third party (attribution basis)";
        }
        const std::array<LabelId, 2> labels{schema_.actor, schema_.standIn};
        return resolver_.actor(name, labels);
    }

    void addClaim(const Header& header, const std::vector<std::string_view>& fields, int64_t id, IncidentState& state,
                  const Value& source) {
        const std::string_view attribution = field(fields, header, "attribution_ID");
        const std::string_view basis = field(fields, header, "attribution_basis_clean");
        const std::string key = attribution.empty() ? fmt::format("eurepoc-claim:{}:{}", id, basis)
                                                    : fmt::format("eurepoc-attribution:{}", attribution);
        bool created = false;
        const NodeId claim = writer_.keyed(schema_.claim, key, "", created);
        if (created) {
            builder_.setNodeProperty(claim, schema_.kindKey, Value("attribution"));
            if (!basis.empty()) {
                builder_.setNodeProperty(claim, "basis", Value(std::string(basis)));
            }
            if (const std::string_view date = field(fields, header, "attribution_date"); !date.empty()) {
                builder_.setNodeProperty(claim, schema_.dateKey, Value(*parseIsoDate(date)));
            }
            builder_.setNodeProperty(claim, schema_.sourceKey,
                                     Value(fmt::format("EuRepoC {} (incident {}{}{})", source.asString(), id,
                                                       attribution.empty() ? "" : ", attribution ", attribution)));
        }
        writer_.link(claim, "OF", state.node);
        const std::string_view initiatorCountry = field(fields, header, "initiator_country");
        if (available(initiatorCountry)) {
            if (auto country = resolver_.country(initiatorCountry)) {
                writer_.link(claim, "TO", *country);
            }
        }
        for (NodeId initiator : state.initiators) {
            writer_.link(claim, "TO", initiator);
        }
        if (basis == "Attacker confirms" && !state.initiators.empty()) {
            for (NodeId initiator : state.initiators) {
                writer_.link(claim, "BY", initiator);
            }
        } else if (basis == "Political attribution" && available(field(fields, header, "receiver_country"))) {
            writer_.link(claim, "BY", place(field(fields, header, "receiver_country")));
        } else {
            writer_.link(claim, "BY", basisActor(basis));
        }
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    NewsSchema schema_;
    EntityResolver resolver_;
    ClaimWriter writer_;
    std::map<int64_t, IncidentState> incidents_;
};

} // namespace

void loadEurepoc(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    std::vector<std::string> files = listInputFiles(path, {".csv", ".csv.gz"});
    // Initiators first (claims name them), then network, attributions and basis.
    auto rank = [](const std::string& file) {
        const std::string name = fileName(file);
        const std::array<std::string_view, 4> order = {"initiators", "network", "attributions_data", "attributions_basis"};
        for (size_t i = 0; i < order.size(); ++i) {
            if (name.find(order[i]) != std::string::npos) {
                return i;
            }
        }
        return order.size();
    };
    std::stable_sort(files.begin(), files.end(), [&](const auto& lhs, const auto& rhs) { return rank(lhs) < rank(rhs); });
    const uint64_t total = totalFileSize(files);
    runNewsLoad(builder, report, [&] {
        EurepocLoad load(builder, options, report);
        Progress progress("eurepoc", total);
        for (const std::string& file : files) {
            load.loadFile(file, progress);
            progress.addDone(std::filesystem::file_size(file));
        }
        load.finish();
    });
}

} // namespace newsgraph
