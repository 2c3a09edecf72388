// two_hop_count: count(*) of two fixed-length steps through a middle node, with at most one
// comparison between the two relationships' properties (`r1.date < r2.date`), counted per middle
// node without making a row per pair (FactorizedTwoHopCount, two_hop_count.hpp). Matched on the
// operators the planner made, in either order it walked the pattern: from an end node (a -> b -> c)
// or from the middle (b -> c, then b -> a).
#include <algorithm>
#include <map>

#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/two_hop_count.hpp"

namespace newsgraph {

namespace {

Direction flip(Direction direction) {
    return direction == Direction::Out ? Direction::In : Direction::Out;
}

ast::BinaryOp flipped(ast::BinaryOp op) {
    switch (op) {
    case ast::BinaryOp::Less: return ast::BinaryOp::Greater;
    case ast::BinaryOp::LessEqual: return ast::BinaryOp::GreaterEqual;
    case ast::BinaryOp::Greater: return ast::BinaryOp::Less;
    default: return ast::BinaryOp::LessEqual;
    }
}

bool isOrdering(ast::BinaryOp op) {
    return op == ast::BinaryOp::Less || op == ast::BinaryOp::LessEqual || op == ast::BinaryOp::Greater ||
           op == ast::BinaryOp::GreaterEqual;
}

// `column.key` -> (column, key)
std::optional<std::pair<size_t, std::string>> propertyOfColumn(const ast::Expr& expr) {
    if (expr.kind != ast::ExprKind::Property || expr.children.size() != 1 ||
        expr.children[0]->kind != ast::ExprKind::Variable || expr.children[0]->slot < 0) {
        return std::nullopt;
    }
    return std::make_pair(static_cast<size_t>(expr.children[0]->slot), expr.name);
}

// A plain step of the pattern: one direction, at most one label on the far node.
bool isPlainStep(const ExpandSpec& spec) {
    return !spec.into && !spec.bothDirections && spec.toLabels.size() <= 1 && spec.distinctFromLists.empty();
}

class Matcher {
public:
    Matcher(const Catalog& catalog, TwoHopCount::Spec& spec) : catalog_(catalog), spec_(spec) {}

    std::optional<LabelId> label(const std::optional<std::string>& name) {
        if (!name) {
            return std::nullopt;
        }
        const auto id = catalog_.findLabel(*name);
        spec_.impossible = spec_.impossible || !id;
        return id ? id : std::optional<LabelId>(0);
    }
    std::optional<LabelId> label(const std::vector<std::string>& names) {
        return names.empty() ? std::nullopt : label(std::optional<std::string>(names.front()));
    }
    void side(TwoHopCount::Side& side, const ExpandSpec& step, Direction fromMiddle, std::optional<LabelId> endLabel) {
        side.direction = fromMiddle;
        side.types = step.types;
        side.endLabel = endLabel;
        spec_.impossible = spec_.impossible || step.impossible;
    }

private:
    const Catalog& catalog_;
    TwoHopCount::Spec& spec_;
};

} // namespace

size_t TwoHopCountRule::apply(OptimizerContext& context) {
    return rewriteEach<Aggregate>(context, [&](Aggregate& matched, std::unique_ptr<Operator>& slot) {
        Aggregate* aggregate = &matched;
        const std::optional<LoneCount> counted = loneCount(*aggregate);
        if (!counted || counted->distinct || (!counted->star && !counted->column)) {
            return false;
        }
        // Aggregate <- Filter* <- Expand <- Filter* <- Expand <- Filter* <- NodeScan <- Argument (of
        // the statement); every filter must be one the count answers.
        std::vector<const ast::Expr*> predicates;
        Operator* below = aggregate->child();
        auto skipFilters = [&] {
            while (auto* filter = dynamic_cast<Filter*>(below)) {
                predicates.push_back(filter->predicate());
                below = filter->child();
            }
        };
        skipFilters();
        auto* second = dynamic_cast<Expand*>(below);
        if (second == nullptr) {
            return false;
        }
        below = second->child();
        skipFilters();
        auto* first = dynamic_cast<Expand*>(below);
        if (first == nullptr) {
            return false;
        }
        below = first->child();
        skipFilters();
        auto* scan = dynamic_cast<NodeScan*>(below);
        if (scan == nullptr || dynamic_cast<ArgumentOperator*>(scan->child()) == nullptr ||
            scan->child()->outputWidth() != 0) {
            return false;
        }
        for (const Expand* step : {first, second}) {
            predicates.insert(predicates.end(), step->predicates().begin(), step->predicates().end());
        }
        const ExpandSpec& one = first->spec();
        const ExpandSpec& two = second->spec();
        // Relationship uniqueness within one MATCH, and nothing else, ties the two steps.
        if (!isPlainStep(one) || !isPlainStep(two) || !one.distinctFrom.empty() ||
            two.distinctFrom != std::vector<size_t>{one.relSlot} || one.fromSlot != scan->slot()) {
            return false;
        }
        TwoHopCount::Spec spec;
        Matcher matcher(context.graph.catalog(), spec);
        // The labels each node column must carry, for recognizing the planner's label filters.
        std::map<size_t, std::vector<std::string>> labels;
        if (scan->label()) {
            labels[scan->slot()] = {*scan->label()};
        }
        labels[one.toSlot] = one.toLabels;
        labels[two.toSlot] = two.toLabels;
        if (two.fromSlot == one.toSlot) {
            // From an end: scan -> middle -> far end. The first step arrives at the middle.
            matcher.side(spec.first, one, flip(one.direction), matcher.label(scan->label()));
            matcher.side(spec.second, two, two.direction, matcher.label(two.toLabels));
            spec.middleLabel = matcher.label(one.toLabels);
        } else if (two.fromSlot == scan->slot()) {
            // From the middle: both steps leave it.
            matcher.side(spec.first, one, one.direction, matcher.label(one.toLabels));
            matcher.side(spec.second, two, two.direction, matcher.label(two.toLabels));
            spec.middleLabel = matcher.label(scan->label());
        } else {
            return false;
        }
        const std::vector<size_t> columns{scan->slot(), one.toSlot, two.toSlot, one.relSlot, two.relSlot};
        if (counted->column && std::find(columns.begin(), columns.end(), *counted->column) == columns.end()) {
            return false; // count(x) of something else: it may be null
        }
        std::vector<std::string> texts;
        for (const ast::Expr* predicate : predicates) {
            if (predicate->kind == ast::ExprKind::LabelCheck) {
                // Redundant with the labels the steps already require, or not this plan's to answer.
                const ast::Expr& target = *predicate->children[0];
                const auto known = target.kind == ast::ExprKind::Variable && target.slot >= 0
                                       ? labels.find(static_cast<size_t>(target.slot))
                                       : labels.end();
                const bool implied = known != labels.end() &&
                                     std::all_of(predicate->labels.begin(), predicate->labels.end(), [&](const std::string& l) {
                                         return std::find(known->second.begin(), known->second.end(), l) != known->second.end();
                                     });
                if (!implied) {
                    return false;
                }
                continue;
            }
            if (spec.op || predicate->kind != ast::ExprKind::Binary || !isOrdering(predicate->op)) {
                return false;
            }
            auto lhs = propertyOfColumn(*predicate->children[0]);
            auto rhs = propertyOfColumn(*predicate->children[1]);
            if (!lhs || !rhs) {
                return false;
            }
            ast::BinaryOp op = predicate->op;
            if (lhs->first == two.relSlot && rhs->first == one.relSlot) {
                std::swap(lhs, rhs);
                op = flipped(op);
            } else if (lhs->first != one.relSlot || rhs->first != two.relSlot) {
                return false;
            }
            spec.op = op;
            const auto firstKey = context.graph.catalog().findKey(lhs->second);
            const auto secondKey = context.graph.catalog().findKey(rhs->second);
            if (!firstKey || !secondKey) {
                spec.impossible = true; // a property no relationship has: every comparison is null
            } else {
                spec.first.key = firstKey;
                spec.second.key = secondKey;
            }
            spec.text = predicate->text;
        }
        auto count = std::make_unique<TwoHopCount>(std::move(spec), aggregate->aggregates().front().slot);
        count->setOutputWidth(aggregate->outputWidth());
        slot = std::move(count);
        return true;
    });
}

} // namespace newsgraph
