#include "cli/options.hpp"

#include <charconv>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "query/optimizer/optimizer.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kSeedDataset = "czech-apt31";

// `--name VALUE` or `--name=VALUE`: the value, advancing `i` past it; nothing when `arg` is
// another option. Throws UsageError when the value is missing.
std::optional<std::string> optionValue(const std::vector<std::string>& args, size_t& i, std::string_view name,
                                       std::string_view what) {
    const std::string& arg = args[i];
    if (arg == name) {
        if (i + 1 == args.size()) {
            throw UsageError(fmt::format("{} needs {}", name, what));
        }
        return args[++i];
    }
    if (name.starts_with("--") && arg.size() > name.size() && arg.starts_with(name) && arg[name.size()] == '=') {
        return arg.substr(name.size() + 1);
    }
    return std::nullopt;
}

bool isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentifierChar(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

ParameterArgument parseParameterArgument(const std::string& text) {
    const size_t equals = text.find('=');
    if (equals == std::string::npos) {
        throw UsageError(fmt::format("--param '{}': expected NAME=VALUE, e.g. --param who=\"'APT31'\"", text));
    }
    std::string name = text.substr(0, equals);
    bool valid = !name.empty() && isIdentifierStart(name.front());
    for (char c : name) {
        valid = valid && isIdentifierChar(c);
    }
    if (!valid) {
        throw UsageError(fmt::format("--param '{}': '{}' is not a parameter name (letters, digits, _)", text, name));
    }
    return ParameterArgument{std::move(name), text.substr(equals + 1)};
}

} // namespace

std::string datasetsDirectory() {
    if (const char* dir = std::getenv("NEWSGRAPH_DATASETS"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    return NEWSGRAPH_DATASETS_DIR;
}

std::string seedDatasetSpec() {
    return fmt::format("dataset:{}/{}", datasetsDirectory(), kSeedDataset);
}

std::optional<uint64_t> parseMaxMemory(std::string_view text) {
    return parseMemorySize(text);
}

std::optional<std::chrono::milliseconds> parseTimeout(std::string_view text) {
    uint64_t milliseconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), milliseconds);
    if (error != std::errc() || end != text.data() + text.size() || milliseconds == 0 ||
        milliseconds > static_cast<uint64_t>(std::chrono::milliseconds::max().count())) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(static_cast<int64_t>(milliseconds));
}

std::optional<uint32_t> parseThreads(std::string_view text) {
    uint32_t threads = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), threads);
    if (error != std::errc() || end != text.data() + text.size() || threads == 0 || threads > kMaxThreads) {
        return std::nullopt;
    }
    return threads;
}

std::string optimizerRuleNames() {
    std::string names;
    for (const RuleInfo& rule : optimizerRules()) {
        names += names.empty() ? rule.name : ", " + rule.name;
    }
    return names;
}

std::string synopsisText() {
    return "usage: newsgraph [--load FORMAT:PATH]... [-e QUERY]... [-f FILE]... [--format table|csv|json|dot]\n"
           "                 [--param NAME=VALUE]... [--timing] [--timeout MS] [--max-memory SIZE]\n"
           "                 [--threads N] [--disable-rule NAME]... [--strict] [--continue] [--empty] [--help] [--version]\n";
}

std::string usageText() {
    return fmt::format(R"(NAME
    newsgraph - query a knowledge graph of news events with Cypher

SYNOPSIS
{}
DESCRIPTION
    Loads event data into an in-memory graph and runs Cypher statements on it.

    With no -e and no -f, and a terminal on standard input, newsgraph starts an interactive shell
    (type :help there). When standard input is not a terminal, the statements are read from it.
    Statements end with ';'. Lines starting with ':' are shell commands (:help lists them).

OPTIONS
    --load FORMAT:PATH  Load PATH with the loader FORMAT (dataset, nodes, relationships);
                        repeatable. Without --load the bundled dataset is loaded:
                        {}/{}
    --empty             Start from an empty graph (no bundled dataset).
    --strict            Stop a load at its first bad row; that load then changes nothing.
    -e QUERY            Run the ';'-separated statements in QUERY; repeatable.
    -f FILE             Run the statements of FILE ('//' and '/* */' comments allowed);
                        repeatable. -e and -f run in the order given.
    --format FORMAT     Result format: table (default), csv (RFC 4180), json (JSON Lines), dot
                        (Graphviz).
    --param NAME=VALUE  Set the parameter $NAME to the Cypher literal VALUE, e.g.
                        --param who="'APT31'" --param n=3 --param ids="[1, 2]"; repeatable.
    --timing            Print 'Time: <ms> ms (parse, plan, execute)' for every statement on
                        standard error.
    --timeout MS        Stop a statement that runs longer than MS milliseconds (TimeoutError; the
                        graph is left as it was). Default: no limit.
    --max-memory SIZE   Stop a statement or load that needs more memory than SIZE (500MB, 2GiB,
                        50% of the machine; MemoryLimitError, the graph is left as it was), or
                        off. Default: 80% of the machine's memory.
    --threads N         Use at most N threads for a statement (aggregations over large scans split
                        their input among them; answers are the same as on one). Default: every
                        core of the machine.
    --disable-rule NAME Do not run the optimizer rule NAME (`:rules` lists them; EXPLAIN shows which
                        fired); repeatable. Answers stay the same, only plans and times change.
    --continue          Go on after a failing statement (default: stop at the first one).
    --help              This text.
    --version           The version.

EXIT STATUS
    0  every statement succeeded
    1  a statement failed
    2  bad usage, an unreadable or non-UTF-8 script, or a failed load

ENVIRONMENT
    NEWSGRAPH_DATASETS  The folder of the bundled datasets.
    HOME                The shell keeps its history in $HOME/.newsgraph_history.

EXAMPLES
    newsgraph
    newsgraph -e "MATCH (g:Group) RETURN g.name, g.aliases"
    newsgraph --format csv -f queries.cypher > answers.csv
    newsgraph --param who="'APT31'" -e "MATCH (g {{name: $who}})<-[r]-(x) RETURN type(r), x.name"
    newsgraph --format dot -e "MATCH (a)-[r]->(b) RETURN a, r, b" | dot -Tpng > graph.png
)",
                       synopsisText(), datasetsDirectory(), kSeedDataset);
}

CliOptions parseCliOptions(const std::vector<std::string>& args) {
    CliOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--version") {
            options.version = true;
        } else if (arg == "--strict") {
            options.loadOptions.strict = true;
        } else if (arg == "--timing") {
            options.timing = true;
        } else if (arg == "--continue") {
            options.continueOnError = true;
        } else if (arg == "--empty") {
            options.empty = true;
        } else if (auto load = optionValue(args, i, "--load", "FORMAT:PATH")) {
            options.loads.push_back(std::move(*load));
        } else if (auto statements = optionValue(args, i, "-e", "a query")) {
            options.scripts.push_back({ScriptArgument::Kind::Statements, std::move(*statements)});
        } else if (auto file = optionValue(args, i, "-f", "a file")) {
            options.scripts.push_back({ScriptArgument::Kind::File, std::move(*file)});
        } else if (auto format = optionValue(args, i, "--format", "table, csv, json or dot")) {
            const std::optional<OutputFormat> parsed = parseOutputFormat(*format);
            if (!parsed) {
                throw UsageError(fmt::format("unknown format '{}' (formats: {})", *format, outputFormatNames()));
            }
            options.format = *parsed;
        } else if (auto timeout = optionValue(args, i, "--timeout", "milliseconds")) {
            const std::optional<std::chrono::milliseconds> parsed = parseTimeout(*timeout);
            if (!parsed) {
                throw UsageError(fmt::format("--timeout takes a positive number of milliseconds, not '{}'", *timeout));
            }
            options.timeout = parsed;
        } else if (auto threads = optionValue(args, i, "--threads", "a number of threads")) {
            const std::optional<uint32_t> parsed = parseThreads(*threads);
            if (!parsed) {
                throw UsageError(fmt::format("--threads takes a whole number from 1 to {}, not '{}'", kMaxThreads, *threads));
            }
            options.threads = parsed;
        } else if (auto memory = optionValue(args, i, "--max-memory", "a size")) {
            if (*memory == "off") {
                options.maxMemory.reset();
            } else {
                const std::optional<uint64_t> parsed = parseMaxMemory(*memory);
                if (!parsed) {
                    throw UsageError(fmt::format("--max-memory takes a size such as 500MB, 2GiB or 50%, or off, not '{}'",
                                                 *memory));
                }
                options.maxMemory = parsed;
            }
        } else if (auto rule = optionValue(args, i, "--disable-rule", "an optimizer rule")) {
            if (!isOptimizerRule(*rule)) {
                throw UsageError(fmt::format("unknown optimizer rule '{}' (rules: {})", *rule, optimizerRuleNames()));
            }
            options.disabledRules.push_back(std::move(*rule));
        } else if (auto parameter = optionValue(args, i, "--param", "NAME=VALUE")) {
            options.parameters.push_back(parseParameterArgument(*parameter));
        } else {
            throw UsageError(fmt::format("unknown argument '{}'", arg));
        }
    }
    if (options.loads.empty() && !options.empty) {
        options.loads.push_back(seedDatasetSpec());
    }
    return options;
}

} // namespace newsgraph
