#include "query/processor/operators/two_hop_count.hpp"

#include <algorithm>
#include <thread>

#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace {

// Nodes between two looks at the cancel flag.
constexpr NodeId kCancelCheckNodes = 4096;
// Below this many relationships one thread does it all (starting a thread costs more).
constexpr uint64_t kParallelRelationships = 1U << 16U;

enum class KeyKind : uint8_t { None, Integer, Float, Generic };

KeyKind keyKindOf(const PropertyColumn* column) {
    if (column == nullptr) {
        return KeyKind::None;
    }
    switch (column->values().kind()) {
    case ColumnKind::Empty: return KeyKind::None;
    case ColumnKind::Int:
    case ColumnKind::Date: return KeyKind::Integer;
    case ColumnKind::Float: return KeyKind::Float;
    default: return KeyKind::Generic;
    }
}

double numericKey(const ValueVector& values, size_t slot) {
    switch (values.kind()) {
    case ColumnKind::Int: return static_cast<double>(values.ints()[slot]);
    case ColumnKind::Date: return values.dates()[slot];
    case ColumnKind::Float: return values.floats()[slot];
    default: return 0.0;
    }
}

int64_t integerKey(const ValueVector& values, size_t slot) {
    return values.kind() == ColumnKind::Date ? values.dates()[slot] : values.ints()[slot];
}

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

} // namespace

void TwoHopCount::open(ExecutionContext& /*context*/) {
    done_ = false;
}

int64_t TwoHopCount::countRange(const ExecutionContext& context, NodeId begin, NodeId end) const {
    const Graph& graph = *context.graph;
    const PropertyColumn* firstColumn = spec_.first.key ? graph.relColumn(*spec_.first.key) : nullptr;
    const PropertyColumn* secondColumn = spec_.second.key ? graph.relColumn(*spec_.second.key) : nullptr;
    const KeyKind firstKind = keyKindOf(firstColumn);
    const KeyKind secondKind = keyKindOf(secondColumn);
    if (spec_.op && (firstKind == KeyKind::None || secondKind == KeyKind::None)) {
        return 0; // one side never has the property: every comparison is null
    }
    const bool integers = firstKind == KeyKind::Integer && secondKind == KeyKind::Integer &&
                          (firstColumn->values().kind() == secondColumn->values().kind());
    const bool numbers = !integers && firstKind != KeyKind::Generic && secondKind != KeyKind::Generic &&
                         firstColumn != nullptr && secondColumn != nullptr &&
                         (firstColumn->values().kind() == ColumnKind::Date) ==
                             (secondColumn->values().kind() == ColumnKind::Date);
    const bool comparable = integers || numbers;
    const bool strict = spec_.op == ast::BinaryOp::Less || spec_.op == ast::BinaryOp::Greater;
    const bool firstBelow = spec_.op == ast::BinaryOp::Less || spec_.op == ast::BinaryOp::LessEqual;

    std::vector<RelId> firstRels;
    std::vector<RelId> secondRels;
    std::vector<int64_t> firstInts;
    std::vector<int64_t> secondInts;
    std::vector<double> firstFloats;
    std::vector<double> secondFloats;
    auto collect = [&](NodeId b, const Side& side, std::vector<RelId>& rels) {
        rels.clear();
        auto take = [&](const Adjacency& adjacency) {
            for (uint32_t i = 0; i < adjacency.size; ++i) {
                const RelId rel = adjacency.rel(i);
                if (graph.relDeleted(rel) || (side.endLabel && !graph.hasLabel(adjacency.neighbor(i), *side.endLabel))) {
                    continue;
                }
                rels.push_back(rel);
            }
        };
        if (side.types.empty()) {
            take(graph.adjacency(b, side.direction));
        } else {
            for (TypeId type : side.types) {
                take(graph.adjacency(b, side.direction, type));
            }
        }
    };
    // A relationship on both sides cannot be r1 and r2 at once: when both sides read the same
    // adjacency of b that is every relationship passing both filters, otherwise a self-loop of b.
    const bool sameDirection = spec_.first.direction == spec_.second.direction;
    std::vector<RelId> sortedFirst;
    auto selfPairs = [&](NodeId b) {
        if (sameDirection) {
            sortedFirst = firstRels;
            std::sort(sortedFirst.begin(), sortedFirst.end());
        }
        int64_t overlap = 0;
        for (RelId rel : secondRels) {
            const bool onBoth =
                sameDirection ? std::binary_search(sortedFirst.begin(), sortedFirst.end(), rel)
                              : graph.relSource(rel) == b && graph.relTarget(rel) == b &&
                                    std::find(firstRels.begin(), firstRels.end(), rel) != firstRels.end();
            if (!onBoth) {
                continue;
            }
            if (!spec_.op) {
                ++overlap;
            } else if (!strict) {
                const Value x = graph.relProperty(rel, *spec_.first.key);
                const Value y = graph.relProperty(rel, *spec_.second.key);
                const Value holds = firstBelow ? lessOrEqual(x, y) : greaterOrEqual(x, y);
                overlap += holds.type() == ValueType::Bool && holds.asBool() ? 1 : 0;
            }
        }
        return overlap;
    };

    int64_t total = 0;
    for (NodeId b = begin; b < end; ++b) {
        if ((b - begin) % kCancelCheckNodes == 0) {
            context.checkCancelled();
        }
        if (graph.nodeDeleted(b) || (spec_.middleLabel && !graph.hasLabel(b, *spec_.middleLabel))) {
            continue;
        }
        collect(b, spec_.first, firstRels);
        if (firstRels.empty()) {
            continue;
        }
        collect(b, spec_.second, secondRels);
        if (secondRels.empty()) {
            continue;
        }
        total -= selfPairs(b);
        if (!spec_.op) {
            total += static_cast<int64_t>(firstRels.size()) * static_cast<int64_t>(secondRels.size());
            continue;
        }
        if (!comparable) {
            for (RelId r1 : firstRels) {
                const Value x = graph.relProperty(r1, *spec_.first.key);
                for (RelId r2 : secondRels) {
                    const Value y = graph.relProperty(r2, *spec_.second.key);
                    Value holds;
                    switch (*spec_.op) {
                    case ast::BinaryOp::Less: holds = lessThan(x, y); break;
                    case ast::BinaryOp::LessEqual: holds = lessOrEqual(x, y); break;
                    case ast::BinaryOp::Greater: holds = greaterThan(x, y); break;
                    default: holds = greaterOrEqual(x, y); break;
                    }
                    total += holds.type() == ValueType::Bool && holds.asBool() ? 1 : 0;
                }
            }
            continue;
        }
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
        if (integers) {
            keys(firstRels, *firstColumn, firstInts);
            keys(secondRels, *secondColumn, secondInts);
            total += firstBelow ? countOrdered(firstInts, secondInts, !strict)
                                : countOrdered(secondInts, firstInts, !strict);
        } else {
            keys(firstRels, *firstColumn, firstFloats);
            keys(secondRels, *secondColumn, secondFloats);
            total += firstBelow ? countOrdered(firstFloats, secondFloats, !strict)
                                : countOrdered(secondFloats, firstFloats, !strict);
        }
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
    if (!spec_.impossible) {
        const Graph& graph = *context.graph;
        const NodeId nodes = graph.nodeCount();
        if (graph.relCount() < kParallelRelationships || std::thread::hardware_concurrency() < 2) {
            count = countRange(context, 0, nodes);
        } else {
            // Two halves by node id; the first thread's exception (a cancellation) is rethrown here.
            const NodeId middle = nodes / 2;
            int64_t upper = 0;
            std::exception_ptr failure;
            std::thread helper([&] {
                try {
                    upper = countRange(context, middle, nodes);
                } catch (...) {
                    failure = std::current_exception();
                }
            });
            try {
                count = countRange(context, 0, middle);
            } catch (...) {
                helper.join();
                throw;
            }
            helper.join();
            if (failure) {
                std::rethrow_exception(failure);
            }
            count += upper;
        }
    }
    std::vector<Value> row(outputWidth());
    row[countSlot_] = Value(count);
    out.append(std::move(row));
    return true;
}

} // namespace newsgraph
