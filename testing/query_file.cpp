#include "testing/query_file.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace newsgraph::testing {

namespace {

bool startsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

std::string trim(const std::string& text) {
    const size_t begin = text.find_first_not_of(" \t");
    if (begin == std::string::npos) {
        return "";
    }
    const size_t end = text.find_last_not_of(" \t");
    return text.substr(begin, end - begin + 1);
}

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream input(path);
    if (!input) {
        throw QueryFileError("cannot read " + path);
    }
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(input, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        lines.push_back(line);
    }
    return lines;
}

// The ---- line at lines[i] and what belongs to it; returns the index after them.
size_t readExpectation(const std::vector<std::string>& lines, size_t i, QueryFileStatement& statement,
                       const std::string& path) {
    const auto fail = [&](size_t index, const std::string& reason) {
        return QueryFileError(fmt::format("{}:{}: {}", path, index + 1, reason));
    };
    const std::string expectation = trim(lines[i].substr(4));
    const size_t at = i++;
    if (expectation == "ok") {
        statement.expectation = Expectation::Ok;
        return i;
    }
    if (expectation == "?") {
        statement.expectation = Expectation::Unchecked;
        return i;
    }
    if (startsWith(expectation, "error ")) {
        statement.expectation = Expectation::Error;
        statement.errorKind = trim(expectation.substr(6));
        if (i < lines.size() && !lines[i].empty() && lines[i].front() != '-' && lines[i].front() != '#') {
            statement.errorNeedle = lines[i++];
        }
        return i;
    }
    size_t count = 0;
    const auto [end, error] = std::from_chars(expectation.data(), expectation.data() + expectation.size(), count);
    if (error != std::errc() || end != expectation.data() + expectation.size()) {
        throw fail(at, "expected '---- N', '---- ok', '---- ?' or '---- error KIND', got: " + lines[at]);
    }
    if (i + count > lines.size()) {
        throw fail(at, fmt::format("{} rows announced, only {} lines left", count, lines.size() - i));
    }
    statement.expectation = Expectation::Rows;
    statement.rows.assign(lines.begin() + static_cast<ptrdiff_t>(i), lines.begin() + static_cast<ptrdiff_t>(i + count));
    return i + count;
}

} // namespace

QueryFile readQueryFile(const std::string& path) {
    QueryFile file;
    file.path = path;
    file.lines = readLines(path);
    const std::vector<std::string>& lines = file.lines;
    const auto fail = [&](size_t index, const std::string& reason) {
        return QueryFileError(fmt::format("{}:{}: {}", path, index + 1, reason));
    };
    std::vector<std::pair<std::string, std::string>> parameters;
    std::optional<GraphDirective> graph;
    std::string pendingName;
    bool pendingMayFail = false;
    std::vector<std::string> disabledRules;
    std::optional<uint32_t> threads;
    size_t i = 0;
    while (i < lines.size()) {
        const std::string& line = lines[i];
        if (trim(line).empty() || line.front() == '#') {
            ++i;
            continue;
        }
        if (startsWith(line, "-DATASET") || startsWith(line, "-LOAD ")) {
            const bool dataset = startsWith(line, "-DATASET");
            graph = GraphDirective{dataset ? GraphDirective::Kind::Dataset : GraphDirective::Kind::Load,
                                   trim(line.substr(dataset ? 8 : 6))};
            if (dataset && file.dataset.empty()) {
                file.dataset = graph->value;
            }
            ++i;
            continue;
        }
        if (startsWith(line, "-NAME ")) {
            pendingName = trim(line.substr(6));
            ++i;
            continue;
        }
        if (line == "-DISABLE-RULES" || startsWith(line, "-DISABLE-RULES ")) {
            disabledRules.clear();
            std::istringstream names(line.substr(14));
            for (std::string name; names >> name;) {
                disabledRules.push_back(name);
            }
            ++i;
            continue;
        }
        if (line == "-THREADS" || startsWith(line, "-THREADS ")) {
            const std::string count = trim(line.substr(8));
            if (count.empty() || count == "all") {
                threads.reset();
            } else {
                uint32_t parsed = 0;
                const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), parsed);
                if (error != std::errc() || end != count.data() + count.size() || parsed == 0) {
                    throw fail(i, "-THREADS takes a whole number of threads >= 1, or all");
                }
                threads = parsed;
            }
            ++i;
            continue;
        }
        if (line == "-MAYFAIL") {
            pendingMayFail = true;
            ++i;
            continue;
        }
        if (startsWith(line, "-PARAM ")) {
            const std::string rest = trim(line.substr(7));
            const size_t space = rest.find(' ');
            if (space == std::string::npos) {
                throw fail(i, "-PARAM needs a name and a Cypher literal");
            }
            const std::string name = rest.substr(0, space);
            std::erase_if(parameters, [&](const auto& parameter) { return parameter.first == name; });
            parameters.emplace_back(name, trim(rest.substr(space + 1)));
            ++i;
            continue;
        }
        if (!startsWith(line, "-STATEMENT ")) {
            throw fail(i, "expected -STATEMENT, -PARAM, -DISABLE-RULES, -THREADS, -NAME, -MAYFAIL, -DATASET, -LOAD or a # comment, got: " + line);
        }
        QueryFileStatement statement;
        statement.line = i + 1;
        statement.name = pendingName.empty() ? fmt::format("S{}", file.statements.size() + 1) : pendingName;
        statement.mayFail = pendingMayFail;
        statement.parameters = parameters;
        statement.disabledRules = disabledRules;
        statement.threads = threads;
        statement.graph = std::exchange(graph, std::nullopt);
        statement.query = line.substr(11);
        pendingName.clear();
        pendingMayFail = false;
        ++i;
        while (i < lines.size() && !startsWith(lines[i], "----")) {
            if (lines[i] == "-ORDERED") {
                statement.ordered = true;
            } else {
                statement.query += "\n" + lines[i];
            }
            ++i;
        }
        if (i == lines.size()) {
            throw fail(statement.line - 1, "statement without a ---- expectation line");
        }
        statement.expectationBegin = i;
        i = readExpectation(lines, i, statement, path);
        statement.expectationEnd = i;
        file.statements.push_back(std::move(statement));
    }
    if (graph) {
        throw fail(lines.size() - 1, "a -DATASET or -LOAD line without a statement after it");
    }
    return file;
}

std::string recordAnswers(const QueryFile& file, const std::vector<std::optional<std::vector<std::string>>>& answers) {
    std::string out;
    size_t line = 0;
    for (size_t s = 0; s < file.statements.size(); ++s) {
        const QueryFileStatement& statement = file.statements[s];
        for (; line < statement.expectationBegin; ++line) {
            out += file.lines[line] + "\n";
        }
        if (s < answers.size() && answers[s].has_value()) {
            std::vector<std::string> rows = *answers[s];
            if (!statement.ordered) {
                std::sort(rows.begin(), rows.end()); // a stable file: multiset rows in sorted order
            }
            out += fmt::format("---- {}\n", rows.size());
            for (const std::string& row : rows) {
                out += row + "\n";
            }
            line = statement.expectationEnd;
        }
    }
    for (; line < file.lines.size(); ++line) {
        out += file.lines[line] + "\n";
    }
    return out;
}

} // namespace newsgraph::testing
