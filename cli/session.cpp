#include "cli/session.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <new>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/formatters/formatter.hpp"
#include "cli/graph_loading.hpp"
#include "cli/interrupt.hpp"
#include "cli/meta_commands.hpp"

namespace newsgraph {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The line (and column, when known) of the error in the input the statement came from.
std::string inputLocation(const QueryError* error, const ScriptStatement& statement) {
    if (error == nullptr || !error->position().known()) {
        return std::to_string(statement.line);
    }
    const SourcePosition position = error->position();
    const uint32_t line = statement.line + position.line - 1;
    const uint32_t column = position.line == 1 ? statement.column + position.column - 1 : position.column;
    return fmt::format("{}:{}", line, column);
}

} // namespace

Session::Session(Database database, SessionSettings settings, std::ostream& out, std::ostream& err)
    : database_(std::move(database)), settings_(std::move(settings)), out_(out), err_(err) {}

void Session::setParameter(const std::string& name, Value value) {
    for (auto& [existing, current] : parameters_) {
        if (existing == name) {
            current = std::move(value);
            return;
        }
    }
    parameters_.emplace_back(name, std::move(value));
}

StatementStatus Session::run(const ScriptStatement& statement, const StatementOrigin& origin, size_t index) {
    StatementStatus status = StatementStatus::Failed;
    std::optional<InterruptScope> interrupts;
    if (settings_.catchInterrupts) {
        interrupts.emplace();
    }
    try {
        if (statement.kind == ScriptStatement::Kind::Query) {
            status = runQuery(statement, origin, index);
        } else {
            status = runMetaCommand(*this, statement.text);
            if (status == StatementStatus::Failed) {
                printOrigin(nullptr, statement, origin, index);
            }
        }
    } catch (const std::exception& error) {
        reportError(error, statement, origin, index);
    }
    out_.flush();
    err_.flush();
    return status;
}

StatementStatus Session::runQuery(const ScriptStatement& statement, const StatementOrigin& origin, size_t index) {
    const Clock::time_point start = Clock::now();
    QueryResult result;
    ExecuteOptions options;
    options.cancelled = settings_.catchInterrupts ? InterruptScope::flag() : nullptr;
    options.disabledRules = settings_.disabledRules;
    options.timeout = settings_.timeout;
    options.maxMemory = settings_.maxMemory;
    options.threads = settings_.threads;
    try {
        result = database_.execute(statement.text, parameters_, options);
    } catch (const QueryError& error) {
        if (error.detail() == kCancelledDetail) {
            err_ << "Interrupted: the statement was cancelled and the graph is unchanged\n";
            return StatementStatus::Failed;
        }
        reportError(error, statement, origin, index);
        return StatementStatus::Failed;
    } catch (const std::exception& error) {
        reportError(error, statement, origin, index);
        return StatementStatus::Failed;
    }
    const double milliseconds = millisecondsSince(start);
    writeResult(settings_.format, out_, database_, result, ResultDisplay{milliseconds, settings_.maxRows});
    for (const std::string& notification : result.notifications) {
        err_ << "warning: " << notification << "\n";
    }
    if (settings_.format != OutputFormat::Table) {
        if (const std::string changes = describeStatistics(result.statistics); !changes.empty()) {
            err_ << changes << "\n";
        }
    }
    if (settings_.timing) {
        printTiming(result.timings, milliseconds);
    }
    return StatementStatus::Ok;
}

void Session::printTiming(const QueryTimings& timings, double milliseconds) {
    using Milliseconds = std::chrono::duration<double, std::milli>;
    err_ << fmt::format("Time: {:.3f} ms (parse {:.3f} ms, plan {:.3f} ms, execute {:.3f} ms)\n", milliseconds,
                        Milliseconds(timings.parse).count(), Milliseconds(timings.plan).count(),
                        Milliseconds(timings.execute).count());
}

void Session::reportError(const std::exception& error, const ScriptStatement& statement, const StatementOrigin& origin,
                          size_t index) {
    out_.flush();
    const auto* queryError = dynamic_cast<const QueryError*>(&error);
    const auto* exception = dynamic_cast<const Exception*>(&error);
    if (queryError != nullptr) {
        err_ << queryError->render(statement.text) << "\n";
    } else if (exception != nullptr) {
        err_ << exception->kind() << ": " << exception->what() << "\n";
    } else if (dynamic_cast<const std::bad_alloc*>(&error) != nullptr) {
        err_ << "OutOfMemory: the statement needed more memory than there is\n";
    } else {
        err_ << "Error: " << error.what() << "\n";
    }
    printOrigin(queryError, statement, origin, index);
}

void Session::printOrigin(const QueryError* error, const ScriptStatement& statement, const StatementOrigin& origin,
                          size_t index) {
    switch (origin.kind) {
    case StatementOrigin::Kind::File:
        err_ << "  at " << origin.name << ":" << inputLocation(error, statement) << "\n";
        break;
    case StatementOrigin::Kind::Argument:
        err_ << "  in " << origin.name << " statement " << index << "\n";
        break;
    case StatementOrigin::Kind::Shell: break;
    }
}

bool Session::load(std::string_view spec) {
    LoadOptions options = settings_.loadOptions;
    options.cancelled = settings_.catchInterrupts ? InterruptScope::flag() : nullptr;
    if (settings_.timeout) {
        options.timeout = settings_.timeout;
        options.deadline = std::chrono::steady_clock::now() + *settings_.timeout;
    }
    std::optional<Graph> graph = loadWithin(settings_.maxMemory, err_, [&](std::ostream& err) {
        return loadIntoCopy(database_.graph(), spec, options, err);
    });
    if (!graph) {
        return false;
    }
    if (settings_.catchInterrupts && InterruptScope::interruptRequested()) {
        err_ << "Interrupted: the load was abandoned; the graph is as it was\n";
        return false;
    }
    database_ = Database(std::move(*graph));
    return true;
}

bool Session::explain(std::string_view query) {
    const ScriptStatement statement{ScriptStatement::Kind::Query, std::string(query), 1, 1};
    try {
        ExecuteOptions options;
        options.disabledRules = settings_.disabledRules;
        const std::string plan = database_.explain(query, parameters_, options);
        out_ << plan << (plan.empty() || plan.back() != '\n' ? "\n" : "");
        return true;
    } catch (const std::exception& error) {
        reportError(error, statement, StatementOrigin{}, 0);
        return false;
    }
}

} // namespace newsgraph
