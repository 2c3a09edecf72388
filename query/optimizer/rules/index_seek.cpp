// index_seek: a node scan under a Filter conjunct `n.key = value`, on a key the node index holds
// (id, name, code, aliases) and a value that reads nothing of the scanned node, becomes an
// IndexSeek: the index gives the candidates, each checked with `=`, instead of every node being
// read and compared. The planner seeks only a labelled node's inline map (`(a:Country {name: $x})`);
// this rule takes every other spelling a user writes -- `WHERE a.name = $x`, `(a {name: $x})`
// without a label, a value from an earlier clause (`MATCH (p:Person) MATCH (c:Country {code:
// p.country})`), which then runs as an index nested-loop join. The seek is exact, so the equality
// leaves its Filter; the Filter's other conjuncts stay, one Filter each.
//
// Without a label the seek reads every label's postings and the few nodes that have no label, so
// it finds what a scan of all nodes would, in the same (id) order.
#include <algorithm>

#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t IndexSeekRule::apply(OptimizerContext& context) {
    return rewriteEach<Filter>(context, [](Filter& filter, std::unique_ptr<Operator>& slot) {
        Operator* above = nullptr;
        NodeScan* scan = scanUnderFilters(filter, above);
        if (scan == nullptr || scan->children().size() != 1) {
            return false;
        }
        std::vector<const ast::Expr*> parts;
        conjunctsOf(*filter.predicate(), parts);
        for (const ast::Expr* part : parts) {
            const std::optional<IndexedEquality> equality = indexedEquality(*part, scan->slot(), filter.outputWidth(), false);
            if (!equality) {
                continue;
            }
            auto seek = std::make_unique<IndexSeek>(scan->label(), equality->key, equality->value, scan->slot());
            seek->setOutputWidth(scan->outputWidth());
            seek->addChild(scan->releaseChild(0));
            above->childSlot(0) = std::move(seek); // the scan goes
            dropConjunct(filter, slot, parts, part);
            return true;
        }
        return false;
    });
}

} // namespace newsgraph
