#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/ast/expression.hpp"
#include "query/processor/operator.hpp"

namespace newsgraph {

// count(*) of MATCH (a)-[r1]-(b)-[r2]-(c) [WHERE r1.x op r2.y] without enumerating the pairs (what
// the two_hop_count rule makes of an Aggregate over two Expands):
// for each middle node b it collects the values of r1's side and r2's side, sorts them and counts
// the pairs that satisfy `op` with two pointers, so the work is O(E log d) instead of the
// sum over b of in-degree * out-degree. Relationship uniqueness (r1 <> r2) is honoured by
// discounting the relationships found on both sides (self-loops of b, or every shared one when
// both steps read the same adjacency of b), which would pair with themselves. Values that are not all of one
// comparable kind (dates, integers or floats) are compared pair by pair with Cypher's `<`.
class TwoHopCount final : public Operator {
public:
    struct Side {
        Direction direction = Direction::In;  // which adjacency of b holds the relationship
        std::vector<TypeId> types;            // empty: any type
        std::optional<LabelId> endLabel;      // label required of the far node (a or c)
        std::optional<PropertyKeyId> key;     // the property compared
    };
    struct Spec {
        Side first;                           // r1, seen from b
        Side second;                          // r2, seen from b
        std::optional<LabelId> middleLabel;   // label required of b
        bool impossible = false;              // a named label or type the graph does not have
        std::optional<ast::BinaryOp> op;      // r1.key op r2.key (Less, LessEqual, Greater, GreaterEqual)
        std::string text;                     // for EXPLAIN
    };
    // The count goes to column `countSlot` of a row of outputWidth() columns.
    TwoHopCount(Spec spec, size_t countSlot) : spec_(std::move(spec)), countSlot_(countSlot) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override { return "FactorizedTwoHopCount " + spec_.text; }

private:
    int64_t countRange(const ExecutionContext& context, NodeId begin, NodeId end) const;
    Spec spec_;
    size_t countSlot_;
    bool done_ = false;
};

} // namespace newsgraph
