#pragma once

#include <memory>
#include <string>
#include <vector>

#include "query/ast/statement.hpp"
#include "query/database.hpp"
#include "query/planner/scope.hpp"
#include "query/procedure/procedure.hpp"
#include "query/processor/operator.hpp"
#include "query/processor/subplan.hpp"

namespace newsgraph {

// A statement ready to run: its AST (operators point into it), the operator tree, the result
// columns and the sub-plans of pattern expressions.
struct PreparedStatement {
    ast::Statement statement;
    std::unique_ptr<Operator> root;
    std::vector<std::string> columns;
    std::vector<std::unique_ptr<Subplan>> subplans;
    std::vector<ast::ExprPtr> synthesized; // expressions the planner made (inline property filters)
    bool writes = false;
    std::vector<std::string> rulesFired; // the optimizer rules that changed the plan, in order
    // Warnings about names a read-only statement uses that the graph does not have (a property
    // key, label or relationship type): the query runs, and most likely answers nulls or nothing.
    std::vector<std::string> notifications;

    // The plan, then the rules that fired.
    std::string explain() const;
};

// Binds names (variables to columns, functions to implementations), checks the query's
// semantics (raising the TCK's compile-time errors) and builds the operator tree.
PreparedStatement planStatement(ast::Statement statement, const Graph& graph, const Parameters& parameters,
                                const ProcedureRegistry& procedures = builtinProcedures());

} // namespace newsgraph
