#include "query/database.hpp"

#include <fmt/format.h>

#include "query/parser/parser.hpp"
#include "query/planner/planner.hpp"
#include "query/processor/execution_context.hpp"
#include "query/processor/operators/write_operators.hpp"
#include "query/side_effects.hpp"
#include "query/value_render.hpp"

namespace newsgraph {

struct Database::State {
    Graph graph;
};

Database::Database() : state_(std::make_unique<State>()) {}

Database::Database(Graph graph) : state_(std::make_unique<State>(State{std::move(graph)})) {}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const Graph& Database::graph() const {
    return state_->graph;
}

namespace {

PreparedStatement prepare(std::string_view query, const Graph& graph, const Parameters& parameters) {
    ast::Statement statement = parser::parseQuery(query);
    return planStatement(std::move(statement), graph, parameters);
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
    return prepare(query, state_->graph, parameters).explain();
}

QueryResult Database::execute(std::string_view query, const Parameters& parameters) {
    PreparedStatement prepared = prepare(query, state_->graph, parameters);
    QueryResult result;
    if (prepared.statement.explain) {
        result.columns = {"plan"};
        const std::string text = prepared.explain();
        size_t start = 0;
        while (start < text.size()) {
            const size_t end = text.find('\n', start);
            result.rows.push_back({Value(text.substr(start, end - start))});
            start = end == std::string::npos ? text.size() : end + 1;
        }
        return result;
    }
    ExecutionContext context;
    context.graph = &state_->graph;
    context.parameters = &parameters;
    for (const auto& subplan : prepared.subplans) {
        context.subplans.push_back(subplan.get());
    }
    result.columns = prepared.columns;
    prepared.root->open(context);
    Chunk chunk;
    while (prepared.root->next(context, chunk)) {
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
    return result;
}

std::string Database::render(const Value& value) const {
    return renderValue(state_->graph, value);
}

} // namespace newsgraph
