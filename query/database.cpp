#include "query/database.hpp"

#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "engine/common/cores.hpp"
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

// The graph is published as an immutable snapshot: a reader copies the pointer under `publish`
// and runs without a lock; a writer holds `writer` from planning to publishing its new graph.
struct Database::State {
    std::shared_ptr<const Graph> graph = std::make_shared<const Graph>();
    mutable std::mutex publish;
    std::mutex writer;
    ProcedureRegistry procedures = builtinProcedures();

    std::shared_ptr<const Graph> current() const {
        const std::lock_guard lock(publish);
        return graph;
    }
    void replace(std::shared_ptr<const Graph> next) {
        const std::lock_guard lock(publish);
        graph = std::move(next);
    }
};

Database::Database() : state_(std::make_unique<State>()) {}

Database::Database(Graph graph) : state_(std::make_unique<State>()) {
    state_->graph = std::make_shared<const Graph>(std::move(graph));
}

Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

const Graph& Database::graph() const {
    return *state_->current();
}

std::shared_ptr<const Graph> Database::snapshot() const {
    return state_->current();
}

void Database::update(const std::function<void(GraphBuilder&)>& change) {
    const std::lock_guard lock(state_->writer);
    GraphBuilder builder = GraphBuilder::thaw(*state_->current());
    change(builder);
    state_->replace(std::make_shared<const Graph>(std::move(builder).freeze()));
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
    const std::shared_ptr<const Graph> graph = state_->current();
    return prepare(query, *graph, parameters, state_->procedures, options).explain();
}

QueryResult Database::execute(std::string_view query, const Parameters& parameters) {
    return execute(query, parameters, ExecuteOptions{});
}

namespace {

// Runs `work` under `limit` (none: unbounded). Whatever a refused allocation became on its way up
// (bad_alloc, a LoadError naming it) is reported as MemoryLimitError for `what`.
template <typename Work>
auto withMemoryLimit(std::optional<uint64_t> limit, std::string_view what, Work&& work) {
    if (!limit) {
        return work();
    }
    const MemoryLimitScope memory(*limit);
    try {
        return work();
    } catch (...) {
        if (memory.exceeded()) {
            throw QueryError("MemoryLimitError", QueryPhase::Runtime, "MemoryLimit",
                             fmt::format("the {} needed more memory than its limit of {} and was stopped; the graph "
                                         "is unchanged",
                                         what, formatMemorySize(*limit)));
        }
        throw;
    }
}

} // namespace

QueryResult Database::execute(std::string_view query, const Parameters& parameters, const ExecuteOptions& options) {
    return withMemoryLimit(options.maxMemory, "statement", [&] { return executeUnbounded(query, parameters, options); });
}

void Database::update(const std::function<void(GraphBuilder&)>& change, const ExecuteOptions& options) {
    withMemoryLimit(options.maxMemory, "load", [&] { update(change); });
}

QueryResult Database::executeUnbounded(std::string_view query, const Parameters& parameters, const ExecuteOptions& options) {
    const temporalbuild::StatementClock clock;
    QueryResult result;
    std::shared_ptr<const Graph> graph = state_->current();
    PreparedStatement prepared = prepare(query, *graph, parameters, state_->procedures, options, &result.timings);
    // A write plans again under the writer lock when another write published a graph meanwhile,
    // so that writes apply one after the other, each to the graph the one before left.
    std::unique_lock<std::mutex> writing;
    if (prepared.writes) {
        writing = std::unique_lock(state_->writer);
        if (std::shared_ptr<const Graph> latest = state_->current(); latest != graph) {
            graph = std::move(latest);
            prepared = prepare(query, *graph, parameters, state_->procedures, options, &result.timings);
        }
    }
    result.graph = graph;
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
    static std::atomic<uint64_t> executions{0};
    ExecutionContext context;
    context.execution = ++executions;
    context.graph = graph.get();
    context.parameters = &parameters;
    context.cancelled = options.cancelled;
    context.threads = std::max<uint32_t>(1, options.threads.value_or(availableCores()));
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
        result.statistics = diffSideEffects(*graph, *context.written, context.touchedNodes, context.touchedRels);
        result.graph = std::shared_ptr<const Graph>(std::move(context.written));
        state_->replace(result.graph);
    }
    result.timings.execute = Clock::now() - start;
    return result;
}

std::string Database::render(const Value& value) const {
    return renderValue(*state_->current(), value);
}

} // namespace newsgraph
