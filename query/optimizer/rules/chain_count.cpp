// chain_count: count(*), or count(x) of a pattern variable, over a chain of three or more fixed
// steps over the whole graph: the plan scans one of its nodes (all, or by label, or the nodes an
// index seek finds: an anchored chain, counted over the whole graph and summed where the anchor
// is) and extends the chain at either end one step at a time. Counted without a row per chain
// (FactorizedChainCount, chain_count.hpp). The steps
// may point either way or be undirected, carry types and labels, and be separated by a WITH that
// only passes variables on. Every filter must read one node, or the variables of one step (its
// two nodes and relationship), or be a comparison between the properties of neighbouring steps'
// relationships (`r1.date < r2.date`, at most one per pair). Grouping keys may read one end node
// (RETURN a.name, count(*)): counted per first node, the keys evaluated once per node. Two-step
// counts are two_hop_count's. A pattern that is one variable-length step of at most three
// (MATCH (a {name: $x})-[:T*1..3]-(b:Country) RETURN count(*)) is the chain of its longest
// length, whose shorter chains are summed in the same pass: the paths are counted, not walked.
//
// Uniqueness within one MATCH: neighbouring steps are kept apart by the count itself, and so are
// r1 and r3 of a chain of three; in longer chains steps further apart must not be able to share a
// relationship -- their types are disjoint, or strict comparisons on one key between the steps in
// between order them -- or the rule leaves the plan alone.
#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/chain_count.hpp"

namespace newsgraph {

namespace {

using Member = ChainCount::Member;
using Columns = std::map<size_t, Member>;

// The longest variable-length step counted: beyond three steps, relationships further apart
// than neighbours and r1/r3 could coincide, which the count cannot take off.
constexpr uint64_t kMaxVariableSteps = 3;

struct Collected {
    const ast::Expr* expr;
    Columns columns; // of the row the filter reads
};

bool typesDisjoint(const ExpandSpec& one, const ExpandSpec& two) {
    if (one.types.empty() || two.types.empty()) {
        return false;
    }
    return std::none_of(one.types.begin(), one.types.end(), [&](TypeId type) {
        return std::find(two.types.begin(), two.types.end(), type) != two.types.end();
    });
}

// Whether r(first) and r(last) (0-based steps, first + 1 < last) can never be one relationship:
// disjoint types, or every comparison between them strict, in one direction, on one key.
bool neverEqual(const ChainCount::Spec& spec, size_t first, size_t last) {
    if (typesDisjoint(spec.steps[first].expand, spec.steps[last].expand)) {
        return true;
    }
    std::optional<ast::BinaryOp> direction;
    std::optional<PropertyKeyId> key;
    for (size_t step = first; step < last; ++step) {
        const auto& comparison = spec.comparisons[step];
        if (comparison && !comparison->leftKey) {
            return true; // a comparison that is never true: no chain at all
        }
        if (!comparison || (comparison->op != ast::BinaryOp::Less && comparison->op != ast::BinaryOp::Greater) ||
            !comparison->leftKey || comparison->leftKey != comparison->rightKey) {
            return false;
        }
        if ((direction && *direction != comparison->op) || (key && *key != *comparison->leftKey)) {
            return false;
        }
        direction = comparison->op;
        key = comparison->leftKey;
    }
    return true;
}

// The IndexSeek a chain starts from, straight over the statement's start row (an anchored chain:
// MATCH (a {name: $x})-[r1]->(b)-...), with the operators from `aggregate`'s child down to it in
// `chain`; nullptr for any other start.
IndexSeek* seekUnder(const Aggregate& aggregate, std::vector<Operator*>& chain) {
    chain.clear();
    for (Operator* below = aggregate.child(); below != nullptr; below = below->child()) {
        chain.push_back(below);
        if (dynamic_cast<IndexSeek*>(below) != nullptr || dynamic_cast<NodeScan*>(below) != nullptr) {
            break;
        }
    }
    auto* seek = chain.empty() ? nullptr : dynamic_cast<IndexSeek*>(chain.back());
    if (seek == nullptr || dynamic_cast<ArgumentOperator*>(seek->child()) == nullptr ||
        seek->child()->outputWidth() != 0 || seek->child()->child() != nullptr) {
        return nullptr;
    }
    return seek;
}

} // namespace

size_t ChainCountRule::apply(OptimizerContext& context) {
    return rewriteEach<Aggregate>(context, [&](Aggregate& aggregate, std::unique_ptr<Operator>& slot) {
        const std::optional<LoneCount> counted = countOf(aggregate);
        if (!counted || counted->distinct || (!counted->star && !counted->column)) {
            return false; // count(expression) may be null; count(DISTINCT ...) is not a number of chains
        }
        std::vector<Operator*> chain;
        IndexSeek* seek = nullptr;
        NodeScan* scan = scanUnder(aggregate, chain);
        if (scan == nullptr && (seek = seekUnder(aggregate, chain)) == nullptr) {
            return false;
        }
        const size_t startSlot = scan != nullptr ? scan->slot() : seek->slot();
        // Members get provisional indexes while the chain grows (nodes and relationships in the
        // order the plan meets them); the planner may start inside the chain and extend it at
        // either end, so the positions along the chain are known only at the top.
        Columns columns{{startSlot, Member{false, 0}}};
        std::vector<Collected> filters;
        ChainCount::Spec spec;
        std::deque<size_t> nodeOrder{0};         // provisional node indexes, left to right
        std::deque<size_t> relOrder;             // provisional relationship indexes, left to right
        std::deque<ChainCount::Step> stepOrder;  // oriented left to right
        std::vector<std::vector<std::string>> labelsOf{{}}; // by provisional node index
        if (scan != nullptr && scan->label()) {
            labelsOf[0].push_back(*scan->label()); // (a seek checks its label itself)
        }
        std::set<std::pair<size_t, size_t>> distinctPairs; // provisional relationship indexes
        std::optional<uint64_t> shortest; // a variable-length step: the chains from this length on count too
        size_t width = aggregate.outputWidth();
        for (auto it = chain.rbegin() + 1; it != chain.rend(); ++it) {
            Operator* op = *it;
            width = std::max(width, op->outputWidth());
            if (auto* filter = dynamic_cast<Filter*>(op)) {
                filters.push_back({filter->predicate(), columns});
                continue;
            }
            if (auto* variable = dynamic_cast<VarExpand*>(op)) {
                // The whole pattern one variable-length step whose relationships are not read:
                // its longest chain, with the shorter ones summed where they start.
                const ExpandSpec& expand = variable->spec();
                const std::optional<uint64_t> longest = variable->maxHops();
                const auto from = columns.find(expand.fromSlot);
                if (!stepOrder.empty() || !isPlainStep(expand) || !expand.distinctFrom.empty() ||
                    from == columns.end() || from->second.relationship || variable->relProperties() != nullptr ||
                    variable->distinctEndpoints() || !longest || *longest == 0 || *longest > kMaxVariableSteps ||
                    variable->minHops() > *longest) {
                    return false;
                }
                ChainCount::Step added;
                added.expand = expand;
                added.expand.toLabels.clear();
                added.expand.toLabelIds.clear();
                for (uint64_t hop = 0; hop < *longest; ++hop) {
                    const size_t rel = relOrder.size();
                    const size_t node = labelsOf.size();
                    for (size_t earlier = 0; earlier < rel; ++earlier) {
                        distinctPairs.emplace(earlier, rel); // a trail: no relationship twice
                    }
                    labelsOf.push_back(hop + 1 == *longest ? expand.toLabels : std::vector<std::string>());
                    nodeOrder.push_back(node);
                    relOrder.push_back(rel);
                    stepOrder.push_back(added);
                }
                columns[expand.toSlot] = Member{false, nodeOrder.back()};
                shortest = variable->minHops();
                continue;
            }
            if (auto* step = dynamic_cast<Expand*>(op)) {
                const ExpandSpec& expand = step->spec();
                const auto from = columns.find(expand.fromSlot);
                if (shortest || !isPlainStep(expand) || from == columns.end() || from->second.relationship) {
                    return false;
                }
                const bool right = from->second.index == nodeOrder.back();
                if (!right && from->second.index != nodeOrder.front()) {
                    return false; // a branch, not an end of the chain
                }
                const size_t rel = relOrder.size();
                const size_t node = labelsOf.size();
                for (size_t other : expand.distinctFrom) {
                    const auto bound = columns.find(other);
                    if (bound == columns.end() || !bound->second.relationship) {
                        return false;
                    }
                    distinctPairs.emplace(bound->second.index, rel);
                }
                columns[expand.relSlot] = Member{true, rel};
                columns[expand.toSlot] = Member{false, node};
                labelsOf.push_back(expand.toLabels);
                ChainCount::Step added;
                added.expand = expand;
                added.expand.toLabels.clear();
                added.expand.toLabelIds.clear();
                added.expand.distinctFrom.clear();
                if (right) {
                    nodeOrder.push_back(node);
                    relOrder.push_back(rel);
                    stepOrder.push_back(std::move(added));
                } else {
                    // Walked towards the left end: left to right it points the other way.
                    if (!added.expand.bothDirections) {
                        added.expand.direction = added.expand.direction == Direction::Out ? Direction::In : Direction::Out;
                    }
                    nodeOrder.push_front(node);
                    relOrder.push_front(rel);
                    stepOrder.push_front(std::move(added));
                }
                for (const ast::Expr* predicate : step->predicates()) {
                    filters.push_back({predicate, columns});
                }
                continue;
            }
            if (!carryColumns(*op, columns)) {
                return false;
            }
        }
        const size_t steps = stepOrder.size();
        if (steps < 3 && !shortest) {
            return false; // two fixed steps are two_hop_count's
        }
        if (counted->column && !columns.contains(*counted->column)) {
            return false; // count(x) of something else: it may be null
        }
        // Provisional indexes to positions: node j is nj, relationship j is r(j+1).
        std::vector<size_t> nodeAt(nodeOrder.size());
        std::vector<size_t> relAt(relOrder.size());
        for (size_t j = 0; j < nodeOrder.size(); ++j) {
            nodeAt[nodeOrder[j]] = j;
            spec.nodeLabels.push_back(labelsOf[nodeOrder[j]]);
        }
        for (size_t j = 0; j < relOrder.size(); ++j) {
            relAt[relOrder[j]] = j;
        }
        // Grouping keys must read one end node only; the chain is turned round when it is the last,
        // so that the count per group is the count per first node.
        std::optional<size_t> groupedBy; // provisional node index
        for (const ast::Expr* key : aggregate.keys()) {
            if (!isDeterministic(*key)) {
                return false;
            }
            ColumnSet read;
            collectColumns(*key, read);
            if (read.all()) {
                return false;
            }
            for (size_t column : read.members(width)) {
                const auto member = columns.find(column);
                if (member == columns.end() || member->second.relationship ||
                    (groupedBy && *groupedBy != member->second.index)) {
                    return false; // a key over something else than one node of the chain
                }
                groupedBy = member->second.index;
            }
        }
        if (groupedBy && *groupedBy != nodeOrder.front() && *groupedBy != nodeOrder.back()) {
            return false; // grouped by a node inside the chain
        }
        const bool reverse = groupedBy && *groupedBy == nodeOrder.back();
        if (reverse) {
            std::reverse(nodeOrder.begin(), nodeOrder.end());
            std::reverse(relOrder.begin(), relOrder.end());
            std::reverse(stepOrder.begin(), stepOrder.end());
            for (ChainCount::Step& step : stepOrder) {
                if (!step.expand.bothDirections) {
                    step.expand.direction = step.expand.direction == Direction::Out ? Direction::In : Direction::Out;
                }
            }
            spec.nodeLabels.clear();
            for (size_t j = 0; j < nodeOrder.size(); ++j) {
                nodeAt[nodeOrder[j]] = j;
                spec.nodeLabels.push_back(labelsOf[nodeOrder[j]]);
            }
            for (size_t j = 0; j < relOrder.size(); ++j) {
                relAt[relOrder[j]] = j;
            }
        }
        if (groupedBy) {
            spec.groupKeys = aggregate.keys();
            spec.groupKeySlots = aggregate.keySlots();
            for (const auto& [column, member] : columns) {
                if (!member.relationship && member.index == *groupedBy) {
                    spec.startColumns.push_back(column);
                }
            }
        }
        auto position = [&](Member member) {
            return member.relationship ? Member{true, relAt[member.index] + 1} : Member{false, nodeAt[member.index]};
        };
        for (Collected& filter : filters) {
            for (auto& entry : filter.columns) {
                entry.second = position(entry.second);
            }
        }
        spec.steps.assign(std::make_move_iterator(stepOrder.begin()), std::make_move_iterator(stepOrder.end()));
        std::set<std::pair<size_t, size_t>> distinctSteps; // 0-based steps that must differ
        for (const auto& [one, two] : distinctPairs) {
            distinctSteps.emplace(std::min(relAt[one], relAt[two]), std::max(relAt[one], relAt[two]));
        }
        spec.nodeFilters.resize(steps + 1);
        spec.comparisons.resize(steps - 1);
        spec.distinctNext.assign(steps - 1, false);
        spec.rowWidth = width;
        spec.shortest = shortest;
        for (const Collected& filter : filters) {
            const ast::Expr& predicate = *filter.expr;
            auto found = boundColumns(predicate, filter.columns, width);
            if (!found) {
                return false;
            }
            std::vector<std::pair<size_t, Member>> bound = std::move(*found);
            // The steps a filter reads: node j belongs to steps j - 1 and j, relationship j to step j - 1.
            size_t lowest = SIZE_MAX;
            size_t highest = 0;
            std::set<size_t> rels;
            std::set<size_t> nodes;
            for (const auto& [column, member] : bound) {
                (member.relationship ? rels : nodes).insert(member.index);
                lowest = std::min(lowest, member.index);
                highest = std::max(highest, member.index);
            }
            if (rels.empty() && nodes.size() <= 1) {
                spec.nodeFilters[nodes.empty() ? 0 : *nodes.begin()].push_back({&predicate, std::move(bound)});
                continue;
            }
            if (shortest) {
                return false; // a filter over both ends of a variable-length step (a.k <> b.k)
            }
            if (rels.size() == 2 && nodes.empty() && *rels.rbegin() == *rels.begin() + 1) {
                // r(j).x op r(j+1).y: the one comparison between neighbouring steps.
                const size_t between = *rels.begin() - 1;
                const auto parsed = spec.comparisons[between] ? std::nullopt : propertyComparison(predicate, [&](size_t column) {
                    return filter.columns.at(column).index == between + 1;
                });
                if (!parsed) {
                    return false;
                }
                ChainCount::Comparison comparison;
                comparison.op = parsed->op;
                comparison.leftKey = context.graph.catalog().findKey(parsed->leftKey);
                comparison.rightKey = context.graph.catalog().findKey(parsed->rightKey);
                if (!comparison.leftKey || !comparison.rightKey) {
                    comparison.leftKey.reset(); // a property no relationship has: never true
                    comparison.rightKey.reset();
                }
                comparison.text = predicate.text;
                spec.comparisons[between] = std::move(comparison);
                continue;
            }
            // One step's variables: nodes j - 1 and j, relationship j.
            const size_t step = rels.empty() ? lowest : *rels.begin() - 1;
            const bool oneStep = rels.size() <= 1 && lowest >= step && highest <= step + 1 &&
                                 (rels.empty() || *rels.begin() == step + 1);
            if (!oneStep) {
                return false; // a filter across steps (a <> c, r1.x < r3.y)
            }
            spec.steps[step].filters.push_back({&predicate, std::move(bound)});
        }
        for (const auto& [first, last] : distinctSteps) {
            if (last == first + 1) {
                spec.distinctNext[first] = true;
            } else if (neverEqual(spec, first, last)) {
                continue;
            } else if (steps == 3) {
                spec.firstEqualsThird = true; // counted apart and taken off
            } else {
                return false;
            }
        }
        std::unique_ptr<Operator> anchor;
        if (seek != nullptr) {
            anchor = seek->cloneTree();
            if (!anchor) {
                return false;
            }
            spec.anchorNode = nodeAt[0];
            spec.anchorSlot = seek->slot();
        }
        auto count = std::make_unique<ChainCount>(std::move(spec), aggregate.aggregates().front().slot);
        count->setOutputWidth(aggregate.outputWidth());
        if (anchor) {
            count->addChild(std::move(anchor));
        }
        slot = std::move(count);
        return true;
    });
}

} // namespace newsgraph
