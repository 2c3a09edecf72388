#pragma once
// Query files: the data-driven format of the end-to-end tests (tests/e2e/queries/*.test) and of
// the benchmark suites (bench/suites/*.bench). One reader for both.
//
// Blank lines and lines starting with # may stand between blocks.
//   -DATASET name                       the graph to start from: a bundled dataset, or `empty`
//                                       (benchmark suites: a label, --load gives the data)
//   -LOAD FORMAT:PATH [FORMAT:PATH...]  a graph from the news loaders (like newsgraph --load)
//   -PARAM name <cypher literal>        a parameter for the statements that follow (a later one of
//                                       the same name replaces it)
//   -DISABLE-RULES name...              optimizer rules switched off for the statements that follow
//                                       (until the next -DISABLE-RULES; with no names: none off)
//   -NAME Q1                            the next statement's name in reports (default: S<n>)
//   -MAYFAIL                            the next statement may be unsupported yet (benchmarks)
//   -STATEMENT <query, continued on the following lines up to the ---- line>
//   -ORDERED                            (among the query's lines) rows compare in order
//   ---- ok                             the statement succeeds, result ignored
//   ---- N                              N rows follow: columns joined by " | ", values as the TCK writes them
//   ---- ?                              the answer is recorded, not checked (benchmarks on generated data)
//   ---- error KIND                     the statement fails with KIND; the next line, unless it is
//                                       empty or starts with - or #, must occur in the message
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace newsgraph::testing {

// A malformed query file; the message starts with path:line.
class QueryFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A -DATASET or -LOAD line: the graph the statements after it run on.
struct GraphDirective {
    enum class Kind { Dataset, Load };
    Kind kind = Kind::Dataset;
    std::string value; // the dataset name, or the FORMAT:PATH list
};

enum class Expectation { Ok, Rows, Unchecked, Error };

struct QueryFileStatement {
    std::string name;
    std::string query;
    std::vector<std::pair<std::string, std::string>> parameters; // name, literal text
    std::vector<std::string> disabledRules; // optimizer rule names (checked when the statement runs)
    std::optional<uint32_t> threads;        // -THREADS N since; none: every core
    std::optional<GraphDirective> graph; // a -DATASET / -LOAD line since the previous statement
    bool ordered = false;
    bool mayFail = false;
    Expectation expectation = Expectation::Ok;
    std::vector<std::string> rows; // Rows
    std::string errorKind;         // Error
    std::string errorNeedle;       // Error: text the message must contain (may be empty)
    size_t line = 0;               // of -STATEMENT, 1-based
    // Lines [expectationBegin, expectationEnd) hold the ---- line and what follows it (recordAnswers).
    size_t expectationBegin = 0;
    size_t expectationEnd = 0;
};

struct QueryFile {
    std::string path;
    std::string dataset; // the first -DATASET's name
    std::vector<std::string> lines; // as read, for recordAnswers
    std::vector<QueryFileStatement> statements;
};

// Reads and checks a query file; throws QueryFileError for anything malformed.
QueryFile readQueryFile(const std::string& path);

// The file's text with answers[i] (the rows of statement i, when it has them) written in as
// `---- N` blocks, multiset rows sorted; other statements keep their expectation.
std::string recordAnswers(const QueryFile& file, const std::vector<std::optional<std::vector<std::string>>>& answers);

} // namespace newsgraph::testing
