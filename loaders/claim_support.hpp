#pragma once

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "engine/storage/graph_builder.hpp"
#include "loaders/entity_resolution.hpp"

namespace newsgraph {

// Writing incidents, claims and their sources for the CFR and EuRepoC loaders.
class ClaimWriter {
public:
    ClaimWriter(GraphBuilder& builder, const NewsSchema& schema);

    // A relationship from -[type]-> to, once per load (repeats are skipped); its id or kInvalidRel.
    RelId link(NodeId from, std::string_view type, NodeId to);
    // The node with `label` whose `id` property is `id`, created (with `name`) when absent.
    NodeId keyed(LabelId label, const std::string& id, const std::string& name, bool& created);
    // The :Article for a URL (id = url, outlet = host), created when absent.
    NodeId article(const std::string& url);
    void setIfAbsent(NodeId node, std::string_view key, const Value& value);

private:
    GraphBuilder& builder_;
    const NewsSchema& schema_;
    PropertyKeyId urlKey_;
    PropertyKeyId outletKey_;
    std::set<std::tuple<NodeId, TypeId, NodeId>> edges_;
};

// Splits a list of names ("APT 31, Hurricane Panda", "Fancy Bear/APT28/... fka STRONTIUM (GRU)")
// into names: separators `,` `;` `/` ` and ` ` fka `; parentheses and "Also known as" / "Believed to
// be (the work of)" dropped.
std::vector<std::string> splitNames(std::string_view text);

// The states whose names occur as whole words in free text ("Government agencies in the United
// States, Belarus and Canada"), as CAMEO codes, in order of first occurrence.
std::vector<std::string> countriesMentioned(std::string_view text);

} // namespace newsgraph
