// Where a pattern part starts. A node already bound, then a node with an equality on an indexed key
// (id, name, code, aliases: an index seek, inline or in WHERE, with or without a label), are near one
// row and win outright, in the order written. Among the others the default is what the pattern
// says -- a label with a property to match, a label, a property -- and the graph's statistics may
// overrule it: they estimate the rows each start would make through the part's steps -- its label's nodes (a property to match
// keeps a tenth), then per step the edges of its types leaving that label in its direction per node,
// times the share of those edges whose far end carries the next node's label -- summed over the
// steps. `(a:Actor)-[:ACCUSE]->(c:Country)` starts at the 233 countries when fewer accusations enter
// them than leave the actors. A start is moved off the default only when it is estimated at least
// twice as cheap: the estimate assumes independence, and a near tie is not worth a different
// plan.
#include <algorithm>

#include "engine/storage/node_index.hpp"
#include "query/planner/planner_impl.hpp"

namespace newsgraph {

namespace {

using ast::Expr;
using ast::ExprKind;

constexpr double kPropertySelectivity = 0.1; // a property to match that no statistic describes
constexpr double kSwitchFactor = 2.0;         // how much cheaper a later start must look
constexpr size_t kVariableLengthHops = 2;     // the hops a variable-length step is costed at

bool hasIndexedEquality(const Expr* properties) {
    if (properties == nullptr || properties->kind != ExprKind::Map) {
        return false;
    }
    for (size_t i = 0; i < properties->keys.size(); ++i) {
        const Expr& value = *properties->children[i];
        const bool constant = value.kind == ExprKind::Literal || value.kind == ExprKind::Parameter;
        if (constant && !value.value.isNull() && NodeIndex::indexedKey(properties->keys[i])) {
            return true;
        }
    }
    return false;
}

} // namespace

size_t Planner::chooseStart(const Plan& plan, const ast::PatternPart& part) const {
    const Statistics& statistics = graph_.statistics();
    const Catalog& catalog = graph_.catalog();
    const size_t nodeCount = part.nodes.size();
    // The label of a node the statistics know (the rarest of its labels); nullopt for none. A
    // label the graph lacks has no nodes: that start makes no rows at all.
    auto labelOf = [&](const ast::NodePattern& node, bool& unknown) -> std::optional<LabelId> {
        std::optional<LabelId> best;
        unknown = false;
        for (const std::string& name : node.labels) {
            const auto id = catalog.findLabel(name);
            if (!id) {
                unknown = true;
                return std::nullopt;
            }
            if (!best || statistics.nodesWithLabel(*id) < statistics.nodesWithLabel(*best)) {
                best = id;
            }
        }
        return best;
    };
    auto nodesOf = [&](const ast::NodePattern& node) {
        bool unknown = false;
        const auto label = labelOf(node, unknown);
        if (unknown) {
            return 0.0;
        }
        double rows = static_cast<double>(label ? statistics.nodesWithLabel(*label) : statistics.nodes());
        if (node.properties != nullptr || equalsConstantInWhere(node.variable)) {
            rows *= kPropertySelectivity;
        }
        return rows;
    };
    // Edges of `rel`'s types at nodes with `label` in `direction` (both for an undirected step).
    auto edgesAt = [&](std::optional<LabelId> label, const ast::RelPattern& rel, Direction direction) {
        const bool both = rel.direction == ast::RelDirection::Both;
        double edges = 0;
        auto add = [&](std::optional<TypeId> type) {
            edges += static_cast<double>(statistics.edges(label, type, direction));
            if (both) {
                edges += static_cast<double>(
                    statistics.edges(label, type, direction == Direction::Out ? Direction::In : Direction::Out));
            }
        };
        if (rel.types.empty()) {
            add(std::nullopt);
        }
        for (const std::string& name : rel.types) {
            if (const auto type = catalog.findType(name)) {
                add(type);
            }
        }
        return edges;
    };
    // The rows a start at `start` makes, summed over its steps (right of it first, then left).
    auto costFrom = [&](size_t start) {
        double rows = nodesOf(part.nodes[start]);
        double cost = rows;
        auto walk = [&](size_t relIndex, size_t from, size_t to) {
            const ast::RelPattern& rel = part.rels[relIndex];
            bool unknown = false;
            const auto fromLabel = labelOf(part.nodes[from], unknown);
            const bool forward = to > from;
            const Direction direction = (rel.direction == ast::RelDirection::Incoming) == forward ? Direction::In
                                                                                                   : Direction::Out;
            const double fromNodes = std::max(1.0, static_cast<double>(fromLabel ? statistics.nodesWithLabel(*fromLabel)
                                                                                  : statistics.nodes()));
            const double fanout = edgesAt(fromLabel, rel, direction) / fromNodes;
            const auto toLabel = labelOf(part.nodes[to], unknown);
            const Direction back = direction == Direction::Out ? Direction::In : Direction::Out;
            double share = 1.0;
            if (unknown) {
                share = 0.0;
            } else if (toLabel) {
                share = edgesAt(toLabel, rel, back) / std::max(1.0, edgesAt(std::nullopt, rel, back));
            }
            const size_t hops = rel.variableLength ? kVariableLengthHops : 1;
            for (size_t hop = 0; hop < hops; ++hop) {
                rows *= fanout;
            }
            rows *= share;
            if (part.nodes[to].properties != nullptr || equalsConstantInWhere(part.nodes[to].variable)) {
                rows *= kPropertySelectivity;
            }
            cost += rows;
        };
        for (size_t i = start; i < part.rels.size(); ++i) {
            walk(i, i, i + 1);
        }
        rows = nodesOf(part.nodes[start]);
        for (size_t i = start; i > 0; --i) {
            walk(i - 1, i, i - 1);
        }
        return cost;
    };

    // Near one row: bound, then seekable.
    for (const bool bound : {true, false}) {
        for (size_t i = 0; i < nodeCount; ++i) {
            const ast::NodePattern& node = part.nodes[i];
            if (bound ? (!node.variable.empty() && plan.scope.find(node.variable) != nullptr)
                      : (hasIndexedEquality(node.properties.get()) || equalsConstantInWhere(node.variable, true))) {
                return i;
            }
        }
    }
    // The written default: a label with a property to match, a label, a property, the first node.
    size_t start = 0;
    int bestScore = -1;
    for (size_t i = 0; i < nodeCount; ++i) {
        const ast::NodePattern& node = part.nodes[i];
        const bool property = node.properties != nullptr || equalsConstantInWhere(node.variable);
        const int score = (node.labels.empty() ? 0 : 2) + (property ? 1 : 0);
        if (score > bestScore) {
            bestScore = score;
            start = i;
        }
    }
    double best = costFrom(start);
    const size_t written = start;
    for (size_t i = 0; i < nodeCount; ++i) {
        const double cost = costFrom(i);
        if (i != written && cost * kSwitchFactor < best) {
            best = cost;
            start = i;
        }
    }
    return start;
}

} // namespace newsgraph
