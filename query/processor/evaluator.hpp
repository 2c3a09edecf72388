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

// Whether `node` carries every label in `names`. `ids` caches their ids: filled once all of them
// are in the catalog (ids never change, but a missing label may be created later in a statement).
bool hasLabels(const Graph& graph, NodeId node, const std::vector<std::string>& names, std::vector<LabelId>& ids);

// Fills the catalog ids `expr` and its subexpressions cache (Expr::propertyKey, Expr::labelIds) for
// every key and label `graph` has: after it, evaluating `expr` over `graph` writes nothing into the
// tree, so worker threads may evaluate it at once.
void resolveCatalogIds(const ast::Expr& expr, const Graph& graph);

// A property of a node, relationship or map value; null for null; TypeError otherwise.
Value propertyOf(const Value& target, const std::string& key, ExecutionContext& context, SourcePosition position);

} // namespace newsgraph
