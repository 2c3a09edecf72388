#include "query/processor/operators/two_hop_count.hpp"

#include <algorithm>
#include <atomic>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/expand_support.hpp"
#include "query/processor/operators/factorized_count.hpp"

namespace newsgraph {

namespace {

// Nodes between two looks at the cancel flag.
constexpr NodeId kCancelCheckNodes = 4096;

// Pairs (x, y) with x from xs, y from ys and x < y (or x <= y); both sorted.
template <typename T>
int64_t countOrdered(const std::vector<T>& xs, const std::vector<T>& ys, bool orEqual) {
    int64_t pairs = 0;
    size_t below = 0;
    for (const T& y : ys) {
        while (below < xs.size() && (xs[below] < y || (orEqual && xs[below] == y))) {
            ++below;
        }
        pairs += static_cast<int64_t>(below);
    }
    return pairs;
}

// Pairs (x, y) with x == y; both sorted.
template <typename T>
int64_t countEqual(const std::vector<T>& xs, const std::vector<T>& ys) {
    int64_t pairs = 0;
    size_t i = 0;
    size_t j = 0;
    while (i < xs.size() && j < ys.size()) {
        if (xs[i] < ys[j]) {
            ++i;
        } else if (ys[j] < xs[i]) {
            ++j;
        } else {
            const T value = xs[i];
            size_t xRun = 0;
            size_t yRun = 0;
            for (; i < xs.size() && xs[i] == value; ++i) {
                ++xRun;
            }
            for (; j < ys.size() && ys[j] == value; ++j) {
                ++yRun;
            }
            pairs += static_cast<int64_t>(xRun) * static_cast<int64_t>(yRun);
        }
    }
    return pairs;
}

} // namespace

std::string TwoHopCount::describe() const {
    std::string out = "FactorizedTwoHopCount";
    if (spec_.distinctMiddle) {
        out += " of distinct middle nodes";
    }
    if (!spec_.unique) {
        out += " (r1 = r2 allowed)";
    }
    if (!spec_.text.empty()) {
        out += " " + spec_.text;
    }
    for (const auto* filters : {&spec_.first.filters, &spec_.second.filters, &spec_.middleFilters}) {
        for (const BoundPredicate& filter : *filters) {
            out += fmt::format(" where {}", filter.expr->text);
        }
    }
    return out;
}

void TwoHopCount::open(ExecutionContext& /*context*/) {
    done_ = false;
}

void TwoHopCount::evaluateFilters(ExecutionContext& context, const Resolved& labels) {
    const Graph& graph = *context.graph;
    firstPass_.clear();
    secondPass_.clear();
    middlePass_.clear();
    if (spec_.first.filters.empty() && spec_.second.filters.empty() && spec_.middleFilters.empty()) {
        return;
    }
    std::vector<Value> row(spec_.rowWidth);
    const RowRef ref{nullptr, 0, &row};
    auto holds = [&](const std::vector<BoundPredicate>& filters, NodeId b, std::optional<RelId> rel, NodeId end) {
        for (const BoundPredicate& filter : filters) {
            for (const auto& [column, role] : filter.columns) {
                switch (role) {
                case Role::Middle: row[column] = Value(NodeRef{b}); break;
                case Role::FirstEnd:
                case Role::SecondEnd: row[column] = Value(NodeRef{end}); break;
                case Role::FirstRel:
                case Role::SecondRel: row[column] = rel ? Value(RelRef{*rel}) : Value(); break;
                }
            }
            if (!evaluatePredicate(*filter.expr, ref, context)) {
                return false;
            }
        }
        return true;
    };
    if (!spec_.middleFilters.empty()) {
        middlePass_.assign(graph.nodeCount(), 0);
    }
    if (!spec_.first.filters.empty()) {
        firstPass_.assign(graph.relCount(), 0);
    }
    if (!spec_.second.filters.empty()) {
        secondPass_.assign(graph.relCount(), 0);
    }
    // The filters of a side that read only its relationship run first over all relationships in
    // id order (once per distinct string where they read one string property); the rest below.
    struct SideFilters {
        std::vector<BoundPredicate> others;
        std::vector<uint8_t> relationshipOk; // empty: no such filter
    };
    auto split = [&](const Side& side, Role rel) {
        SideFilters out;
        std::vector<EntityFilter> relationshipOnly;
        for (const BoundPredicate& filter : side.filters) {
            const bool only = std::all_of(filter.columns.begin(), filter.columns.end(),
                                          [&](const auto& entry) { return entry.second == rel; });
            if (!only) {
                out.others.push_back(filter);
                continue;
            }
            EntityFilter entity{filter.expr, {}};
            for (const auto& entry : filter.columns) {
                entity.columns.push_back(entry.first);
            }
            relationshipOnly.push_back(std::move(entity));
        }
        if (!relationshipOnly.empty()) {
            out.relationshipOk = evaluateInIdOrder(context, relationshipOnly, true,
                                                   [&](RelId id) { return !graph.relDeleted(id); }, row);
        }
        return out;
    };
    const SideFilters first = split(spec_.first, Role::FirstRel);
    const SideFilters second = split(spec_.second, Role::SecondRel);
    auto sidePasses = [&](const SideFilters& side, NodeId b, RelId rel, NodeId end) {
        return (side.relationshipOk.empty() || side.relationshipOk[rel] != 0) && holds(side.others, b, rel, end);
    };
    // In the order the plain plan evaluates them: b, its first step's relationships, then the
    // second step's only where a first one passed.
    for (NodeId b = 0; b < graph.nodeCount(); ++b) {
        if (b % kCancelCheckNodes == 0) {
            context.checkCancelled();
        }
        if (graph.nodeDeleted(b) || !hasAll(graph, b, *labels.middle)) {
            continue;
        }
        if (!spec_.middleFilters.empty()) {
            if (!holds(spec_.middleFilters, b, std::nullopt, b)) {
                continue;
            }
            middlePass_[b] = 1;
        }
        bool anyFirst = false;
        forEachEdge(graph, b, spec_.first.step, [&](RelId rel, NodeId end) {
            if (graph.relDeleted(rel) || !hasAll(graph, end, *labels.first)) {
                return;
            }
            if (spec_.first.filters.empty()) {
                anyFirst = true;
            } else if (sidePasses(first, b, rel, end)) {
                firstPass_[rel] |= orientation(graph, spec_.first.step, rel, b);
                anyFirst = true;
            }
        });
        if (!anyFirst || spec_.second.filters.empty()) {
            continue;
        }
        forEachEdge(graph, b, spec_.second.step, [&](RelId rel, NodeId end) {
            if (graph.relDeleted(rel) || !hasAll(graph, end, *labels.second)) {
                return;
            }
            if (sidePasses(second, b, rel, end)) {
                secondPass_[rel] |= orientation(graph, spec_.second.step, rel, b);
            }
        });
    }
}

int64_t TwoHopCount::countRange(const ExecutionContext& context, const Resolved& labels, NodeId begin,
                                NodeId end) const {
    const Graph& graph = *context.graph;
    const PropertyColumn* firstColumn = spec_.first.key ? graph.relColumn(*spec_.first.key) : nullptr;
    const PropertyColumn* secondColumn = spec_.second.key ? graph.relColumn(*spec_.second.key) : nullptr;
    const KeyMode mode = spec_.op ? keyModeOf(firstColumn, secondColumn, *spec_.op) : KeyMode::Generic;
    if (spec_.op && mode == KeyMode::None) {
        return 0; // one side never has the property: every comparison is null
    }
    const bool equality = spec_.op == ast::BinaryOp::Equal;
    const bool integers = spec_.op && mode == KeyMode::Integers;
    const bool comparable = integers || (spec_.op && mode == KeyMode::Numbers);
    const bool strict = spec_.op == ast::BinaryOp::Less || spec_.op == ast::BinaryOp::Greater;
    const bool firstBelow = spec_.op == ast::BinaryOp::Less || spec_.op == ast::BinaryOp::LessEqual;
    const bool sameKey = spec_.first.key == spec_.second.key;

    std::vector<RelId> firstRels;
    std::vector<RelId> secondRels;
    std::vector<int64_t> firstInts;
    std::vector<int64_t> secondInts;
    std::vector<double> firstFloats;
    std::vector<double> secondFloats;
    auto collect = [&](NodeId b, const Side& side, const std::vector<uint8_t>& pass,
                       const std::vector<LabelId>& endLabels, std::vector<RelId>& rels) {
        rels.clear();
        forEachEdge(graph, b, side.step, [&](RelId rel, NodeId far) {
            if (graph.relDeleted(rel) || !hasAll(graph, far, endLabels) ||
                (!side.filters.empty() && (pass[rel] & orientation(graph, side.step, rel, b)) == 0)) {
                return;
            }
            rels.push_back(rel);
        });
    };
    // A relationship on both sides cannot be r1 and r2 at once (in one MATCH). Two directed steps
    // leaving b the opposite ways share only self-loops of b; otherwise any relationship can be on
    // both sides.
    const bool onlyLoopsShared = !spec_.first.step.bothDirections && !spec_.second.step.bothDirections &&
                                 spec_.first.step.direction != spec_.second.step.direction;
    std::vector<RelId> sortedFirst;
    auto selfPairs = [&](NodeId b) {
        if (!spec_.unique) {
            return int64_t{0};
        }
        if (!onlyLoopsShared) {
            sortedFirst = firstRels;
            std::sort(sortedFirst.begin(), sortedFirst.end());
        }
        int64_t overlap = 0;
        for (RelId rel : secondRels) {
            int64_t times = 0;
            if (onlyLoopsShared) {
                if (graph.relSource(rel) == b && graph.relTarget(rel) == b) {
                    times = std::count(firstRels.begin(), firstRels.end(), rel);
                }
            } else {
                const auto range = std::equal_range(sortedFirst.begin(), sortedFirst.end(), rel);
                times = range.second - range.first;
            }
            if (times == 0) {
                continue;
            }
            if (!spec_.op) {
                overlap += times;
            } else if (!(strict && sameKey)) { // x < x never holds
                const Value x = graph.relProperty(rel, *spec_.first.key);
                const Value y = graph.relProperty(rel, *spec_.second.key);
                overlap += isTrue(compareValues(*spec_.op, x, y)) ? times : 0;
            }
        }
        return overlap;
    };
    auto keys = [&](const std::vector<RelId>& rels, const PropertyColumn& column, auto& out) {
        out.clear();
        for (RelId rel : rels) {
            if (auto slot = column.slot(rel)) {
                if constexpr (std::is_same_v<std::decay_t<decltype(out)>, std::vector<int64_t>>) {
                    out.push_back(integerKey(column.values(), *slot));
                } else {
                    const double key = numericKey(column.values(), *slot);
                    if (key == key) { // NaN compares false with everything
                        out.push_back(key);
                    }
                }
            }
        }
        std::sort(out.begin(), out.end());
    };
    auto sortedPairs = [&](const auto& xs, const auto& ys) {
        if (equality) {
            return countEqual(xs, ys);
        }
        return firstBelow ? countOrdered(xs, ys, !strict) : countOrdered(ys, xs, !strict);
    };
    // The pairs at b, before relationship uniqueness.
    auto pairsAt = [&]() -> int64_t {
        if (!spec_.op) {
            return static_cast<int64_t>(firstRels.size()) * static_cast<int64_t>(secondRels.size());
        }
        if (!comparable) {
            int64_t pairs = 0;
            for (RelId r1 : firstRels) {
                const Value x = graph.relProperty(r1, *spec_.first.key);
                for (RelId r2 : secondRels) {
                    pairs += isTrue(compareValues(*spec_.op, x, graph.relProperty(r2, *spec_.second.key))) ? 1 : 0;
                }
            }
            return pairs;
        }
        if (integers) {
            keys(firstRels, *firstColumn, firstInts);
            keys(secondRels, *secondColumn, secondInts);
            return sortedPairs(firstInts, secondInts);
        }
        keys(firstRels, *firstColumn, firstFloats);
        keys(secondRels, *secondColumn, secondFloats);
        return sortedPairs(firstFloats, secondFloats);
    };

    int64_t total = 0;
    for (NodeId b = begin; b < end; ++b) {
        if ((b - begin) % kCancelCheckNodes == 0) {
            context.checkCancelledConcurrently();
        }
        if (graph.nodeDeleted(b) || !hasAll(graph, b, *labels.middle) ||
            (!spec_.middleFilters.empty() && middlePass_[b] == 0)) {
            continue;
        }
        collect(b, spec_.first, firstPass_, *labels.first, firstRels);
        if (firstRels.empty()) {
            continue;
        }
        collect(b, spec_.second, secondPass_, *labels.second, secondRels);
        if (secondRels.empty()) {
            continue;
        }
        const int64_t pairs = pairsAt() - selfPairs(b);
        total += spec_.distinctMiddle ? (pairs > 0 ? 1 : 0) : pairs;
    }
    return total;
}

bool TwoHopCount::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    if (done_) {
        return false;
    }
    done_ = true;
    int64_t count = 0;
    const Graph& graph = *context.graph;
    const Resolved labels{resolveLabels(graph, spec_.middleLabels), resolveLabels(graph, spec_.first.step.toLabels),
                          resolveLabels(graph, spec_.second.step.toLabels)};
    if (!spec_.impossible && !spec_.first.step.impossible && !spec_.second.step.impossible && labels.middle &&
        labels.first && labels.second) {
        evaluateFilters(context, labels);
        std::atomic<int64_t> total{0};
        forNodeRanges(context.threads, graph.nodeCount(), graph.relCount(), [&](NodeId begin, NodeId end) {
            total += countRange(context, labels, begin, end);
        });
        count = total;
    }
    std::vector<Value> row(outputWidth());
    row[countSlot_] = Value(count);
    out.append(std::move(row));
    return true;
}

} // namespace newsgraph
