#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/ast/expression.hpp"
#include "query/processor/operator.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// count(*) of MATCH (a)-[r1]-(b)-[r2]-(c) [WHERE r1.x op r2.y AND filters] without enumerating the
// pairs (what the two_hop_count rule makes of an Aggregate over two Expands):
// for each middle node b it collects the relationships of r1's side and of r2's side that pass
// their filters, sorts their values and counts the pairs that satisfy `op` with two pointers
// (`=`: equal runs), so the work is O(E log d) instead of the sum over b of in-degree *
// out-degree. count(DISTINCT b) counts the middle nodes with at least one pair.
//
// Relationship uniqueness (r1 <> r2, when both steps are in one MATCH) is honoured by discounting
// the relationships found on both sides (self-loops of b, every shared one when both steps read
// the same adjacency of b or a step is undirected), which would pair with themselves.
// Values that are not all of one comparable kind (dates, integers, floats, or strings under `=`)
// are compared pair by pair with Cypher's operators.
//
// Filters that read only one step's variables (b, r1, a or b, r2, c) or only b are evaluated once
// per relationship or middle node, before the counting, on one thread; the counting itself may
// split the nodes between the cores.
class TwoHopCount final : public Operator {
public:
    // The variables of the pattern a filter reads: b, and each step's relationship and far node.
    enum class Role : uint8_t { Middle, FirstEnd, FirstRel, SecondEnd, SecondRel };
    // A filter and the columns of the row it was written for, with what each holds.
    struct BoundPredicate {
        const ast::Expr* expr = nullptr;
        std::vector<std::pair<size_t, Role>> columns;
    };
    struct Side {
        // The step seen from b: direction (or bothDirections), types, labels of the far node in
        // toLabels; the slots are unused.
        ExpandSpec step;
        std::optional<PropertyKeyId> key;     // the property compared
        std::vector<BoundPredicate> filters;  // read only b, this relationship and its far node
    };
    struct Spec {
        Side first;                           // r1, seen from b
        Side second;                          // r2, seen from b
        std::vector<std::string> middleLabels; // labels required of b
        std::vector<BoundPredicate> middleFilters; // read only b (or nothing)
        bool impossible = false;              // a property no relationship has under the comparison
        std::optional<ast::BinaryOp> op;      // r1.key op r2.key (Less, LessEqual, Greater, GreaterEqual, Equal)
        bool unique = true;                   // r1 <> r2 (one MATCH)
        bool distinctMiddle = false;          // count(DISTINCT b) instead of pairs
        size_t rowWidth = 0;                  // the width of the rows the filters read
        std::string text;                     // for EXPLAIN
    };
    // The count goes to column `countSlot` of a row of outputWidth() columns.
    TwoHopCount(Spec spec, size_t countSlot) : spec_(std::move(spec)), countSlot_(countSlot) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;

private:
    // Labels resolved once per execution (nullopt: a label the graph does not have).
    struct Resolved {
        std::optional<std::vector<LabelId>> middle, first, second;
    };
    // Evaluates the filters once per relationship / middle node into the pass_ bitmaps.
    void evaluateFilters(ExecutionContext& context, const Resolved& labels);
    int64_t countRange(const ExecutionContext& context, const Resolved& labels, NodeId begin, NodeId end) const;
    Spec spec_;
    size_t countSlot_;
    bool done_ = false;
    // Per relationship: bit 1 passes as seen from its source, bit 2 from its target (first, second).
    std::vector<uint8_t> firstPass_, secondPass_;
    std::vector<uint8_t> middlePass_; // per node
};

} // namespace newsgraph
