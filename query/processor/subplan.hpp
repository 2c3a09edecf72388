#pragma once

#include <memory>

#include "query/ast/expression.hpp"
#include "query/processor/operator.hpp"

namespace newsgraph {

// Emits one row: the row it was given (the outer row of a sub-plan, or an empty row).
class ArgumentOperator final : public Operator {
public:
    void setRow(const RowRef& row);
    // The outer row followed by `extra` values (comprehension variables the sub-plan reads).
    void setRow(const RowRef& row, std::vector<Value> extra);
    void setEmptyRow() { row_.clear(); }
    void open(ExecutionContext& context) override;
    bool next(ExecutionContext& context, Chunk& out) override;
    std::string describe() const override { return "Argument"; }

protected:
    std::unique_ptr<Operator> cloneAlone() const override {
        auto copy = std::make_unique<ArgumentOperator>();
        copy->row_ = row_;
        return copy;
    }

private:
    std::vector<Value> row_;
    bool done_ = false;
};

// A plan run once per outer row: pattern predicates, EXISTS, pattern comprehensions, OPTIONAL
// MATCH. Its leaf is an ArgumentOperator fed with the outer row.
struct Subplan {
    std::unique_ptr<Operator> root;
    ArgumentOperator* argument = nullptr;
    int32_t resultSlot = -1; // pattern comprehension: the column holding each result
    // Comprehension variables (their local slots) the pattern uses as nodes: appended to the
    // outer row, in this order, so that [x IN nodes(p) | size([(x)-->() | 1])] can expand from x.
    std::vector<int32_t> locals;
};

bool subplanHasRows(const ast::Expr& expr, const RowRef& row, ExecutionContext& context);
Value subplanCollect(const ast::Expr& expr, const RowRef& row, ExecutionContext& context);

} // namespace newsgraph
