#include "query/processor/operators/factorized_count.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <thread>
#include <unordered_map>

#include "engine/common/utf8.hpp"
#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"

namespace newsgraph {

KeyKind keyKindOf(const PropertyColumn* column) {
    if (column == nullptr) {
        return KeyKind::None;
    }
    switch (column->values().kind()) {
    case ColumnKind::Empty: return KeyKind::None;
    case ColumnKind::Int:
    case ColumnKind::Date: return KeyKind::Integer;
    case ColumnKind::Float: return KeyKind::Float;
    case ColumnKind::String: return KeyKind::String;
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

// Dates and integers as themselves, strings as their (deduplicated) pool ids: equal ids, equal text.
int64_t integerKey(const ValueVector& values, size_t slot) {
    switch (values.kind()) {
    case ColumnKind::Date: return values.dates()[slot];
    case ColumnKind::String: return static_cast<int64_t>(values.strings()[slot]);
    default: return values.ints()[slot];
    }
}

KeyMode keyModeOf(const PropertyColumn* left, const PropertyColumn* right, ast::BinaryOp op) {
    const KeyKind leftKind = keyKindOf(left);
    const KeyKind rightKind = keyKindOf(right);
    if (leftKind == KeyKind::None || rightKind == KeyKind::None) {
        return KeyMode::None;
    }
    const ColumnKind leftStorage = left->values().kind();
    const ColumnKind rightStorage = right->values().kind();
    if (leftStorage == rightStorage &&
        (leftKind == KeyKind::Integer || (op == ast::BinaryOp::Equal && leftKind == KeyKind::String))) {
        return KeyMode::Integers;
    }
    const auto numeric = [](KeyKind kind) { return kind == KeyKind::Integer || kind == KeyKind::Float; };
    // A date never equals or orders against a number: those pairs go through Cypher's operators (null).
    if (numeric(leftKind) && numeric(rightKind) &&
        (leftStorage == ColumnKind::Date) == (rightStorage == ColumnKind::Date)) {
        return KeyMode::Numbers;
    }
    return KeyMode::Generic;
}

void fillKeys(const PropertyColumn& column, size_t count, KeyArray<int64_t>& out) {
    out.keys.assign(count, 0);
    out.present.assign(count, 0);
    for (size_t rel = 0; rel < count; ++rel) {
        if (const auto slot = column.slot(static_cast<uint32_t>(rel))) {
            out.keys[rel] = integerKey(column.values(), *slot);
            out.present[rel] = 1;
        }
    }
}

void fillKeys(const PropertyColumn& column, size_t count, KeyArray<double>& out) {
    out.keys.assign(count, 0.0);
    out.present.assign(count, 0);
    for (size_t rel = 0; rel < count; ++rel) {
        if (const auto slot = column.slot(static_cast<uint32_t>(rel))) {
            const double key = numericKey(column.values(), *slot);
            out.keys[rel] = key;
            out.present[rel] = key == key ? 1 : 0;
        }
    }
}

Value compareValues(ast::BinaryOp op, const Value& x, const Value& y) {
    switch (op) {
    case ast::BinaryOp::Less: return lessThan(x, y);
    case ast::BinaryOp::LessEqual: return lessOrEqual(x, y);
    case ast::BinaryOp::Greater: return greaterThan(x, y);
    case ast::BinaryOp::GreaterEqual: return greaterOrEqual(x, y);
    default: return equals(x, y);
    }
}

namespace {

// Entities between two looks at the cancel flag.
constexpr uint32_t kCancelCheckEntities = 4096;

// Expressions that bind variables of their own or run a sub-plan: what they read of a slot is
// not told by their children.
bool hidesReads(ast::ExprKind kind) {
    switch (kind) {
    case ast::ExprKind::MapProjection:
    case ast::ExprKind::ListComprehension:
    case ast::ExprKind::Quantifier:
    case ast::ExprKind::Reduce:
    case ast::ExprKind::PatternPredicate:
    case ast::ExprKind::PatternComprehension:
    case ast::ExprKind::Exists: return true;
    default: return false;
    }
}

// Whether `expr` reads nothing of the row but `slots[i].key` of each slot (one key per slot,
// recorded in `keys[i]` when read).
bool readsOnlyProperties(const ast::Expr& expr, std::span<const size_t> slots, std::span<std::optional<std::string>> keys) {
    if (hidesReads(expr.kind)) {
        return false;
    }
    switch (expr.kind) {
    case ast::ExprKind::Property:
        if (expr.children.size() == 1 && expr.children[0]->kind == ast::ExprKind::Variable) {
            for (size_t i = 0; i < slots.size(); ++i) {
                if (expr.children[0]->slot != static_cast<int>(slots[i])) {
                    continue;
                }
                if (keys[i] && *keys[i] != expr.name) {
                    return false;
                }
                keys[i] = expr.name;
                return true;
            }
        }
        break;
    case ast::ExprKind::Variable: return false;
    default: break;
    }
    return std::all_of(expr.children.begin(), expr.children.end(), [&](const auto& child) {
        return child == nullptr || readsOnlyProperties(*child, slots, keys);
    });
}

} // namespace

bool readsOnlyLabels(const ast::Expr& expr, size_t slot) {
    const auto isSlot = [&](const ast::Expr& child) {
        return child.kind == ast::ExprKind::Variable && child.slot == static_cast<int>(slot);
    };
    if (hidesReads(expr.kind)) {
        return false;
    }
    switch (expr.kind) {
    case ast::ExprKind::Function:
        if (asciiLowered(expr.name) == "labels" && expr.children.size() == 1 && isSlot(*expr.children[0])) {
            return true;
        }
        break;
    case ast::ExprKind::LabelCheck:
        if (expr.children.size() == 1 && isSlot(*expr.children[0])) {
            return true;
        }
        break;
    case ast::ExprKind::Variable: return !isSlot(expr);
    default: break;
    }
    return std::all_of(expr.children.begin(), expr.children.end(),
                       [&](const auto& child) { return child == nullptr || readsOnlyLabels(*child, slot); });
}

std::optional<std::string> soleProperty(const ast::Expr& expr, size_t slot) {
    std::array<std::optional<std::string>, 1> key;
    const std::array<size_t, 1> slots{slot};
    if (!readsOnlyProperties(expr, slots, key)) {
        return std::nullopt;
    }
    return key[0];
}

std::optional<std::pair<std::string, std::string>> soleProperties(const ast::Expr& expr, size_t first, size_t second) {
    std::array<std::optional<std::string>, 2> keys;
    const std::array<size_t, 2> slots{first, second};
    if (first == second || !readsOnlyProperties(expr, slots, keys) || !keys[0] || !keys[1]) {
        return std::nullopt;
    }
    return std::make_pair(*keys[0], *keys[1]);
}

std::vector<uint8_t> evaluateInIdOrder(ExecutionContext& context, const std::vector<EntityFilter>& filters,
                                       bool relationships, const std::function<bool(uint32_t)>& candidate,
                                       std::vector<Value>& row) {
    const Graph& graph = *context.graph;
    const uint32_t count = relationships ? graph.relCount() : graph.nodeCount();
    std::vector<uint8_t> ok(count, 0);
    for (uint32_t id = 0; id < count; ++id) {
        ok[id] = candidate(id) ? 1 : 0;
    }
    for (const EntityFilter& filter : filters) {
        // Read only through one string property: once per distinct string (pooled ids) is enough.
        const PropertyColumn* strings = nullptr;
        const bool oneColumn = std::all_of(filter.columns.begin(), filter.columns.end(),
                                           [&](size_t column) { return column == filter.columns.front(); });
        if (oneColumn && !filter.columns.empty()) {
            const std::optional<std::string> key = soleProperty(*filter.expr, filter.columns.front());
            const std::optional<PropertyKeyId> id = key ? graph.catalog().findKey(*key) : std::nullopt;
            const PropertyColumn* column = !id ? nullptr : relationships ? graph.relColumn(*id) : graph.nodeColumn(*id);
            if (column != nullptr && column->values().kind() == ColumnKind::String) {
                strings = column;
            }
        }
        auto holds = [&](uint32_t id) {
            for (size_t column : filter.columns) {
                row[column] = relationships ? Value(RelRef{id}) : Value(NodeRef{id});
            }
            return evaluatePredicate(*filter.expr, RowRef{nullptr, 0, &row}, context);
        };
        std::unordered_map<StringId, uint8_t> byString;
        for (uint32_t id = 0; id < count; ++id) {
            if (id % kCancelCheckEntities == 0) {
                context.checkCancelled();
            }
            if (ok[id] == 0) {
                continue;
            }
            const std::optional<size_t> slot = strings != nullptr ? strings->slot(id) : std::nullopt;
            if (slot) {
                const StringId value = strings->values().strings()[*slot];
                const auto known = byString.find(value);
                if (known != byString.end()) {
                    ok[id] = known->second;
                    continue;
                }
                ok[id] = holds(id) ? 1 : 0;
                byString.emplace(value, ok[id]);
                continue;
            }
            ok[id] = holds(id) ? 1 : 0;
        }
    }
    return ok;
}

void forNodeRanges(uint32_t threads, uint32_t count, uint64_t items, const std::function<void(uint32_t, uint32_t)>& work) {
    // Below this many items one thread does it all (starting a thread costs more).
    constexpr uint64_t kParallelItems = 1U << 16U;
    const uint32_t cores = std::max(1U, threads);
    if (items < kParallelItems || cores < 2 || count < cores) {
        work(0, count);
        return;
    }
    std::vector<std::exception_ptr> failures(cores);
    std::vector<std::thread> helpers;
    auto run = [&](uint32_t part) {
        try {
            work(static_cast<uint32_t>(uint64_t{count} * part / cores), static_cast<uint32_t>(uint64_t{count} * (part + 1) / cores));
        } catch (...) {
            failures[part] = std::current_exception();
        }
    };
    for (uint32_t part = 1; part < cores; ++part) {
        helpers.emplace_back(run, part);
    }
    run(0);
    for (std::thread& helper : helpers) {
        helper.join();
    }
    for (const std::exception_ptr& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
}

// Which bit of a relationship's pass flags a side uses when it meets `rel` at b: 1 when b is
// its source along the step, 2 when b is its target. A self-loop gives the same row either way.
uint8_t orientation(const Graph& graph, const ExpandSpec& step, RelId rel, NodeId b) {
    if (!step.bothDirections) {
        return step.direction == Direction::Out ? 1 : 2;
    }
    return graph.relSource(rel) == b ? 1 : 2;
}

std::optional<std::vector<LabelId>> resolveLabels(const Graph& graph, const std::vector<std::string>& names) {
    std::vector<LabelId> ids;
    for (const std::string& name : names) {
        const auto id = graph.catalog().findLabel(name);
        if (!id) {
            return std::nullopt;
        }
        ids.push_back(*id);
    }
    return ids;
}

bool hasAll(const Graph& graph, NodeId node, const std::vector<LabelId>& labels) {
    return std::all_of(labels.begin(), labels.end(), [&](LabelId label) { return graph.hasLabel(node, label); });
}

} // namespace newsgraph
