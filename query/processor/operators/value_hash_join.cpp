#include "query/processor/operators/value_hash_join.hpp"

#include <bit>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"

namespace newsgraph {

namespace {

// Which kind of value a hash came from, so that 1 and '1' land apart.
enum class HashTag : uint64_t { Bool = 1, Number = 2, String = 3, Date = 4 };

uint64_t mix(HashTag tag, uint64_t bits) {
    // splitmix64's finalizer: the buckets see well-spread bits even for small integers.
    uint64_t x = bits ^ (static_cast<uint64_t>(tag) * 0x9e3779b97f4a7c15ULL);
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

std::string textOf(const ast::Expr& expr) {
    if (!expr.text.empty()) {
        return expr.text;
    }
    if (expr.kind == ast::ExprKind::Property) {
        // A property the planner made of an inline map ({code: ...}): its variable has no name.
        return expr.name;
    }
    return "?";
}

} // namespace

std::optional<JoinHash> joinHash(const Value& value) {
    switch (value.type()) {
    case ValueType::Null: return std::nullopt;
    case ValueType::Bool: return JoinHash{true, mix(HashTag::Bool, value.asBool() ? 1 : 0)};
    case ValueType::Int:
    case ValueType::Float: {
        // Integers and floats compare by value: both hash as the double (distinct integers that
        // round to one double only share a bucket).
        double number = value.type() == ValueType::Int ? static_cast<double>(value.asInt()) : value.asFloat();
        if (std::isnan(number)) {
            return std::nullopt;
        }
        if (number == 0.0) {
            number = 0.0; // -0.0 = 0.0
        }
        return JoinHash{true, mix(HashTag::Number, std::bit_cast<uint64_t>(number))};
    }
    case ValueType::String: return JoinHash{true, mix(HashTag::String, std::hash<std::string>{}(value.asString()))};
    case ValueType::Date:
        return JoinHash{true, mix(HashTag::Date, static_cast<uint64_t>(static_cast<uint32_t>(value.asDate().days())))};
    default: return JoinHash{};
    }
}

ValueHashJoin::ValueHashJoin(std::unique_ptr<NodeScan> scan, const ast::Expr* key, const ast::Expr* probe)
    : scan_(std::move(scan)), key_(key), probe_(probe) {}

std::string ValueHashJoin::describe() const {
    const std::string scanned = scan_->label() ? ":" + *scan_->label() : std::string("all nodes");
    return fmt::format("ValueHashJoin {} on {} = {} -> #{}", scanned, textOf(*key_), textOf(*probe_), scan_->slot());
}

std::unique_ptr<Operator> ValueHashJoin::cloneAlone() const {
    auto scan = std::make_unique<NodeScan>(scan_->label(), scan_->slot());
    return std::make_unique<ValueHashJoin>(std::move(scan), key_, probe_);
}

void ValueHashJoin::open(ExecutionContext& context) {
    RowOperator::open(context);
    matches_.clear();
    position_ = 0;
    const bool sameRun = context.execution != 0 && context.execution == execution_ &&
                         context.graphVersion == graphVersion_ && context.graph == graph_;
    if (sameRun) {
        return; // a per-row plan opened again: the listing and the table still hold
    }
    execution_ = context.execution;
    graphVersion_ = context.graphVersion;
    graph_ = context.graph;
    nodes_.clear();
    listed_ = false;
    built_ = false;
    buckets_.clear();
    unhashed_.clear();
}

namespace {

bool isTrue(const Value& value) {
    return value.type() == ValueType::Bool && value.asBool();
}

} // namespace

Value ValueHashJoin::keyOf(NodeId node, ExecutionContext& context, std::vector<Value>& row) const {
    row.resize(outputWidth());
    row[scan_->slot()] = Value(NodeRef{node});
    return evaluate(*key_, RowRef{nullptr, 0, &row}, context);
}

void ValueHashJoin::build(ExecutionContext& context) {
    std::vector<Value> row;
    for (NodeId node : nodes_) {
        context.checkCancelled();
        Value key = keyOf(node, context, row);
        const std::optional<JoinHash> hashed = joinHash(key);
        if (!hashed) {
            continue; // null or NaN: equal to nothing
        }
        if (hashed->hashable) {
            buckets_[hashed->hash].push_back(Keyed{node, std::move(key)});
        } else {
            unhashed_.push_back(Keyed{node, std::move(key)});
        }
    }
    built_ = true;
}

void ValueHashJoin::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    position_ = 0;
    matches_.clear();
    if (!listed_) {
        scan_->nodesToScan(*context.graph, nodes_);
        listed_ = true;
        if (nodes_.empty()) {
            return;
        }
        // The first row: every node's key compared, as the Filter would.
        const Value wanted = evaluate(*probe_, RowRef{&input, row}, context);
        std::vector<Value> values;
        for (NodeId node : nodes_) {
            context.checkCancelled();
            if (isTrue(equals(keyOf(node, context, values), wanted))) {
                matches_.push_back(node);
            }
        }
        return;
    }
    if (nodes_.empty()) {
        return; // nothing to match: the probe is not evaluated, as the nested loop would not
    }
    if (!built_) {
        build(context);
    }
    const Value wanted = evaluate(*probe_, RowRef{&input, row}, context);
    const std::optional<JoinHash> hashed = joinHash(wanted);
    if (!hashed) {
        return;
    }
    const std::vector<Keyed>* candidates = &unhashed_;
    if (hashed->hashable) {
        const auto bucket = buckets_.find(hashed->hash);
        if (bucket == buckets_.end()) {
            return;
        }
        candidates = &bucket->second;
    }
    for (const Keyed& keyed : *candidates) {
        if (isTrue(equals(keyed.key, wanted))) {
            matches_.push_back(keyed.node);
        }
    }
}

bool ValueHashJoin::produce(ExecutionContext& /*context*/, const Chunk& input, size_t row, Chunk& out) {
    std::vector<Value> values;
    while (position_ < matches_.size()) {
        if (out.full()) {
            return false;
        }
        input.readRow(row, values);
        values.resize(out.width());
        values[scan_->slot()] = Value(NodeRef{matches_[position_++]});
        out.append(std::move(values));
    }
    return true;
}

} // namespace newsgraph
