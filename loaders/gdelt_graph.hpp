// The graph half of the GDELT loader: checked rows (gdelt_rows.hpp) become relationships between
// actor nodes, on the thread that owns the GraphBuilder.
#pragma once

#include <cstdint>

#include "engine/storage/graph_builder.hpp"
#include "loaders/entity_resolution.hpp"
#include "loaders/gdelt_event_ids.hpp"
#include "loaders/gdelt_rows.hpp"
#include "loaders/name_cache.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/string_cache.hpp"

namespace newsgraph {

class CameoEvents;

class GdeltGraph {
public:
    // Counts events, duplicates and stand-in endpoints into `stats`.
    GdeltGraph(GraphBuilder& builder, GdeltStats& stats);

    // Room for about `rows` more events at once (a large file's estimate).
    void reserve(uint64_t rows);
    // Starts loading what add() will look up first for `row` (a few rows ahead).
    void prefetch(const GdeltRow& row) const { seen_.prefetch(static_cast<uint64_t>(row.eventId)); }
    // Adds the event of a row that was not rejected; false when its GLOBALEVENTID was loaded before
    // (then nothing changes but the duplicate count).
    bool add(const GdeltBatch& batch, const GdeltRow& row);
    // Sets the stand-in node's row count; returns how many actors the resolver merged.
    uint64_t finish();

private:
    struct Actor {
        std::string_view code, name, country, knownGroup, type;
    };

    InternedString codeString(std::string_view code) { return codeStrings_.get(builder_, code); }
    TypeId eventType(std::string_view code);
    NodeId standIn();
    NodeId actorNode(const Actor& actor);
    NodeId resolveActor(const Actor& actor);
    void seedEventIds();

    GraphBuilder& builder_;
    GdeltStats& stats_;
    NewsSchema schema_;
    EntityResolver resolver_;
    const CameoEvents& events_;
    TypeId sectorOf_;
    PropertyKeyId eventIdKey_, baseCodeKey_, rootCodeKey_, quadKey_, goldsteinKey_, toneKey_, mentionsKey_, rowsKey_, addedKey_;
    EventIdSet seen_;
    // Flat caches for the per-row look-ups: event code -> type, actor code -> node, code -> string id.
    NameCache types_;
    NameCache actors_;
    StringCache codeStrings_;
    NodeId standIn_ = kInvalidNode;
};

} // namespace newsgraph
