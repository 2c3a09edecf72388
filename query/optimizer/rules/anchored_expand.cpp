// anchored_expand: an Expand whose far node is pinned by an equality on a key the node index
// holds, the value a constant or a parameter -- `MATCH (a {name: $x})-[r]->(b)<-[s]-(c {name: $y})`,
// the second step -- reads only the edges that reach the nodes the index finds, and once its rows
// have read more edges than those nodes have, reads theirs once, by the node at the other end (a
// hash join on the node; see Expand). Without it, every row scans all the edges of its node and
// evaluates the far node's name on each: the middle nodes of a two-ended question are the big
// ones (countries, "Citizen"), so that is most of the graph.
//
// It fires on an Expand that is not bound at the far end (not Into), with a predicate `far.key =
// value` (either way round) where key is indexed and value reads no column and is deterministic.
// The predicate stays (every predicate still runs on the rows left). Late, so that the counting
// rules, which replace whole Expands, see them as they were.
#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

size_t AnchoredExpandRule::apply(OptimizerContext& context) {
    return rewriteEach<Expand>(context, [](Expand& expand, std::unique_ptr<Operator>& /*slot*/) {
        if (expand.spec().into || expand.anchor()) {
            return false;
        }
        for (const ast::Expr* predicate : expand.predicates()) {
            const std::optional<IndexedEquality> equality =
                indexedEquality(*predicate, expand.spec().toSlot, expand.outputWidth(), true);
            if (equality) {
                expand.setAnchor(Expand::Anchor{equality->key, equality->value});
                return true;
            }
        }
        return false;
    });
}

} // namespace newsgraph
