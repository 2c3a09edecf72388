#include "engine/news/attribution.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace newsgraph {

namespace {

std::vector<NodeId> follow(const Graph& graph, NodeId node, std::string_view type) {
    std::vector<NodeId> out;
    auto typeId = graph.catalog().findType(type);
    if (!typeId) {
        return out;
    }
    const Adjacency edges = graph.adjacency(node, Direction::Out, *typeId);
    for (uint32_t i = 0; i < edges.size; ++i) {
        out.push_back(edges.neighbor(i));
    }
    return out;
}

std::string textProperty(const Graph& graph, NodeId node, std::string_view key) {
    const Value value = graph.nodeProperty(node, key);
    if (value.type() == ValueType::String) {
        return value.asString();
    }
    return value.isNull() ? std::string() : value.toString();
}

std::string names(const Graph& graph, const std::vector<NodeId>& nodes) {
    std::string out;
    for (NodeId node : nodes) {
        out += out.empty() ? "" : ", ";
        out += displayName(graph, node);
    }
    return out.empty() ? "(unknown)" : out;
}

// "Ministry of State Security (MSS, China)": the name, its first alias and the state it serves.
std::string describeAgency(const Graph& graph, NodeId node) {
    std::vector<std::string> extras;
    const Value aliases = graph.nodeProperty(node, "aliases");
    if (aliases.type() == ValueType::List && !aliases.asList().empty() &&
        aliases.asList().front().type() == ValueType::String) {
        extras.push_back(aliases.asList().front().asString());
    }
    for (NodeId state : follow(graph, node, "AGENCY_OF")) {
        extras.push_back(displayName(graph, state));
    }
    std::string out = displayName(graph, node);
    if (!extras.empty()) {
        out += " (" + fmt::format("{}", fmt::join(extras, ", ")) + ")";
    }
    return out;
}

} // namespace

std::string displayName(const Graph& graph, NodeId node) {
    for (std::string_view key : {"name", "title", "id"}) {
        if (std::string text = textProperty(graph, node, key); !text.empty()) {
            return text;
        }
    }
    return fmt::format("#{}", node);
}

std::vector<Attribution> findAttributions(const Graph& graph) {
    std::vector<Attribution> out;
    auto claimLabel = graph.catalog().findLabel("Claim");
    if (!claimLabel) {
        return out;
    }
    for (NodeId claim : graph.nodesWithLabel(*claimLabel)) {
        if (textProperty(graph, claim, "kind") != "attribution") {
            continue;
        }
        Attribution attribution;
        attribution.claim = claim;
        attribution.by = follow(graph, claim, "BY");
        attribution.what = follow(graph, claim, "OF");
        attribution.to = follow(graph, claim, "TO");
        attribution.basedOn = follow(graph, claim, "BASED_ON");
        attribution.reportedIn = follow(graph, claim, "REPORTED_IN");
        for (NodeId actor : attribution.to) {
            for (NodeId associate : follow(graph, actor, "ASSOCIATED_WITH")) {
                attribution.associatedWith.push_back(associate);
            }
        }
        for (NodeId incident : attribution.what) {
            for (NodeId target : follow(graph, incident, "TARGETED")) {
                attribution.targets.push_back(target);
            }
        }
        attribution.confidence = textProperty(graph, claim, "confidence");
        attribution.basis = textProperty(graph, claim, "basis");
        out.push_back(std::move(attribution));
    }
    return out;
}

std::string describeAttribution(const Graph& graph, const Attribution& attribution) {
    std::string what = names(graph, attribution.what);
    if (!attribution.targets.empty()) {
        what += fmt::format(" (against: {})", names(graph, attribution.targets));
    }
    std::string to = names(graph, attribution.to);
    if (!attribution.associatedWith.empty()) {
        std::string associates;
        for (NodeId associate : attribution.associatedWith) {
            associates += associates.empty() ? "" : ", ";
            associates += describeAgency(graph, associate);
        }
        to += fmt::format(" (associated with {})", associates);
    }
    std::string out = fmt::format("{} — {} — {}", names(graph, attribution.by), what, to);
    if (!attribution.confidence.empty()) {
        out += fmt::format("; confidence: {}", attribution.confidence);
    }
    if (!attribution.basis.empty()) {
        out += fmt::format("; basis: {}", attribution.basis);
    }
    for (NodeId article : attribution.reportedIn) {
        const std::string outlet = textProperty(graph, article, "outlet");
        const Value published = graph.nodeProperty(article, "published");
        out += fmt::format("; source: {}{}{} \"{}\"", outlet.empty() ? "" : outlet + ", ",
                           published.type() == ValueType::Date ? published.asDate().toString() : "",
                           published.isNull() ? "" : ",", displayName(graph, article));
    }
    return out;
}

} // namespace newsgraph
