#include <algorithm>

#include <fmt/format.h>

#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/blocking_operators.hpp"

namespace newsgraph {

void TopK::open(ExecutionContext& context) {
    Operator::open(context);
    const uint64_t skip = skip_ != nullptr ? evaluateCount(*skip_, context, "SKIP") : 0;
    const uint64_t limit = evaluateCount(*limit_, context, "LIMIT");
    bound_ = limit > UINT64_MAX - skip ? UINT64_MAX : skip + limit;
    heap_.clear();
    filled_ = false;
    position_ = 0;
}

bool TopK::before(const Entry& lhs, const Entry& rhs) const {
    for (size_t k = 0; k < keys_.size(); ++k) {
        const int cmp = compareForOrder(lhs.keys[k], rhs.keys[k]);
        if (cmp != 0) {
            return keys_[k].descending ? cmp > 0 : cmp < 0;
        }
    }
    return lhs.sequence < rhs.sequence;
}

void TopK::fill(ExecutionContext& context) {
    const auto less = [this](const Entry& lhs, const Entry& rhs) { return before(lhs, rhs); };
    Chunk input;
    uint64_t sequence = 0;
    Entry candidate;
    while (bound_ > 0 && child()->next(context, input)) {
        context.checkCancelled();
        for (size_t r = 0; r < input.rows(); ++r, ++sequence) {
            input.readRow(r, candidate.row);
            const RowRef ref{nullptr, 0, &candidate.row};
            candidate.keys.clear();
            for (const SortKey& key : keys_) {
                candidate.keys.push_back(evaluate(*key.expression, ref, context));
            }
            candidate.sequence = sequence;
            if (heap_.size() < bound_) {
                heap_.push_back(std::move(candidate));
                std::push_heap(heap_.begin(), heap_.end(), less);
            } else if (before(candidate, heap_.front())) {
                std::pop_heap(heap_.begin(), heap_.end(), less);
                heap_.back() = std::move(candidate);
                std::push_heap(heap_.begin(), heap_.end(), less);
            }
            candidate = Entry{};
        }
    }
    std::sort_heap(heap_.begin(), heap_.end(), less);
    filled_ = true;
}

bool TopK::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    if (!filled_) {
        fill(context);
    }
    while (position_ < heap_.size() && !out.full()) {
        out.append(std::move(heap_[position_++].row));
    }
    return !out.empty();
}

std::string TopK::describe() const {
    return fmt::format("TopK {}{}", skip_ != nullptr ? fmt::format("skip {} ", skip_->text) : std::string(),
                       fmt::format("limit {}", limit_->text));
}

} // namespace newsgraph
