#include "query/processor/subplan.hpp"

namespace newsgraph {

void ArgumentOperator::setRow(const RowRef& row) {
    row_.resize(row.width());
    for (size_t c = 0; c < row_.size(); ++c) {
        row_[c] = row[c];
    }
}

void ArgumentOperator::setRow(const RowRef& row, std::vector<Value> extra) {
    setRow(row);
    for (Value& value : extra) {
        row_.push_back(std::move(value));
    }
}

void ArgumentOperator::open(ExecutionContext& /*context*/) {
    done_ = false;
}

bool ArgumentOperator::next(ExecutionContext& /*context*/, Chunk& out) {
    out.reset(outputWidth());
    if (done_) {
        return false;
    }
    done_ = true;
    std::vector<Value> row = row_;
    row.resize(outputWidth());
    out.append(std::move(row));
    return true;
}

namespace {

const Subplan& prepare(const ast::Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Subplan& plan = *context.subplans.at(static_cast<size_t>(expr.subplan));
    if (plan.locals.empty()) {
        plan.argument->setRow(row);
    } else {
        std::vector<Value> extra;
        extra.reserve(plan.locals.size());
        for (const int32_t slot : plan.locals) {
            extra.push_back(context.locals.at(static_cast<size_t>(-2 - slot)));
        }
        plan.argument->setRow(row, std::move(extra));
    }
    plan.root->open(context);
    return plan;
}

} // namespace

bool subplanHasRows(const ast::Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Subplan& plan = prepare(expr, row, context);
    Chunk chunk;
    return plan.root->next(context, chunk);
}

Value subplanCollect(const ast::Expr& expr, const RowRef& row, ExecutionContext& context) {
    const Subplan& plan = prepare(expr, row, context);
    Value::List out;
    Chunk chunk;
    while (plan.root->next(context, chunk)) {
        for (size_t r = 0; r < chunk.rows(); ++r) {
            out.push_back(chunk.at(static_cast<size_t>(plan.resultSlot), r));
        }
    }
    return Value(std::move(out));
}

} // namespace newsgraph
