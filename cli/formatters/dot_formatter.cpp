#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "cli/formatters/formatter.hpp"
#include "cli/formatters/text.hpp"

namespace newsgraph {

namespace {

// Node names are wrapped at this many characters a line, on at most kMaxCaptionLines lines.
constexpr size_t kCaptionLineWidth = 24;
constexpr size_t kMaxCaptionLines = 3;
// Values nested deeper than this are not searched for nodes and relationships.
constexpr size_t kMaxNesting = 256;
// Fill colours, one per node kind (a node's most specific label) in the order kinds first appear.
constexpr std::array<std::string_view, 16> kPalette = {
    "#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc", "#d9d2e9", "#fce5cd", "#d0e0e3", "#ead1dc",
    "#b6d7a8", "#ffe599", "#ea9999", "#b4a7d6", "#f9cb9c", "#a2c4c9", "#e6e6e6", "#c9daf8"};

struct DotNode {
    std::string caption;
    std::string_view color;
};

std::string dotQuote(std::string_view text) {
    std::string out = "\"";
    for (char c : validUtf8(text)) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) >= ' ') {
            out.push_back(c);
        }
    }
    return out + "\"";
}

// `text` broken into lines at spaces, the last one cut with '…' when it does not fit.
std::string wrap(std::string_view text) {
    std::vector<std::string> lines{""};
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(' ', start);
        end = end == std::string_view::npos ? text.size() : end;
        const std::string_view word = text.substr(start, end - start);
        std::string& line = lines.back();
        if (!line.empty() && displayWidth(line) + 1 + displayWidth(word) > kCaptionLineWidth) {
            lines.emplace_back(word);
        } else {
            line += line.empty() ? "" : " ";
            line += word;
        }
        start = end + 1;
    }
    if (lines.size() > kMaxCaptionLines) {
        // Cut after the last whole word that leaves room for " …".
        lines.resize(kMaxCaptionLines);
        std::string& last = lines.back();
        while (displayWidth(last) + 2 > kCaptionLineWidth && last.find(' ') != std::string::npos) {
            last.erase(last.rfind(' '));
        }
        last = truncateToWidth(last, kCaptionLineWidth - 2) + " \u2026";
    }
    std::string out;
    for (const std::string& line : lines) {
        out += out.empty() ? "" : "\n";
        out += truncateToWidth(line, kCaptionLineWidth);
    }
    return out;
}

// Collects the nodes and relationships of a result in the order they first appear.
class EntityCollector {
public:
    explicit EntityCollector(const Graph& graph) : graph_(graph) {}

    void add(const Value& value, size_t depth = 0) {
        if (depth > kMaxNesting) {
            return;
        }
        switch (value.type()) {
        case ValueType::Node: addNode(value.asNode().id); break;
        case ValueType::Relationship: addRel(value.asRelationship().id); break;
        case ValueType::Path:
            for (NodeId node : value.asPath().nodes) {
                addNode(node);
            }
            for (RelId rel : value.asPath().rels) {
                addRel(rel);
            }
            break;
        case ValueType::List:
            for (const Value& item : value.asList()) {
                add(item, depth + 1);
            }
            break;
        case ValueType::Map:
            for (const auto& entry : value.asMap()) {
                add(entry.second, depth + 1);
            }
            break;
        default: break;
        }
    }

    // The digraph: nodes as n<id> with a caption and a fill colour, relationships by type.
    void write(std::ostream& out) {
        out << "digraph newsgraph {\n"
               "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
               "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10];\n"
               "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n";
        for (NodeId node : nodes_) {
            const DotNode dotNode = describe(node);
            out << fmt::format("  n{} [label={}, fillcolor={}];\n", node, dotQuote(dotNode.caption),
                               dotQuote(dotNode.color));
        }
        for (RelId rel : rels_) {
            out << fmt::format("  n{} -> n{} [label={}];\n", graph_.relSource(rel), graph_.relTarget(rel),
                               dotQuote(graph_.catalog().typeName(graph_.relType(rel))));
        }
        out << "}\n";
    }

private:
    void addNode(NodeId node) {
        if (node < graph_.nodeCount() && !graph_.nodeDeleted(node) && seenNodes_.insert(node).second) {
            nodes_.push_back(node);
        }
    }

    void addRel(RelId rel) {
        if (rel >= graph_.relCount() || graph_.relDeleted(rel) || !seenRels_.insert(rel).second) {
            return;
        }
        addNode(graph_.relSource(rel));
        addNode(graph_.relTarget(rel));
        rels_.push_back(rel);
    }

    DotNode describe(NodeId node) {
        std::vector<std::string> labels;
        for (LabelId label : graph_.labels(node)) {
            labels.push_back(graph_.catalog().labelName(label));
        }
        std::sort(labels.begin(), labels.end());
        std::string name;
        for (const char* key : {"name", "title", "kind", "id"}) {
            const Value value = graph_.nodeProperty(node, key);
            if (!value.isNull()) {
                name = value.type() == ValueType::String ? value.asString() : value.toString();
                break;
            }
        }
        std::string labelLine;
        for (const std::string& label : labels) {
            labelLine += ":" + label;
        }
        if (name.empty()) {
            name = labelLine.empty() ? "node " + std::to_string(node) : labelLine;
            labelLine.clear();
        }
        // The colour follows the most specific label: the generic :Actor yields to :Group, :Country...
        std::string kind = labels.empty() ? "" : labels.front();
        for (const std::string& label : labels) {
            if (label != "Actor") {
                kind = label;
                break;
            }
        }
        std::string caption = wrap(name);
        if (!labelLine.empty()) {
            caption += "\n" + labelLine;
        }
        const size_t colour = kindColours_.try_emplace(kind, kindColours_.size()).first->second;
        return DotNode{std::move(caption), kPalette[colour % kPalette.size()]};
    }

    const Graph& graph_;
    std::vector<NodeId> nodes_;
    std::vector<RelId> rels_;
    std::unordered_set<NodeId> seenNodes_;
    std::unordered_set<RelId> seenRels_;
    std::unordered_map<std::string, size_t> kindColours_;
};

} // namespace

void writeDot(std::ostream& out, const Database& database, const QueryResult& result) {
    EntityCollector collector(database.graph());
    for (const std::vector<Value>& row : result.rows) {
        for (const Value& value : row) {
            collector.add(value);
        }
    }
    collector.write(out);
}

} // namespace newsgraph
