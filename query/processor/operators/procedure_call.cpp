#include "query/processor/operators/procedure_call.hpp"

#include <fmt/format.h>

#include "engine/common/query_error.hpp"
#include "query/processor/evaluator.hpp"

namespace newsgraph {

std::string ProcedureCall::describe() const {
    std::string yields;
    for (const Yield& yield : yields_) {
        yields += fmt::format("{}{} -> #{}", yields.empty() ? "" : ", ",
                              procedure_->signature().outputs[yield.output].name, yield.slot);
    }
    return fmt::format("ProcedureCall {}{}{}", procedure_->signature().name, yields.empty() ? "" : " yield ", yields);
}

void ProcedureCall::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    const ProcedureSignature& signature = procedure_->signature();
    std::vector<Value> arguments;
    arguments.reserve(signature.inputs.size());
    for (size_t i = 0; i < signature.inputs.size(); ++i) {
        const ProcedureField& field = signature.inputs[i];
        Value value = arguments_[i] != nullptr ? evaluate(*arguments_[i], RowRef{&input, row}, context)
                                               : field.defaultValue.value_or(Value());
        if (!procedureTypeAccepts(field.type, value)) {
            throw typeError("InvalidArgumentType",
                            fmt::format("{}: argument '{}' must be {}, not {}", signature.name, field.name,
                                        procedureTypeName(field.type), valueTypeName(value.type())));
        }
        if (field.type == ProcedureType::Float && value.type() == ValueType::Int) {
            value = Value(static_cast<double>(value.asInt()));
        }
        arguments.push_back(std::move(value));
    }
    results_ = procedure_->call(ProcedureContext{*context.graph, context.cancelled}, arguments);
    position_ = 0;
    context.checkCancelled();
}

bool ProcedureCall::produce(ExecutionContext& /*context*/, const Chunk& input, size_t row, Chunk& out) {
    if (procedure_->signature().outputs.empty()) {
        // A void procedure leaves the rows as they are: one out per row in.
        if (position_ == 0) {
            if (out.full()) {
                return false;
            }
            out.appendFrom(input, row);
            position_ = 1;
        }
        return true;
    }
    std::vector<Value> values;
    while (position_ < results_.size()) {
        if (out.full()) {
            return false;
        }
        input.readRow(row, values);
        values.resize(out.width());
        const std::vector<Value>& result = results_[position_++];
        for (const Yield& yield : yields_) {
            values[yield.slot] = result.at(yield.output);
        }
        out.append(std::move(values));
    }
    return true;
}

} // namespace newsgraph
