// Breadth-first reachability: VarExpand's distinct-endpoints mode and ReachCount.
#include <algorithm>

#include <fmt/format.h>

#include "query/processor/operators/expand_support.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

constexpr uint32_t kBitsPerWord = 64;

} // namespace

// The end nodes reachable from `start` by a trail (no relationship twice) of minHops..maxHops
// relationships, each once. With minHops <= 1 a node other than the start qualifies exactly when its
// breadth-first distance is at most maxHops (a shortest path never repeats a relationship); the
// start qualifies for minHops 0, or when a closed trail through it is short enough: the shortest
// cycle through the start, found from the first hop each node was reached by.
void VarExpand::reachable(ExecutionContext& context, NodeId start, bool sorted) {
    constexpr uint32_t kUnreached = UINT32_MAX;
    constexpr uint32_t kCancelCheckNodes = 4096;
    const Graph& graph = *context.graph;
    const uint64_t limit = maxHops_.value_or(UINT64_MAX);
    if (depth_.size() < graph.nodeCount()) {
        depth_.resize(graph.nodeCount(), kUnreached);
        firstHop_.resize(graph.nodeCount(), kInvalidRel);
    }
    // Relationship filters (uniqueness against other pattern relationships, inline properties)
    // are rare here; without them every relationship the spec's types allow is taken.
    const bool filtered = !excluded_.empty() || !wantedProperties_.empty();
    touched_.clear();
    touched_.push_back(start);
    depth_[start] = 0;
    firstHop_[start] = kInvalidRel;
    uint64_t shortestCycle = UINT64_MAX;
    for (size_t head = 0; head < touched_.size(); ++head) {
        if (head % kCancelCheckNodes == 0) {
            context.checkCancelled();
        }
        const NodeId node = touched_[head];
        const uint32_t distance = depth_[node];
        if (distance >= limit) {
            // Nothing beyond the bound counts, and a cycle closed from here would be longer than it.
            continue;
        }
        const RelId branch = firstHop_[node];
        collectEdges(graph, node, spec_, edges_);
        for (const auto& [rel, neighbor] : edges_) {
            if (filtered && !relAllowed(context, rel)) {
                continue;
            }
            const RelId firstHop = node == start ? rel : branch;
            if (neighbor == start) {
                // Back at the start: a closed trail unless it returns over the first relationship.
                if (rel != firstHop || node == start) {
                    shortestCycle = std::min<uint64_t>(shortestCycle, distance + 1ULL);
                }
                continue;
            }
            if (depth_[neighbor] == kUnreached) {
                if (distance + 1ULL <= limit) {
                    depth_[neighbor] = distance + 1;
                    firstHop_[neighbor] = firstHop;
                    touched_.push_back(neighbor);
                }
                continue;
            }
            if (spec_.bothDirections && firstHop_[neighbor] != firstHop && depth_[neighbor] > 0) {
                // Two branches meet: a cycle through the start of this length.
                shortestCycle = std::min<uint64_t>(shortestCycle, uint64_t{distance} + depth_[neighbor] + 1);
            }
        }
    }
    endpoints_.clear();
    if (minHops_ == 0 || (shortestCycle != UINT64_MAX && shortestCycle <= limit)) {
        endpoints_.push_back(start);
    }
    for (NodeId node : touched_) {
        if (node != start) {
            endpoints_.push_back(node);
        }
        depth_[node] = kUnreached;
    }
    if (sorted) {
        std::sort(endpoints_.begin(), endpoints_.end());
    }
}

void ReachCount::open(ExecutionContext& context) {
    Operator::open(context);
    done_ = false;
}

std::string ReachCount::describe() const {
    return spec_.describe("ReachCount") +
           fmt::format(" *{}..{}", minHops_, maxHops_ ? std::to_string(*maxHops_) : std::string());
}

bool ReachCount::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    if (done_) {
        return false;
    }
    done_ = true;
    const Graph& graph = *context.graph;
    std::vector<uint64_t> counted((graph.nodeCount() + kBitsPerWord - 1) / kBitsPerWord, 0);
    int64_t count = 0;
    Chunk input;
    while (child()->next(context, input)) {
        context.checkCancelled();
        for (size_t row = 0; row < input.rows(); ++row) {
            const Value& start = input.at(spec_.fromSlot, row);
            if (start.type() != ValueType::Node) {
                continue;
            }
            for (NodeId end : expand_.reach(context, start.asNode().id)) {
                uint64_t& word = counted[end / kBitsPerWord];
                const uint64_t bit = uint64_t{1} << (end % kBitsPerWord);
                if ((word & bit) == 0 && labelsMatch(graph, end, spec_)) {
                    word |= bit;
                    ++count;
                }
            }
        }
    }
    std::vector<Value> row(outputWidth());
    row[0] = Value(count);
    out.append(std::move(row));
    return true;
}

} // namespace newsgraph
