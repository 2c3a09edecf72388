// Recognizes `MATCH (a ...)-[:T*0|1..k]->(x) RETURN count(DISTINCT x)` and answers it with
// ReachCount: one breadth-first search per start node, end nodes counted in a bitmap, no rows in
// between (issue #5's Q5).
#include <algorithm>
#include <cctype>

#include "query/planner/planner_impl.hpp"

namespace newsgraph {

std::unique_ptr<Operator> Planner::planReachCount(ast::SingleQuery& query, std::vector<std::string>& columns) {
    const ast::Expr* item = singleMatchReturnItem(query);
    if (item == nullptr || query.clauses[0].where) {
        return nullptr;
    }
    const ast::Expr& count = *item;
    ast::PatternPart& part = query.clauses[0].pattern.front();
    if (count.kind != ast::ExprKind::Function || !count.distinct || count.children.size() != 1 ||
        count.children[0]->kind != ast::ExprKind::Variable || part.rels.size() != 1) {
        return nullptr;
    }
    std::string lowered = count.name;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
    const ast::RelPattern& rel = part.rels.front();
    ast::NodePattern& end = part.nodes[1];
    if (lowered != "count" || !rel.variableLength || !VarExpand::supportsDistinctEndpoints(rel.minHops) ||
        rel.properties || !rel.variable.empty() || end.properties || end.variable.empty() ||
        end.variable != count.children[0]->name || end.variable == part.nodes[0].variable) {
        return nullptr;
    }

    Plan plan;
    auto start = std::make_unique<ArgumentOperator>();
    start->setOutputWidth(0);
    plan.root = std::move(start);
    ExpandSpec spec;
    spec.fromSlot = planStartNode(plan, part.nodes[0]);
    spec.bothDirections = rel.direction == ast::RelDirection::Both;
    spec.direction = rel.direction == ast::RelDirection::Incoming ? Direction::In : Direction::Out;
    for (const std::string& type : rel.types) {
        if (auto id = graph_.catalog().findType(type)) {
            spec.types.push_back(*id);
        }
    }
    spec.impossible = !rel.types.empty() && spec.types.empty();
    spec.toLabels = end.labels;
    columns = {query.clauses[1].projection.items[0].alias};
    auto reach = std::make_unique<ReachCount>(std::move(spec), rel.minHops, rel.maxHops);
    reach->addChild(std::move(plan.root));
    reach->setOutputWidth(1);
    return reach;
}

} // namespace newsgraph
