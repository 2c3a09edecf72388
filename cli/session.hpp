#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "cli/output_format.hpp"
#include "cli/statement_splitter.hpp"
#include "engine/common/memory_limit.hpp"
#include "loaders/load_report.hpp"
#include "query/database.hpp"

namespace newsgraph {

// What running one statement came to.
enum class StatementStatus : uint8_t { Ok, Failed, Quit };

// Where statements come from, for error messages: "at queries.cypher:3:10", "in -e statement 2".
struct StatementOrigin {
    enum class Kind : uint8_t { File, Argument, Shell };
    Kind kind = Kind::Shell;
    std::string name; // the file name, "<stdin>", or "-e"
};

struct SessionSettings {
    OutputFormat format = OutputFormat::Table;
    bool timing = false;
    size_t maxRows = 0; // table rows shown at most; 0: all
    LoadOptions loadOptions;
    bool catchInterrupts = false; // Ctrl-C discards the running statement's result instead of quitting
    std::vector<std::string> disabledRules; // optimizer rules switched off (--disable-rule, :rules off)
    std::optional<std::chrono::milliseconds> timeout; // per statement (--timeout, :timeout)
    std::optional<uint64_t> maxMemory = defaultMemoryLimit(); // per statement and load (--max-memory, :max-memory)
    std::optional<uint32_t> threads; // per statement (--threads, :threads); none: every core
};

// The shell's state: the database, the parameters and the output settings. Runs statements and
// shell commands, writing results to `out` and messages to `err`.
class Session {
public:
    Session(Database database, SessionSettings settings, std::ostream& out, std::ostream& err);

    // Runs a Cypher statement or a shell command. `index` is the statement's number within its
    // origin (1-based), for messages.
    StatementStatus run(const ScriptStatement& statement, const StatementOrigin& origin, size_t index = 0);

    Database& database() { return database_; }
    const Database& database() const { return database_; }
    Parameters& parameters() { return parameters_; }
    const Parameters& parameters() const { return parameters_; }
    // Sets (or replaces) a parameter.
    void setParameter(const std::string& name, Value value);
    SessionSettings& settings() { return settings_; }
    std::ostream& out() { return out_; }
    std::ostream& err() { return err_; }

    // Loads FORMAT:PATH into the current graph (atomically: a failed load changes nothing). Prints
    // the load summary or the error on err(); returns whether it succeeded.
    bool load(std::string_view spec);
    // `EXPLAIN` text of a statement, or the error printed; returns whether it succeeded.
    bool explain(std::string_view query);

private:
    StatementStatus runQuery(const ScriptStatement& statement, const StatementOrigin& origin, size_t index);
    // "  at FILE:LINE:COLUMN" (or "  in -e statement N") on err(), after an error.
    void printOrigin(const QueryError* error, const ScriptStatement& statement, const StatementOrigin& origin,
                     size_t index);
    void printTiming(const QueryTimings& timings, double milliseconds);
    void reportError(const std::exception& error, const ScriptStatement& statement, const StatementOrigin& origin,
                     size_t index);

    Database database_;
    Parameters parameters_;
    SessionSettings settings_;
    std::ostream& out_;
    std::ostream& err_;
};

} // namespace newsgraph
