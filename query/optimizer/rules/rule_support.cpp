// Matching pieces several rules share.
#include <algorithm>
#include <cctype>

#include "engine/storage/node_index.hpp"
#include "query/optimizer/plan_properties.hpp"
#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

void conjunctsOf(const ast::Expr& predicate, std::vector<const ast::Expr*>& out) {
    if (predicate.kind == ast::ExprKind::Binary && predicate.op == ast::BinaryOp::And) {
        conjunctsOf(*predicate.children[0], out);
        conjunctsOf(*predicate.children[1], out);
        return;
    }
    out.push_back(&predicate);
}

std::optional<std::vector<size_t>> readsOf(const ast::Expr& expr, size_t width) {
    if (!isDeterministic(expr)) {
        return std::nullopt;
    }
    ColumnSet read;
    collectColumns(expr, read);
    if (read.all()) {
        return std::nullopt;
    }
    return read.members(width);
}

NodeScan* scanUnderFilters(Filter& filter, Operator*& above) {
    above = &filter;
    while (auto* lower = dynamic_cast<Filter*>(above->child())) {
        above = lower;
    }
    return dynamic_cast<NodeScan*>(above->child());
}

void dropConjunct(Filter& filter, std::unique_ptr<Operator>& slot, const std::vector<const ast::Expr*>& parts,
                  const ast::Expr* taken) {
    const size_t width = filter.outputWidth();
    std::unique_ptr<Operator> rest = filter.releaseChild(0);
    for (const ast::Expr* other : parts) {
        if (other == taken) {
            continue;
        }
        auto kept = std::make_unique<Filter>(other);
        kept->setOutputWidth(width);
        kept->addChild(std::move(rest));
        rest = std::move(kept);
    }
    slot = std::move(rest); // `filter` goes
}

std::optional<LoneCount> loneCount(const Aggregate& aggregate) {
    if (!aggregate.keys().empty()) {
        return std::nullopt;
    }
    return countOf(aggregate);
}

std::optional<LoneCount> countOf(const Aggregate& aggregate) {
    if (aggregate.aggregates().size() != 1) {
        return std::nullopt;
    }
    const AggregateSpec& spec = aggregate.aggregates().front();
    if (spec.countStar) {
        return LoneCount{true, false, std::nullopt};
    }
    std::string name = spec.name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name != "count" || spec.call->children.size() != 1) {
        return std::nullopt;
    }
    const ast::Expr& argument = *spec.call->children.front();
    if (argument.kind != ast::ExprKind::Variable || argument.slot < 0) {
        return LoneCount{false, spec.distinct, std::nullopt};
    }
    return LoneCount{false, spec.distinct, static_cast<size_t>(argument.slot)};
}

namespace {

// `<` for `>` and so on: the operator with its operands swapped.
ast::BinaryOp flipped(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Less: return ast::BinaryOp::Greater;
    case ast::BinaryOp::LessEqual: return ast::BinaryOp::GreaterEqual;
    case ast::BinaryOp::Greater: return ast::BinaryOp::Less;
    case ast::BinaryOp::GreaterEqual: return ast::BinaryOp::LessEqual;
    default: return op;
    }
}

bool isComparison(ast::BinaryOp op) {
    return op == ast::BinaryOp::Less || op == ast::BinaryOp::LessEqual || op == ast::BinaryOp::Greater ||
           op == ast::BinaryOp::GreaterEqual || op == ast::BinaryOp::Equal;
}

// `column.key` -> (column, key)
std::optional<std::pair<size_t, std::string>> propertyOfColumn(const ast::Expr& expr) {
    if (expr.kind != ast::ExprKind::Property || expr.children.size() != 1 ||
        expr.children[0]->kind != ast::ExprKind::Variable || expr.children[0]->slot < 0) {
        return std::nullopt;
    }
    return std::make_pair(static_cast<size_t>(expr.children[0]->slot), expr.name);
}

} // namespace

NodeScan* scanUnder(const Aggregate& aggregate, std::vector<Operator*>& chain) {
    chain.clear();
    for (Operator* below = aggregate.child(); below != nullptr; below = below->child()) {
        chain.push_back(below);
        if (dynamic_cast<NodeScan*>(below) != nullptr) {
            break;
        }
    }
    auto* scan = chain.empty() ? nullptr : dynamic_cast<NodeScan*>(chain.back());
    if (scan == nullptr || dynamic_cast<ArgumentOperator*>(scan->child()) == nullptr ||
        scan->child()->outputWidth() != 0 || scan->child()->child() != nullptr) {
        return nullptr;
    }
    return scan;
}

std::optional<PropertyComparison> propertyComparison(const ast::Expr& predicate,
                                                     const std::function<bool(size_t)>& isLeft) {
    if (predicate.kind != ast::ExprKind::Binary || !isComparison(predicate.op)) {
        return std::nullopt;
    }
    auto lhs = propertyOfColumn(*predicate.children[0]);
    auto rhs = propertyOfColumn(*predicate.children[1]);
    if (!lhs || !rhs) {
        return std::nullopt;
    }
    ast::BinaryOp op = predicate.op;
    if (!isLeft(lhs->first)) {
        std::swap(lhs, rhs);
        op = flipped(op);
    }
    return PropertyComparison{op, lhs->first, std::move(lhs->second), rhs->first, std::move(rhs->second)};
}

// A fixed step the count can read from b's adjacency: a new far node, no variable-length lists
// to avoid.
bool isPropertyOfSlot(const ast::Expr& expr, size_t slot) {
    return expr.kind == ast::ExprKind::Property && expr.children.size() == 1 &&
           expr.children[0]->kind == ast::ExprKind::Variable && expr.children[0]->slot == static_cast<int32_t>(slot);
}

bool isPlainStep(const ExpandSpec& spec) {
    return !spec.into && spec.distinctFromLists.empty();
}

std::optional<IndexedEquality> indexedEquality(const ast::Expr& predicate, size_t slot, size_t width, bool constant) {
    if (predicate.kind != ast::ExprKind::Binary || predicate.op != ast::BinaryOp::Equal ||
        predicate.children.size() != 2) {
        return std::nullopt;
    }
    for (size_t side = 0; side < 2; ++side) {
        const ast::Expr& property = *predicate.children[side];
        const ast::Expr& value = *predicate.children[1 - side];
        if (!isPropertyOfSlot(property, slot) || !NodeIndex::indexedKey(property.name)) {
            continue;
        }
        const auto reads = readsOf(value, width);
        if (!reads || std::find(reads->begin(), reads->end(), slot) != reads->end() ||
            (constant && (!reads->empty() || !isDeterministic(value)))) {
            continue;
        }
        return IndexedEquality{property.name, &value};
    }
    return std::nullopt;
}

} // namespace newsgraph
