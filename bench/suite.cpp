#include "bench/suite.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>

#include <fmt/format.h>

#include "bench/bench_support.hpp"

namespace newsgraph::bench {

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
        throw UsageError("cannot read suite " + path);
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

} // namespace

Suite readSuite(const std::string& path) {
    Suite suite;
    suite.path = path;
    suite.lines = readLines(path);
    const std::vector<std::string>& lines = suite.lines;
    const auto fail = [&](size_t index, const std::string& reason) {
        return UsageError(fmt::format("{}:{}: {}", path, index + 1, reason));
    };
    std::vector<std::pair<std::string, std::string>> parameters;
    std::string pendingName;
    bool pendingMayFail = false;
    size_t i = 0;
    while (i < lines.size()) {
        const std::string& line = lines[i];
        if (trim(line).empty() || line.front() == '#') {
            ++i;
            continue;
        }
        if (startsWith(line, "-DATASET")) {
            suite.dataset = trim(line.substr(8));
            ++i;
            continue;
        }
        if (startsWith(line, "-NAME ")) {
            pendingName = trim(line.substr(6));
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
            throw fail(i, "expected -STATEMENT, -PARAM, -NAME, -MAYFAIL, -DATASET or a # comment, got: " + line);
        }
        SuiteStatement statement;
        statement.line = i + 1;
        statement.name = pendingName.empty() ? fmt::format("S{}", suite.statements.size() + 1) : pendingName;
        statement.mayFail = pendingMayFail;
        statement.parameters = parameters;
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
        const std::string expectation = trim(lines[i].substr(4));
        ++i;
        if (expectation == "?") {
            statement.expected.reset();
        } else {
            size_t count = 0;
            const auto [end, error] = std::from_chars(expectation.data(), expectation.data() + expectation.size(), count);
            if (error != std::errc() || end != expectation.data() + expectation.size()) {
                throw fail(i - 1, "expected '---- N' (N rows follow) or '---- ?', got: " + lines[i - 1]);
            }
            if (i + count > lines.size()) {
                throw fail(i - 1, fmt::format("{} rows announced, only {} lines left", count, lines.size() - i));
            }
            statement.expected = std::vector<std::string>(lines.begin() + static_cast<ptrdiff_t>(i),
                                                          lines.begin() + static_cast<ptrdiff_t>(i + count));
            i += count;
        }
        statement.expectationEnd = i;
        suite.statements.push_back(std::move(statement));
    }
    if (suite.statements.empty()) {
        throw UsageError(path + ": no -STATEMENT in the suite");
    }
    return suite;
}

std::string recordSuite(const Suite& suite, const std::vector<std::optional<std::vector<std::string>>>& answers) {
    std::string out;
    size_t line = 0;
    for (size_t s = 0; s < suite.statements.size(); ++s) {
        const SuiteStatement& statement = suite.statements[s];
        for (; line < statement.expectationBegin; ++line) {
            out += suite.lines[line] + "\n";
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
    for (; line < suite.lines.size(); ++line) {
        out += suite.lines[line] + "\n";
    }
    return out;
}

} // namespace newsgraph::bench
