#pragma once

#include <optional>
#include <vector>

#include "engine/algo/algo_config.hpp"
#include "engine/algo/shortest_path.hpp"
#include "query/processor/operator.hpp"

namespace newsgraph {

// shortestPath((a)-[:T*min..max]->(b)) / allShortestPaths(...): for each row with both ends bound,
// one row per shortest path (none when b is out of reach), binding the relationship list and the
// path. The search is engine/algo's bidirectional breadth-first search over the CSR.
class ShortestPathExpand final : public RowOperator {
public:
    struct Spec {
        size_t fromSlot = 0;
        size_t toSlot = 0;
        algo::AlgoConfig config;        // types and direction
        bool impossible = false;        // a named type the graph does not have: no path
        uint32_t minHops = 1;           // 0 or 1
        uint32_t maxHops = UINT32_MAX;
        bool all = false;               // allShortestPaths
        size_t relListSlot = 0;
        std::optional<size_t> pathSlot; // p = shortestPath(...)
    };
    explicit ShortestPathExpand(Spec spec) : spec_(std::move(spec)) {}
    std::string describe() const override;

protected:
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    Spec spec_;
    std::vector<algo::Path> paths_;
    size_t position_ = 0;
};

} // namespace newsgraph
