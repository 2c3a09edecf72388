#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "query/ast/expression.hpp"
#include "query/procedure/procedure.hpp"
#include "query/processor/operator.hpp"

namespace newsgraph {

// CALL proc(args) YIELD ...: calls the procedure once per input row and appends one output row
// per result row, the yielded outputs in their slots. A void procedure (no outputs) passes each
// input row through unchanged.
class ProcedureCall final : public RowOperator {
public:
    struct Yield {
        size_t output; // index in the procedure's outputs
        size_t slot;
    };
    // `arguments[i]` is the expression for input i, or nullptr for an input left to its default.
    ProcedureCall(const Procedure* procedure, std::vector<const ast::Expr*> arguments, std::vector<Yield> yields)
        : procedure_(procedure), arguments_(std::move(arguments)), yields_(std::move(yields)) {}
    std::string describe() const override;

protected:
    void startRow(ExecutionContext& context, const Chunk& input, size_t row) override;
    bool produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) override;

private:
    const Procedure* procedure_;
    std::vector<const ast::Expr*> arguments_;
    std::vector<Yield> yields_;
    std::vector<std::vector<Value>> results_;
    size_t position_ = 0;
};

} // namespace newsgraph
