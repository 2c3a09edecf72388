#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/memory_limit.hpp"
#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"

namespace newsgraph {

class Procedure;
class ProcedureRegistry;

using Parameters = std::vector<std::pair<std::string, Value>>;

// What a statement changed, as the TCK's side-effect tables count it.
struct QueryStatistics {
    uint64_t nodesCreated = 0;
    uint64_t nodesDeleted = 0;
    uint64_t relationshipsCreated = 0;
    uint64_t relationshipsDeleted = 0;
    uint64_t propertiesSet = 0;
    uint64_t propertiesRemoved = 0;
    uint64_t labelsAdded = 0;
    uint64_t labelsRemoved = 0;
    bool operator==(const QueryStatistics&) const = default;
};

// Where a statement's time went: parsing, planning (binding included) and executing.
struct QueryTimings {
    std::chrono::nanoseconds parse{0};
    std::chrono::nanoseconds plan{0};
    std::chrono::nanoseconds execute{0};
};

// How to run a statement. `cancelled` is polled while the statement runs (between chunks of
// rows, inside long expansions, sorts and algorithms); once it reads true the statement stops
// with TransactionError Cancelled and the graph is left as it was before the statement.
// `timeout`, when set, bounds the statement's execution time: past it the statement stops at the
// next check (the same places as cancellation) with TimeoutError and leaves the graph as it was.
// `maxMemory`, when set, bounds the bytes the statement's thread may hold at once beyond what it
// held when the statement began (engine/common/memory_limit.hpp): past it the statement stops
// with MemoryLimitError and leaves the graph as it was. Default: 80% of the machine's memory.
// `threads` is how many threads a statement may use (scans split into ranges of nodes, one per
// thread, results identical to one thread's); nothing: every core of the machine.
// `disabledRules` names optimizer rules not to run (query/optimizer/optimizer.cpp lists them;
// EXPLAIN prints those that fired); an unknown name is std::invalid_argument.
struct ExecuteOptions {
    const std::atomic<bool>* cancelled = nullptr;
    std::optional<std::chrono::milliseconds> timeout;
    std::optional<uint64_t> maxMemory = defaultMemoryLimit();
    std::optional<uint32_t> threads;
    std::vector<std::string> disabledRules;
};

// The rows a statement returns. Values may be NodeRef / RelRef / PathValue: render them with
// Database::render or look them up in Database::graph() (valid until the next write statement).
struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    QueryStatistics statistics;
    QueryTimings timings;
    std::vector<std::string> notifications; // PreparedStatement::notifications
    // The graph the statement ran against (after its writes): the one its NodeRef, RelRef and
    // PathValue values refer to, kept alive for as long as the result holds it.
    std::shared_ptr<const Graph> graph;
};

// The entry point: a graph plus the query pipeline (parse, bind, plan, execute). Reads run over
// the frozen graph; write statements (CREATE, SET, REMOVE, DELETE, MERGE) change the graph and
// the next statement sees the result.
//
// Threads: execute, explain and update may be called from several threads at once. A read runs on
// the graph as it was when the statement started (a snapshot: a write that finishes meanwhile does
// not change what it sees); writes and updates are serialized, each seeing the one before.
class Database {
public:
    Database();
    explicit Database(Graph graph);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    // Runs one statement. Throws QueryError (kind, phase, detail code, position) on failure; a
    // failed statement leaves the graph unchanged.
    QueryResult execute(std::string_view query, const Parameters& parameters = {});
    QueryResult execute(std::string_view query, const Parameters& parameters, const ExecuteOptions& options);
    // The same, with `options.maxMemory` as the limit of the load (a load over it throws
    // MemoryLimitError, a QueryError, and changes nothing).
    void update(const std::function<void(GraphBuilder&)>& change, const ExecuteOptions& options);
    // The plan of a statement as text (what `EXPLAIN <query>` returns).
    std::string explain(std::string_view query, const Parameters& parameters = {});
    std::string explain(std::string_view query, const Parameters& parameters, const ExecuteOptions& options);

    // The current graph. The reference stays valid until the next write or update; a thread that
    // reads while others write takes a snapshot instead.
    const Graph& graph() const;
    std::shared_ptr<const Graph> snapshot() const;

    // Changes the graph outside Cypher (a load): `change` writes into a copy of the current graph,
    // which then becomes the graph. Serialized with write statements; if `change` throws, the
    // graph is left as it was and the exception propagates.
    void update(const std::function<void(GraphBuilder&)>& change);

    // The procedures CALL can reach: the built-in db.* and algo.* ones plus those registered here
    // (a procedure of the same name replaces the earlier one).
    void registerProcedure(std::shared_ptr<const Procedure> procedure);
    const ProcedureRegistry& procedures() const;

    // A result value written as the TCK writes expected values: (:Label {key: 'value'}),
    // [:TYPE {key: 1}], <(:A)-[:T]->(:B)>, lists and maps of those, 'strings', 1.0, null.
    std::string render(const Value& value) const;

private:
    QueryResult executeUnbounded(std::string_view query, const Parameters& parameters, const ExecuteOptions& options);

    struct State;
    std::unique_ptr<State> state_;
};

} // namespace newsgraph
