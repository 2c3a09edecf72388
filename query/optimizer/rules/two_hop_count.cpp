// two_hop_count: count(*), count(x) of a pattern variable, or count(DISTINCT b) of the middle
// node, over two fixed-length steps through b, with at most one comparison between the two
// relationships' properties (`r1.date < r2.date`, `<=`, `>`, `>=`, `=`), counted per middle node
// without making a row per pair (FactorizedTwoHopCount, two_hop_count.hpp). Matched on the
// operators the planner made, in either order it walked the pattern: from an end node (a -> b -> c)
// or from the middle (b -> c, then b -> a); the steps may be undirected, carry labels on any node,
// and be separated by a WITH that only passes variables on (then r1 = r2 is allowed, as Cypher
// says). Every other filter must read the variables of one step only (b, r1, a or b, r2, c):
// those are evaluated once per relationship.
#include <algorithm>
#include <map>

#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/two_hop_count.hpp"

namespace newsgraph {

namespace {

using Role = TwoHopCount::Role;

Direction flip(Direction direction) {
    return direction == Direction::Out ? Direction::In : Direction::Out;
}

// While walking the plan up from the scan the two nodes met first have provisional roles: the
// scanned node and the first step's far node; the second step decides which one is b.
enum class Seen : uint8_t { Scanned, FirstFar, FirstRel, SecondFar, SecondRel };

// Which column holds which variable of the pattern, at one point of the plan.
using Columns = std::map<size_t, Seen>;

struct Collected {
    const ast::Expr* expr;
    Columns columns; // of the row the filter reads
};

} // namespace

size_t TwoHopCountRule::apply(OptimizerContext& context) {
    return rewriteEach<Aggregate>(context, [&](Aggregate& matched, std::unique_ptr<Operator>& slot) {
        Aggregate* aggregate = &matched;
        const std::optional<LoneCount> counted = loneCount(*aggregate);
        if (!counted || (!counted->star && !counted->column)) {
            return false; // count(expression): it may be null
        }
        // Aggregate <- (Filter | Project | Select)* <- Expand <- (...)* <- Expand <- (...)* <-
        // NodeScan <- Argument (of the statement), read bottom up.
        std::vector<Operator*> chain;
        NodeScan* scan = scanUnder(*aggregate, chain);
        if (scan == nullptr) {
            return false;
        }
        Columns columns{{scan->slot(), Seen::Scanned}};
        std::vector<Collected> filters;
        std::vector<const Expand*> steps;
        size_t width = aggregate->outputWidth();
        bool firstFromScanned = true; // whether the second step leaves the scanned node (from the middle)
        for (auto it = chain.rbegin() + 1; it != chain.rend(); ++it) {
            Operator* op = *it;
            width = std::max(width, op->outputWidth());
            if (auto* filter = dynamic_cast<Filter*>(op)) {
                filters.push_back({filter->predicate(), columns});
                continue;
            }
            if (auto* step = dynamic_cast<Expand*>(op)) {
                const ExpandSpec& spec = step->spec();
                const auto from = columns.find(spec.fromSlot);
                if (steps.size() == 2 || !isPlainStep(spec) || from == columns.end()) {
                    return false;
                }
                if (steps.empty()) {
                    if (from->second != Seen::Scanned || !spec.distinctFrom.empty()) {
                        return false;
                    }
                    columns[spec.relSlot] = Seen::FirstRel;
                    columns[spec.toSlot] = Seen::FirstFar;
                } else {
                    if (from->second != Seen::Scanned && from->second != Seen::FirstFar) {
                        return false;
                    }
                    firstFromScanned = from->second == Seen::Scanned;
                    // Relationship uniqueness within one MATCH, and nothing else, ties the two steps.
                    for (size_t other : spec.distinctFrom) {
                        const auto bound = columns.find(other);
                        if (bound == columns.end() || bound->second != Seen::FirstRel) {
                            return false;
                        }
                    }
                    columns[spec.relSlot] = Seen::SecondRel;
                    columns[spec.toSlot] = Seen::SecondFar;
                }
                steps.push_back(step);
                for (const ast::Expr* predicate : step->predicates()) {
                    filters.push_back({predicate, columns});
                }
                continue;
            }
            if (!carryColumns(*op, columns)) {
                return false;
            }
        }
        if (steps.size() != 2) {
            return false;
        }
        const ExpandSpec& one = steps[0]->spec();
        const ExpandSpec& two = steps[1]->spec();
        const bool unique = !two.distinctFrom.empty();
        // The roles of the provisional names, now that the second step said where b is.
        auto role = [&](Seen seen) {
            switch (seen) {
            case Seen::Scanned: return firstFromScanned ? Role::Middle : Role::FirstEnd;
            case Seen::FirstFar: return firstFromScanned ? Role::FirstEnd : Role::Middle;
            case Seen::FirstRel: return Role::FirstRel;
            case Seen::SecondFar: return Role::SecondEnd;
            default: return Role::SecondRel;
            }
        };
        if (counted->column) {
            const auto column = columns.find(*counted->column);
            if (column == columns.end()) {
                return false; // count(x) of something else: it may be null
            }
            if (counted->distinct && role(column->second) != Role::Middle) {
                return false; // count(DISTINCT a): not a count per middle node
            }
        }
        TwoHopCount::Spec spec;
        spec.unique = unique;
        spec.distinctMiddle = counted->distinct;
        spec.rowWidth = width;
        // Each step seen from b, with the labels of its far node.
        std::vector<std::string> scannedLabels;
        if (scan->label()) {
            scannedLabels.push_back(*scan->label());
        }
        spec.first.step = one;
        spec.second.step = two;
        if (firstFromScanned) {
            spec.middleLabels = scannedLabels;
        } else {
            // From an end: the first step arrives at the middle; its far node's labels are b's.
            spec.first.step.direction = flip(one.direction);
            spec.first.step.toLabels = scannedLabels;
            spec.middleLabels = one.toLabels;
        }
        for (ExpandSpec* step : {&spec.first.step, &spec.second.step}) {
            step->toLabelIds.clear();
            step->distinctFrom.clear();
        }
        // The labels each role must carry, for recognizing label filters the steps already check.
        std::map<Role, std::vector<std::string>> labels{{Role::Middle, spec.middleLabels},
                                                        {Role::FirstEnd, spec.first.step.toLabels},
                                                        {Role::SecondEnd, spec.second.step.toLabels}};
        for (const Collected& filter : filters) {
            const ast::Expr& predicate = *filter.expr;
            const auto seen = boundColumns(predicate, filter.columns, width);
            if (!seen) {
                return false;
            }
            std::vector<std::pair<size_t, Role>> bound;
            for (const auto& [column, provisional] : *seen) {
                bound.emplace_back(column, role(provisional));
            }
            auto reads = [&](Role r) {
                return std::any_of(bound.begin(), bound.end(), [&](const auto& entry) { return entry.second == r; });
            };
            if (predicate.kind == ast::ExprKind::LabelCheck && bound.size() == 1) {
                const auto known = labels.find(bound.front().second);
                const bool implied =
                    known != labels.end() &&
                    std::all_of(predicate.labels.begin(), predicate.labels.end(), [&](const std::string& l) {
                        return std::find(known->second.begin(), known->second.end(), l) != known->second.end();
                    });
                if (implied) {
                    continue; // redundant with the labels the steps already require
                }
            }
            if (reads(Role::FirstRel) && reads(Role::SecondRel)) {
                // The one comparison between the steps: r1.x op r2.y.
                const auto comparison = spec.op ? std::nullopt : propertyComparison(predicate, [&](size_t column) {
                    return role(filter.columns.at(column)) != Role::SecondRel;
                });
                if (!comparison) {
                    return false;
                }
                spec.op = comparison->op;
                const auto firstKey = context.graph.catalog().findKey(comparison->leftKey);
                const auto secondKey = context.graph.catalog().findKey(comparison->rightKey);
                if (!firstKey || !secondKey) {
                    spec.impossible = true; // a property no relationship has: every comparison is null
                } else {
                    spec.first.key = firstKey;
                    spec.second.key = secondKey;
                }
                spec.text = predicate.text;
                continue;
            }
            const bool first = reads(Role::FirstRel) || reads(Role::FirstEnd);
            const bool second = reads(Role::SecondRel) || reads(Role::SecondEnd);
            if (first && second) {
                return false; // a filter across the steps (a <> c, r1.x < r2.y + 1)
            }
            TwoHopCount::BoundPredicate kept{&predicate, std::move(bound)};
            (first ? spec.first.filters : second ? spec.second.filters : spec.middleFilters).push_back(std::move(kept));
        }
        auto count = std::make_unique<TwoHopCount>(std::move(spec), aggregate->aggregates().front().slot);
        count->setOutputWidth(aggregate->outputWidth());
        slot = std::move(count);
        return true;
    });
}

} // namespace newsgraph
