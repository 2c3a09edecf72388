// value_hash_join: a node scan that runs once per row of the pattern before it, under a Filter
// equating the scanned node's value with the row's (`MATCH (a:N), (b:M) WHERE b.k = a.k`, `MATCH
// (a) MATCH (b {name: a.alias})`, `WITH x MATCH (b) WHERE toLower(b.name) = x`), becomes a hash
// join: the nodes are hashed by their side of the equality once, and each row looks up its bucket
// instead of visiting every node. Any equality between an expression of the scanned node alone and
// one of the earlier columns (or of constants) qualifies, in any conjunct of the Filters right
// above the scan. The join compares exactly, so the equality leaves its Filter; the Filter's other
// conjuncts stay, one Filter each.
#include <algorithm>
#include <unordered_set>

#include "query/optimizer/plan_properties.hpp"
#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/value_hash_join.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

namespace {

struct Equality {
    const ast::Expr* key = nullptr;   // reads the scanned column only
    const ast::Expr* probe = nullptr; // reads earlier columns only
};

std::optional<Equality> joinEquality(const ast::Expr& predicate, size_t scanned, size_t width) {
    if (predicate.kind != ast::ExprKind::Binary || predicate.op != ast::BinaryOp::Equal) {
        return std::nullopt;
    }
    const ast::Expr& lhs = *predicate.children[0];
    const ast::Expr& rhs = *predicate.children[1];
    const auto left = readsOf(lhs, width);
    const auto right = readsOf(rhs, width);
    if (!left || !right) {
        return std::nullopt;
    }
    const auto onlyScanned = [&](const std::vector<size_t>& reads) { return reads.size() == 1 && reads[0] == scanned; };
    const auto notScanned = [&](const std::vector<size_t>& reads) {
        return std::find(reads.begin(), reads.end(), scanned) == reads.end();
    };
    if (onlyScanned(*left) && notScanned(*right)) {
        return Equality{&lhs, &rhs};
    }
    if (onlyScanned(*right) && notScanned(*left)) {
        return Equality{&rhs, &lhs};
    }
    return std::nullopt;
}

// The leaves fed with one outer row per run: those of OPTIONAL MATCH's per-row plans and of the
// sub-plans of EXISTS, pattern predicates and comprehensions.
std::unordered_set<const Operator*> perRowArguments(OptimizerContext& context) {
    std::unordered_set<const Operator*> arguments;
    for (const auto& subplan : context.prepared.subplans) {
        arguments.insert(subplan->argument);
    }
    forEachOperator(context.prepared, [&](std::unique_ptr<Operator>& slot) {
        if (const auto* apply = dynamic_cast<const Apply*>(slot.get())) {
            arguments.insert(apply->argument());
        }
    });
    return arguments;
}

} // namespace

size_t ValueHashJoinRule::apply(OptimizerContext& context) {
    const std::unordered_set<const Operator*> perRow = perRowArguments(context);
    return rewriteEach<Filter>(context, [&perRow](Filter& filter, std::unique_ptr<Operator>& slot) {
        // Down through the Filters under this one (visited before it) to the scan.
        Operator* above = nullptr;
        NodeScan* scan = scanUnderFilters(filter, above);
        // Over the statement's start the scan runs once: nothing to join. Over a per-row plan's
        // leaf it runs once per outer row, and the table outlives the runs.
        if (scan == nullptr || scan->children().size() != 1 ||
            (scan->child()->children().empty() && perRow.count(scan->child()) == 0)) {
            return false;
        }
        std::vector<const ast::Expr*> parts;
        conjunctsOf(*filter.predicate(), parts);
        for (const ast::Expr* part : parts) {
            const std::optional<Equality> equality = joinEquality(*part, scan->slot(), filter.outputWidth());
            if (!equality) {
                continue;
            }
            auto join = std::make_unique<ValueHashJoin>(std::make_unique<NodeScan>(scan->label(), scan->slot()),
                                                        equality->key, equality->probe);
            join->setOutputWidth(scan->outputWidth());
            join->addChild(scan->releaseChild(0));
            above->childSlot(0) = std::move(join); // the scan goes
            // The join is exact: the equality leaves the filter, the other conjuncts stay.
            dropConjunct(filter, slot, parts, part);
            return true;
        }
        return false;
    });
}

} // namespace newsgraph
