// Recognizes `MATCH (a)-[r1]->(b)-[r2]->(c) [WHERE r1.x op r2.y] RETURN count(*)` and answers it
// with the factorized TwoHopCount instead of enumerating the pairs (issue #5's Q4).
#include <set>

#include <fmt/format.h>

#include "query/planner/planner_impl.hpp"
#include "query/processor/operators/two_hop_count.hpp"

namespace newsgraph {

namespace {

bool isPlainNode(const ast::NodePattern& node) {
    return !node.properties && node.labels.size() <= 1;
}

bool isPlainRel(const ast::RelPattern& rel) {
    return !rel.variableLength && !rel.properties && rel.direction != ast::RelDirection::Both;
}

// `variable.key` -> (variable, key)
std::optional<std::pair<std::string, std::string>> propertyOfVariable(const ast::Expr& expr) {
    if (expr.kind != ast::ExprKind::Property || expr.children.size() != 1 ||
        expr.children[0]->kind != ast::ExprKind::Variable) {
        return std::nullopt;
    }
    return std::make_pair(expr.children[0]->name, expr.name);
}

ast::BinaryOp flipped(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Less: return ast::BinaryOp::Greater;
    case ast::BinaryOp::LessEqual: return ast::BinaryOp::GreaterEqual;
    case ast::BinaryOp::Greater: return ast::BinaryOp::Less;
    default: return ast::BinaryOp::LessEqual;
    }
}

} // namespace

std::unique_ptr<Operator> planTwoHopCount(const ast::SingleQuery& query, const Graph& graph,
                                          std::vector<std::string>& columns) {
    const ast::Expr* item = singleMatchReturnItem(query);
    if (item == nullptr || item->kind != ast::ExprKind::CountStar) {
        return nullptr;
    }
    const ast::Clause& match = query.clauses[0];
    const ast::PatternPart& part = match.pattern.front();
    if (part.rels.size() != 2 || !isPlainRel(part.rels[0]) || !isPlainRel(part.rels[1])) {
        return nullptr;
    }
    // Every named variable distinct: a repeated one is a join condition this plan does not check.
    std::set<std::string> names;
    size_t named = 0;
    for (const auto& node : part.nodes) {
        if (!isPlainNode(node)) {
            return nullptr;
        }
        if (!node.variable.empty()) {
            names.insert(node.variable);
            ++named;
        }
    }
    for (const auto& rel : part.rels) {
        if (!rel.variable.empty()) {
            names.insert(rel.variable);
            ++named;
        }
    }
    if (names.size() != named) {
        return nullptr;
    }

    TwoHopCount::Spec spec;
    const Catalog& catalog = graph.catalog();
    auto label = [&](const ast::NodePattern& node) -> std::optional<LabelId> {
        if (node.labels.empty()) {
            return std::nullopt;
        }
        auto id = catalog.findLabel(node.labels.front());
        spec.impossible = spec.impossible || !id;
        return id ? id : std::optional<LabelId>(0);
    };
    auto side = [&](const ast::RelPattern& rel, bool towardsMiddle, const ast::NodePattern& end) {
        TwoHopCount::Side out;
        const bool outgoing = rel.direction == ast::RelDirection::Outgoing;
        // r1 = (a)-[r1]->(b) arrives at b: b's in-adjacency. r2 = (b)-[r2]->(c) leaves b: out-adjacency.
        out.direction = (outgoing == towardsMiddle) ? Direction::In : Direction::Out;
        for (const std::string& type : rel.types) {
            if (auto id = catalog.findType(type)) {
                out.types.push_back(*id);
            }
        }
        spec.impossible = spec.impossible || (!rel.types.empty() && out.types.empty());
        out.endLabel = label(end);
        return out;
    };
    spec.first = side(part.rels[0], true, part.nodes[0]);
    spec.second = side(part.rels[1], false, part.nodes[2]);
    spec.middleLabel = label(part.nodes[1]);

    if (match.where) {
        const ast::Expr& where = *match.where;
        if (where.kind != ast::ExprKind::Binary ||
            (where.op != ast::BinaryOp::Less && where.op != ast::BinaryOp::LessEqual &&
             where.op != ast::BinaryOp::Greater && where.op != ast::BinaryOp::GreaterEqual)) {
            return nullptr;
        }
        auto lhs = propertyOfVariable(*where.children[0]);
        auto rhs = propertyOfVariable(*where.children[1]);
        const std::string& r1 = part.rels[0].variable;
        const std::string& r2 = part.rels[1].variable;
        if (!lhs || !rhs || r1.empty() || r2.empty()) {
            return nullptr;
        }
        ast::BinaryOp op = where.op;
        if (lhs->first == r2 && rhs->first == r1) {
            std::swap(lhs, rhs);
            op = flipped(op);
        } else if (lhs->first != r1 || rhs->first != r2) {
            return nullptr;
        }
        spec.op = op;
        auto firstKey = catalog.findKey(lhs->second);
        auto secondKey = catalog.findKey(rhs->second);
        if (!firstKey || !secondKey) {
            spec.impossible = true; // a property no relationship has: every comparison is null
        } else {
            spec.first.key = firstKey;
            spec.second.key = secondKey;
        }
        spec.text = fmt::format("{}.{} {} {}.{}", r1, lhs->second, ast::binaryOpText(op), r2, rhs->second);
    }
    columns = {query.clauses[1].projection.items[0].alias};
    auto count = std::make_unique<TwoHopCount>(std::move(spec));
    count->setOutputWidth(1);
    return count;
}

} // namespace newsgraph
