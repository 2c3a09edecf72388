// Breadth-first reachability: VarExpand's distinct-endpoints mode and ReachCount.
#include <algorithm>
#include <bit>

#include <fmt/format.h>

#include "query/processor/evaluator.hpp"
#include "query/processor/operators/expand_support.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

constexpr uint32_t kBitsPerWord = 64;
constexpr uint32_t kUnreached = UINT32_MAX;
constexpr uint32_t kCancelCheckSteps = 4096;

// pendingState_ per node during reachableByLongerTrails.
enum class PendingState : uint8_t { None, Pending, Settled };

} // namespace

// The end nodes reachable from `start` by a trail (no relationship twice) of minHops..maxHops
// relationships, each once. With minHops <= 1 a node other than the start qualifies exactly when its
// breadth-first distance is at most maxHops (a shortest path never repeats a relationship); the
// start qualifies for minHops 0, or when a closed trail through it is short enough: the shortest
// cycle through the start, found from the first hop each node was reached by.
void VarExpand::reachable(ExecutionContext& context, NodeId start, bool sorted) {
    const Graph& graph = *context.graph;
    if (minHops_ >= 2) {
        reachableByLongerTrails(context, start);
        if (sorted) {
            std::sort(endpoints_.begin(), endpoints_.end());
        }
        return;
    }
    touched_.clear();
    touched_.push_back(start);
    uint64_t shortestCycle = UINT64_MAX;
    if (!spec_.bothDirections && !filtered()) {
        shortestCycle = searchNeighbors(context, start);
    } else {
        if (depth_.size() < graph.nodeCount()) {
            depth_.resize(graph.nodeCount(), kUnreached);
            firstHop_.resize(graph.nodeCount(), kInvalidRel);
        }
        depth_[start] = 0;
        firstHop_[start] = kInvalidRel;
        // Directed, a trail can only come back to the start over another relationship than the one
        // it left by (or a self-loop): the first hops matter only to undirected searches.
        shortestCycle = spec_.bothDirections ? search<true>(context, start) : search<false>(context, start);
        for (NodeId node : touched_) {
            depth_[node] = kUnreached;
        }
    }
    endpoints_.clear();
    if (minHops_ == 0 || (shortestCycle != UINT64_MAX && shortestCycle <= maxHops_.value_or(UINT64_MAX))) {
        endpoints_.push_back(start);
    }
    for (NodeId node : touched_) {
        if (node != start) {
            endpoints_.push_back(node);
        }
    }
    if (sorted) {
        std::sort(endpoints_.begin(), endpoints_.end());
    }
}

// With a minimum of two or more the breadth-first distance d of a node no longer decides alone. A
// node with minHops <= d <= maxHops qualifies: a shortest path is a trail of that length. A node
// nearer than minHops (the start among them) is pending: it qualifies only if a longer trail ends
// there. A depth-first search over trails settles those, and goes down a branch only while a
// pending node is still near enough (backward distances, a lower bound that ignores relationship
// filters); it stops as soon as nothing is pending. Users ask for *2..3 to leave out the direct
// neighbours, so the pending nodes are few and quickly settled or ruled out.
void VarExpand::reachableByLongerTrails(ExecutionContext& context, NodeId start) {
    const Graph& graph = *context.graph;
    const uint64_t limit = maxHops_.value_or(UINT64_MAX);
    endpoints_.clear();
    if (limit < minHops_) {
        return;
    }
    if (depth_.size() < graph.nodeCount()) {
        depth_.resize(graph.nodeCount(), kUnreached);
        firstHop_.resize(graph.nodeCount(), kInvalidRel);
        pendingState_.resize(graph.nodeCount(), static_cast<uint8_t>(PendingState::None));
        toPending_.resize(graph.nodeCount(), kUnreached);
    }
    touched_.clear();
    touched_.push_back(start);
    depth_[start] = 0;
    firstHop_[start] = kInvalidRel;
    spec_.bothDirections ? search<true>(context, start) : search<false>(context, start);
    pending_.clear();
    for (NodeId node : touched_) {
        if (depth_[node] >= minHops_) {
            endpoints_.push_back(node);
        } else {
            pending_.push_back(node);
            pendingState_[node] = static_cast<uint8_t>(PendingState::Pending);
        }
        depth_[node] = kUnreached;
    }
    // A node reached at depth k >= 1 can still end a qualifying trail only within limit - k more steps.
    searchBackFromPending(context, limit - 1);
    size_t unsettled = pending_.size();
    auto promising = [&](NodeId node, uint64_t depth) {
        return toPending_[node] != kUnreached && depth + toPending_[node] <= limit;
    };
    auto descend = [&](NodeId node, size_t depth) {
        if (trailEdges_.size() <= depth) {
            trailEdges_.resize(depth + 1);
            trailNext_.resize(depth + 1);
        }
        trailEdges_[depth].clear();
        trailNext_[depth] = 0;
        forEachEdge(graph, node, spec_, [&](RelId rel, NodeId neighbor) { trailEdges_[depth].emplace_back(rel, neighbor); });
    };
    path_.clear();
    descend(start, 0);
    for (uint64_t steps = 0; unsettled > 0; ++steps) {
        if (steps % kCancelCheckSteps == 0) {
            context.checkCancelled();
        }
        const size_t depth = path_.size();
        if (trailNext_[depth] == trailEdges_[depth].size()) {
            if (depth == 0) {
                break;
            }
            path_.pop_back();
            continue;
        }
        const auto [rel, neighbor] = trailEdges_[depth][trailNext_[depth]++];
        if (!relAllowed(context, rel)) {
            continue;
        }
        const uint64_t length = depth + 1;
        if (length >= minHops_ && pendingState_[neighbor] == static_cast<uint8_t>(PendingState::Pending)) {
            pendingState_[neighbor] = static_cast<uint8_t>(PendingState::Settled);
            endpoints_.push_back(neighbor);
            --unsettled;
        }
        if (length < limit && promising(neighbor, length)) {
            path_.push_back(rel);
            descend(neighbor, length);
        }
    }
    path_.clear();
    for (NodeId node : pending_) {
        pendingState_[node] = static_cast<uint8_t>(PendingState::None);
    }
    for (NodeId node : backward_) {
        toPending_[node] = kUnreached;
    }
}

void VarExpand::searchBackFromPending(ExecutionContext& context, uint64_t limit) {
    const Graph& graph = *context.graph;
    ExpandSpec reverse = spec_;
    if (!reverse.bothDirections) {
        reverse.direction = reverse.direction == Direction::Out ? Direction::In : Direction::Out;
    }
    backward_.assign(pending_.begin(), pending_.end());
    for (NodeId node : pending_) {
        toPending_[node] = 0;
    }
    for (size_t head = 0; head < backward_.size(); ++head) {
        if (head % kCancelCheckSteps == 0) {
            context.checkCancelled();
        }
        const NodeId node = backward_[head];
        const uint32_t distance = toPending_[node];
        if (distance >= limit) {
            continue;
        }
        forEachEdge<false>(graph, node, reverse, [&](NodeId neighbor) {
            if (toPending_[neighbor] == kUnreached) {
                toPending_[neighbor] = distance + 1;
                backward_.push_back(neighbor);
            }
        });
    }
}

template <bool Undirected>
uint64_t VarExpand::search(ExecutionContext& context, NodeId start) {
    constexpr uint32_t kCancelCheckNodes = 4096;
    const Graph& graph = *context.graph;
    const uint64_t limit = maxHops_.value_or(UINT64_MAX);
    // Relationship filters (uniqueness against other pattern relationships, inline properties)
    // are rare here; without them every relationship the spec's types allow is taken.
    const bool filtered = this->filtered();
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
        const RelId branch = Undirected ? firstHop_[node] : kInvalidRel;
        forEachEdge(graph, node, spec_, [&](RelId rel, NodeId neighbor) {
            if (filtered && !relAllowed(context, rel)) {
                return;
            }
            const RelId firstHop = node == start ? rel : branch;
            if (neighbor == start) {
                // Back at the start: a closed trail unless it returns over the first relationship.
                if (!Undirected || rel != firstHop || node == start) {
                    shortestCycle = std::min<uint64_t>(shortestCycle, distance + 1ULL);
                }
                return;
            }
            if (depth_[neighbor] == kUnreached) {
                if (distance + 1ULL <= limit) {
                    depth_[neighbor] = distance + 1;
                    if constexpr (Undirected) {
                        firstHop_[neighbor] = firstHop;
                    }
                    touched_.push_back(neighbor);
                }
                return;
            }
            if (Undirected && firstHop_[neighbor] != firstHop && depth_[neighbor] > 0) {
                // Two branches meet: a cycle through the start of this length.
                shortestCycle = std::min<uint64_t>(shortestCycle, uint64_t{distance} + depth_[neighbor] + 1);
            }
        });
    }
    return shortestCycle;
}

// search<false> without relationship filters, level by level: a bitmap of the nodes seen (a few
// KiB, in cache) instead of depths, and only the neighbour ids read. The start is never marked:
// reaching it again closes a trail. A level whose frontier has many edges runs bottom up (Beamer's
// direction-optimizing search): each node not seen yet looks for one relationship from the
// frontier among its own, and stops at the first.
uint64_t VarExpand::searchNeighbors(ExecutionContext& context, NodeId start) {
    constexpr uint32_t kCancelCheckNodes = 4096;
    const Graph& graph = *context.graph;
    const uint64_t limit = maxHops_.value_or(UINT64_MAX);
    const size_t words = (graph.nodeCount() + kBitsPerWord - 1) / kBitsPerWord;
    if (seen_.size() < words) {
        seen_.resize(words, 0);
        frontier_.resize(words, 0);
    }
    uint64_t* const seen = seen_.data();
    uint64_t shortestCycle = UINT64_MAX;
    size_t levelBegin = 0;
    for (uint64_t level = 0; level < limit && levelBegin < touched_.size(); ++level) {
        const size_t levelEnd = touched_.size();
        const uint64_t next = level + 1;
        if (bottomUpPays(graph, levelBegin, levelEnd)) {
            shortestCycle = std::min(shortestCycle, bottomUpLevel(context, start, levelBegin, levelEnd, next));
            levelBegin = levelEnd;
            continue;
        }
        for (size_t head = levelBegin; head < levelEnd; ++head) {
            if (head % kCancelCheckNodes == 0) {
                context.checkCancelled();
            }
            // Captured by value: references would be reloaded after every store to seen[].
            forEachEdge<false>(graph, touched_[head], spec_, [seen, start, next, &shortestCycle, this](NodeId neighbor) {
                uint64_t& word = seen[neighbor / kBitsPerWord];
                const uint64_t bit = uint64_t{1} << (neighbor % kBitsPerWord);
                if ((word & bit) != 0) {
                    return;
                }
                if (neighbor == start) {
                    shortestCycle = std::min(shortestCycle, next);
                    return;
                }
                word |= bit;
                touched_.push_back(neighbor);
            });
        }
        levelBegin = levelEnd;
    }
    for (NodeId node : touched_) {
        seen[node / kBitsPerWord] &= ~(uint64_t{1} << (node % kBitsPerWord));
    }
    return shortestCycle;
}

// Top down, a level reads every edge of its frontier; bottom up, at most every edge of the nodes
// not seen yet, each stopping at its first hit, plus one pass over the bitmap. Beamer et al. switch
// once the frontier's edges exceed 1/14 of the unexplored ones, for searches that go on until most
// of the graph is reached; a search bounded to a few hops often leaves most nodes unreached, and
// those read all their edges without a hit. So this switches only when bottom up costs less even
// then.
bool VarExpand::bottomUpPays(const Graph& graph, size_t levelBegin, size_t levelEnd) {
    constexpr uint64_t kBitmapPassCost = kBitsPerWord; // nodes per word the pass skips over cheaply
    const Direction reverse = spec_.direction == Direction::Out ? Direction::In : Direction::Out;
    if (levelBegin == 0) {
        seenInEdges_ = 0;
    }
    uint64_t frontierEdges = 0;
    for (size_t i = levelBegin; i < levelEnd; ++i) {
        frontierEdges += graph.adjacency(touched_[i], spec_.direction).size;
        seenInEdges_ += graph.adjacency(touched_[i], reverse).size;
    }
    const uint64_t unexploredEdges = graph.liveRelCount() - std::min<uint64_t>(seenInEdges_, graph.liveRelCount());
    return frontierEdges > unexploredEdges && frontierEdges > graph.nodeCount() / kBitmapPassCost;
}

uint64_t VarExpand::bottomUpLevel(ExecutionContext& context, NodeId start, size_t levelBegin, size_t levelEnd,
                                  uint64_t next) {
    constexpr size_t kCancelCheckWords = 1024;
    const Graph& graph = *context.graph;
    const Direction reverse = spec_.direction == Direction::Out ? Direction::In : Direction::Out;
    uint64_t* const seen = seen_.data();
    uint64_t* const frontier = frontier_.data();
    for (size_t i = levelBegin; i < levelEnd; ++i) {
        const NodeId node = touched_[i];
        if (!graph.nodeDeleted(node)) {
            frontier[node / kBitsPerWord] |= uint64_t{1} << (node % kBitsPerWord);
        }
    }
    auto reachedFromFrontier = [&](NodeId node) {
        auto any = [&](const Adjacency& edges) {
            const NodeId* neighbors = edges.neighbors;
            for (uint32_t i = 0; i < edges.size; ++i) {
                if ((frontier[neighbors[i] / kBitsPerWord] >> (neighbors[i] % kBitsPerWord) & 1U) != 0) {
                    return true;
                }
            }
            return false;
        };
        if (spec_.types.empty()) {
            return any(graph.adjacency(node, reverse));
        }
        return std::any_of(spec_.types.begin(), spec_.types.end(),
                           [&](TypeId type) { return any(graph.adjacency(node, reverse, type)); });
    };
    uint64_t shortestCycle = UINT64_MAX;
    const size_t words = (graph.nodeCount() + kBitsPerWord - 1) / kBitsPerWord;
    for (size_t w = 0; w < words; ++w) {
        if (w % kCancelCheckWords == 0) {
            context.checkCancelled();
        }
        for (uint64_t unseen = ~seen[w]; unseen != 0; unseen &= unseen - 1) {
            const auto node = static_cast<NodeId>(w * kBitsPerWord + static_cast<size_t>(std::countr_zero(unseen)));
            if (node >= graph.nodeCount()) {
                break;
            }
            if (!reachedFromFrontier(node)) {
                continue;
            }
            if (node == start) {
                shortestCycle = next;
                continue;
            }
            seen[w] |= uint64_t{1} << (node % kBitsPerWord);
            touched_.push_back(node);
        }
    }
    for (size_t i = levelBegin; i < levelEnd; ++i) {
        frontier[touched_[i] / kBitsPerWord] = 0;
    }
    return shortestCycle;
}

void ReachCount::open(ExecutionContext& context) {
    Operator::open(context);
    done_ = false;
}

std::string ReachCount::describe() const {
    std::string out = spec_.describe("ReachCount") +
                      fmt::format(" *{}..{}", minHops_, maxHops_ ? std::to_string(*maxHops_) : std::string());
    for (const ast::Expr* predicate : predicates_) {
        out += fmt::format(" where {}", predicate->text.empty() ? std::string("(predicate)") : predicate->text);
    }
    return out;
}

ColumnUsage ReachCount::usage() const {
    ColumnUsage usage;
    usage.columns = ColumnUsage::Columns::Fresh;
    usage.duplicates = ColumnUsage::Duplicates::Absorbed;
    usage.reads = {spec_.fromSlot};
    usage.expressions = predicates_;
    return usage;
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
    std::vector<Value> scratch;
    while (child()->next(context, input)) {
        context.checkCancelled();
        for (size_t row = 0; row < input.rows(); ++row) {
            const Value& start = input.at(spec_.fromSlot, row);
            if (start.type() != ValueType::Node) {
                continue;
            }
            if (!predicates_.empty()) {
                input.readRow(row, scratch);
                scratch.resize(expandWidth_);
            }
            for (NodeId end : expand_.reach(context, start.asNode().id)) {
                uint64_t& word = counted[end / kBitsPerWord];
                const uint64_t bit = uint64_t{1} << (end % kBitsPerWord);
                if ((word & bit) != 0 || !labelsMatch(graph, end, spec_)) {
                    continue;
                }
                if (!predicates_.empty()) {
                    // A predicate may read the start row too: an end node it rejects here may pass
                    // for another start, so only counted nodes are marked.
                    scratch[spec_.toSlot] = Value(NodeRef{end});
                    const RowRef endRow{nullptr, 0, &scratch};
                    const bool passes = std::all_of(predicates_.begin(), predicates_.end(), [&](const ast::Expr* predicate) {
                        return evaluatePredicate(*predicate, endRow, context);
                    });
                    if (!passes) {
                        continue;
                    }
                }
                word |= bit;
                ++count;
            }
        }
    }
    std::vector<Value> row(outputWidth());
    row[countSlot_] = Value(count);
    out.append(std::move(row));
    return true;
}

} // namespace newsgraph
