#pragma once

#include "query/ast/expression.hpp"
#include "query/processor/chunk.hpp"
#include "query/processor/execution_context.hpp"

namespace newsgraph {

// Evaluates a bound expression (variables resolved to slots by the planner) for one row.
// Errors are QueryErrors carrying the expression's position.
Value evaluate(const ast::Expr& expr, const RowRef& row, ExecutionContext& context);
// WHERE semantics: only true passes (null and false do not).
bool evaluatePredicate(const ast::Expr& expr, const RowRef& row, ExecutionContext& context);

// A property of a node, relationship or map value; null for null; TypeError otherwise.
Value propertyOf(const Value& target, const std::string& key, ExecutionContext& context, SourcePosition position);

} // namespace newsgraph
