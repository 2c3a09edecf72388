// MATCH p = shortestPath((a)-[:T*..k]->(b)) and allShortestPaths(...).
#include <fmt/format.h>

#include "query/planner/planner_impl.hpp"
#include "query/processor/operators/shortest_path.hpp"

namespace newsgraph {

namespace {

QueryError shortestPathError(const std::string& detail, const std::string& message, SourcePosition position) {
    return QueryError("SemanticError", QueryPhase::CompileTime, detail, message, position);
}

algo::EdgeDirection edgeDirectionOf(ast::RelDirection direction) {
    switch (direction) {
    case ast::RelDirection::Outgoing: return algo::EdgeDirection::Out;
    case ast::RelDirection::Incoming: return algo::EdgeDirection::In;
    case ast::RelDirection::Both: return algo::EdgeDirection::Both;
    }
    return algo::EdgeDirection::Both;
}

} // namespace

void Planner::planShortestPath(Plan& plan, ast::PatternPart& part) {
    const char* function = part.shortest == ast::ShortestKind::AllShortest ? "allShortestPaths" : "shortestPath";
    if (part.rels.size() != 1) {
        throw shortestPathError("InvalidShortestPathPattern",
                                fmt::format("{}() needs a pattern of one relationship between two nodes", function),
                                part.position);
    }
    ast::RelPattern& rel = part.rels.front();
    if (rel.variableLength && rel.minHops > 1) {
        throw shortestPathError("InvalidShortestPathPattern",
                                fmt::format("{}() takes a minimal length of 0 or 1, not {}", function, rel.minHops),
                                rel.position);
    }
    if (rel.properties) {
        throw shortestPathError("UnsupportedFeature",
                                fmt::format("{}() does not take relationship properties; filter with WHERE all(r IN "
                                            "relationships(p) WHERE ...) instead",
                                            function),
                                rel.position);
    }

    ShortestPathExpand::Spec spec;
    spec.fromSlot = planStartNode(plan, part.nodes[0]);
    spec.toSlot = planStartNode(plan, part.nodes[1]);
    spec.all = part.shortest == ast::ShortestKind::AllShortest;
    spec.config.direction = edgeDirectionOf(rel.direction);
    for (const std::string& type : rel.types) {
        if (auto id = graph_.catalog().findType(type)) {
            spec.config.types.push_back(*id);
        }
    }
    spec.impossible = !rel.types.empty() && spec.config.types.empty();
    if (rel.variableLength) {
        spec.minHops = static_cast<uint32_t>(rel.minHops);
        if (rel.maxHops) {
            spec.maxHops = static_cast<uint32_t>(std::min<uint64_t>(*rel.maxHops, UINT32_MAX - 1));
        }
    } else {
        spec.minHops = 1;
        spec.maxHops = 1;
    }

    if (rel.variable.empty()) {
        spec.relListSlot = plan.scope.addHidden();
    } else {
        if (plan.scope.find(rel.variable) != nullptr) {
            throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", rel.variable),
                              rel.position);
        }
        spec.relListSlot = plan.scope.add(rel.variable, VarKind::RelationshipList);
    }
    if (!part.pathVariable.empty()) {
        checkNewVariable(plan.scope, part.pathVariable, VarKind::Path, part.position);
        if (plan.scope.find(part.pathVariable) != nullptr) {
            throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", part.pathVariable),
                              part.position);
        }
        spec.pathSlot = plan.scope.add(part.pathVariable, VarKind::Path);
    }
    plan.root = wrap(std::move(plan.root), std::make_unique<ShortestPathExpand>(std::move(spec)), plan.scope.width());
    flushPredicates(plan, false);
}

} // namespace newsgraph
