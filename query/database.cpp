#include "query/database.hpp"

#include <fmt/format.h>

#include "engine/function/temporal_build.hpp"

#include "query/optimizer/optimizer.hpp"
#include "query/parser/parser.hpp"
#include "query/planner/planner.hpp"
#include "query/procedure/procedure.hpp"
#include "query/processor/execution_context.hpp"
#include "query/processor/operators/write_operators.hpp"
#include "query/side_effects.hpp"
#include "query/value_render.hpp"

namespace newsgraph {

struct Database::State {
    Graph graph;
    ProcedureRegistry procedures = builtinProcedures();
};

Database::Database() : state_(std::make_unique<State>()) {}

Database::Database(Graph graph) : state_(std::make_unique<State>()) {
    state_->graph = std::move(graph);
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const Graph& Database::graph() const {
    return state_->graph;
}

void Database::registerProcedure(std::shared_ptr<const Procedure> procedure) {
    state_->procedures.add(std::move(procedure));
}

const ProcedureRegistry& Database::procedures() const {
    return state_->procedures;
}

namespace {

using Clock = std::chrono::steady_clock;

PreparedStatement prepare(std::string_view query, const Graph& graph, const Parameters& parameters,
                          const ProcedureRegistry& procedures, const ExecuteOptions& options,
                          QueryTimings* timings = nullptr) {
    const Clock::time_point start = Clock::now();
    ast::Statement statement = parser::parseQuery(query);
    const Clock::time_point parsed = Clock::now();
    PreparedStatement prepared = planStatement(std::move(statement), graph, parameters, procedures);
    optimize(prepared, graph, options.disabledRules);
    if (timings != nullptr) {
        timings->parse = parsed - start;
        timings->plan = Clock::now() - parsed;
    }
    return prepared;
}

// Write clauses happen even when nothing downstream pulled their rows (LIMIT 0, a filter that
// rejects everything before them was already run): children first.
void runPendingWrites(Operator& op, ExecutionContext& context) {
    for (const auto& child : op.children()) {
        runPendingWrites(*child, context);
    }
    if (auto* write = dynamic_cast<WriteOperator*>(&op)) {
        write->runIfPending(context);
    }
}

} // namespace

std::string Database::explain(std::string_view query, const Parameters& parameters) {
    return explain(query, parameters, ExecuteOptions{});
}

std::string Database::explain(std::string_view query, const Parameters& parameters, const ExecuteOptions& options) {
    return prepare(query, state_->graph, parameters, state_->procedures, options).explain();
}

QueryResult Database::execute(std::string_view query, const Parameters& parameters) {
    return execute(query, parameters, ExecuteOptions{});
}

QueryResult Database::execute(std::string_view query, const Parameters& parameters, const ExecuteOptions& options) {
    const temporalbuild::StatementClock clock;
    QueryResult result;
    PreparedStatement prepared = prepare(query, state_->graph, parameters, state_->procedures, options, &result.timings);
    result.notifications = prepared.notifications;
    const Clock::time_point start = Clock::now();
    if (prepared.statement.explain) {
        result.columns = {"plan"};
        const std::string text = prepared.explain();
        size_t lineStart = 0;
        while (lineStart < text.size()) {
            const size_t end = text.find('\n', lineStart);
            result.rows.push_back({Value(text.substr(lineStart, end - lineStart))});
            lineStart = end == std::string::npos ? text.size() : end + 1;
        }
        return result;
    }
    ExecutionContext context;
    context.graph = &state_->graph;
    context.parameters = &parameters;
    context.cancelled = options.cancelled;
    if (options.timeout) {
        context.timeout = *options.timeout;
        context.deadline = start + *options.timeout;
    }
    for (const auto& subplan : prepared.subplans) {
        context.subplans.push_back(subplan.get());
    }
    result.columns = prepared.columns;
    prepared.root->open(context);
    Chunk chunk;
    while (prepared.root->next(context, chunk)) {
        context.checkCancelled();
        if (result.columns.empty()) {
            continue;
        }
        for (size_t r = 0; r < chunk.rows(); ++r) {
            std::vector<Value> row(result.columns.size());
            for (size_t c = 0; c < row.size(); ++c) {
                row[c] = chunk.at(c, r);
            }
            result.rows.push_back(std::move(row));
        }
    }
    runPendingWrites(*prepared.root, context);
    context.endWrite();
    if (context.written) {
        result.statistics = diffSideEffects(state_->graph, *context.written, context.touchedNodes, context.touchedRels);
        state_->graph = std::move(*context.written);
    }
    result.timings.execute = Clock::now() - start;
    return result;
}

std::string Database::render(const Value& value) const {
    return renderValue(state_->graph, value);
}

} // namespace newsgraph
