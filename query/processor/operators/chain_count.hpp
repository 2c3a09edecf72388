#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "query/ast/expression.hpp"
#include "query/processor/operator.hpp"
#include "query/processor/operators/factorized_count.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// count(*) (grouped by keys over the first node, or not) of a chain of k fixed steps MATCH (n0)-[r1]-(n1)-[r2]-(n2)...-[rk]-(nk) over the whole
// graph (or from the nodes an index seek finds: MATCH (a {name: $x})-[r1]->(b)-..., its child),
// with filters on one step or one node each and at most one comparison between the
// relationships of neighbouring steps (r1.date < r2.date), without making a row per chain (what
// the chain_count rule makes of an Aggregate over k Expands).
//
// It counts backwards, one step at a time: for step j and each relationship r that can be rj
// (in the orientation it is walked), the number of ways to finish the chain from there,
// w_j(r) = the sum of w_{j+1}(r') over the relationships r' leaving r's far node that the
// comparison between rj and r(j+1) admits. At each node the w_{j+1} of the relationships leaving
// it are sorted by the compared key with prefix sums, so an arriving relationship finds its sum
// by binary search: O(E log d) per step instead of the number of chains.
//
// Relationship uniqueness between neighbouring steps (r1 <> r2) is honoured by leaving r out of
// its own sum. In a chain of three, the chains with r1 = r3 (a relationship walked there and back
// around a second one between the same nodes) are counted apart and taken off. Between steps of
// longer chains the rule only rewrites when it cannot matter (the steps' types are disjoint, or
// strict comparisons on one key order them). Filters are evaluated lazily, where a relationship
// or node can still be part of a chain. Steps without those run on all cores.
class ChainCount final : public Operator {
public:
    // The variable of the chain a column holds: node nj (j = 0..k) or relationship rj (j = 1..k).
    struct Member {
        bool relationship = false;
        size_t index = 0;
        auto operator<=>(const Member&) const = default;
    };
    // A filter and the columns of the row it was written for, with what each holds.
    struct BoundPredicate {
        const ast::Expr* expr = nullptr;
        std::vector<std::pair<size_t, Member>> columns;
    };
    struct Step {
        // From n(j-1) to nj: direction (or both), types. Slots and labels unused.
        ExpandSpec expand;
        std::vector<BoundPredicate> filters; // read only n(j-1), rj and nj
    };
    // rj.leftKey op r(j+1).rightKey between neighbouring steps.
    struct Comparison {
        ast::BinaryOp op = ast::BinaryOp::Less;
        std::optional<PropertyKeyId> leftKey;  // nullopt: no relationship has it (never true)
        std::optional<PropertyKeyId> rightKey;
        std::string text;
    };
    struct Spec {
        std::vector<std::vector<std::string>> nodeLabels;   // per node n0..nk: labels it must carry
        std::vector<Step> steps;                            // k of them
        std::vector<std::vector<BoundPredicate>> nodeFilters; // per node n0..nk: read only that node
        std::vector<std::optional<Comparison>> comparisons; // k - 1: between step j and j + 1
        std::vector<bool> distinctNext;                     // k - 1: r(j) <> r(j+1) required
        bool firstEqualsThird = false;                      // three steps, r1 <> r3 required: take those off
        size_t rowWidth = 0;                                // the width of the rows the filters read
        // Grouped: the keys (reading only n0, found in startColumns of a row) and their output slots.
        std::vector<const ast::Expr*> groupKeys;
        std::vector<size_t> groupKeySlots;
        std::vector<size_t> startColumns;
        // An anchored chain: the node at position anchorNode is one of those the operator's child
        // (an index seek over the statement's start row) puts in column anchorSlot.
        std::optional<size_t> anchorNode;
        size_t anchorSlot = 0;
        // A variable-length pattern (its steps all alike, no filters on the nodes in between):
        // the chains of `shortest` up to k steps are counted, each shorter one where it starts
        // in the backward pass (the last node is the same); 0 counts the first node itself when
        // it is also a last node.
        std::optional<uint64_t> shortest;
    };
    // The count goes to column `countSlot` of a row of outputWidth() columns.
    ChainCount(Spec spec, size_t countSlot) : spec_(std::move(spec)), countSlot_(countSlot) {}
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;

private:
    // The nodes the anchor (the child) finds, as a bitmap by node id.
    std::vector<uint8_t> anchored(ExecutionContext& context);
    // The chains per first node (n0), all nodes' in `perStart`; with `shortest`, those of every
    // length from it.
    void countPerStart(ExecutionContext& context, std::vector<int64_t>& perStart);
    // The output rows: one count, or one row per group of first nodes.
    void makeRows(ExecutionContext& context, const std::vector<int64_t>& perStart);
    // One step's edges from every node, as the step walks them: per node (offsets into the
    // arrays) the relationships and their far nodes, sorted by far node and relationship where
    // edgesBetween needs it.
    struct StepEdges {
        std::vector<size_t> offsets; // node count + 1
        std::vector<RelId> rels;
        std::vector<NodeId> fars;
        bool sortedByFar = false; // else in the adjacency's order
    };
    void buildEdges(ExecutionContext& context, size_t step);
    // An anchored chain whose anchor is its first node: per position, the nodes a chain from the
    // anchor can be at (with a variable-length step, within that many steps: a shorter chain
    // starts later), into reach_, so that only their edges are built and counted. Left empty
    // otherwise (every node).
    void reachFromAnchor(ExecutionContext& context);
    // The filters a relationship or node can be checked against alone, evaluated for all of them
    // in id order (property columns read in sequence) into relOk_ and nodeOk_; the filters that
    // also read a step's nodes go to pending_, evaluated where a chain can pass.
    void evaluateInIdOrder(ExecutionContext& context);
    // The filters over every relationship (or node) for which candidate(id) holds, in id order;
    // a filter that reads its entity only through one string property runs once per string.
    std::vector<uint8_t> evaluateEach(ExecutionContext& context, const std::vector<const BoundPredicate*>& filters,
                                      bool relationships, const std::function<bool(uint32_t)>& candidate);
    // visit(node) for every node; split between the cores unless the step has pending filters.
    void forNodes(ExecutionContext& context, size_t step, const std::function<void(NodeId)>& visit);
    // The ways to finish the chain from each position of step `step` (0-based), given those of
    // the step after it in `ways` (ignored for the last step), into `ways`.
    void countStep(ExecutionContext& context, size_t step, std::vector<int64_t>& ways);
    // The chains of three steps counted with r1 = r3 (uniqueness of neighbours kept), which a
    // count by steps cannot tell from the others.
    void firstEqualsThird(ExecutionContext& context, std::vector<int64_t>& perStart);
    // The positions of step `step` from `from` to `to` (parallel relationships).
    std::pair<size_t, size_t> edgesBetween(size_t step, NodeId from, NodeId to) const;
    bool nodePasses(size_t index, NodeId node) const { return nodeOk_[index].empty() || nodeOk_[index][node] != 0; }
    bool stepPasses(ExecutionContext& context, size_t step, RelId rel, NodeId near, NodeId far);
    bool compared(const Graph& graph, size_t step, RelId left, RelId right) const;
    // A compared property of every relationship, read once per execution however many steps compare it.
    const KeyArray<int64_t>& integerKeys(const Graph& graph, PropertyKeyId key);
    const KeyArray<double>& numberKeys(const Graph& graph, PropertyKeyId key);

    Spec spec_;
    size_t countSlot_;
    bool done_ = false;
    std::vector<std::vector<Value>> rows_;
    size_t position_ = 0;
    // Per execution: the labels resolved per node of the chain, filter results cached per node.
    std::vector<std::optional<std::vector<LabelId>>> labels_;
    std::vector<std::vector<uint8_t>> nodeOk_; // per node position: by node id (empty: all pass)
    std::vector<std::vector<uint8_t>> relOk_;  // per step: by relationship id (empty: all pass)
    std::vector<std::vector<const BoundPredicate*>> pending_; // per step
    std::vector<Value> row_;
    std::vector<StepEdges> edges_;
    std::vector<std::vector<uint8_t>> reach_; // per position 0..k-1: by node id (empty: all)
    std::map<PropertyKeyId, KeyArray<int64_t>> integerKeys_;
    std::map<PropertyKeyId, KeyArray<double>> numberKeys_;
};

} // namespace newsgraph
