#pragma once
// Benchmark suites: the end-to-end test syntax (tests/e2e/e2e_main.cpp) plus two directives.
//
//   # comment                       (between blocks)
//   -DATASET name                   what the suite was written for (a label; --load gives the data)
//   -NAME Q1                        the name of the next statement in reports (default: S<n>)
//   -PARAM name <cypher literal>    a parameter for the statements that follow
//   -MAYFAIL                        the next statement may be unsupported by the engine yet: a
//                                   failure is reported as "unsupported", not as an error
//   -STATEMENT <query, continued on following lines until the ---- line>
//   -ORDERED                        rows compare in order (default: as a multiset)
//   ---- N                          N expected rows follow, columns joined by " | ", values as the TCK writes them
//   ---- ?                          the answer depends on generated data: record it, do not check it
//                                   (`query_bench --record OUT` writes the suite with the answers filled in)
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace newsgraph::bench {

struct SuiteStatement {
    std::string name;
    std::string query;
    std::vector<std::pair<std::string, std::string>> parameters; // name, literal text
    bool ordered = false;
    bool mayFail = false;
    std::optional<std::vector<std::string>> expected; // nothing for `---- ?`
    size_t line = 0;                                  // of -STATEMENT, 1-based
    // The lines [expectationBegin, expectationEnd) hold the `----` line and its rows (for --record).
    size_t expectationBegin = 0;
    size_t expectationEnd = 0;
};

struct Suite {
    std::string path;
    std::string dataset;
    std::vector<std::string> lines; // the file as read, for --record
    std::vector<SuiteStatement> statements;
};

// Reads and checks a suite; throws UsageError naming file:line for anything malformed.
Suite readSuite(const std::string& path);

// The suite's text with the expectations of `answers[i]` (rows of statement i, when it has them)
// written in; statements without an answer keep their original expectation.
std::string recordSuite(const Suite& suite, const std::vector<std::optional<std::vector<std::string>>>& answers);

} // namespace newsgraph::bench
