#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/blocking_operators.hpp"

namespace newsgraph {

void BufferedOperator::open(ExecutionContext& context) {
    Operator::open(context);
    consumed_ = false;
    position_ = 0;
    rows_.clear();
}

bool BufferedOperator::next(ExecutionContext& context, Chunk& out) {
    if (!consumed_) {
        consumed_ = true;
        std::vector<std::vector<Value>> input;
        Chunk chunk;
        while (child()->next(context, chunk)) {
            for (size_t r = 0; r < chunk.rows(); ++r) {
                std::vector<Value> row;
                chunk.readRow(r, row);
                input.push_back(std::move(row));
            }
            context.checkCancelled();
        }
        consume(context, std::move(input));
    }
    out.reset(outputWidth());
    while (position_ < rows_.size() && !out.full()) {
        rows_[position_].resize(outputWidth());
        out.append(std::move(rows_[position_++]));
    }
    return !out.empty();
}

size_t Distinct::KeyHash::operator()(const std::vector<Value>& key) const {
    size_t seed = key.size();
    for (const Value& value : key) {
        seed ^= equivalenceHash(value) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
    }
    return seed;
}

bool Distinct::KeyEqual::operator()(const std::vector<Value>& lhs, const std::vector<Value>& rhs) const {
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

void Aggregate::consume(ExecutionContext& context, std::vector<std::vector<Value>> input) {
    struct Group {
        std::vector<Value> key;
        std::vector<std::unique_ptr<AggregateState>> states;
    };
    std::vector<Group> groups;
    std::unordered_map<std::vector<Value>, size_t, Distinct::KeyHash, Distinct::KeyEqual> index;
    auto newGroup = [&](std::vector<Value> key) {
        Group group;
        group.key = std::move(key);
        for (const AggregateSpec& spec : aggregates_) {
            group.states.push_back(spec.countStar ? makeCountStar() : makeAggregate(spec.name, spec.distinct));
        }
        groups.push_back(std::move(group));
        return groups.size() - 1;
    };
    std::vector<Value> key(keys_.size());
    for (const auto& row : input) {
        const RowRef ref{nullptr, 0, &row};
        for (size_t k = 0; k < keys_.size(); ++k) {
            key[k] = evaluate(*keys_[k], ref, context);
        }
        auto found = index.find(key);
        size_t group = 0;
        if (found == index.end()) {
            group = newGroup(key);
            index.emplace(key, group);
        } else {
            group = found->second;
        }
        for (size_t a = 0; a < aggregates_.size(); ++a) {
            const AggregateSpec& spec = aggregates_[a];
            if (spec.countStar) {
                groups[group].states[a]->update(Value(true), Value());
                continue;
            }
            const Value argument = spec.call->children.empty() ? Value() : evaluate(*spec.call->children[0], ref, context);
            const Value parameter =
                spec.call->children.size() > 1 ? evaluate(*spec.call->children[1], ref, context) : Value();
            try {
                groups[group].states[a]->update(argument, parameter);
            } catch (QueryError& error) {
                if (!error.position().known()) {
                    error.setPosition(spec.call->position);
                }
                throw;
            }
        }
    }
    if (groups.empty() && keys_.empty()) {
        newGroup({});
    }
    rows_.reserve(groups.size());
    for (Group& group : groups) {
        std::vector<Value> row(outputWidth());
        for (size_t k = 0; k < keySlots_.size(); ++k) {
            row[keySlots_[k]] = group.key[k];
        }
        for (size_t a = 0; a < aggregates_.size(); ++a) {
            row[aggregates_[a].slot] = group.states[a]->finish();
        }
        rows_.push_back(std::move(row));
    }
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
