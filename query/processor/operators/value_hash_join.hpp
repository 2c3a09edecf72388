#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

// A scan of nodes joined to the rows before it on one equality, `key(b) = probe(row)`: instead
// of visiting every node for every input row (a nested loop: `MATCH (a:N), (b:M) WHERE b.k =
// a.k` costs |N| x |M|), the nodes are hashed once by `key` and each row visits only its bucket --
// a hash join whose build side is the scan. Exact: a node is emitted when Cypher's `=` between
// its key and the row's value is true (1 = 1.0; null and NaN equal nothing), so the equality
// leaves the Filter it came from.
//
// Adaptive: the first input row compares the nodes' keys one by one, as the Filter did, so a join
// that sees one row -- `WITH 5 AS x MATCH (b) WHERE b.k = x` -- costs no more than the scan; the
// table is built at the second row. For each input row the nodes come out in the scan's order,
// as the nested loop's do.
//
// In a per-row plan (OPTIONAL MATCH, EXISTS, pattern predicates), which is opened again for every
// outer row with that row as its one input, the table outlives the runs: it is kept while the
// statement's run and the graph it reads stay the same, so the runs after the first two look up
// instead of scanning -- a hash join for OPTIONAL MATCH, a hash semi-join for EXISTS.
class ValueHashJoin final : public RowOperator {
public:
    // `scan`: the node scan it replaces (its label and column); `key`: reads only the scan's
    // column; `probe`: reads only input columns.
    ValueHashJoin(std::unique_ptr<NodeScan> scan, const ast::Expr* key, const ast::Expr* probe);
    size_t slot() const { return scan_->slot(); }
    std::string describe() const override;
    ColumnUsage usage() const override;
    void open(ExecutionContext& context) override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override;
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    void build(ExecutionContext& context);
    // `key` on a row holding only `node` (`row` is scratch).
    Value keyOf(NodeId node, ExecutionContext& context, std::vector<Value>& row) const;

    std::unique_ptr<NodeScan> scan_;
    const ast::Expr* key_;
    const ast::Expr* probe_;
    uint64_t execution_ = 0;      // the run and graph version the listing and table are for
    uint32_t graphVersion_ = 0;
    const Graph* graph_ = nullptr;
    std::vector<NodeId> nodes_;   // the scan's nodes, in its order
    bool listed_ = false;
    bool built_ = false;
    struct Keyed {
        NodeId node;
        Value key;
    };
    // The nodes with their keys by the hash of the key; keys no hash covers (lists, maps, times
    // with zones) apart; both in scan order.
    std::unordered_map<uint64_t, std::vector<Keyed>> buckets_;
    std::vector<Keyed> unhashed_;
    std::vector<NodeId> matches_; // the current row's
    size_t position_ = 0;
};

// The hash ValueHashJoin files a key under, equal for values Cypher's `=` calls equal (numbers by
// their double value); nullopt for null and NaN, which equal nothing. `hashable` is false for the
// values it does not hash (lists, maps, temporal values other than dates, entities). Exposed for
// tests.
struct JoinHash {
    bool hashable = false;
    uint64_t hash = 0;
};
std::optional<JoinHash> joinHash(const Value& value);

} // namespace newsgraph
