// Data-driven end-to-end query tests: every *.test file under tests/e2e/queries becomes one Catch2
// test case (registered before the session runs, so ctest discovers one test per file). The file
// format is described in testing/query_file.hpp; here -LOAD paths may use ${SHARED} for
// ../shared/datasets, and a file with such a -LOAD is skipped when that folder is absent.
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
#include "testing/query_file.hpp"

namespace {

namespace fs = std::filesystem;
using newsgraph::Database;
using newsgraph::Value;

std::map<std::string, fs::path>& testFiles() {
    static std::map<std::string, fs::path> files;
    return files;
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
    newsgraph::testing::QueryFile file;
    try {
        file = newsgraph::testing::readQueryFile(path.string());
    } catch (const newsgraph::testing::QueryFileError& error) {
        FAIL(error.what());
    }
    Database database;
    for (const newsgraph::testing::QueryFileStatement& statement : file.statements) {
        if (statement.graph && statement.graph->kind == newsgraph::testing::GraphDirective::Kind::Dataset) {
            database = openDataset(statement.graph->value);
        } else if (statement.graph) {
            std::optional<Database> loaded = openLoads(statement.graph->value);
            if (!loaded) {
                WARN("skipped: " << NEWSGRAPH_SHARED_DATASETS_DIR << " is not there");
                return;
            }
            database = std::move(*loaded);
        }
        newsgraph::Parameters parameters;
        for (const auto& [parameter, literal] : statement.parameters) {
            parameters.emplace_back(parameter, parseLiteral(literal));
        }
        newsgraph::ExecuteOptions options;
        options.disabledRules = statement.disabledRules;
        options.threads = statement.threads;
        const std::string& query = statement.query;
        INFO(path.filename().string() << ":" << statement.line << ": " << query);
        if (statement.expectation == newsgraph::testing::Expectation::Error) {
            try {
                database.execute(query, parameters, options);
                FAIL("expected " << statement.errorKind << " but the statement succeeded");
            } catch (const newsgraph::QueryError& error) {
                CHECK(error.kind() == statement.errorKind);
                if (!statement.errorNeedle.empty()) {
                    CHECK_THAT(error.render(query), Catch::Contains(statement.errorNeedle));
                }
            }
            continue;
        }
        newsgraph::QueryResult result;
        try {
            result = database.execute(query, parameters, options);
        } catch (const newsgraph::QueryError& error) {
            FAIL(error.render(query));
        }
        if (statement.expectation != newsgraph::testing::Expectation::Rows) {
            REQUIRE(statement.expectation == newsgraph::testing::Expectation::Ok); // `---- ?` is for benchmarks
            continue;
        }
        std::vector<std::string> expected = statement.rows;
        std::vector<std::string> actual;
        for (const auto& row : result.rows) {
            actual.push_back(renderRow(database, row));
        }
        if (!statement.ordered) {
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
