#pragma once

// The planner's internals, shared by its source files (one per concern).

#include <optional>
#include <utility>

#include "query/planner/planner.hpp"
#include "query/processor/operators/blocking_operators.hpp"
#include "query/processor/operators/read_operators.hpp"
#include "query/processor/operators/write_operators.hpp"

namespace newsgraph {

// Where an expression may stand, for aggregation checks.
enum class ExprContext : uint8_t { Plain, Projection };

class Planner {
public:
    Planner(PreparedStatement& prepared, const Graph& graph, const Parameters& parameters,
            const ProcedureRegistry& procedures)
        : prepared_(prepared), graph_(graph), parameters_(parameters), procedures_(procedures) {}

    // One single query (no UNION) into an operator tree; `columns` receives the result columns.
    std::unique_ptr<Operator> planSingleQuery(ast::SingleQuery& query, std::vector<std::string>& columns);

private:
    struct Plan {
        std::unique_ptr<Operator> root;
        Scope scope;
    };
    // The clauses of `query` on top of `plan`. A subquery (EXISTS { ... }) reads the outer row,
    // may end with any reading clause, and may not write.
    void planClauses(Plan& plan, ast::SingleQuery& query, std::vector<std::string>& columns, bool subquery);

    // Clauses.
    void planMatch(Plan& plan, ast::Clause& clause);
    void planUnwind(Plan& plan, ast::Clause& clause);
    void planProjection(Plan& plan, ast::Clause& clause, bool isReturn, std::vector<std::string>* columns);
    void planCreate(Plan& plan, ast::Clause& clause);
    void planMerge(Plan& plan, ast::Clause& clause);
    void planSet(Plan& plan, ast::Clause& clause);
    void planRemove(Plan& plan, ast::Clause& clause);
    void planDelete(Plan& plan, ast::Clause& clause);
    // `standalone`: the query is this one CALL; its yields (all outputs without YIELD) are the result
    // columns, appended to `columns`.
    void planCall(Plan& plan, ast::Clause& clause, bool standalone, std::vector<std::string>* columns);

    // Patterns (MATCH, OPTIONAL MATCH, MERGE and pattern expressions).
    void planPattern(Plan& plan, std::vector<ast::PatternPart>& parts, std::vector<size_t>& relSlots,
                     std::vector<size_t>& relListSlots);
    // Plans one part; `nodeSlotsOut` / `relSlotsOut` (optional) receive the columns of its nodes and
    // relationships in pattern order.
    void planPart(Plan& plan, ast::PatternPart& part, std::vector<size_t>& relSlots, std::vector<size_t>& relListSlots,
                  std::vector<size_t>* nodeSlotsOut = nullptr, std::vector<size_t>* relSlotsOut = nullptr);
    // One relationship of a pattern part, walked from node `from` to node `to` (indexes in the part).
    struct PatternStep {
        size_t rel;
        size_t from;
        size_t to;
    };
    size_t bindNode(Plan& plan, ast::NodePattern& node, bool& alreadyBound);
    // Binds the node a part starts from: its bound column, else an index seek, a label scan or a
    // scan of all nodes (one per row so far), with its label and property filters.
    size_t planStartNode(Plan& plan, ast::NodePattern& node);
    // shortestPath(...) / allShortestPaths(...): both ends planned as start nodes, then the search.
    void planShortestPath(Plan& plan, ast::PatternPart& part);
    void addNodeFilters(Plan& plan, ast::NodePattern& node, size_t slot, size_t firstLabel, bool skipIndexedKey,
                        const std::string& indexedKey);
    void addPropertyFilters(Plan& plan, ast::Expr* properties, size_t slot, VarKind kind, const std::string& skipKey);
    // A sub-plan starting from the rows of `outer`: OPTIONAL MATCH, MERGE, pattern expressions.
    std::pair<std::unique_ptr<Subplan>, Scope> startSubplan(const Scope& outer);

    // Expressions.
    void bind(ast::Expr& expr, const Scope& scope, ExprContext context = ExprContext::Plain, bool inAggregate = false);
    void foldConstantCall(ast::Expr& expr) const;
    // The type a bound expression is known to have at planning (a literal, a node or path
    // variable, a WITH of a literal, a comprehension variable over a list of one type); nothing
    // when only running it would tell.
    std::optional<ValueType> staticType(const ast::Expr& expr, const Scope& scope) const;
    // Refuses at planning what the operand types make impossible (x.num on an INTEGER,
    // length(node), 'a' % 2): the TCK's compile-time InvalidArgumentType.
    void checkStaticTypes(const ast::Expr& expr, const Scope& scope) const;
    void bindPatternExpression(ast::Expr& expr, const Scope& scope);
    void addFilter(Plan& plan, ast::Expr* predicate);
    ast::Expr* synthesize(ast::ExprPtr expr);
    std::unique_ptr<Operator> wrap(std::unique_ptr<Operator> child, std::unique_ptr<Operator> parent, size_t width);

    void checkNewVariable(const Scope& scope, const std::string& name, VarKind kind, SourcePosition position);

    PreparedStatement& prepared_;
    const Graph& graph_;
    const Parameters& parameters_;
    const ProcedureRegistry& procedures_;
    std::vector<std::pair<std::string, int32_t>> locals_; // comprehension variables in scope
    std::unordered_map<int32_t, ValueType> localTypes_;    // their element types, where known
    // Names the query reads that the graph's catalog lacks (planner_notifications.cpp).
    struct UnknownNames {
        std::set<std::string> keys, labels, types;
    };
    mutable UnknownNames unknown_; // filled while binding, which is otherwise const

public:
    // Turns unknown_ into PreparedStatement::notifications (only for statements that write nothing:
    // a write may create the name).
    void addNotifications();

private:
    int32_t nextLocal_ = 0;
    // WHERE conjuncts of the MATCH being planned, each added as a filter as soon as every variable
    // it reads is bound (filter push-down).
    struct PendingPredicate {
        ast::Expr* predicate;
        std::vector<std::string> variables;
    };
    std::vector<PendingPredicate> pending_;
    void setPendingPredicates(ast::Expr* where);
    // A pending conjunct `variable.key = constant` (a literal or parameter); with `indexedOnly`, on a
    // key the node index holds.
    bool equalsConstantInWhere(const std::string& variable, bool indexedOnly = false) const;
    // The node of `part` to plan first (plan_start.cpp).
    size_t chooseStart(const Plan& plan, const ast::PatternPart& part) const;
    void flushPredicates(Plan& plan, bool all);
};

bool containsAggregate(const ast::Expr& expr);
bool isAggregateCall(const ast::Expr& expr);
// Appends every variable name `expr` may read (map projections and pattern variables included);
// false when that cannot be known: a subquery reads names of its own scope.
bool collectReads(const ast::Expr& expr, std::vector<std::string>& out);

} // namespace newsgraph
