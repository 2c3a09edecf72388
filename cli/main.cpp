// newsgraph: loads event data into an in-memory graph and runs Cypher on it, from the command
// line (-e, -f), from standard input, or in an interactive shell.
#include <clocale>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/graph_loading.hpp"
#include "cli/options.hpp"
#include "cli/parameter_literal.hpp"
#include "cli/repl.hpp"
#include "cli/script_runner.hpp"
#include "cli/session.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitStatementFailed = 1;
constexpr int kExitUsage = 2;
// Table rows the shell shows of one result before it cuts the rest (:maxrows changes it).
constexpr size_t kShellMaxRows = 100;

// A -e or -f argument with its statements read and checked.
struct Script {
    newsgraph::StatementOrigin origin;
    std::string text;
};

int usageFailure(const std::string& message) {
    std::cerr << "UsageError: " << message << "\n" << newsgraph::synopsisText() << "Try 'newsgraph --help'.\n";
    return kExitUsage;
}

std::string welcomeText(const newsgraph::Graph& graph) {
    return fmt::format("newsgraph {} — {} nodes, {} relationships. Type :help for help, :quit or Ctrl-D to leave; "
                       "end statements with ';'.\n",
                       NEWSGRAPH_VERSION, graph.liveNodeCount(), graph.liveRelCount());
}

int run(const std::vector<std::string>& args) {
    using namespace newsgraph; // NOLINT(google-build-using-namespace): the program's own namespace
    CliOptions options;
    try {
        options = parseCliOptions(args);
    } catch (const UsageError& error) {
        return usageFailure(error.what());
    }
    if (options.help) {
        std::cout << usageText();
        return kExitOk;
    }
    if (options.version) {
        std::cout << "newsgraph " << NEWSGRAPH_VERSION << "\n";
        return kExitOk;
    }

    // Everything that can be checked before the load is: parameters, then scripts.
    Parameters parameters;
    for (const ParameterArgument& parameter : options.parameters) {
        try {
            parameters.emplace_back(parameter.name, evaluateParameterLiteral(parameter.literal));
        } catch (const ParameterError& error) {
            return usageFailure(fmt::format("--param {}: {} (in a shell, quote the quotes: --param who=\"'APT31'\")",
                                            parameter.name, error.what()));
        }
    }
    std::vector<Script> scripts;
    try {
        for (const ScriptArgument& script : options.scripts) {
            Script& added = scripts.emplace_back();
            if (script.kind == ScriptArgument::Kind::File) {
                added.origin = StatementOrigin{StatementOrigin::Kind::File, script.text};
                added.text = readScriptFile(script.text);
            } else {
                checkUtf8(script.text, "-e");
                added.origin = StatementOrigin{StatementOrigin::Kind::Argument, "-e"};
                added.text = script.text;
            }
        }
    } catch (const InputError& error) {
        std::cerr << "InputError: " << error.what() << "\n";
        return kExitUsage;
    }

    LoadOptions loadOptions = options.loadOptions;
    if (options.timeout) {
        loadOptions.timeout = options.timeout;
        loadOptions.deadline = std::chrono::steady_clock::now() + *options.timeout;
    }
    std::optional<Graph> graph = loadWithin(options.maxMemory, std::cerr, [&](std::ostream& err) {
        return loadGraph(options.loads, loadOptions, err);
    });
    if (!graph) {
        return kExitUsage;
    }
    const bool interactive = scripts.empty() && isatty(STDIN_FILENO) == 1;
    const std::string welcome = interactive ? welcomeText(*graph) : "";
    SessionSettings settings{options.format, options.timing, interactive ? kShellMaxRows : 0, options.loadOptions,
                             interactive};
    settings.disabledRules = options.disabledRules;
    settings.timeout = options.timeout;
    settings.maxMemory = options.maxMemory;
    settings.threads = options.threads;
    Session session(Database(std::move(*graph)), settings, std::cout, std::cerr);
    for (auto& [name, value] : parameters) {
        session.setParameter(name, std::move(value));
    }

    if (interactive) {
        std::setlocale(LC_CTYPE, "");
        return runRepl(session, welcome);
    }
    ScriptRunner runner(session, options.continueOnError);
    if (scripts.empty()) {
        try {
            runner.runStream(std::cin, StatementOrigin{StatementOrigin::Kind::File, "<stdin>"});
        } catch (const InputError& error) {
            std::cout.flush();
            std::cerr << "InputError: " << error.what() << "\n";
            return kExitUsage;
        }
    }
    for (const Script& script : scripts) {
        if (!runner.runText(script.text, script.origin)) {
            break;
        }
    }
    return runner.anyFailed() ? kExitStatementFailed : kExitOk;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& error) {
        std::cerr << "newsgraph: internal error: " << error.what() << "\n";
    } catch (...) {
        std::cerr << "newsgraph: internal error\n";
    }
    return kExitUsage;
}
