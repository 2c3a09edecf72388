// Data-driven end-to-end query tests: every *.test file under tests/e2e/queries becomes one Catch2
// test case (registered before the session runs, so ctest discovers one test per file).
//
// File format (one statement per block; blank lines and lines starting with # between blocks):
//   -DATASET czech-apt31 | empty          the graph to start from (default: empty)
//   -LOAD FORMAT:PATH [FORMAT:PATH...]     a graph from the news loaders (like newsgraph --load);
//                                           ${SHARED} in a path is ../shared/datasets, and the
//                                           file is skipped when that folder is absent
//   -PARAM name <cypher literal>            a parameter for the statements that follow
//   -STATEMENT <query, may continue on following lines until the ---- line>
//   -ORDERED                                rows compare in order (default: as a multiset)
//   ---- ok                                 the statement succeeds (result ignored)
//   ---- N                                  N rows follow, columns joined by " | ", values as the TCK writes them
//   ---- error KIND                         fails with KIND; the next line, if any, must occur in the message
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"
#include "loaders/native_loader.hpp"
#include "query/database.hpp"
#include "query/parser/parser.hpp"

namespace {

namespace fs = std::filesystem;
using newsgraph::Database;
using newsgraph::Value;

std::map<std::string, fs::path>& testFiles() {
    static std::map<std::string, fs::path> files;
    return files;
}

std::vector<std::string> readLines(const fs::path& path) {
    std::ifstream input(path);
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

Database openDataset(const std::string& name) {
    if (name.empty() || name == "empty") {
        return Database();
    }
    newsgraph::GraphBuilder builder;
    newsgraph::LoadReport report;
    newsgraph::LoadOptions options;
    options.strict = true;
    newsgraph::loadDataset(builder, std::string(NEWSGRAPH_DATASETS_DIR) + "/" + name, options, report);
    return Database(std::move(builder).freeze());
}

// The graph of one -LOAD line: each FORMAT:PATH loaded in order (strict: a reject fails the test).
std::optional<Database> openLoads(const std::string& specs) {
    const std::string shared = NEWSGRAPH_SHARED_DATASETS_DIR;
    if (!fs::is_directory(shared)) {
        return std::nullopt;
    }
    newsgraph::GraphBuilder builder;
    newsgraph::LoadOptions options;
    options.strict = true;
    std::istringstream words(specs);
    std::string spec;
    while (words >> spec) {
        if (const size_t at = spec.find("${SHARED}"); at != std::string::npos) {
            spec.replace(at, std::string("${SHARED}").size(), shared);
        }
        newsgraph::LoadReport report;
        newsgraph::loadSpec(builder, spec, options, report);
    }
    return Database(std::move(builder).freeze());
}

Value parseLiteral(const std::string& text) {
    // A parameter value: evaluated by the engine itself as `RETURN <literal>`.
    Database scratch;
    const auto result = scratch.execute("RETURN " + text + " AS v");
    return result.rows.at(0).at(0);
}

std::string renderRow(const Database& database, const std::vector<Value>& row) {
    std::string out;
    for (size_t i = 0; i < row.size(); ++i) {
        out += (i == 0 ? "" : " | ") + database.render(row[i]);
    }
    return out;
}

void runFile() {
    const std::string name = Catch::getResultCapture().getCurrentTestName();
    const fs::path path = testFiles().at(name);
    const std::vector<std::string> lines = readLines(path);
    Database database;
    newsgraph::Parameters parameters;
    size_t i = 0;
    while (i < lines.size()) {
        const std::string& line = lines[i];
        if (line.empty() || line.front() == '#') {
            ++i;
            continue;
        }
        if (line.rfind("-DATASET", 0) == 0) {
            database = openDataset(line.size() > 9 ? line.substr(9) : "");
            ++i;
            continue;
        }
        if (line.rfind("-LOAD ", 0) == 0) {
            std::optional<Database> loaded = openLoads(line.substr(6));
            if (!loaded) {
                WARN("skipped: " << NEWSGRAPH_SHARED_DATASETS_DIR << " is not there");
                return;
            }
            database = std::move(*loaded);
            ++i;
            continue;
        }
        if (line.rfind("-PARAM ", 0) == 0) {
            const std::string rest = line.substr(7);
            const size_t space = rest.find(' ');
            parameters.emplace_back(rest.substr(0, space), parseLiteral(rest.substr(space + 1)));
            ++i;
            continue;
        }
        REQUIRE(line.rfind("-STATEMENT ", 0) == 0);
        const size_t statementLine = i + 1;
        std::string query = line.substr(11);
        bool ordered = false;
        ++i;
        while (i < lines.size() && lines[i].rfind("----", 0) != 0) {
            if (lines[i] == "-ORDERED") {
                ordered = true;
            } else {
                query += "\n" + lines[i];
            }
            ++i;
        }
        REQUIRE(i < lines.size());
        const std::string expectation = lines[i].substr(4);
        ++i;
        INFO(path.filename().string() << ":" << statementLine << ": " << query);
        if (expectation.rfind(" error ", 0) == 0) {
            const std::string kind = expectation.substr(7);
            std::string needle;
            if (i < lines.size() && !lines[i].empty() && lines[i].front() != '-' && lines[i].front() != '#') {
                needle = lines[i++];
            }
            try {
                database.execute(query, parameters);
                FAIL("expected " << kind << " but the statement succeeded");
            } catch (const newsgraph::QueryError& error) {
                CHECK(error.kind() == kind);
                if (!needle.empty()) {
                    CHECK_THAT(error.render(query), Catch::Contains(needle));
                }
            }
            continue;
        }
        newsgraph::QueryResult result;
        try {
            result = database.execute(query, parameters);
        } catch (const newsgraph::QueryError& error) {
            FAIL(error.render(query));
        }
        if (expectation == " ok") {
            continue;
        }
        const size_t count = std::stoul(expectation);
        std::vector<std::string> expected;
        for (size_t k = 0; k < count && i < lines.size(); ++k) {
            expected.push_back(lines[i++]);
        }
        std::vector<std::string> actual;
        for (const auto& row : result.rows) {
            actual.push_back(renderRow(database, row));
        }
        if (!ordered) {
            std::sort(expected.begin(), expected.end());
            std::sort(actual.begin(), actual.end());
        }
        CHECK(actual == expected);
    }
}

void registerFiles(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.is_regular_file() && entry.path().extension() == ".test") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        const std::string name = "e2e/" + fs::relative(file, root).replace_extension().string();
        testFiles().emplace(name, file);
        Catch::AutoReg registration(Catch::makeTestInvoker(&runFile), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                                    Catch::NameAndTags{testFiles().find(name)->first, "[e2e]"});
    }
}

} // namespace

int main(int argc, char* argv[]) {
    registerFiles(NEWSGRAPH_E2E_DIR);
    return Catch::Session().run(argc, argv);
}
