#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

// Appends every (relationship, neighbour) of `node` allowed by the spec's types and direction.
void collectEdges(const Graph& graph, NodeId node, const ExpandSpec& spec, std::vector<std::pair<RelId, NodeId>>& out) {
    out.clear();
    if (spec.impossible || node >= graph.nodeCount() || graph.nodeDeleted(node)) {
        return;
    }
    auto collect = [&](Direction direction, bool skipLoops) {
        auto add = [&](const Adjacency& edges) {
            for (uint32_t i = 0; i < edges.size; ++i) {
                if (skipLoops && edges.neighbor(i) == node) {
                    continue;
                }
                out.emplace_back(edges.rel(i), edges.neighbor(i));
            }
        };
        if (spec.types.empty()) {
            add(graph.adjacency(node, direction));
            return;
        }
        for (TypeId type : spec.types) {
            add(graph.adjacency(node, direction, type));
        }
    };
    if (spec.bothDirections) {
        collect(Direction::Out, false);
        collect(Direction::In, true); // a self-loop was already seen going out
        return;
    }
    collect(spec.direction, false);
}

constexpr uint32_t kBitsPerWord = 64;

// Label ids are looked up once per spec (ids never change once a label exists).
bool labelsMatch(const Graph& graph, NodeId node, const ExpandSpec& spec) {
    if (spec.toLabelIds.size() != spec.toLabels.size()) {
        std::vector<LabelId> ids;
        for (const std::string& label : spec.toLabels) {
            auto id = graph.catalog().findLabel(label);
            if (!id) {
                return false;
            }
            ids.push_back(*id);
        }
        spec.toLabelIds = std::move(ids);
    }
    for (LabelId label : spec.toLabelIds) {
        if (!graph.hasLabel(node, label)) {
            return false;
        }
    }
    return true;
}

bool usedInRow(const ExpandSpec& spec, const Chunk& input, size_t row, RelId rel) {
    for (size_t slot : spec.distinctFrom) {
        const Value& bound = input.at(slot, row);
        if (bound.type() == ValueType::Relationship && bound.asRelationship().id == rel) {
            return true;
        }
    }
    for (size_t slot : spec.distinctFromLists) {
        const Value& bound = input.at(slot, row);
        if (bound.type() != ValueType::List) {
            continue;
        }
        for (const Value& item : bound.asList()) {
            if (item.type() == ValueType::Relationship && item.asRelationship().id == rel) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::string ExpandSpec::describe(const char* name) const {
    const char* arrow = bothDirections ? "-" : (direction == Direction::Out ? "->" : "<-");
    return fmt::format("{}{} #{} {} #{} (rel #{}, {} types)", name, into ? "Into" : "", fromSlot, arrow, toSlot, relSlot,
                       types.empty() ? std::string("all") : std::to_string(types.size()));
}

void Expand::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    position_ = 0;
    edges_.clear();
    const Value& from = input.at(spec_.fromSlot, row);
    if (from.type() != ValueType::Node) {
        return;
    }
    collectEdges(*context.graph, from.asNode().id, spec_, edges_);
}

std::string Expand::describe() const {
    std::string out = spec_.describe("Expand");
    for (const ast::Expr* predicate : predicates_) {
        out += fmt::format(" where {}", predicate->text);
    }
    return out;
}

bool Expand::produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) {
    const Graph& graph = *context.graph;
    // The input row once per call; each candidate only overwrites the relationship and end node.
    std::vector<Value>& values = scratch_;
    input.readRow(row, values);
    values.resize(out.width());
    while (position_ < edges_.size()) {
        if (out.full()) {
            return false;
        }
        const auto [rel, neighbor] = edges_[position_++];
        if (spec_.into) {
            const Value& bound = input.at(spec_.toSlot, row);
            if (bound.type() != ValueType::Node || bound.asNode().id != neighbor) {
                continue;
            }
        } else if (!labelsMatch(graph, neighbor, spec_)) {
            continue;
        }
        if (usedInRow(spec_, input, row, rel)) {
            continue;
        }
        values[spec_.relSlot] = Value(RelRef{rel});
        if (!spec_.into) {
            values[spec_.toSlot] = Value(NodeRef{neighbor});
        }
        const RowRef candidate{nullptr, 0, &values};
        if (!std::all_of(predicates_.begin(), predicates_.end(), [&](const ast::Expr* predicate) {
                return evaluatePredicate(*predicate, candidate, context);
            })) {
            continue;
        }
        out.append(std::span<const Value>(values));
    }
    return true;
}

std::string VarExpand::describe() const {
    return spec_.describe(distinctEndpoints_ ? "BreadthFirstDistinctExpand" : "VarLengthExpand") +
           fmt::format(" *{}..{}", minHops_, maxHops_ ? std::to_string(*maxHops_) : std::string());
}

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

bool VarExpand::relAllowed(ExecutionContext& context, RelId rel) const {
    if (excluded_.contains(rel) || std::find(path_.begin(), path_.end(), rel) != path_.end()) {
        return false;
    }
    for (const auto& [key, wanted] : wantedProperties_) {
        const Value same = equals(context.graph->relProperty(rel, key), wanted);
        if (same.type() != ValueType::Bool || !same.asBool()) {
            return false;
        }
    }
    return true;
}

void VarExpand::pushFrame(ExecutionContext& context, NodeId node) {
    Frame frame;
    frame.node = node;
    collectEdges(*context.graph, node, spec_, frame.edges);
    stack_.push_back(std::move(frame));
}

void VarExpand::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    endpoints_.clear();
    endpointPosition_ = 0;
    stack_.clear();
    path_.clear();
    excluded_.clear();
    wantedProperties_.clear();
    emitStart_ = false;
    const Value& from = input.at(spec_.fromSlot, row);
    if (from.type() != ValueType::Node) {
        return;
    }
    if (relProperties_ != nullptr) {
        const Value properties = evaluate(*relProperties_, RowRef{&input, row}, context);
        if (properties.type() == ValueType::Map) {
            wantedProperties_ = properties.asMap();
        }
    }
    for (size_t slot : spec_.distinctFrom) {
        const Value& bound = input.at(slot, row);
        if (bound.type() == ValueType::Relationship) {
            excluded_.insert(bound.asRelationship().id);
        }
    }
    for (size_t slot : spec_.distinctFromLists) {
        const Value& bound = input.at(slot, row);
        if (bound.type() == ValueType::List) {
            for (const Value& item : bound.asList()) {
                if (item.type() == ValueType::Relationship) {
                    excluded_.insert(item.asRelationship().id);
                }
            }
        }
    }
    if (distinctEndpoints_) {
        reachable(context, from.asNode().id);
        return;
    }
    emitStart_ = minHops_ == 0;
    pushFrame(context, from.asNode().id);
}

bool VarExpand::produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) {
    const Graph& graph = *context.graph;
    auto emit = [&](NodeId end) {
        if (spec_.into) {
            const Value& bound = input.at(spec_.toSlot, row);
            if (bound.type() != ValueType::Node || bound.asNode().id != end) {
                return;
            }
        } else if (!labelsMatch(graph, end, spec_)) {
            return;
        }
        // One scratch row for every emitted row: no allocation per row once it has its width.
        std::vector<Value>& values = scratch_;
        input.readRow(row, values);
        values.resize(out.width());
        if (!distinctEndpoints_) {
            // (In distinct-endpoints mode nothing reads the relationship list: it stays null.)
            Value::List rels;
            rels.reserve(path_.size());
            for (RelId rel : path_) {
                rels.emplace_back(RelRef{rel});
            }
            values[spec_.relSlot] = Value(std::move(rels));
        }
        if (!spec_.into) {
            values[spec_.toSlot] = Value(NodeRef{end});
        }
        out.append(std::span<const Value>(values));
    };
    if (distinctEndpoints_) {
        while (endpointPosition_ < endpoints_.size()) {
            if (out.full()) {
                return false;
            }
            emit(endpoints_[endpointPosition_++]);
        }
        return true;
    }
    if (emitStart_) {
        if (out.full()) {
            return false;
        }
        emitStart_ = false;
        emit(stack_.front().node);
    }
    while (!stack_.empty()) {
        Frame& top = stack_.back();
        const bool deepEnough = maxHops_ && path_.size() >= *maxHops_;
        if (deepEnough || top.next >= top.edges.size()) {
            stack_.pop_back();
            if (!path_.empty()) {
                path_.pop_back();
            }
            continue;
        }
        if (out.full()) {
            return false;
        }
        const auto [rel, neighbor] = top.edges[top.next++];
        if (!relAllowed(context, rel)) {
            continue;
        }
        path_.push_back(rel);
        if (path_.size() >= minHops_) {
            emit(neighbor);
        }
        pushFrame(context, neighbor);
        context.checkCancelled();
    }
    return true;
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
