#include <algorithm>

#include <fmt/format.h>

#include "query/planner/planner_impl.hpp"

namespace newsgraph {

namespace {

// The specification of one CREATE / MERGE part; new variables are added to `scope`.
CreatePartSpec createSpec(ast::PatternPart& part, Scope& scope, bool merge, std::vector<std::string>& createdHere) {
    CreatePartSpec spec;
    for (ast::NodePattern& node : part.nodes) {
        CreateNodeSpec nodeSpec;
        nodeSpec.labels = node.labels;
        nodeSpec.properties = node.properties.get();
        const ScopeVariable* existing = node.variable.empty() ? nullptr : scope.find(node.variable);
        if (existing != nullptr) {
            // A value may hold a node at run time (a list element, UNWIND of nodes); CREATE checks
            // each row (a non-node is an error there). A known non-node type is refused here.
            if (existing->kind != VarKind::Node && !existing->mayHold(ValueType::Node)) {
                throw syntaxError("VariableTypeConflict",
                                  fmt::format("variable '{}' is a {}, not a node", node.variable, varKindName(existing->kind)),
                                  node.position);
            }
            if (!node.labels.empty() || node.properties || part.nodes.size() == 1) {
                throw syntaxError("VariableAlreadyBound",
                                  fmt::format("variable '{}' is already bound and cannot be created again", node.variable),
                                  node.position);
            }
            nodeSpec.bound = true;
            nodeSpec.slot = existing->slot;
        } else if (node.variable.empty()) {
            nodeSpec.slot = scope.addHidden();
        } else {
            nodeSpec.slot = scope.add(node.variable, VarKind::Node);
            createdHere.push_back(node.variable);
        }
        spec.nodes.push_back(nodeSpec);
    }
    for (size_t i = 0; i < part.rels.size(); ++i) {
        ast::RelPattern& rel = part.rels[i];
        if (rel.types.size() != 1) {
            throw syntaxError("NoSingleRelationshipType",
                              "a relationship to create needs exactly one type", rel.position);
        }
        if (rel.variableLength) {
            throw syntaxError("CreatingVarLength", "variable-length relationships cannot be created", rel.position);
        }
        if (rel.direction == ast::RelDirection::Both && !merge) {
            throw syntaxError("RequiresDirectedRelationship", "a relationship to create needs a direction", rel.position);
        }
        CreateRelSpec relSpec;
        relSpec.type = rel.types.front();
        relSpec.properties = rel.properties.get();
        const bool incoming = rel.direction == ast::RelDirection::Incoming;
        relSpec.fromNode = incoming ? i + 1 : i;
        relSpec.toNode = incoming ? i : i + 1;
        if (rel.variable.empty()) {
            relSpec.slot = scope.addHidden();
        } else {
            if (scope.find(rel.variable) != nullptr) {
                throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", rel.variable),
                                  rel.position);
            }
            relSpec.slot = scope.add(rel.variable, VarKind::Relationship);
        }
        spec.rels.push_back(relSpec);
    }
    return spec;
}

// SET n = ..., SET n += ..., SET n:L and REMOVE n:L name a variable: make it an expression.
template <typename Item>
void ensureTarget(Item& item) {
    if (!item.target && !item.variable.empty()) {
        item.target = ast::makeVariable(item.variable, item.position);
        item.target->text = item.variable;
    }
}

} // namespace

void Planner::planCreate(Plan& plan, ast::Clause& clause) {
    std::vector<CreatePartSpec> parts;
    std::vector<std::string> createdHere;
    for (ast::PatternPart& part : clause.pattern) {
        parts.push_back(createSpec(part, plan.scope, false, createdHere));
    }
    for (ast::PatternPart& part : clause.pattern) {
        for (ast::NodePattern& node : part.nodes) {
            if (node.properties) {
                bind(*node.properties, plan.scope);
            }
        }
        for (ast::RelPattern& rel : part.rels) {
            if (rel.properties) {
                bind(*rel.properties, plan.scope);
            }
        }
    }
    plan.root = wrap(std::move(plan.root), std::make_unique<Create>(std::move(parts)), plan.scope.width());
    prepared_.writes = true;
    for (ast::PatternPart& part : clause.pattern) {
        if (part.pathVariable.empty()) {
            continue;
        }
        if (plan.scope.find(part.pathVariable) != nullptr) {
            throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", part.pathVariable),
                              part.position);
        }
        std::vector<BuildPath::Step> steps;
        const ScopeVariable* first = part.nodes.front().variable.empty() ? nullptr : plan.scope.find(part.nodes.front().variable);
        if (first == nullptr) {
            throw QueryError("SyntaxError", QueryPhase::CompileTime, "UnsupportedPattern",
                             "a created path needs named nodes", part.position);
        }
        for (const ast::RelPattern& rel : part.rels) {
            const ScopeVariable* variable = rel.variable.empty() ? nullptr : plan.scope.find(rel.variable);
            if (variable == nullptr) {
                throw QueryError("SyntaxError", QueryPhase::CompileTime, "UnsupportedPattern",
                                 "a created path needs named relationships", part.position);
            }
            steps.push_back(BuildPath::Step{variable->slot, false});
        }
        const size_t slot = plan.scope.add(part.pathVariable, VarKind::Path);
        plan.root = wrap(std::move(plan.root), std::make_unique<BuildPath>(first->slot, std::move(steps), slot),
                         plan.scope.width());
    }
}

void Planner::planMerge(Plan& plan, ast::Clause& clause) {
    ast::PatternPart& part = clause.pattern.front();
    auto refuseParameterMap = [](const ast::ExprPtr& properties) {
        if (properties && properties->kind == ast::ExprKind::Parameter) {
            throw syntaxError("InvalidParameterUse",
                              "MERGE cannot take its properties from a parameter map; write them out ({key: $p.key})",
                              properties->position);
        }
    };
    for (const ast::NodePattern& node : part.nodes) {
        refuseParameterMap(node.properties);
    }
    for (const ast::RelPattern& rel : part.rels) {
        refuseParameterMap(rel.properties);
    }
    auto [subplan, innerScope] = startSubplan(plan.scope);
    Plan inner{std::move(subplan->root), std::move(innerScope)};
    std::vector<size_t> relSlots;
    std::vector<size_t> relListSlots;
    // Validate the creatable shape first (errors like a missing type are compile-time errors).
    {
        Scope probe = plan.scope;
        std::vector<std::string> createdHere;
        ast::PatternPart copy = part.clone();
        (void)createSpec(copy, probe, true, createdHere);
    }
    std::vector<size_t> nodeSlots;
    std::vector<size_t> partRelSlots;
    pending_.clear();
    planPart(inner, part, relSlots, relListSlots, &nodeSlots, &partRelSlots);
    // The created entities use the same columns the match would have filled.
    CreatePartSpec create;
    for (size_t i = 0; i < part.nodes.size(); ++i) {
        ast::NodePattern& node = part.nodes[i];
        CreateNodeSpec nodeSpec;
        nodeSpec.labels = node.labels;
        nodeSpec.properties = node.properties.get();
        const ScopeVariable* outer = node.variable.empty() ? nullptr : plan.scope.find(node.variable);
        nodeSpec.bound = outer != nullptr;
        nodeSpec.slot = nodeSlots[i];
        if (node.properties) {
            bind(*node.properties, inner.scope);
        }
        create.nodes.push_back(nodeSpec);
    }
    for (size_t i = 0; i < part.rels.size(); ++i) {
        ast::RelPattern& rel = part.rels[i];
        CreateRelSpec relSpec;
        relSpec.type = rel.types.front();
        relSpec.properties = rel.properties.get();
        const bool incoming = rel.direction == ast::RelDirection::Incoming;
        relSpec.fromNode = incoming ? i + 1 : i;
        relSpec.toNode = incoming ? i : i + 1;
        relSpec.slot = partRelSlots[i];
        if (rel.properties) {
            bind(*rel.properties, inner.scope);
        }
        create.rels.push_back(relSpec);
    }
    for (ast::SetItem& item : clause.onCreate) {
        ensureTarget(item);
        if (item.target) {
            bind(*item.target, inner.scope);
        }
        if (item.value) {
            bind(*item.value, inner.scope);
        }
    }
    for (ast::SetItem& item : clause.onMatch) {
        ensureTarget(item);
        if (item.target) {
            bind(*item.target, inner.scope);
        }
        if (item.value) {
            bind(*item.value, inner.scope);
        }
    }
    Subplan match;
    match.root = std::move(inner.root);
    match.argument = subplan->argument;
    auto merge = std::make_unique<Merge>(std::move(match), std::move(create), &clause.onCreate, &clause.onMatch);
    plan.scope = std::move(inner.scope);
    plan.root = wrap(std::move(plan.root), std::move(merge), plan.scope.width());
    // MERGE p = (...): the match builds the path for the rows it finds; built again here from the
    // same columns it holds for the rows MERGE created too (Merge1, Merge5).
    if (!part.pathVariable.empty()) {
        const ScopeVariable* path = plan.scope.find(part.pathVariable);
        if (path != nullptr && !nodeSlots.empty()) {
            std::vector<BuildPath::Step> steps;
            for (size_t i = 0; i < part.rels.size(); ++i) {
                steps.push_back(BuildPath::Step{partRelSlots[i], part.rels[i].variableLength});
            }
            plan.root = wrap(std::move(plan.root), std::make_unique<BuildPath>(nodeSlots[0], std::move(steps), path->slot),
                             plan.scope.width());
        }
    }
    prepared_.writes = true;
}

void Planner::planSet(Plan& plan, ast::Clause& clause) {
    for (ast::SetItem& item : clause.setItems) {
        ensureTarget(item);
        if (item.target) {
            bind(*item.target, plan.scope);
        }
        if (item.value) {
            bind(*item.value, plan.scope);
        }
    }
    plan.root = wrap(std::move(plan.root), std::make_unique<SetProperties>(&clause.setItems, nullptr), plan.scope.width());
    prepared_.writes = true;
}

void Planner::planRemove(Plan& plan, ast::Clause& clause) {
    for (ast::RemoveItem& item : clause.removeItems) {
        ensureTarget(item);
        if (item.target) {
            bind(*item.target, plan.scope);
        }
    }
    plan.root =
        wrap(std::move(plan.root), std::make_unique<SetProperties>(nullptr, &clause.removeItems), plan.scope.width());
    prepared_.writes = true;
}

void Planner::planDelete(Plan& plan, ast::Clause& clause) {
    std::vector<const ast::Expr*> expressions;
    for (ast::ExprPtr& expression : clause.deleteExpressions) {
        bind(*expression, plan.scope);
        if (expression->kind == ast::ExprKind::LabelCheck) {
            throw syntaxError("InvalidDelete", "DELETE takes nodes, relationships or paths, not label expressions",
                              expression->position);
        }
        const std::optional<ValueType> type = staticType(*expression, plan.scope);
        if (type && (*type == ValueType::Int || *type == ValueType::Float || *type == ValueType::Bool ||
                     *type == ValueType::String || *type == ValueType::Map || isTemporal(*type))) {
            throw syntaxError("InvalidArgumentType",
                              fmt::format("DELETE takes nodes, relationships or paths, not a {} ('{}')",
                                          valueTypeName(*type), expression->text),
                              expression->position);
        }
        expressions.push_back(expression.get());
    }
    plan.root = wrap(std::move(plan.root), std::make_unique<Delete>(std::move(expressions), clause.detach),
                     plan.scope.width());
    prepared_.writes = true;
}

} // namespace newsgraph
