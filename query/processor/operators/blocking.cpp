#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/blocking_operators.hpp"

namespace newsgraph {

void BufferedOperator::open(ExecutionContext& context) {
    Operator::open(context);
    drained_ = false;
    consumed_ = false;
    position_ = 0;
    rows_.clear();
    input_.clear();
}

void BufferedOperator::drainInput(ExecutionContext& context) {
    drained_ = true;
    Chunk chunk;
    while (child()->next(context, chunk)) {
        consumeChunk(context, chunk);
        context.checkCancelled();
    }
}

bool BufferedOperator::next(ExecutionContext& context, Chunk& out) {
    if (!consumed_) {
        consumed_ = true;
        if (!drained_) {
            drainInput(context);
        }
        finishInput(context);
    }
    out.reset(outputWidth());
    while (position_ < rows_.size() && !out.full()) {
        rows_[position_].resize(outputWidth());
        out.append(std::move(rows_[position_++]));
    }
    return !out.empty();
}

void BufferedOperator::consumeChunk(ExecutionContext& /*context*/, const Chunk& chunk) {
    for (size_t r = 0; r < chunk.rows(); ++r) {
        std::vector<Value> row;
        chunk.readRow(r, row);
        input_.push_back(std::move(row));
    }
}

void BufferedOperator::finishInput(ExecutionContext& context) {
    consume(context, std::move(input_));
    input_.clear();
}

size_t RowKeyHash::operator()(const std::vector<Value>& key) const {
    size_t seed = key.size();
    for (const Value& value : key) {
        seed ^= equivalenceHash(value) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    }
    return seed;
}

bool RowKeyEqual::operator()(const std::vector<Value>& lhs, const std::vector<Value>& rhs) const {
    if (lhs.size() != rhs.size()) {
        return false;
    }
    for (size_t i = 0; i < lhs.size(); ++i) {
        if (!equivalent(lhs[i], rhs[i])) {
            return false;
        }
    }
    return true;
}

std::string Aggregate::describe() const {
    std::string out = fmt::format("Aggregate ({} keys)", keys_.size());
    for (const AggregateSpec& spec : aggregates_) {
        out += fmt::format(" {}{} -> #{}", spec.name, spec.distinct ? " distinct" : "", spec.slot);
    }
    return out;
}

Aggregate::Aggregate(std::vector<const ast::Expr*> keys, std::vector<size_t> keySlots, std::vector<AggregateSpec> aggregates)
    : keys_(std::move(keys)), keySlots_(std::move(keySlots)), aggregates_(std::move(aggregates)) {
    for (const ast::Expr* key : keys_) {
        const ast::Expr* variable = key->kind == ast::ExprKind::Property && key->children.size() == 1
                                        ? key->children[0].get()
                                        : key;
        if (variable->kind != ast::ExprKind::Variable || variable->slot < 0) {
            entitySlots_.clear();
            return;
        }
        const auto slot = static_cast<size_t>(variable->slot);
        if (std::find(entitySlots_.begin(), entitySlots_.end(), slot) == entitySlots_.end()) {
            entitySlots_.push_back(slot);
        }
    }
    if (entitySlots_.size() > kMaxEntityKeys) {
        entitySlots_.clear();
    }
}

size_t Aggregate::IdsHash::operator()(const EntityIds& ids) const {
    constexpr uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;
    uint64_t hash = 0;
    for (uint64_t id : ids) {
        hash = (hash ^ id) * kMultiplier;
        hash ^= hash >> 32U;
    }
    return hash;
}

size_t Aggregate::GroupHash::operator()(size_t group) const {
    return RowKeyHash{}(owner->keyOf(group));
}

bool Aggregate::GroupEqual::operator()(size_t lhs, size_t rhs) const {
    return RowKeyEqual{}(owner->keyOf(lhs), owner->keyOf(rhs));
}

void Aggregate::open(ExecutionContext& context) {
    BufferedOperator::open(context);
    groups_.clear();
    index_.clear();
    byEntities_.clear();
}

std::unique_ptr<Aggregate> Aggregate::workerCopy(bool mergeable) const {
    auto copy = std::make_unique<Aggregate>(keys_, keySlots_, aggregates_);
    copy->setOutputWidth(outputWidth());
    copy->mergeable_ = mergeable;
    return copy;
}

void Aggregate::absorb(Aggregate& later) {
    for (Group& group : later.groups_) {
        key_ = std::move(group.key);
        const auto found = index_.find(kProbe);
        if (found == index_.end()) {
            group.key = std::move(key_);
            groups_.push_back(std::move(group));
            index_.insert(groups_.size() - 1);
            continue;
        }
        Group& into = groups_[*found];
        into.rows += group.rows;
        for (size_t a = 0; a < into.states.size(); ++a) {
            if (into.states[a]) {
                into.states[a]->merge(*group.states[a]);
            }
        }
    }
    later.groups_.clear();
    later.index_.clear();
    later.byEntities_.clear();
}

size_t Aggregate::addGroup(std::vector<Value> key) {
    Group added;
    added.key = std::move(key);
    for (const AggregateSpec& spec : aggregates_) {
        added.states.push_back(spec.countStar ? nullptr : makeAggregate(spec.name, spec.distinct));
        if (mergeable_ && added.states.back()) {
            added.states.back()->recordForMerge();
        }
    }
    groups_.push_back(std::move(added));
    return groups_.size() - 1;
}

size_t Aggregate::groupOf(ExecutionContext& context, const RowRef& row) {
    // By the entities' ids (a tag tells nodes from relationships, 0 is no entity) where the keys
    // depend on them only.
    bool byIds = !entitySlots_.empty();
    EntityIds ids{};
    if (byIds) {
        for (size_t i = 0; i < entitySlots_.size(); ++i) {
            const Value& value = row[entitySlots_[i]];
            if (value.type() == ValueType::Node) {
                ids[i] = (uint64_t{value.asNode().id} << 1U) + 2U;
            } else if (value.type() == ValueType::Relationship) {
                ids[i] = (uint64_t{value.asRelationship().id} << 1U) + 3U;
            } else {
                byIds = false; // a map, a temporal value, null: evaluated as any other key
                break;
            }
        }
        if (byIds) {
            const auto known = byEntities_.find(ids);
            if (known != byEntities_.end()) {
                return known->second;
            }
        }
    }
    key_.resize(keys_.size());
    for (size_t k = 0; k < keys_.size(); ++k) {
        key_[k] = evaluate(*keys_[k], row, context);
    }
    const auto found = index_.find(kProbe);
    size_t group = 0;
    if (found == index_.end()) {
        group = addGroup(std::move(key_));
        index_.insert(group);
    } else {
        group = *found;
    }
    if (byIds) {
        byEntities_.emplace(ids, group);
    }
    return group;
}

void Aggregate::update(ExecutionContext& context, const RowRef& row) {
    const size_t group = groupOf(context, row);
    ++groups_[group].rows;
    for (size_t a = 0; a < aggregates_.size(); ++a) {
        const AggregateSpec& spec = aggregates_[a];
        if (spec.countStar) {
            continue;
        }
        const Value argument = spec.call->children.empty() ? Value() : evaluate(*spec.call->children[0], row, context);
        const Value parameter = spec.call->children.size() > 1 ? evaluate(*spec.call->children[1], row, context) : Value();
        try {
            groups_[group].states[a]->update(argument, parameter);
        } catch (QueryError& error) {
            if (!error.position().known()) {
                error.setPosition(spec.call->position);
            }
            throw;
        }
    }
}

// Rows are grouped as they stream by, read in place from their chunk: nothing is kept but the groups.
void Aggregate::consumeChunk(ExecutionContext& context, const Chunk& chunk) {
    for (size_t r = 0; r < chunk.rows(); ++r) {
        update(context, RowRef{&chunk, r});
    }
}

void Aggregate::finishInput(ExecutionContext& /*context*/) {
    if (groups_.empty() && keys_.empty()) {
        addGroup({}); // no input: one row all the same (count(*) = 0)
    }
    rows_.reserve(groups_.size());
    for (Group& group : groups_) {
        std::vector<Value> row(outputWidth());
        for (size_t k = 0; k < keySlots_.size(); ++k) {
            row[keySlots_[k]] = std::move(group.key[k]);
        }
        for (size_t a = 0; a < aggregates_.size(); ++a) {
            row[aggregates_[a].slot] = aggregates_[a].countStar ? Value(group.rows) : group.states[a]->finish();
        }
        rows_.push_back(std::move(row));
    }
    groups_.clear();
    index_.clear();
    byEntities_.clear();
}

void Aggregate::consume(ExecutionContext& context, std::vector<std::vector<Value>> input) {
    for (const auto& row : input) {
        update(context, RowRef{nullptr, 0, &row});
    }
    finishInput(context);
}

void Distinct::open(ExecutionContext& context) {
    Operator::open(context);
    seen_.clear();
}

bool Distinct::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    while (out.empty()) {
        if (!child()->next(context, input_)) {
            return false;
        }
        for (size_t r = 0; r < input_.rows(); ++r) {
            std::vector<Value> key;
            key.reserve(slots_.size());
            for (size_t slot : slots_) {
                key.push_back(input_.at(slot, r));
            }
            if (seen_.insert(std::move(key)).second) {
                out.appendFrom(input_, r);
            }
        }
    }
    return true;
}

void Sort::consume(ExecutionContext& context, std::vector<std::vector<Value>> input) {
    std::vector<std::vector<Value>> keys(input.size());
    for (size_t r = 0; r < input.size(); ++r) {
        const RowRef ref{nullptr, 0, &input[r]};
        for (const SortKey& key : keys_) {
            keys[r].push_back(evaluate(*key.expression, ref, context));
        }
    }
    std::vector<size_t> order(input.size());
    for (size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&](size_t lhs, size_t rhs) {
        for (size_t k = 0; k < keys_.size(); ++k) {
            const int cmp = compareForOrder(keys[lhs][k], keys[rhs][k]);
            if (cmp != 0) {
                return keys_[k].descending ? cmp > 0 : cmp < 0;
            }
        }
        return false;
    });
    rows_.reserve(input.size());
    for (size_t index : order) {
        rows_.push_back(std::move(input[index]));
    }
}

uint64_t evaluateCount(const ast::Expr& expr, ExecutionContext& context, const char* clause) {
    const std::vector<Value> empty;
    const Value count = evaluate(expr, RowRef{nullptr, 0, &empty}, context);
    if (count.type() != ValueType::Int) {
        throw QueryError("SyntaxError", QueryPhase::Runtime, "InvalidArgumentType",
                         fmt::format("{} needs a non-negative integer, got {}", clause, count.toString()), expr.position);
    }
    if (count.asInt() < 0) {
        throw QueryError("SyntaxError", QueryPhase::Runtime, "NegativeIntegerArgument",
                         fmt::format("{} needs a non-negative integer, got {}", clause, count.asInt()), expr.position);
    }
    return static_cast<uint64_t>(count.asInt());
}

void SkipLimit::open(ExecutionContext& context) {
    Operator::open(context);
    toSkip_ = skip_ != nullptr ? evaluateCount(*skip_, context, "SKIP") : 0;
    remaining_.reset();
    if (limit_ != nullptr) {
        remaining_ = evaluateCount(*limit_, context, "LIMIT");
    }
}

bool SkipLimit::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    while (out.empty()) {
        if (remaining_ && *remaining_ == 0) {
            return false;
        }
        if (!child()->next(context, input_)) {
            return false;
        }
        for (size_t r = 0; r < input_.rows(); ++r) {
            if (toSkip_ > 0) {
                --toSkip_;
                continue;
            }
            if (remaining_) {
                if (*remaining_ == 0) {
                    break;
                }
                --*remaining_;
            }
            out.appendFrom(input_, r);
        }
    }
    return true;
}

void UnionAll::open(ExecutionContext& context) {
    Operator::open(context);
    current_ = 0;
}

bool UnionAll::next(ExecutionContext& context, Chunk& out) {
    while (current_ < children().size()) {
        if (children()[current_]->next(context, out)) {
            return true;
        }
        ++current_;
    }
    out.reset(outputWidth());
    return false;
}

} // namespace newsgraph
