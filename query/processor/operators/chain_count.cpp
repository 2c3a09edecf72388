#include "query/processor/operators/chain_count.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "query/processor/evaluator.hpp"
#include "query/processor/operators/expand_support.hpp"
#include "query/processor/operators/blocking_operators.hpp"
#include "query/processor/operators/factorized_count.hpp"

namespace newsgraph {

namespace {

// Nodes between two looks at the cancel flag.
constexpr NodeId kCancelCheckNodes = 4096;

// One way to go on from a node: the compared key of the relationship taken next, and in how
// many ways the chain finishes after it.
template <typename Key>
struct Continuation {
    Key key;
    int64_t ways;
};

// The total weight of the continuations at one node (`count` of them from `first`, sorted by key,
// `sums` their inclusive prefix sums) whose key y satisfies x op y.
template <typename Key>
int64_t admitted(const Continuation<Key>* first, const int64_t* sums, size_t count, ast::BinaryOp op, Key x) {
    if (count == 0) {
        return 0;
    }
    const Continuation<Key>* end = first + count;
    const auto lower = static_cast<size_t>(
        std::lower_bound(first, end, x, [](const Continuation<Key>& c, Key value) { return c.key < value; }) - first);
    const auto upper = static_cast<size_t>(
        std::upper_bound(first, end, x, [](Key value, const Continuation<Key>& c) { return value < c.key; }) - first);
    auto before = [&](size_t i) { return i == 0 ? int64_t{0} : sums[i - 1]; };
    const int64_t total = sums[count - 1];
    switch (op) {
    case ast::BinaryOp::Less: return total - before(upper);      // y > x
    case ast::BinaryOp::LessEqual: return total - before(lower); // y >= x
    case ast::BinaryOp::Greater: return before(lower);           // y < x
    case ast::BinaryOp::GreaterEqual: return before(upper);      // y <= x
    default: return before(upper) - before(lower);               // y == x
    }
}

// The continuations of every node, each node's sorted by key with inclusive prefix sums.
template <typename Key>
struct Continuations {
    std::vector<size_t> offsets;
    std::vector<Continuation<Key>> entries;
    std::vector<int64_t> sums;

    int64_t admittedAt(NodeId node, ast::BinaryOp op, Key x) const {
        const size_t begin = offsets[node];
        return admitted(entries.data() + begin, sums.data() + begin, offsets[node + 1] - begin, op, x);
    }
};

template <typename Key>
void sortSegment(Continuations<Key>& continuations, size_t begin, size_t end) {
    auto& entries = continuations.entries;
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(begin), entries.begin() + static_cast<std::ptrdiff_t>(end),
              [](const Continuation<Key>& lhs, const Continuation<Key>& rhs) { return lhs.key < rhs.key; });
    int64_t sum = 0;
    for (size_t i = begin; i < end; ++i) {
        sum += entries[i].ways;
        continuations.sums[i] = sum;
    }
}

// The continuations of every node from the next step's positions (`offsets` per node, `rels`)
// and the ways to finish after each (`after`), keyed by the compared property.
template <typename Key>
void gatherContinuations(const ExecutionContext& context, const std::vector<size_t>& offsets,
                         const std::vector<RelId>& rels, const std::vector<int64_t>& after, const KeyArray<Key>& keys,
                         Continuations<Key>& out) {
    const Graph& graph = *context.graph;
    const NodeId nodes = graph.nodeCount();
    out.offsets.assign(size_t{nodes} + 1, 0);
    forNodeRanges(context.threads, nodes, graph.relCount(), [&](NodeId begin, NodeId end) {
        for (NodeId node = begin; node < end; ++node) {
            size_t count = 0;
            for (size_t pos = offsets[node]; pos < offsets[node + 1]; ++pos) {
                count += after[pos] != 0 && keys.has(rels[pos]) ? 1 : 0;
            }
            out.offsets[node + 1] = count;
        }
    });
    std::partial_sum(out.offsets.begin(), out.offsets.end(), out.offsets.begin());
    out.entries.resize(out.offsets[nodes]);
    out.sums.resize(out.offsets[nodes]);
    forNodeRanges(context.threads, nodes, graph.relCount(), [&](NodeId begin, NodeId end) {
        for (NodeId node = begin; node < end; ++node) {
            if ((node - begin) % kCancelCheckNodes == 0) {
                context.checkCancelledConcurrently();
            }
            size_t next = out.offsets[node];
            for (size_t pos = offsets[node]; pos < offsets[node + 1]; ++pos) {
                const RelId rel = rels[pos];
                if (after[pos] != 0 && keys.has(rel)) {
                    out.entries[next++] = {keys.at(rel), after[pos]};
                }
            }
            sortSegment(out, out.offsets[node], out.offsets[node + 1]);
        }
    });
}

} // namespace

std::string ChainCount::describe() const {
    std::string out = fmt::format("FactorizedChainCount of {} steps", spec_.steps.size());
    if (spec_.shortest) {
        out += fmt::format(" (paths of {}..{})", *spec_.shortest, spec_.steps.size());
    }
    if (!spec_.groupKeys.empty()) {
        out += fmt::format(" per first node ({} keys)", spec_.groupKeys.size());
    }
    for (const auto& comparison : spec_.comparisons) {
        if (comparison) {
            out += " " + comparison->text;
        }
    }
    for (const Step& step : spec_.steps) {
        for (const BoundPredicate& filter : step.filters) {
            out += fmt::format(" where {}", filter.expr->text);
        }
    }
    for (const auto& filters : spec_.nodeFilters) {
        for (const BoundPredicate& filter : filters) {
            out += fmt::format(" where {}", filter.expr->text);
        }
    }
    return out;
}

void ChainCount::open(ExecutionContext& /*context*/) {
    done_ = false;
    rows_.clear();
    position_ = 0;
}

std::vector<uint8_t> ChainCount::evaluateEach(ExecutionContext& context, const std::vector<const BoundPredicate*>& filters,
                                              bool relationships, const std::function<bool(uint32_t)>& candidate) {
    std::vector<EntityFilter> entityFilters;
    for (const BoundPredicate* filter : filters) {
        EntityFilter entity{filter->expr, {}};
        for (const auto& entry : filter->columns) {
            entity.columns.push_back(entry.first);
        }
        entityFilters.push_back(std::move(entity));
    }
    return newsgraph::evaluateInIdOrder(context, entityFilters, relationships, candidate, row_);
}

std::vector<uint8_t> ChainCount::anchored(ExecutionContext& context) {
    std::vector<uint8_t> found(context.graph->nodeCount(), 0);
    Operator& seek = *child();
    seek.open(context);
    Chunk chunk;
    while (seek.next(context, chunk)) {
        for (size_t row = 0; row < chunk.rows(); ++row) {
            const Value& node = chunk.at(spec_.anchorSlot, row);
            if (node.type() == ValueType::Node && node.asNode().id < found.size()) {
                found[node.asNode().id] = 1;
            }
        }
    }
    return found;
}

void ChainCount::evaluateInIdOrder(ExecutionContext& context) {
    const Graph& graph = *context.graph;
    const size_t steps = spec_.steps.size();
    // Nodes: the anchor's, labels and filters, per position along the chain.
    nodeOk_.assign(steps + 1, {});
    for (size_t index = 0; index <= steps; ++index) {
        const std::vector<BoundPredicate>& filters = spec_.nodeFilters[index];
        const bool anchor = spec_.anchorNode == index;
        if (labels_[index]->empty() && filters.empty() && !anchor) {
            continue; // every node
        }
        const std::vector<uint8_t> seeked = anchor ? anchored(context) : std::vector<uint8_t>();
        std::vector<const BoundPredicate*> all;
        for (const BoundPredicate& filter : filters) {
            all.push_back(&filter);
        }
        const std::vector<LabelId>& labels = *labels_[index];
        nodeOk_[index] = evaluateEach(context, all, false, [&](NodeId node) {
            return !graph.nodeDeleted(node) && (!anchor || seeked[node] != 0) && hasAll(graph, node, labels);
        });
    }
    // Relationships: the filters that read only the step's relationship; the others wait until
    // a chain can pass there.
    relOk_.assign(steps, {});
    pending_.assign(steps, {});
    for (size_t step = 0; step < steps; ++step) {
        std::vector<const BoundPredicate*> relationshipOnly;
        for (const BoundPredicate& filter : spec_.steps[step].filters) {
            const bool onlyRel = std::all_of(filter.columns.begin(), filter.columns.end(),
                                             [](const auto& entry) { return entry.second.relationship; });
            (onlyRel ? relationshipOnly : pending_[step]).push_back(&filter);
        }
        if (!relationshipOnly.empty()) {
            relOk_[step] = evaluateEach(context, relationshipOnly, true, [&](RelId rel) { return !graph.relDeleted(rel); });
        }
    }
}

bool ChainCount::stepPasses(ExecutionContext& context, size_t step, RelId rel, NodeId near, NodeId far) {
    if (!relOk_[step].empty() && relOk_[step][rel] == 0) {
        return false;
    }
    if (pending_[step].empty()) {
        return true;
    }
    for (const BoundPredicate* filter : pending_[step]) {
        for (const auto& [column, member] : filter->columns) {
            row_[column] = member.relationship ? Value(RelRef{rel}) : Value(NodeRef{member.index == step ? near : far});
        }
        if (!evaluatePredicate(*filter->expr, RowRef{nullptr, 0, &row_}, context)) {
            return false;
        }
    }
    return true;
}

const KeyArray<int64_t>& ChainCount::integerKeys(const Graph& graph, PropertyKeyId key) {
    auto [entry, added] = integerKeys_.try_emplace(key);
    if (added) {
        fillKeys(*graph.relColumn(key), graph.relCount(), entry->second);
    }
    return entry->second;
}

const KeyArray<double>& ChainCount::numberKeys(const Graph& graph, PropertyKeyId key) {
    auto [entry, added] = numberKeys_.try_emplace(key);
    if (added) {
        fillKeys(*graph.relColumn(key), graph.relCount(), entry->second);
    }
    return entry->second;
}

bool ChainCount::compared(const Graph& graph, size_t step, RelId left, RelId right) const {
    const std::optional<Comparison>& comparison = spec_.comparisons[step];
    if (!comparison) {
        return true;
    }
    if (!comparison->leftKey || !comparison->rightKey) {
        return false;
    }
    return isTrue(compareValues(comparison->op, graph.relProperty(left, *comparison->leftKey),
                                graph.relProperty(right, *comparison->rightKey)));
}

void ChainCount::buildEdges(ExecutionContext& context, size_t step) {
    const Graph& graph = *context.graph;
    StepEdges& edges = edges_[step];
    const ExpandSpec& expand = spec_.steps[step].expand;
    const NodeId nodes = graph.nodeCount();
    // Sorted by far node where relationships are looked up between two nodes: the step before
    // may walk a relationship back along this one (other directions, undirected), or r1 = r3.
    auto sameWay = [](const ExpandSpec& one, const ExpandSpec& two) {
        return !one.bothDirections && !two.bothDirections && one.direction == two.direction;
    };
    edges.sortedByFar = (step > 0 && spec_.distinctNext[step - 1] && !sameWay(spec_.steps[step - 1].expand, expand)) ||
                        (spec_.firstEqualsThird && step == 2);
    // Counted first, so that the ranges of nodes can fill their parts at once.
    edges.offsets.assign(size_t{nodes} + 1, 0);
    forNodeRanges(context.threads, nodes, graph.relCount(), [&](NodeId begin, NodeId end) {
        for (NodeId node = begin; node < end; ++node) {
            size_t degree = 0;
            if (!reach_.empty() && reach_[step][node] == 0) {
                edges.offsets[node + 1] = 0; // no chain from the anchor gets here
                continue;
            }
            forEachEdge(graph, node, expand, [&](RelId rel, NodeId /*far*/) { degree += graph.relDeleted(rel) ? 0 : 1; });
            edges.offsets[node + 1] = degree;
        }
    });
    std::partial_sum(edges.offsets.begin(), edges.offsets.end(), edges.offsets.begin());
    edges.rels.resize(edges.offsets[nodes]);
    edges.fars.resize(edges.offsets[nodes]);
    forNodeRanges(context.threads, nodes, graph.relCount(), [&](NodeId begin, NodeId end) {
        std::vector<std::pair<NodeId, RelId>> segment;
        for (NodeId node = begin; node < end; ++node) {
            if ((node - begin) % kCancelCheckNodes == 0) {
                context.checkCancelledConcurrently();
            }
            segment.clear();
            if (!reach_.empty() && reach_[step][node] == 0) {
                continue;
            }
            forEachEdge(graph, node, expand, [&](RelId rel, NodeId far) {
                if (!graph.relDeleted(rel)) {
                    segment.emplace_back(far, rel);
                }
            });
            if (edges.sortedByFar) {
                std::sort(segment.begin(), segment.end());
            }
            size_t pos = edges.offsets[node];
            for (const auto& [far, rel] : segment) {
                edges.fars[pos] = far;
                edges.rels[pos++] = rel;
            }
        }
    });
}

void ChainCount::reachFromAnchor(ExecutionContext& context) {
    reach_.clear();
    if (spec_.anchorNode != size_t{0}) {
        return;
    }
    const Graph& graph = *context.graph;
    const NodeId nodes = graph.nodeCount();
    const size_t steps = spec_.steps.size();
    reach_.assign(steps, std::vector<uint8_t>(nodes, 0));
    for (NodeId node = 0; node < nodes; ++node) {
        reach_[0][node] = nodePasses(0, node) ? 1 : 0;
    }
    for (size_t step = 0; step + 1 < steps; ++step) {
        if (spec_.shortest) {
            reach_[step + 1] = reach_[0];
        }
        for (NodeId node = 0; node < nodes; ++node) {
            if (reach_[step][node] == 0) {
                continue;
            }
            forEachEdge(graph, node, spec_.steps[step].expand, [&](RelId rel, NodeId far) {
                if (!graph.relDeleted(rel) && nodePasses(step + 1, far)) {
                    reach_[step + 1][far] = 1;
                }
            });
        }
        context.checkCancelled();
    }
}

std::pair<size_t, size_t> ChainCount::edgesBetween(size_t step, NodeId from, NodeId to) const {
    const StepEdges& edges = edges_[step];
    const auto first = edges.fars.begin() + static_cast<std::ptrdiff_t>(edges.offsets[from]);
    const auto last = edges.fars.begin() + static_cast<std::ptrdiff_t>(edges.offsets[from + 1]);
    const auto [begin, end] = std::equal_range(first, last, to);
    return {static_cast<size_t>(begin - edges.fars.begin()), static_cast<size_t>(end - edges.fars.begin())};
}

void ChainCount::forNodes(ExecutionContext& context, size_t step, const std::function<void(NodeId)>& visit) {
    const Graph& graph = *context.graph;
    if (!pending_[step].empty()) {
        // Filters still to evaluate: one thread (expressions share the statement's state).
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            if (node % kCancelCheckNodes == 0) {
                context.checkCancelled();
            }
            visit(node);
        }
        return;
    }
    forNodeRanges(context.threads, graph.nodeCount(), graph.relCount(), [&](NodeId begin, NodeId end) {
        for (NodeId node = begin; node < end; ++node) {
            if ((node - begin) % kCancelCheckNodes == 0) {
                context.checkCancelledConcurrently();
            }
            visit(node);
        }
    });
}

void ChainCount::countStep(ExecutionContext& context, size_t step, std::vector<int64_t>& ways) {
    const Graph& graph = *context.graph;
    const StepEdges& edges = edges_[step];
    std::vector<int64_t> result(edges.rels.size(), 0);
    if (step + 1 == spec_.steps.size()) {
        forNodes(context, step, [&](NodeId node) {
            for (size_t pos = edges.offsets[node]; pos < edges.offsets[node + 1]; ++pos) {
                const NodeId far = edges.fars[pos];
                result[pos] = nodePasses(step + 1, far) && stepPasses(context, step, edges.rels[pos], node, far) ? 1 : 0;
            }
        });
        ways = std::move(result);
        return;
    }
    const std::vector<int64_t>& after = ways;
    const StepEdges& onward = edges_[step + 1];
    const std::optional<Comparison>& comparison = spec_.comparisons[step];
    const PropertyColumn* leftColumn = comparison && comparison->leftKey ? graph.relColumn(*comparison->leftKey) : nullptr;
    const PropertyColumn* rightColumn =
        comparison && comparison->rightKey ? graph.relColumn(*comparison->rightKey) : nullptr;
    const KeyMode mode = comparison ? keyModeOf(leftColumn, rightColumn, comparison->op) : KeyMode::Generic;
    if (comparison && mode == KeyMode::None) {
        ways = std::move(result); // one side never has the property: every comparison is null
        return;
    }
    Continuations<int64_t> byInteger;
    Continuations<double> byNumber;
    const KeyArray<int64_t>* leftIntegers = nullptr;
    const KeyArray<double>* leftNumbers = nullptr;
    if (mode == KeyMode::Integers) {
        leftIntegers = &integerKeys(graph, *comparison->leftKey);
        gatherContinuations(context, onward.offsets, onward.rels, after, integerKeys(graph, *comparison->rightKey), byInteger);
    } else if (mode == KeyMode::Numbers) {
        leftNumbers = &numberKeys(graph, *comparison->leftKey);
        gatherContinuations(context, onward.offsets, onward.rels, after, numberKeys(graph, *comparison->rightKey), byNumber);
    }
    // Per node: in how many ways the chain finishes from it, whatever the comparison.
    std::vector<int64_t> totals(graph.nodeCount(), 0);
    forNodeRanges(context.threads, graph.nodeCount(), graph.relCount(), [&](NodeId begin, NodeId end) {
        for (NodeId node = begin; node < end; ++node) {
            for (size_t pos = onward.offsets[node]; pos < onward.offsets[node + 1]; ++pos) {
                totals[node] += after[pos];
            }
        }
    });
    const bool distinct = spec_.distinctNext[step];
    forNodes(context, step, [&](NodeId node) {
        for (size_t pos = edges.offsets[node]; pos < edges.offsets[node + 1]; ++pos) {
            const NodeId far = edges.fars[pos];
            const RelId rel = edges.rels[pos];
            if (totals[far] == 0 || !nodePasses(step + 1, far) || !stepPasses(context, step, rel, node, far)) {
                continue;
            }
            int64_t finishing = totals[far];
            if (mode == KeyMode::Integers) {
                finishing = leftIntegers->has(rel) ? byInteger.admittedAt(far, comparison->op, leftIntegers->at(rel)) : 0;
            } else if (mode == KeyMode::Numbers) {
                finishing = leftNumbers->has(rel) ? byNumber.admittedAt(far, comparison->op, leftNumbers->at(rel)) : 0;
            } else if (comparison) {
                finishing = 0;
                for (size_t next = onward.offsets[far]; next < onward.offsets[far + 1]; ++next) {
                    finishing += after[next] != 0 && compared(graph, step, rel, onward.rels[next]) ? after[next] : 0;
                }
            }
            if (distinct && finishing > 0 && (onward.sortedByFar || far == node)) {
                // The relationship itself, walked on back to this node as the next step, is not
                // another one (steps the same way round share only self-loops).
                const auto [begin, end] = onward.sortedByFar ? edgesBetween(step + 1, far, node)
                                                             : std::make_pair(onward.offsets[far], onward.offsets[far + 1]);
                for (size_t same = begin; same < end; ++same) {
                    if (onward.rels[same] == rel && after[same] != 0 && compared(graph, step, rel, rel)) {
                        finishing -= after[same];
                    }
                }
            }
            result[pos] = finishing;
        }
    });
    ways = std::move(result);
}

void ChainCount::firstEqualsThird(ExecutionContext& context, std::vector<int64_t>& perStart) {
    const Graph& graph = *context.graph;
    const StepEdges& second = edges_[1];
    const StepEdges& third = edges_[2];
    const ExpandSpec& first = spec_.steps[0].expand;
    // Whether `rel` can be the first step walked from `from` to `to`.
    auto walkableFirst = [&](RelId rel, NodeId from, NodeId to) {
        if (!first.types.empty() && std::find(first.types.begin(), first.types.end(), graph.relType(rel)) == first.types.end()) {
            return false;
        }
        if (first.bothDirections) {
            return true;
        }
        const NodeId source = first.direction == Direction::Out ? from : to;
        return graph.relSource(rel) == source && graph.relTarget(rel) == (source == from ? to : from);
    };
    // Taken off per first node: one thread where two middles could share a first node's counter.
    auto count = [&](NodeId begin, NodeId end) {
        for (NodeId middle = begin; middle < end; ++middle) {
            if ((middle - begin) % kCancelCheckNodes == 0) {
                context.checkCancelled();
            }
            if (second.offsets[middle] == second.offsets[middle + 1] || !nodePasses(1, middle)) {
                continue;
            }
            for (size_t pos = second.offsets[middle]; pos < second.offsets[middle + 1]; ++pos) {
                const NodeId next = second.fars[pos];
                const RelId r2 = second.rels[pos];
                // r3 leaves `next`; as r1 it arrives at `middle`: it joins the two (any of next's when r2 is a loop).
                const auto [begin3, end3] = next == middle ? std::make_pair(third.offsets[next], third.offsets[next + 1])
                                                           : edgesBetween(2, next, middle);
                for (size_t candidate = begin3; candidate < end3; ++candidate) {
                    const RelId rel = third.rels[candidate];
                    const NodeId last = third.fars[candidate];
                    const NodeId start = graph.relSource(rel) == middle ? graph.relTarget(rel) : graph.relSource(rel);
                    if (rel == r2 || (graph.relSource(rel) != middle && graph.relTarget(rel) != middle) ||
                        !walkableFirst(rel, start, middle)) {
                        continue;
                    }
                    if (nodePasses(0, start) && nodePasses(2, next) && nodePasses(3, last) &&
                        stepPasses(context, 0, rel, start, middle) && stepPasses(context, 1, r2, middle, next) &&
                        stepPasses(context, 2, rel, next, last) && compared(graph, 0, rel, r2) &&
                        compared(graph, 1, r2, rel)) {
                        --perStart[start];
                    }
                }
            }
        }
    };
    count(0, graph.nodeCount());
}

void ChainCount::countPerStart(ExecutionContext& context, std::vector<int64_t>& perStart) {
    const Graph& graph = *context.graph;
    perStart.assign(graph.nodeCount(), 0);
    const bool possible = std::all_of(spec_.steps.begin(), spec_.steps.end(),
                                      [](const Step& step) { return !step.expand.impossible; });
    if (!possible || !std::all_of(labels_.begin(), labels_.end(), [](const auto& labels) { return labels.has_value(); })) {
        return;
    }
    evaluateInIdOrder(context);
    reachFromAnchor(context);
    edges_.resize(spec_.steps.size());
    for (size_t step = 0; step < spec_.steps.size(); ++step) {
        buildEdges(context, step);
    }
    // The chains from each first node, given the ways to finish from each position of `step`.
    auto addStarts = [&](size_t step, const std::vector<int64_t>& ways) {
        const StepEdges& first = edges_[step];
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            if (!nodePasses(0, node)) {
                continue;
            }
            for (size_t pos = first.offsets[node]; pos < first.offsets[node + 1]; ++pos) {
                perStart[node] += ways[pos];
            }
        }
    };
    const size_t steps = spec_.steps.size();
    std::vector<int64_t> ways;
    for (size_t step = steps; step-- > 0;) {
        countStep(context, step, ways);
        // A variable-length pattern: the chains of steps - step hops start here (the steps are alike).
        if (step > 0 && spec_.shortest && steps - step >= *spec_.shortest) {
            addStarts(step, ways);
        }
    }
    addStarts(0, ways);
    if (spec_.shortest == uint64_t{0}) {
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            perStart[node] += !graph.nodeDeleted(node) && nodePasses(0, node) && nodePasses(steps, node) ? 1 : 0;
        }
    }
    if (spec_.firstEqualsThird) {
        firstEqualsThird(context, perStart);
    }
    edges_.clear();
    reach_.clear();
    integerKeys_.clear();
    numberKeys_.clear();
    relOk_.clear();
    nodeOk_.clear();
}

void ChainCount::makeRows(ExecutionContext& context, const std::vector<int64_t>& perStart) {
    rows_.clear();
    if (spec_.groupKeys.empty()) {
        std::vector<Value> row(outputWidth());
        row[countSlot_] = Value(std::accumulate(perStart.begin(), perStart.end(), int64_t{0}));
        rows_.push_back(std::move(row));
        return;
    }
    // A group per distinct key over the first nodes with a chain, in order of their first node.
    std::unordered_map<std::vector<Value>, size_t, RowKeyHash, RowKeyEqual> groups;
    std::vector<Value> key(spec_.groupKeys.size());
    for (NodeId node = 0; node < perStart.size(); ++node) {
        if (perStart[node] == 0) {
            continue;
        }
        for (size_t column : spec_.startColumns) {
            row_[column] = Value(NodeRef{node});
        }
        for (size_t k = 0; k < key.size(); ++k) {
            key[k] = evaluate(*spec_.groupKeys[k], RowRef{nullptr, 0, &row_}, context);
        }
        auto [group, added] = groups.try_emplace(key, rows_.size());
        if (added) {
            std::vector<Value> row(outputWidth());
            for (size_t k = 0; k < key.size(); ++k) {
                row[spec_.groupKeySlots[k]] = key[k];
            }
            row[countSlot_] = Value(int64_t{0});
            rows_.push_back(std::move(row));
        }
        Value& count = rows_[group->second][countSlot_];
        count = Value(count.asInt() + perStart[node]);
    }
}

bool ChainCount::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    if (!done_) {
        done_ = true;
        position_ = 0;
        const Graph& graph = *context.graph;
        labels_.clear();
        for (const std::vector<std::string>& names : spec_.nodeLabels) {
            labels_.push_back(resolveLabels(graph, names));
        }
        row_.assign(spec_.rowWidth, Value());
        std::vector<int64_t> perStart;
        countPerStart(context, perStart);
        makeRows(context, perStart);
    }
    while (position_ < rows_.size() && !out.full()) {
        out.append(std::move(rows_[position_++]));
    }
    return !out.empty();
}

} // namespace newsgraph
