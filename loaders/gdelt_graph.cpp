#include "loaders/gdelt_graph.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "loaders/cameo.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kGovernmentType = "GOV";
constexpr size_t kRootDigits = 2;
constexpr size_t kBaseDigits = 3;
constexpr size_t kCountryCodeLength = 3;
constexpr std::string_view kStandInId = "gdelt:no-actor";
constexpr std::string_view kStandInName = "(no actor coded)";

} // namespace

GdeltGraph::GdeltGraph(GraphBuilder& builder, GdeltStats& stats)
    : builder_(builder), stats_(stats), schema_(builder), resolver_(builder, schema_), events_(CameoEvents::builtin()),
      sectorOf_(builder.catalog().internType("SECTOR_OF")), eventIdKey_(builder.catalog().internKey("event_id")),
      baseCodeKey_(builder.catalog().internKey("base_code")), rootCodeKey_(builder.catalog().internKey("root_code")),
      quadKey_(builder.catalog().internKey("quad_class")), goldsteinKey_(builder.catalog().internKey("goldstein")),
      toneKey_(builder.catalog().internKey("tone")), mentionsKey_(builder.catalog().internKey("mentions")),
      rowsKey_(builder.catalog().internKey("rows")), addedKey_(builder.catalog().internKey("added")) {
    seedEventIds();
}

void GdeltGraph::seedEventIds() {
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

void GdeltGraph::reserve(uint64_t rows) {
    builder_.reserveRelationships(rows);
    for (const PropertyKeyId key : {eventIdKey_, quadKey_, mentionsKey_}) {
        builder_.reserveRelProperty(key, rows, ColumnKind::Int);
    }
    for (const PropertyKeyId key : {goldsteinKey_, toneKey_}) {
        builder_.reserveRelProperty(key, rows, ColumnKind::Float);
    }
    for (const PropertyKeyId key : {schema_.codeKey, baseCodeKey_, rootCodeKey_, schema_.sourceKey}) {
        builder_.reserveRelProperty(key, rows, ColumnKind::String);
    }
    builder_.reserveRelProperty(schema_.dateKey, rows, ColumnKind::Date);
    builder_.reserveRelProperty(addedKey_, rows, ColumnKind::DateTime);
    seen_.reserve(rows);
}

bool GdeltGraph::add(const GdeltBatch& batch, const GdeltRow& row) {
    if (!seen_.insert(static_cast<uint64_t>(row.eventId))) {
        ++stats_.duplicates;
        return false;
    }
    const auto actor = [&](size_t first) {
        return Actor{batch.get(row.text[first]), batch.get(row.text[first + 1]), batch.get(row.text[first + 2]),
                     batch.get(row.text[first + 3]), batch.get(row.text[first + 4])};
    };
    const Actor actor1 = actor(GdeltRow::kActor1);
    const Actor actor2 = actor(GdeltRow::kActor2);
    const NodeId source = actorNode(actor1);
    const NodeId target = actorNode(actor2);
    if (actor1.code.empty() || actor2.code.empty()) {
        ++stats_.standInEndpoints;
    }
    const std::string_view code = batch.get(row.text[GdeltRow::kCode]);
    const RelId rel = builder_.addRelationship(source, eventType(code), target);
    builder_.setRelProperty(rel, eventIdKey_, Value(row.eventId));
    builder_.setRelProperty(rel, schema_.codeKey, codeString(code));
    builder_.setRelProperty(rel, baseCodeKey_, codeString(batch.get(row.text[GdeltRow::kBase])));
    builder_.setRelProperty(rel, rootCodeKey_, codeString(batch.get(row.text[GdeltRow::kRoot])));
    builder_.setRelProperty(rel, quadKey_, Value(row.quad));
    if (row.hasGoldstein) {
        builder_.setRelProperty(rel, goldsteinKey_, Value(row.goldstein));
    }
    if (row.hasTone) {
        builder_.setRelProperty(rel, toneKey_, Value(row.tone));
    }
    if (row.hasMentions) {
        builder_.setRelProperty(rel, mentionsKey_, Value(row.mentions));
    }
    builder_.setRelProperty(rel, schema_.dateKey, Value(row.date));
    if (row.hasAdded) {
        builder_.setRelProperty(rel, addedKey_, Value(DateTime(LocalDateTime::fromEpoch(row.addedSeconds, 0), 0, kNoZone)));
    }
    const std::string_view url = batch.get(row.text[GdeltRow::kSource]);
    if (!url.empty()) {
        builder_.setRelProperty(rel, schema_.sourceKey, builder_.internString(url));
    }
    ++stats_.events;
    return true;
}

uint64_t GdeltGraph::finish() {
    if (standIn_ != kInvalidNode && stats_.standInEndpoints > 0) {
        const Value old = builder_.nodeProperty(standIn_, rowsKey_);
        const int64_t before = old.type() == ValueType::Int ? old.asInt() : 0;
        builder_.setNodeProperty(standIn_, rowsKey_, Value(before + static_cast<int64_t>(stats_.standInEndpoints)));
    }
    return resolver_.merged();
}

TypeId GdeltGraph::eventType(std::string_view code) {
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
    const std::string name = event != nullptr ? event->verb : "CAMEO_" + std::string(code);
    const TypeId type = builder_.catalog().internType(name);
    types_.insert(code, type);
    return type;
}

NodeId GdeltGraph::standIn() {
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

NodeId GdeltGraph::actorNode(const Actor& actor) {
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

NodeId GdeltGraph::resolveActor(const Actor& actor) {
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

} // namespace newsgraph
