#include "query/planner/planner.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "query/planner/planner_impl.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

bool isUpdating(ast::ClauseKind kind) {
    switch (kind) {
    case ast::ClauseKind::Create:
    case ast::ClauseKind::Merge:
    case ast::ClauseKind::Set:
    case ast::ClauseKind::Remove:
    case ast::ClauseKind::Delete: return true;
    default: return false;
    }
}

// A query may end with CALL when the call is the whole query (standalone: its outputs are the
// result) or it has no YIELD (a void procedure: planCall rejects an in-query call of one with outputs).
bool endsWithCall(const ast::SingleQuery& query) {
    if (query.clauses.empty() || query.clauses.back().kind != ast::ClauseKind::Call) {
        return false;
    }
    return query.clauses.size() == 1 || !query.clauses.back().hasYield;
}

} // namespace

std::string PreparedStatement::explain() const {
    std::string out = root->explain();
    for (size_t i = 0; i < subplans.size(); ++i) {
        out += fmt::format("subplan {}:\n{}", i, subplans[i]->root->explain(1));
    }
    out += fmt::format("rules fired: {}\n", rulesFired.empty() ? std::string("none") : fmt::format("{}", fmt::join(rulesFired, ", ")));
    return out;
}

std::unique_ptr<Operator> Planner::planSingleQuery(ast::SingleQuery& query, std::vector<std::string>& columns) {
    Plan plan;
    auto start = std::make_unique<ArgumentOperator>();
    start->setOutputWidth(0);
    plan.root = std::move(start);
    planClauses(plan, query, columns, false);
    return std::move(plan.root);
}

void Planner::planClauses(Plan& plan, ast::SingleQuery& query, std::vector<std::string>& columns, bool subquery) {
    const size_t count = query.clauses.size();
    for (size_t i = 0; i < count; ++i) {
        ast::Clause& clause = query.clauses[i];
        const bool last = i + 1 == count;
        if (subquery && (isUpdating(clause.kind) || clause.kind == ast::ClauseKind::Call)) {
            throw syntaxError("InvalidClauseComposition", "an EXISTS subquery cannot change the graph or call procedures",
                              clause.position);
        }
        switch (clause.kind) {
        case ast::ClauseKind::Match:
            planMatch(plan, clause);
            break;
        case ast::ClauseKind::Unwind: planUnwind(plan, clause); break;
        case ast::ClauseKind::With:
            if (last) {
                throw syntaxError("InvalidClauseComposition", "a query cannot end with WITH", clause.position);
            }
            planProjection(plan, clause, false, nullptr);
            break;
        case ast::ClauseKind::Return:
            if (!last) {
                throw syntaxError("InvalidClauseComposition", "RETURN can only be the last clause", clause.position);
            }
            planProjection(plan, clause, true, &columns);
            break;
        case ast::ClauseKind::Create: planCreate(plan, clause); break;
        case ast::ClauseKind::Merge: planMerge(plan, clause); break;
        case ast::ClauseKind::Set: planSet(plan, clause); break;
        case ast::ClauseKind::Remove: planRemove(plan, clause); break;
        case ast::ClauseKind::Delete: planDelete(plan, clause); break;
        case ast::ClauseKind::Call:
            planCall(plan, clause, count == 1, count == 1 ? &columns : nullptr);
            break;
        }
        if (last && !subquery && clause.kind != ast::ClauseKind::Return && !isUpdating(clause.kind) &&
            !endsWithCall(query)) {
            throw syntaxError("InvalidClauseComposition",
                              "a query must end with RETURN or an updating clause (CREATE, MERGE, SET, REMOVE, DELETE)",
                              clause.position);
        }
    }
}

PreparedStatement planStatement(ast::Statement statement, const Graph& graph, const Parameters& parameters,
                                const ProcedureRegistry& procedures) {
    PreparedStatement prepared;
    prepared.statement = std::move(statement);
    Planner planner(prepared, graph, parameters, procedures);
    std::vector<std::unique_ptr<Operator>> branches;
    std::vector<std::string> columns;
    for (size_t i = 0; i < prepared.statement.queries.size(); ++i) {
        std::vector<std::string> branchColumns;
        branches.push_back(planner.planSingleQuery(prepared.statement.queries[i], branchColumns));
        if (i == 0) {
            columns = branchColumns;
        } else if (branchColumns != columns) {
            throw syntaxError("DifferentColumnsInUnion", "all queries of a UNION must return the same columns");
        }
    }
    const auto& unionAll = prepared.statement.unionAll;
    const bool anyAll = std::find(unionAll.begin(), unionAll.end(), true) != unionAll.end();
    const bool anyDistinct = std::find(unionAll.begin(), unionAll.end(), false) != unionAll.end();
    if (anyAll && anyDistinct) {
        throw syntaxError("InvalidClauseComposition", "UNION and UNION ALL cannot be mixed");
    }
    if (branches.size() == 1) {
        prepared.root = std::move(branches.front());
    } else {
        auto all = std::make_unique<UnionAll>();
        all->setOutputWidth(columns.size());
        for (auto& branch : branches) {
            all->addChild(std::move(branch));
        }
        prepared.root = std::move(all);
        if (anyDistinct) {
            std::vector<size_t> slots(columns.size());
            for (size_t i = 0; i < slots.size(); ++i) {
                slots[i] = i;
            }
            auto distinct = std::make_unique<Distinct>(slots);
            distinct->setOutputWidth(columns.size());
            distinct->addChild(std::move(prepared.root));
            prepared.root = std::move(distinct);
        }
    }
    prepared.columns = std::move(columns);
    planner.addNotifications();
    return prepared;
}

} // namespace newsgraph
