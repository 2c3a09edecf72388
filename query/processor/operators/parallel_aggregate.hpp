#pragma once

#include <memory>
#include <vector>

#include "query/processor/operators/blocking_operators.hpp"

namespace newsgraph {

// An Aggregate on several threads. The scan at the bottom of its input (a NodeScan over the
// statement's single start row) is cut into contiguous ranges of nodes of about equal work -- a
// node and its relationships, read from the CSR -- one per thread. Each thread runs its own copy of
// the pipeline above the scan and of the Aggregate over its range; the copies then merge in range
// order, so the groups come out in the order one thread finds them and collect() lists hold one
// thread's order (AggregateState::merge says what may differ: the last bits of float sums).
//
// Small inputs (a few thousand nodes and relationships) run on the calling thread: starting threads
// would cost more. Errors are one thread's too: the failure of the lowest range wins, and the ranges
// after a failed one are stopped, so the error is the one a single thread would have met first.
class ParallelAggregate final : public Operator {
public:
    // Takes `aggregate`'s child as its own (the pipeline the workers copy). The rule that builds it
    // (parallel_aggregate) checked that the pipeline can be copied and starts with a NodeScan.
    explicit ParallelAggregate(std::unique_ptr<Aggregate> aggregate);
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override;
    ColumnUsage usage() const override { return aggregate_->usage(); }

    // The NodeScan at the bottom of a copyable pipeline (the operator just above its start row);
    // nullptr when the pipeline has another shape.
    static const Operator* bottomScan(const Operator& pipeline);

private:
    // Runs the parts; returns the merged aggregate.
    std::unique_ptr<Aggregate> run(ExecutionContext& context);

    std::unique_ptr<Aggregate> aggregate_; // the configuration, childless
    std::unique_ptr<Aggregate> result_;    // this run's merged groups, emitted by next()
    std::vector<NodeId> nodes_;            // this run's scan, which the workers' scans are parts of
};

} // namespace newsgraph
