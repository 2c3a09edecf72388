#include <algorithm>

#include <fmt/format.h>

#include "engine/function/scalar_functions.hpp"
#include "engine/function/value_ops.hpp"
#include "engine/storage/node_index.hpp"
#include "query/planner/planner_impl.hpp"

namespace newsgraph {

namespace {

using ast::Expr;
using ast::ExprKind;

// An inline property value usable for an index seek: a literal string or a parameter.
const Expr* seekableValue(const Expr* properties, const std::string& key) {
    if (properties == nullptr || properties->kind != ExprKind::Map) {
        return nullptr;
    }
    for (size_t i = 0; i < properties->keys.size(); ++i) {
        const Expr& value = *properties->children[i];
        const bool constant = (value.kind == ExprKind::Literal && value.value.type() == ValueType::String) ||
                              value.kind == ExprKind::Parameter;
        if (properties->keys[i] == key && constant) {
            return &value;
        }
    }
    return nullptr;
}

ast::ExprPtr propertyOfSlot(size_t slot, const std::string& key, SourcePosition position) {
    auto variable = ast::makeVariable("", position);
    variable->slot = static_cast<int32_t>(slot);
    auto property = std::make_unique<Expr>();
    property->kind = ExprKind::Property;
    property->name = key;
    property->position = position;
    property->children.push_back(std::move(variable));
    return property;
}

// n {..$map..}: true when every entry of the map equals the entity's property.
Value propertiesMatch(std::span<const Value> args, const EntityAccessor& entities) {
    const Value& entity = args[0];
    const Value& wanted = args[1];
    if (wanted.isNull()) {
        return Value(true);
    }
    if (wanted.type() != ValueType::Map) {
        throw typeError("InvalidArgumentType", "inline properties must be a map");
    }
    for (const auto& [key, value] : wanted.asMap()) {
        const Value stored = entity.type() == ValueType::Node ? entities.nodeProperty(entity.asNode().id, key)
                                                              : entities.relProperty(entity.asRelationship().id, key);
        const Value same = equals(stored, value);
        if (same.type() != ValueType::Bool || !same.asBool()) {
            return Value(false);
        }
    }
    return Value(true);
}

constexpr uint32_t kTwoArguments = 2;
const ScalarFunction kPropertiesMatch{"__propertiesMatch", kTwoArguments, kTwoArguments, &propertiesMatch};

const ScalarFunction* findPropertiesMatchFunction() {
    return &kPropertiesMatch;
}

const ScalarFunction* findScalarFunctionForPlanner(std::string_view name) {
    return findScalarFunction(name);
}

} // namespace

namespace {

// Not a Cypher name: a pending predicate reading it is only flushed at the end of its MATCH.
constexpr const char* kUnknownReads = "\x01unknown reads";

void splitConjuncts(Expr* expr, std::vector<Expr*>& out) {
    if (expr->kind == ExprKind::Binary && expr->op == ast::BinaryOp::And) {
        splitConjuncts(expr->children[0].get(), out);
        splitConjuncts(expr->children[1].get(), out);
        return;
    }
    out.push_back(expr);
}

} // namespace

bool collectReads(const Expr& expr, std::vector<std::string>& out) {
    if (expr.subquery) {
        return false;
    }
    auto add = [&out](const std::string& name) {
        if (!name.empty()) {
            out.push_back(name);
        }
    };
    if (expr.kind == ExprKind::Variable || expr.kind == ExprKind::MapProjection) {
        add(expr.name);
    }
    for (const auto& child : expr.children) {
        if (child && !collectReads(*child, out)) {
            return false;
        }
    }
    for (const auto& item : expr.mapItems) {
        if (item.kind == ast::MapItemKind::Variable) {
            add(item.key);
        }
        if (item.value && !collectReads(*item.value, out)) {
            return false;
        }
    }
    for (const auto& part : expr.pattern) {
        for (const auto& node : part.nodes) {
            add(node.variable);
            if (node.properties && !collectReads(*node.properties, out)) {
                return false;
            }
        }
        for (const auto& rel : part.rels) {
            add(rel.variable);
            if (rel.properties && !collectReads(*rel.properties, out)) {
                return false;
            }
        }
    }
    return true;
}

void Planner::setPendingPredicates(Expr* where) {
    pending_.clear();
    if (where == nullptr) {
        return;
    }
    std::vector<Expr*> conjuncts;
    splitConjuncts(where, conjuncts);
    for (Expr* conjunct : conjuncts) {
        PendingPredicate pending{conjunct, {}};
        if (!collectReads(*conjunct, pending.variables)) {
            // What a subquery reads is not known here: the conjunct waits for the whole pattern.
            pending.variables.push_back(kUnknownReads);
        }
        pending_.push_back(std::move(pending));
    }
}

bool Planner::equalsConstantInWhere(const std::string& variable, bool indexedOnly) const {
    if (variable.empty()) {
        return false;
    }
    auto isConstant = [](const Expr& expr) { return expr.kind == ExprKind::Literal || expr.kind == ExprKind::Parameter; };
    auto isPropertyOf = [&](const Expr& expr) {
        return expr.kind == ExprKind::Property && expr.children.size() == 1 &&
               expr.children[0]->kind == ExprKind::Variable && expr.children[0]->name == variable &&
               (!indexedOnly || NodeIndex::indexedKey(expr.name));
    };
    return std::any_of(pending_.begin(), pending_.end(), [&](const PendingPredicate& pending) {
        const Expr& predicate = *pending.predicate;
        if (predicate.kind != ExprKind::Binary || predicate.op != ast::BinaryOp::Equal) {
            return false;
        }
        const Expr& lhs = *predicate.children[0];
        const Expr& rhs = *predicate.children[1];
        return (isPropertyOf(lhs) && isConstant(rhs)) || (isPropertyOf(rhs) && isConstant(lhs));
    });
}

void Planner::flushPredicates(Plan& plan, bool all) {
    std::vector<PendingPredicate> keep;
    std::vector<PendingPredicate> current = std::move(pending_);
    pending_.clear(); // binding may plan pattern predicates, which must not see this MATCH's conjuncts
    for (PendingPredicate& pending : current) {
        const bool ready = std::all_of(pending.variables.begin(), pending.variables.end(),
                                       [&](const std::string& name) { return plan.scope.find(name) != nullptr; });
        if (!ready && !all) {
            keep.push_back(std::move(pending));
            continue;
        }
        bind(*pending.predicate, plan.scope);
        addFilter(plan, pending.predicate);
    }
    pending_ = std::move(keep);
}

void Planner::planPattern(Plan& plan, std::vector<ast::PatternPart>& parts, std::vector<size_t>& relSlots,
                          std::vector<size_t>& relListSlots) {
    for (ast::PatternPart& part : parts) {
        planPart(plan, part, relSlots, relListSlots);
    }
}

namespace {

// `n:L1:L2` on the node in `slot` (no labels: only that it is a node; null drops the row).
ast::ExprPtr labelCheck(const ast::NodePattern& node, size_t slot, std::vector<std::string> labels) {
    auto variable = ast::makeVariable(node.variable, node.position);
    variable->slot = static_cast<int32_t>(slot);
    auto check = std::make_unique<Expr>();
    check->kind = ExprKind::LabelCheck;
    check->position = node.position;
    check->text = node.variable;
    check->labels = std::move(labels);
    check->children.push_back(std::move(variable));
    return check;
}

} // namespace

size_t Planner::bindNode(Plan& plan, ast::NodePattern& node, bool& alreadyBound) {
    alreadyBound = false;
    if (node.variable.empty()) {
        return plan.scope.addHidden();
    }
    const ScopeVariable* existing = plan.scope.find(node.variable);
    if (existing != nullptr && existing->mayHold(ValueType::Node)) {
        // A value that holds nodes only at run time (UNWIND of a list of nodes, WITH null AS a,
        // a list element): the rows where it is a node go on, null drops the row, and anything
        // else is a TypeError (an empty label check).
        const size_t slot = existing->slot;
        addFilter(plan, synthesize(labelCheck(node, slot, {})));
        alreadyBound = true;
        return slot;
    }
    if (existing != nullptr) {
        if (existing->kind != VarKind::Node) {
            throw syntaxError("VariableTypeConflict",
                              fmt::format("variable '{}' is a {}, not a node", node.variable, varKindName(existing->kind)),
                              node.position);
        }
        alreadyBound = true;
        return existing->slot;
    }
    return plan.scope.add(node.variable, VarKind::Node);
}

void Planner::addPropertyFilters(Plan& plan, Expr* properties, size_t slot, VarKind kind, const std::string& skipKey) {
    if (properties == nullptr) {
        return;
    }
    (void)kind;
    bind(*properties, plan.scope);
    if (properties->kind == ExprKind::Map) {
        for (size_t i = 0; i < properties->keys.size(); ++i) {
            if (properties->keys[i] == skipKey) {
                continue;
            }
            auto value = properties->children[i]->clone();
            bind(*value, plan.scope);
            auto equal = ast::makeBinary(ast::BinaryOp::Equal, propertyOfSlot(slot, properties->keys[i], properties->position),
                                         std::move(value), properties->position);
            equal->text = fmt::format("{}: {}", properties->keys[i], properties->children[i]->text);
            addFilter(plan, synthesize(std::move(equal)));
        }
        return;
    }
    // A parameter map: every entry must match; built as all(k IN keys($p) WHERE n[k] = $p[k]).
    auto variable = ast::makeVariable("", properties->position);
    variable->slot = static_cast<int32_t>(slot);
    auto matches = std::make_unique<Expr>();
    matches->kind = ExprKind::Function;
    matches->name = "__propertiesMatch";
    matches->position = properties->position;
    matches->text = properties->text;
    matches->children.push_back(std::move(variable));
    matches->children.push_back(properties->clone());
    bind(*matches->children[1], plan.scope);
    matches->function = findPropertiesMatchFunction();
    addFilter(plan, synthesize(std::move(matches)));
}

void Planner::addNodeFilters(Plan& plan, ast::NodePattern& node, size_t slot, size_t firstLabel, bool skipIndexedKey,
                             const std::string& indexedKeyName) {
    if (node.labels.size() > firstLabel) {
        addFilter(plan, synthesize(labelCheck(node, slot,
                                              std::vector<std::string>(node.labels.begin() +
                                                                           static_cast<std::ptrdiff_t>(firstLabel),
                                                                       node.labels.end()))));
    }
    addPropertyFilters(plan, node.properties.get(), slot, VarKind::Node, skipIndexedKey ? indexedKeyName : std::string());
}

size_t Planner::planStartNode(Plan& plan, ast::NodePattern& node) {
    bool alreadyBound = false;
    const size_t slot = bindNode(plan, node, alreadyBound);
    std::string seekKey;
    size_t firstLabel = 0;
    if (!alreadyBound) {
        const Expr* seekValue = nullptr;
        for (const char* key : {"name", "code", "id"}) {
            if (!node.labels.empty() && (seekValue = seekableValue(node.properties.get(), key)) != nullptr) {
                seekKey = key;
                break;
            }
        }
        std::unique_ptr<Operator> scan;
        if (seekValue != nullptr) {
            bind(const_cast<Expr&>(*seekValue), plan.scope);
            scan = std::make_unique<IndexSeek>(node.labels.front(), seekKey, seekValue, slot);
            firstLabel = 1;
        } else if (!node.labels.empty()) {
            scan = std::make_unique<NodeScan>(node.labels.front(), slot);
            firstLabel = 1;
        } else {
            scan = std::make_unique<NodeScan>(std::nullopt, slot);
        }
        plan.root = wrap(std::move(plan.root), std::move(scan), plan.scope.width());
    }
    addNodeFilters(plan, node, slot, firstLabel, !seekKey.empty(), seekKey);
    flushPredicates(plan, false);
    return slot;
}

void Planner::planPart(Plan& plan, ast::PatternPart& part, std::vector<size_t>& relSlots,
                       std::vector<size_t>& relListSlots, std::vector<size_t>* nodeSlotsOut,
                       std::vector<size_t>* relSlotsOut) {
    for (const ast::NodePattern& node : part.nodes) {
        for (const std::string& label : node.labels) {
            if (!graph_.catalog().findLabel(label)) {
                unknown_.labels.insert(label);
            }
        }
    }
    if (part.shortest != ast::ShortestKind::None) {
        planShortestPath(plan, part);
        return;
    }
    const size_t nodeCount = part.nodes.size();
    const size_t start = chooseStart(plan, part);

    std::vector<size_t> nodeSlots(nodeCount);
    std::vector<bool> nodeBound(nodeCount, false);
    nodeSlots[start] = planStartNode(plan, part.nodes[start]);
    nodeBound[start] = true;

    std::vector<size_t> relSlotOf(part.rels.size());
    auto expandStep = [&](size_t relIndex, size_t fromNode, size_t toNode, bool reversed) {
        ast::RelPattern& rel = part.rels[relIndex];
        ast::NodePattern& target = part.nodes[toNode];
        ExpandSpec spec;
        spec.fromSlot = nodeSlots[fromNode];
        bool targetBound = false;
        if (nodeBound[toNode]) {
            targetBound = true;
            spec.toSlot = nodeSlots[toNode];
        } else {
            spec.toSlot = bindNode(plan, target, targetBound);
            nodeSlots[toNode] = spec.toSlot;
            nodeBound[toNode] = true;
        }
        spec.into = targetBound;
        if (!targetBound) {
            spec.toLabels = target.labels;
        }
        spec.bothDirections = rel.direction == ast::RelDirection::Both;
        const bool outgoing = rel.direction == ast::RelDirection::Outgoing;
        spec.direction = (outgoing != reversed) ? Direction::Out : Direction::In;
        for (const std::string& type : rel.types) {
            // [:T|:T] is [:T]: a type named twice must not find each relationship twice (Match3).
            const auto id = graph_.catalog().findType(type);
            if (!id) {
                unknown_.types.insert(type);
                spec.unresolvedTypes.push_back(type);
            } else if (std::find(spec.types.begin(), spec.types.end(), *id) == spec.types.end()) {
                spec.types.push_back(*id);
            }
        }
        spec.impossible = !rel.types.empty() && spec.types.empty();
        spec.distinctFrom = relSlots;
        spec.distinctFromLists = relListSlots;
        // The relationship variable.
        const VarKind kind = rel.variableLength ? VarKind::RelationshipList : VarKind::Relationship;
        size_t relSlot = 0;
        std::optional<size_t> boundRel;
        if (rel.variable.empty()) {
            relSlot = plan.scope.addHidden();
        } else if (const ScopeVariable* existing = plan.scope.find(rel.variable)) {
            // A list carried as a value (WITH [r1, r2] AS rs) may bind a variable-length step: the
            // walk must be that list (Match4, Match9).
            const bool listValue = rel.variableLength && existing->mayHold(ValueType::List);
            if (existing->kind != kind && !listValue) {
                throw syntaxError("VariableTypeConflict",
                                  fmt::format("variable '{}' is a {}, not a {}", rel.variable, varKindName(existing->kind),
                                              varKindName(kind)),
                                  rel.position);
            }
            boundRel = existing->slot;
            relSlot = plan.scope.addHidden();
        } else {
            relSlot = plan.scope.add(rel.variable, kind);
        }
        spec.relSlot = relSlot;
        relSlotOf[relIndex] = relSlot;
        if (rel.variableLength) {
            if (rel.properties) {
                bind(*rel.properties, plan.scope);
            }
            auto expand = std::make_unique<VarExpand>(spec, rel.minHops, rel.maxHops, rel.properties.get());
            plan.root = wrap(std::move(plan.root), std::move(expand), plan.scope.width());
            if (reversed && (!rel.variable.empty() || !part.pathVariable.empty())) {
                // The walk went backwards: a list someone reads must read in pattern order.
                auto reverseCall = std::make_unique<Expr>();
                reverseCall->kind = ExprKind::Function;
                reverseCall->name = "reverse";
                reverseCall->function = findScalarFunctionForPlanner("reverse");
                auto variable = ast::makeVariable("", rel.position);
                variable->slot = static_cast<int32_t>(relSlot);
                reverseCall->children.push_back(std::move(variable));
                const size_t reversedSlot = plan.scope.addHidden();
                auto project = std::make_unique<Project>(std::vector<const ast::Expr*>{synthesize(std::move(reverseCall))},
                                                         std::vector<size_t>{reversedSlot});
                plan.root = wrap(std::move(plan.root), std::move(project), plan.scope.width());
                relSlotOf[relIndex] = reversedSlot;
                if (!rel.variable.empty() && !boundRel) {
                    // Point the variable at the reversed list.
                    const_cast<ScopeVariable*>(plan.scope.find(rel.variable))->slot = reversedSlot;
                }
            }
            relListSlots.push_back(relSlotOf[relIndex]);
        } else {
            plan.root = wrap(std::move(plan.root), std::make_unique<Expand>(spec), plan.scope.width());
            addPropertyFilters(plan, rel.properties.get(), relSlot, VarKind::Relationship, "");
            relSlots.push_back(relSlot);
        }
        if (boundRel) {
            auto lhs = ast::makeVariable(rel.variable, rel.position);
            lhs->slot = static_cast<int32_t>(relSlotOf[relIndex]);
            auto rhs = ast::makeVariable(rel.variable, rel.position);
            rhs->slot = static_cast<int32_t>(*boundRel);
            addFilter(plan, synthesize(ast::makeBinary(ast::BinaryOp::Equal, std::move(lhs), std::move(rhs), rel.position)));
        }
        if (!targetBound || target.properties || !target.labels.empty()) {
            addNodeFilters(plan, target, spec.toSlot, 0, false, "");
        }
        flushPredicates(plan, false);
    };
    std::vector<PatternStep> steps;
    for (size_t i = start; i < part.rels.size(); ++i) {
        steps.push_back(PatternStep{i, i, i + 1});
    }
    for (size_t i = start; i > 0; --i) {
        steps.push_back(PatternStep{i - 1, i, i - 1});
    }
    for (size_t k = 0; k < steps.size(); ++k) {
        expandStep(steps[k].rel, steps[k].from, steps[k].to, steps[k].to < steps[k].from);
    }
    if (nodeSlotsOut != nullptr) {
        *nodeSlotsOut = nodeSlots;
    }
    if (relSlotsOut != nullptr) {
        *relSlotsOut = relSlotOf;
    }

    if (!part.pathVariable.empty()) {
        checkNewVariable(plan.scope, part.pathVariable, VarKind::Path, part.position);
        if (plan.scope.find(part.pathVariable) != nullptr) {
            throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", part.pathVariable),
                              part.position);
        }
        std::vector<BuildPath::Step> steps;
        for (size_t i = 0; i < part.rels.size(); ++i) {
            steps.push_back(BuildPath::Step{relSlotOf[i], part.rels[i].variableLength});
        }
        const size_t slot = plan.scope.add(part.pathVariable, VarKind::Path);
        plan.root = wrap(std::move(plan.root), std::make_unique<BuildPath>(nodeSlots[0], std::move(steps), slot),
                         plan.scope.width());
    }
}

namespace {

// What MATCH refuses before planning: a parameter map as properties (Match1, Match2) and one
// relationship variable twice in a pattern (it could never match: relationships are unique).
void checkMatchPattern(const std::vector<ast::PatternPart>& pattern) {
    auto refuseParameterMap = [](const ast::ExprPtr& properties) {
        if (properties && properties->kind == ExprKind::Parameter) {
            throw syntaxError("InvalidParameterUse",
                              "a pattern cannot take its properties from a parameter map; write them out ({key: $p.key})",
                              properties->position);
        }
    };
    std::vector<std::string> relVariables;
    for (const ast::PatternPart& part : pattern) {
        for (const ast::NodePattern& node : part.nodes) {
            refuseParameterMap(node.properties);
        }
        for (const ast::RelPattern& rel : part.rels) {
            refuseParameterMap(rel.properties);
            if (rel.variable.empty()) {
                continue;
            }
            if (std::find(relVariables.begin(), relVariables.end(), rel.variable) != relVariables.end()) {
                throw syntaxError("RelationshipUniquenessViolation",
                                  fmt::format("relationship '{}' appears twice in one pattern", rel.variable),
                                  rel.position);
            }
            relVariables.push_back(rel.variable);
        }
    }
}

} // namespace

void Planner::planMatch(Plan& plan, ast::Clause& clause) {
    checkMatchPattern(clause.pattern);
    std::vector<size_t> relSlots;
    std::vector<size_t> relListSlots;
    if (!clause.optional) {
        setPendingPredicates(clause.where.get());
        planPattern(plan, clause.pattern, relSlots, relListSlots);
        flushPredicates(plan, true);
        return;
    }
    auto [subplan, innerScope] = startSubplan(plan.scope);
    Plan inner{std::move(subplan->root), std::move(innerScope)};
    setPendingPredicates(clause.where.get());
    planPattern(inner, clause.pattern, relSlots, relListSlots);
    flushPredicates(inner, true);
    auto apply = std::make_unique<Apply>(std::move(inner.root), subplan->argument, true);
    plan.scope = std::move(inner.scope);
    plan.root = wrap(std::move(plan.root), std::move(apply), plan.scope.width());
}

} // namespace newsgraph
