#pragma once

#include <optional>
#include <vector>

#include "query/processor/operators/blocking_operators.hpp"

namespace newsgraph {

// Between two steps of a MATCH whose rows reach only a projection that ignores duplicates
// (DISTINCT, count(DISTINCT ...)): keeps one row per distinct key, the columns the rest of the
// query still reads (the node the next step expands from, variables used later), so the next
// step expands each frontier node once instead of once per path reaching it.
//
// Rows of one key differ only in columns nothing reads again, except the relationships the later
// steps must not reuse (relationship uniqueness). So rows whose relationship sets differ are kept,
// until the key holds laterRels + 1 pairwise disjoint sets: any choice of laterRels relationships
// by the later steps then misses one of them, and a single row with those columns null (which
// the uniqueness check ignores) stands for the key. With laterRels unknown (an unbounded
// variable-length step follows), only rows with equal relationship sets are merged.
class FrontierDistinct final : public BufferedOperator {
public:
    FrontierDistinct(std::vector<size_t> keySlots, std::vector<size_t> relSlots, std::optional<size_t> laterRels)
        : keySlots_(std::move(keySlots)), relSlots_(std::move(relSlots)), laterRels_(laterRels) {}
    std::string describe() const override;
    ColumnUsage usage() const override;

protected:
    std::unique_ptr<Operator> cloneAlone() const override {
        return std::make_unique<FrontierDistinct>(keySlots_, relSlots_, laterRels_);
    }
    void consume(ExecutionContext& context, std::vector<std::vector<Value>> input) override;

private:
    std::vector<size_t> keySlots_;
    std::vector<size_t> relSlots_;
    std::optional<size_t> laterRels_;
};

} // namespace newsgraph
