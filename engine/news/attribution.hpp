#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/storage/graph.hpp"

namespace newsgraph {

// One attribution claim read off the graph through the news data model:
// (claim:Claim {kind:'attribution'})-[:BY]->(by), -[:OF]->(what), -[:TO]->(to),
// (to)-[:ASSOCIATED_WITH]->(associate), (what)-[:TARGETED]->(target), -[:REPORTED_IN]->(article).
struct Attribution {
    NodeId claim = kInvalidNode;
    std::vector<NodeId> by;
    std::vector<NodeId> what;
    std::vector<NodeId> to;
    std::vector<NodeId> associatedWith; // of the `to` actors
    std::vector<NodeId> targets;        // of the `what` incidents or campaigns
    std::vector<NodeId> basedOn;
    std::vector<NodeId> reportedIn;
    std::string confidence;
    std::string basis;
};

// Every attribution claim of the graph, in node id order.
std::vector<Attribution> findAttributions(const Graph& graph);

// "by — what (kind, since, against target) — to (associated with ...), confidence ..., basis ...,
// source: outlet, date, "title"", one line per attribution.
std::string describeAttribution(const Graph& graph, const Attribution& attribution);

// A node's display name: its name, else title, else id, else `#id`.
std::string displayName(const Graph& graph, NodeId node);

} // namespace newsgraph
