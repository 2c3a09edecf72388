// frontier_distinct: between the steps of a pattern whose rows reach only operators that ignore
// duplicates, keep one row per combination of the columns still needed (FrontierDistinct), so
// `(a)-[r1]->(b)-[r2]->(c {name: 'China'})` expands each b once, not once per r1. Relationship
// uniqueness is kept: the relationships the later steps must avoid are not part of the key, and
// rows differing only in them are merged once the key holds (later relationships + 1) pairwise
// disjoint sets of them (frontier_distinct.hpp).
#include <algorithm>

#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/frontier_distinct.hpp"

namespace newsgraph {

namespace {

// The expansions above `expand` that its rows reach row by row (through filters, projections,
// scans of another pattern part and other frontiers), nearest first; stops at anything that
// renumbers, groups or buffers columns.
std::vector<const Operator*> laterSteps(const PlanProperties& properties, const Operator& expand) {
    std::vector<const Operator*> steps;
    for (const Operator* op = properties.of(expand).parent; op != nullptr; op = properties.of(*op).parent) {
        if (dynamic_cast<const Expand*>(op) != nullptr || dynamic_cast<const VarExpand*>(op) != nullptr) {
            steps.push_back(op);
            continue;
        }
        const bool rowWise = dynamic_cast<const Filter*>(op) != nullptr || dynamic_cast<const Project*>(op) != nullptr ||
                             dynamic_cast<const NodeScan*>(op) != nullptr ||
                             dynamic_cast<const IndexSeek*>(op) != nullptr ||
                             dynamic_cast<const FrontierDistinct*>(op) != nullptr;
        if (!rowWise) {
            break;
        }
    }
    return steps;
}

const ExpandSpec& specOf(const Operator& step) {
    if (const auto* expand = dynamic_cast<const Expand*>(&step)) {
        return expand->spec();
    }
    return dynamic_cast<const VarExpand&>(step).spec();
}

} // namespace

size_t FrontierDistinctRule::apply(OptimizerContext& context) {
    return rewriteEach<Expand>(context, [&](Expand& matched, std::unique_ptr<Operator>& slot) {
        Expand* expand = &matched;
        const PlanProperties& properties = context.properties();
        const OperatorProperties& own = properties.of(*expand);
        if (!own.duplicatesIgnored || dynamic_cast<FrontierDistinct*>(own.parent) != nullptr) {
            return false;
        }
        const std::vector<const Operator*> later = laterSteps(properties, *expand);
        if (later.empty()) {
            return false; // the last step: its rows go to the consumer, which merges them itself
        }
        // The relationships the later steps must avoid, and how many they bind (unbounded: only
        // rows with equal relationship sets may merge).
        std::optional<size_t> laterRels = 0;
        std::vector<size_t> uniqueness;
        for (const Operator* step : later) {
            const ExpandSpec& spec = specOf(*step);
            if (!spec.distinctFromLists.empty()) {
                return false; // a variable-length step below: its lists are not sets this operator merges
            }
            uniqueness.insert(uniqueness.end(), spec.distinctFrom.begin(), spec.distinctFrom.end());
            if (const auto* variable = dynamic_cast<const VarExpand*>(step)) {
                if (laterRels && variable->maxHops()) {
                    *laterRels += *variable->maxHops();
                } else {
                    laterRels.reset();
                }
            } else if (laterRels) {
                *laterRels += 1;
            }
        }
        const size_t width = expand->outputWidth();
        std::vector<size_t> key = own.neededValues.members(width);
        const size_t rel = expand->spec().relSlot;
        if (own.neededValues.all() || std::binary_search(key.begin(), key.end(), rel)) {
            return false; // the relationship just bound is read later: every row is new
        }
        std::sort(uniqueness.begin(), uniqueness.end());
        uniqueness.erase(std::unique(uniqueness.begin(), uniqueness.end()), uniqueness.end());
        std::erase_if(uniqueness, [&](size_t column) { return column >= width || std::binary_search(key.begin(), key.end(), column); });
        auto distinct = std::make_unique<FrontierDistinct>(std::move(key), std::move(uniqueness), laterRels);
        distinct->setOutputWidth(width);
        distinct->addChild(std::move(slot));
        slot = std::move(distinct);
        return true;
    });
}

} // namespace newsgraph
