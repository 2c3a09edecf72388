// CALL proc(args) [YIELD ...] [WHERE ...]: arguments, yields and the openCypher rules for
// standalone and in-query calls.
#include <set>

#include <fmt/format.h>

#include "query/planner/planner_impl.hpp"
#include "query/processor/operators/procedure_call.hpp"

namespace newsgraph {

namespace {

VarKind varKindOf(ProcedureType type) {
    switch (type) {
    case ProcedureType::Node: return VarKind::Node;
    case ProcedureType::Relationship: return VarKind::Relationship;
    case ProcedureType::Path: return VarKind::Path;
    default: return VarKind::Value;
    }
}

// The value of an argument known before the statement runs: a literal or a parameter.
const Value* constantArgument(const ast::Expr& expr, const Parameters& parameters) {
    if (expr.kind == ast::ExprKind::Literal) {
        return &expr.value;
    }
    if (expr.kind == ast::ExprKind::Parameter) {
        for (const auto& [name, value] : parameters) {
            if (name == expr.name) {
                return &value;
            }
        }
    }
    return nullptr;
}

} // namespace

void Planner::planCall(Plan& plan, ast::Clause& clause, bool standalone, std::vector<std::string>* columns) {
    const Procedure* procedure = procedures_.find(clause.procedure);
    if (procedure == nullptr) {
        throw QueryError("ProcedureError", QueryPhase::CompileTime, "ProcedureNotFound",
                         fmt::format("there is no procedure named '{}'", clause.procedure), clause.position);
    }
    const ProcedureSignature& signature = procedure->signature();

    // Arguments: explicit, or (standalone `CALL proc` without parentheses) the parameters named as the inputs.
    if (clause.implicitArguments) {
        if (!standalone && !signature.inputs.empty()) {
            throw syntaxError("InvalidArgumentPassingMode",
                              fmt::format("{} takes arguments: an in-query call must pass them in parentheses",
                                          signature.name),
                              clause.position);
        }
        clause.arguments.clear();
        for (const ProcedureField& input : signature.inputs) {
            const bool given = std::any_of(parameters_.begin(), parameters_.end(),
                                           [&](const auto& parameter) { return parameter.first == input.name; });
            if (!given && input.defaultValue) {
                break;
            }
            auto parameter = std::make_unique<ast::Expr>();
            parameter->kind = ast::ExprKind::Parameter;
            parameter->name = input.name;
            parameter->text = "$" + input.name;
            parameter->position = clause.position;
            clause.arguments.push_back(std::move(parameter));
        }
    }
    const size_t given = clause.arguments.size();
    if (given < signature.requiredInputs() || given > signature.inputs.size()) {
        throw syntaxError("InvalidNumberOfArguments",
                          fmt::format("{} takes {} argument(s), {} given: {}", signature.name,
                                      signature.requiredInputs() == signature.inputs.size()
                                          ? fmt::format("{}", signature.inputs.size())
                                          : fmt::format("{} to {}", signature.requiredInputs(), signature.inputs.size()),
                                      given, signature.toString()),
                          clause.position);
    }
    std::vector<const ast::Expr*> arguments(signature.inputs.size(), nullptr);
    for (size_t i = 0; i < given; ++i) {
        ast::Expr& argument = *clause.arguments[i];
        if (containsAggregate(argument)) {
            throw syntaxError("InvalidAggregation", "a procedure argument cannot contain an aggregate",
                              argument.position);
        }
        bind(argument, plan.scope);
        const ProcedureField& input = signature.inputs[i];
        if (const Value* value = constantArgument(argument, parameters_);
            value != nullptr && !procedureTypeAccepts(input.type, *value)) {
            throw syntaxError("InvalidArgumentType",
                              fmt::format("{}: argument '{}' must be {}, not {}", signature.name, input.name,
                                          procedureTypeName(input.type), valueTypeName(value->type())),
                              argument.position);
        }
        arguments[i] = &argument;
    }

    // Yields: standalone calls without YIELD (or with YIELD *) return every output.
    std::vector<ast::YieldItem> yields = clause.yields;
    if (clause.yieldStar && !standalone) {
        throw syntaxError("UnexpectedSyntax", "YIELD * is only allowed in a standalone procedure call",
                          clause.position);
    }
    if (!clause.hasYield || clause.yieldStar) {
        if (!standalone && !signature.outputs.empty()) {
            throw syntaxError("UndefinedVariable",
                              fmt::format("an in-query call of {} must name the outputs it uses with YIELD: {}",
                                          signature.name, signature.toString()),
                              clause.position);
        }
        yields.clear();
        for (const ProcedureField& output : signature.outputs) {
            yields.push_back(ast::YieldItem{output.name, output.name, clause.position});
        }
    }
    std::vector<ProcedureCall::Yield> slots;
    std::set<std::string> aliases;
    for (const ast::YieldItem& item : yields) {
        size_t output = 0;
        while (output < signature.outputs.size() && signature.outputs[output].name != item.field) {
            ++output;
        }
        if (output == signature.outputs.size()) {
            throw syntaxError("UndefinedVariable",
                              fmt::format("{} has no output named '{}': {}", signature.name, item.field,
                                          signature.toString()),
                              item.position);
        }
        if (plan.scope.find(item.alias) != nullptr || !aliases.insert(item.alias).second) {
            throw syntaxError("VariableAlreadyBound", fmt::format("variable '{}' is already bound", item.alias),
                              item.position);
        }
        slots.push_back(ProcedureCall::Yield{output, plan.scope.add(item.alias, varKindOf(signature.outputs[output].type))});
        if (columns != nullptr) {
            columns->push_back(item.alias);
        }
    }
    plan.root = wrap(std::move(plan.root),
                     std::make_unique<ProcedureCall>(procedure, std::move(arguments), std::move(slots)),
                     plan.scope.width());
    if (clause.where) {
        bind(*clause.where, plan.scope);
        addFilter(plan, clause.where.get());
    }
}

} // namespace newsgraph
