#include "cli/meta_commands.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ostream>
#include <thread>

#include <fmt/format.h>

#include "engine/common/cores.hpp"
#include "cli/options.hpp"
#include "cli/parameter_literal.hpp"
#include "cli/schema.hpp"
#include "query/optimizer/optimizer.hpp"

namespace newsgraph {

namespace {

constexpr std::array<MetaCommand, 14> kCommands{{
    {":help", "", "this list"},
    {":schema", "", "labels, relationship types and property keys, with counts"},
    {":stats", "", "the graph's statistics and memory use"},
    {":load", "FORMAT PATH", "load a file or dataset into the graph (formats: dataset, nodes, relationships)"},
    {":format", "[table|csv|json|dot]", "show or set the result format"},
    {":timing", "[on|off]", "show or set per-statement timing (on standard error)"},
    {":timeout", "[MS|off]", "show or set the time a statement may run, in milliseconds"},
    {":threads", "[N|all]", "show or set how many threads a statement may use (all: every core)"},
    {":max-memory", "[SIZE|off]", "show or set the memory a statement or load may use (500MB, 2GiB, 50%)"},
    {":param", "[NAME VALUE]", "set $NAME to a Cypher literal; without arguments, list the parameters"},
    {":explain", "QUERY", "show the plan of QUERY without running it"},
    {":rules", "[on|off NAME]", "list the optimizer rules and their state, or switch one on or off"},
    {":maxrows", "[N]", "show or set how many table rows are shown (0: all)"},
    {":quit", "", "leave the shell (also :exit, Ctrl-D)"},
}};

bool isSpace(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The first word of `text` and the (trimmed) rest.
std::pair<std::string_view, std::string_view> splitWord(std::string_view text) {
    text = trim(text);
    size_t end = 0;
    while (end < text.size() && !isSpace(text[end])) {
        ++end;
    }
    return {text.substr(0, end), trim(text.substr(end))};
}

StatementStatus fail(Session& session, const std::string& message) {
    session.err() << "UsageError: " << message << "\n";
    return StatementStatus::Failed;
}

StatementStatus setFormat(Session& session, std::string_view argument) {
    if (argument.empty()) {
        session.out() << "format: " << outputFormatName(session.settings().format) << "\n";
        return StatementStatus::Ok;
    }
    const std::optional<OutputFormat> format = parseOutputFormat(argument);
    if (!format) {
        return fail(session, fmt::format("unknown format '{}' (formats: {})", argument, outputFormatNames()));
    }
    session.settings().format = *format;
    return StatementStatus::Ok;
}

StatementStatus setTiming(Session& session, std::string_view argument) {
    if (argument.empty()) {
        session.out() << "timing: " << (session.settings().timing ? "on" : "off") << "\n";
        return StatementStatus::Ok;
    }
    if (argument != "on" && argument != "off") {
        return fail(session, ":timing takes on or off");
    }
    session.settings().timing = argument == "on";
    return StatementStatus::Ok;
}

StatementStatus setMaxMemory(Session& session, std::string_view argument) {
    std::optional<uint64_t>& limit = session.settings().maxMemory;
    if (argument.empty()) {
        session.out() << "max-memory: " << (limit ? formatMemorySize(*limit) : std::string("off")) << "\n";
        return StatementStatus::Ok;
    }
    if (argument == "off") {
        limit.reset();
        return StatementStatus::Ok;
    }
    const std::optional<uint64_t> parsed = parseMaxMemory(argument);
    if (!parsed) {
        return fail(session, ":max-memory takes a size such as 500MB, 2GiB or 50%, or off");
    }
    limit = parsed;
    return StatementStatus::Ok;
}

StatementStatus setTimeout(Session& session, std::string_view argument) {
    std::optional<std::chrono::milliseconds>& timeout = session.settings().timeout;
    if (argument.empty()) {
        session.out() << "timeout: " << (timeout ? fmt::format("{} ms", timeout->count()) : std::string("off")) << "\n";
        return StatementStatus::Ok;
    }
    if (argument == "off") {
        timeout.reset();
        return StatementStatus::Ok;
    }
    const std::optional<std::chrono::milliseconds> parsed = parseTimeout(argument);
    if (!parsed) {
        return fail(session, ":timeout takes a positive number of milliseconds, or off");
    }
    timeout = parsed;
    return StatementStatus::Ok;
}

StatementStatus setThreads(Session& session, std::string_view argument) {
    std::optional<uint32_t>& threads = session.settings().threads;
    if (argument.empty()) {
        session.out() << "threads: "
                      << (threads ? fmt::format("{}", *threads)
                                  : fmt::format("all ({})", availableCores()))
                      << "\n";
        return StatementStatus::Ok;
    }
    if (argument == "all") {
        threads.reset();
        return StatementStatus::Ok;
    }
    const std::optional<uint32_t> parsed = parseThreads(argument);
    if (!parsed) {
        return fail(session, fmt::format(":threads takes a whole number from 1 to {}, or all", kMaxThreads));
    }
    threads = parsed;
    return StatementStatus::Ok;
}

StatementStatus setRules(Session& session, std::string_view arguments) {
    std::vector<std::string>& disabled = session.settings().disabledRules;
    const auto [state, name] = splitWord(arguments);
    if (state.empty()) {
        for (const RuleInfo& rule : optimizerRules()) {
            const bool off = std::find(disabled.begin(), disabled.end(), rule.name) != disabled.end();
            session.out() << fmt::format("{:<20} {:<3}  {}\n", rule.name, off ? "off" : "on", rule.summary);
        }
        return StatementStatus::Ok;
    }
    if ((state != "on" && state != "off") || name.empty()) {
        return fail(session, ":rules takes nothing, or on NAME, or off NAME");
    }
    const std::string rule(name);
    if (!isOptimizerRule(rule)) {
        return fail(session, fmt::format("unknown optimizer rule '{}' (rules: {})", rule, optimizerRuleNames()));
    }
    disabled.erase(std::remove(disabled.begin(), disabled.end(), rule), disabled.end());
    if (state == "off") {
        disabled.push_back(rule);
    }
    return StatementStatus::Ok;
}

StatementStatus setMaxRows(Session& session, std::string_view argument) {
    if (argument.empty()) {
        const size_t rows = session.settings().maxRows;
        session.out() << "maxrows: " << (rows == 0 ? std::string("all") : std::to_string(rows)) << "\n";
        return StatementStatus::Ok;
    }
    size_t rows = 0;
    const auto [end, error] = std::from_chars(argument.data(), argument.data() + argument.size(), rows);
    if (error != std::errc() || end != argument.data() + argument.size()) {
        return fail(session, ":maxrows takes a number of rows (0: all)");
    }
    session.settings().maxRows = rows;
    return StatementStatus::Ok;
}

StatementStatus listParameters(Session& session) {
    if (session.parameters().empty()) {
        session.out() << "no parameters (set one with :param NAME VALUE)\n";
        return StatementStatus::Ok;
    }
    for (const auto& [name, value] : session.parameters()) {
        session.out() << "$" << name << " = " << session.database().render(value) << "\n";
    }
    return StatementStatus::Ok;
}

bool isParameterName(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0) {
        return false;
    }
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') {
            return false;
        }
    }
    return true;
}

// :param NAME VALUE, :param NAME => VALUE (cypher-shell's form) or :param NAME=VALUE.
StatementStatus setParameter(Session& session, std::string_view arguments) {
    if (arguments.empty()) {
        return listParameters(session);
    }
    std::string_view name;
    std::string_view literal;
    const size_t equals = arguments.find('=');
    const auto [first, rest] = splitWord(arguments);
    if (equals != std::string_view::npos && equals < first.size()) {
        name = trim(arguments.substr(0, equals));
        literal = trim(arguments.substr(equals + 1));
    } else {
        name = first;
        literal = rest.starts_with("=>") ? trim(rest.substr(2)) : rest;
    }
    if (name.starts_with('$')) {
        name.remove_prefix(1);
    }
    if (!isParameterName(name)) {
        return fail(session, fmt::format("'{}' is not a parameter name (letters, digits, _)", name));
    }
    if (literal.empty()) {
        return fail(session, fmt::format(":param {} needs a value, e.g. :param {} 'APT31'", name, name));
    }
    try {
        session.setParameter(std::string(name), evaluateParameterLiteral(literal));
    } catch (const ParameterError& error) {
        return fail(session, fmt::format(":param {}: {}", name, error.what()));
    }
    return StatementStatus::Ok;
}

StatementStatus load(Session& session, std::string_view arguments) {
    const auto [format, path] = splitWord(arguments);
    if (format.empty()) {
        return fail(session, ":load needs FORMAT PATH, e.g. :load dataset datasets/czech-apt31");
    }
    // `:load FORMAT PATH` or `:load FORMAT:PATH`.
    const std::string spec = path.empty() ? std::string(format) : fmt::format("{}:{}", format, path);
    if (spec.find(':') == std::string::npos) {
        return fail(session, ":load needs FORMAT PATH, e.g. :load dataset datasets/czech-apt31");
    }
    return session.load(spec) ? StatementStatus::Ok : StatementStatus::Failed;
}

} // namespace

std::span<const MetaCommand> metaCommands() {
    return kCommands;
}

std::string shellHelpText() {
    std::string out = "Type Cypher statements ending with ';' (they may span lines), or a command:\n";
    for (const MetaCommand& command : kCommands) {
        const std::string usage = command.arguments.empty() ? std::string(command.name)
                                                            : fmt::format("{} {}", command.name, command.arguments);
        out += fmt::format("  {:<30} {}\n", usage, command.summary);
    }
    out += "Tab completes keywords, labels, relationship types, property keys, functions and commands.\n"
           "Ctrl-C clears the line (or abandons a running statement's result); Ctrl-D quits.\n"
           "Example: MATCH (c:Claim {kind: 'attribution'})-[:TO]->(g) RETURN g.name;\n";
    return out;
}

StatementStatus runMetaCommand(Session& session, std::string_view line) {
    const auto [name, arguments] = splitWord(line);
    if (name == ":help" || name == ":h" || name == ":?") {
        session.out() << shellHelpText();
        return StatementStatus::Ok;
    }
    if (name == ":quit" || name == ":exit" || name == ":q") {
        return StatementStatus::Quit;
    }
    if (name == ":schema") {
        session.out() << describeSchema(session.database().graph());
        return StatementStatus::Ok;
    }
    if (name == ":stats") {
        session.out() << session.database().graph().stats().toString();
        return StatementStatus::Ok;
    }
    if (name == ":load") {
        return load(session, arguments);
    }
    if (name == ":format") {
        return setFormat(session, arguments);
    }
    if (name == ":timing") {
        return setTiming(session, arguments);
    }
    if (name == ":param" || name == ":params") {
        return setParameter(session, arguments);
    }
    if (name == ":explain") {
        std::string_view query = arguments;
        while (query.ends_with(';') || query.ends_with(' ')) {
            query.remove_suffix(1);
        }
        if (query.empty()) {
            return fail(session, ":explain needs a query");
        }
        return session.explain(query) ? StatementStatus::Ok : StatementStatus::Failed;
    }
    if (name == ":timeout") {
        return setTimeout(session, arguments);
    }
    if (name == ":max-memory") {
        return setMaxMemory(session, arguments);
    }
    if (name == ":threads") {
        return setThreads(session, arguments);
    }
    if (name == ":rules") {
        return setRules(session, arguments);
    }
    if (name == ":maxrows") {
        return setMaxRows(session, arguments);
    }
    return fail(session, fmt::format("unknown command '{}' (type :help for the list)", name));
}

} // namespace newsgraph
