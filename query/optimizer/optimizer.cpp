#include "query/optimizer/optimizer.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

namespace {

// The rules, in the order they run. Each sees the plan the ones before it left.
std::vector<std::unique_ptr<OptimizerRule>> makeRules() {
    std::vector<std::unique_ptr<OptimizerRule>> rules;
    // 1. Filters below the row-wise operators whose columns they do not read: evaluated once per
    //    input row, and before filter_into_expand, which would run them once per expanded row.
    rules.push_back(std::make_unique<FilterPushdown>());
    // 2. An equality on an indexed key right above a node scan (the pushed-down ones included): an
    //    index seek. Before 4, which would hash every node for what the index already holds, and
    //    before the counting rules, which count over every node: from a seek, a count walks one
    //    node's neighbourhood.
    rules.push_back(std::make_unique<IndexSeekRule>());
    // 3. Filters into the expansion below them: fewer rows materialized, and the pushed-down
    //    `r.key OP constant` is what type narrowing reads.
    rules.push_back(std::make_unique<FilterIntoExpand>());
    // 4. A node scan run once per earlier row under an equality with that row: a hash join, the
    //    nodes hashed once. Before the rules that copy or count pipelines, so they carry it.
    rules.push_back(std::make_unique<ValueHashJoinRule>());
    // 5. Variable-length expansions whose paths nobody reads, under duplicate-insensitive
    //    consumers: breadth first. Needs the plan's properties (needed columns, duplicates ignored).
    rules.push_back(std::make_unique<DistinctEndpoints>());
    // 6. count(DISTINCT x) right over such an expansion (filters on x allowed): a bitmap count.
    //    After 5, whose breadth-first mode it requires.
    rules.push_back(std::make_unique<ReachCountRule>());
    // 7. count(*) or count(DISTINCT middle) of two fixed steps, with one comparison between their
    //    relationships and filters on one step each: counted per middle node. After 3, so the
    //    comparison and the filters may sit inside the Expands.
    rules.push_back(std::make_unique<TwoHopCountRule>());
    // 8. count(*) of a chain of three or more fixed steps over the whole graph, comparisons
    //    between neighbouring steps: counted backwards per relationship. After 3, likewise.
    rules.push_back(std::make_unique<ChainCountRule>());
    // 9. ORDER BY under LIMIT: a bounded heap.
    rules.push_back(std::make_unique<TopKRule>());
    // 10. Between the steps of a pattern read only up to duplicates: one row per frontier. Late,
    //     so that it sees the expansions the rules before left (filters already inside them).
    rules.push_back(std::make_unique<FrontierDistinctRule>());
    // 11. An Expand to a far node pinned by an indexed key = constant: only the edges that reach
    //     the nodes the index finds, read from their side once that pays. After the counting rules,
    //     which replace whole Expands, and before 12 and 13, which copy or read them.
    rules.push_back(std::make_unique<AnchoredExpandRule>());
    // 12. An Aggregate over a node scan and at most one step, keys over one variable each: grouped
    //     by codes read from the adjacency and the columns, on every thread. After the counting
    //     rules (they answer without enumerating), before 12 (it would take the rows to threads).
    rules.push_back(std::make_unique<ScanAggregateRule>());
    // 13. An Aggregate over a scan of the nodes on every thread, merged in range order. After the
    //     counting rules, which answer their Aggregates without enumerating, and after 10, so that the
    //     workers' copies carry its FrontierDistinct operators.
    rules.push_back(std::make_unique<ParallelAggregateRule>());
    // 14. ORDER BY an aggregate under LIMIT over a ScanAggregate: only the groups that can make the
    //     first k are emitted, their keys evaluated alone. After 9 and 12, which make the two.
    rules.push_back(std::make_unique<AggregateTopKRule>());
    return rules;
}

const std::vector<std::unique_ptr<OptimizerRule>>& rules() {
    static const std::vector<std::unique_ptr<OptimizerRule>> all = makeRules();
    return all;
}

void visitTree(std::unique_ptr<Operator>& slot, const std::function<void(std::unique_ptr<Operator>&)>& visit) {
    // Children first: a rule sees its operands already rewritten.
    Operator& op = *slot;
    for (size_t i = 0; i < op.children().size(); ++i) {
        visitTree(op.childSlot(i), visit);
    }
    for (std::unique_ptr<Operator>* nested : op.nestedPlans()) {
        visitTree(*nested, visit);
    }
    visit(slot);
}

} // namespace

const PlanProperties& OptimizerContext::properties() {
    if (!properties_) {
        properties_.emplace(prepared);
    }
    return *properties_;
}

void forEachOperator(PreparedStatement& prepared, const std::function<void(std::unique_ptr<Operator>&)>& visit) {
    visitTree(prepared.root, visit);
    for (auto& subplan : prepared.subplans) {
        visitTree(subplan->root, visit);
    }
}

std::vector<RuleInfo> optimizerRules() {
    std::vector<RuleInfo> out;
    for (const auto& rule : rules()) {
        out.push_back(RuleInfo{rule->name(), rule->summary()});
    }
    return out;
}

bool isOptimizerRule(const std::string& name) {
    return std::any_of(rules().begin(), rules().end(), [&](const auto& rule) { return name == rule->name(); });
}

void optimize(PreparedStatement& prepared, const Graph& graph, const std::vector<std::string>& disabled) {
    for (const std::string& name : disabled) {
        if (!isOptimizerRule(name)) {
            std::string known;
            for (const auto& rule : rules()) {
                known += known.empty() ? rule->name() : fmt::format(", {}", rule->name());
            }
            throw std::invalid_argument(fmt::format("unknown optimizer rule '{}' (rules: {})", name, known));
        }
    }
    OptimizerContext context{prepared, graph};
    for (const auto& rule : rules()) {
        if (std::find(disabled.begin(), disabled.end(), rule->name()) != disabled.end()) {
            continue;
        }
        if (rule->apply(context) > 0) {
            prepared.rulesFired.push_back(rule->name());
        }
    }
}

} // namespace newsgraph
