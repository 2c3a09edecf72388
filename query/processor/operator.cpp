#include "query/processor/operator.hpp"

namespace newsgraph {

void Operator::open(ExecutionContext& context) {
    for (auto& child : children_) {
        child->open(context);
    }
}

std::string Operator::explain(size_t depth) const {
    std::string out(depth * 2, ' ');
    out += describe();
    out += "\n";
    for (const auto& child : children_) {
        out += child->explain(depth + 1);
    }
    for (std::unique_ptr<Operator>* nested : const_cast<Operator*>(this)->nestedPlans()) {
        out += std::string((depth + 1) * 2, ' ') + "per row:\n";
        out += (*nested)->explain(depth + 2);
    }
    return out;
}

std::unique_ptr<Operator> Operator::cloneTree() const {
    std::unique_ptr<Operator> copy = cloneAlone();
    if (!copy) {
        return nullptr;
    }
    copy->setOutputWidth(width_);
    for (const auto& child : children_) {
        std::unique_ptr<Operator> childCopy = child->cloneTree();
        if (!childCopy) {
            return nullptr;
        }
        copy->addChild(std::move(childCopy));
    }
    return copy;
}

void RowOperator::open(ExecutionContext& context) {
    Operator::open(context);
    input_.reset(0);
    row_ = 0;
    rowStarted_ = false;
    exhausted_ = false;
}

bool RowOperator::next(ExecutionContext& context, Chunk& out) {
    // Once per output chunk, not only per input chunk: one input row may yield millions of rows
    // (UNWIND of a long list, a wide expansion).
    context.checkCancelled();
    out.reset(outputWidth());
    while (!out.full()) {
        if (row_ >= input_.rows()) {
            if (exhausted_) {
                break;
            }
            row_ = 0;
            rowStarted_ = false;
            if (!child()->next(context, input_)) {
                exhausted_ = true;
                break;
            }
            context.checkCancelled();
            continue;
        }
        if (!rowStarted_) {
            startRow(context, input_, row_);
            rowStarted_ = true;
        }
        if (produce(context, input_, row_, out)) {
            ++row_;
            rowStarted_ = false;
        }
    }
    return !out.empty();
}

} // namespace newsgraph
