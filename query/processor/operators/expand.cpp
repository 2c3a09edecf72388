#include <algorithm>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/expand_support.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

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
    // Per row, not at open(): a write earlier in the statement replaces the graph while this
    // operator is open. Redone only when the graph changed.
    narrowTypes(context);
    const Value& from = input.at(spec_.fromSlot, row);
    if (from.type() != ValueType::Node) {
        return;
    }
    if (anchor_) {
        anchoredEdges(context, input, row, from.asNode().id);
        return;
    }
    collectEdges(*context.graph, from.asNode().id, active_, edges_);
}

void Expand::anchoredEdges(ExecutionContext& context, const Chunk& input, size_t row, NodeId from) {
    const Graph& graph = *context.graph;
    Anchored& state = anchored_;
    if (state.execution != context.execution || context.execution == 0 || state.graphVersion != context.graphVersion ||
        state.graph != context.graph) {
        state = Anchored{};
        state.execution = context.execution;
        state.graphVersion = context.graphVersion;
        state.graph = context.graph;
    }
    // The step seen from the anchors: the other direction (undirected stays undirected).
    const auto fromAnchors = [&] {
        ExpandSpec back = active_;
        back.direction = active_.direction == Direction::Out ? Direction::In : Direction::Out;
        return back;
    };
    if (!state.found) {
        // The value reads no column: any row gives it.
        state.found = true;
        seekNodes(graph, std::nullopt, anchor_->key, evaluate(*anchor_->value, RowRef{&input, row}, context), state.nodes);
        const ExpandSpec back = fromAnchors();
        for (NodeId node : state.nodes) {
            forEachEdge<false>(graph, node, back, [&](NodeId /*other*/) { ++state.edges; });
        }
    }
    if (!state.built && state.read > state.edges) {
        // The rows have read more edges than the anchors have: read theirs once, by the other end.
        state.built = true;
        const ExpandSpec back = fromAnchors();
        for (NodeId node : state.nodes) {
            forEachEdge(graph, node, back, [&](RelId rel, NodeId other) {
                state.byOther.push_back({other, {rel, node}});
            });
        }
        std::stable_sort(state.byOther.begin(), state.byOther.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
    }
    if (state.built) {
        const auto first = std::lower_bound(state.byOther.begin(), state.byOther.end(), from,
                                            [](const auto& entry, NodeId node) { return entry.first < node; });
        for (auto it = first; it != state.byOther.end() && it->first == from; ++it) {
            edges_.push_back(it->second);
        }
    } else {
        collectEdges(graph, from, active_, edges_);
        state.read += edges_.size();
        std::erase_if(edges_, [&](const std::pair<RelId, NodeId>& edge) {
            return !std::binary_search(state.nodes.begin(), state.nodes.end(), edge.second);
        });
    }
    // In relationship order either way, so that the rows do not depend on when the table was built.
    std::sort(edges_.begin(), edges_.end());
}

std::string Expand::describe() const {
    std::string out = spec_.describe("Expand");
    for (const ast::Expr* predicate : predicates_) {
        out += fmt::format(" where {}", predicate->text);
    }
    if (anchor_) {
        out += fmt::format(", anchored on {}", anchor_->key);
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
        const bool deepEnough = maxHops_ && path_.size() >= *maxHops_; // *0..0: the start only
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
        if (maxHops_ && path_.size() >= *maxHops_) {
            // As deep as the bound allows: nothing to read from the neighbour.
            path_.pop_back();
        } else {
            pushFrame(context, neighbor);
        }
        context.checkCancelled();
    }
    return true;
}

} // namespace newsgraph
