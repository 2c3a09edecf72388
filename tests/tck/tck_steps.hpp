// The TCK's step vocabulary: what each Given / When / Then line asks for, with its table or
// doc string turned into expected results, errors, side effects or parameters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/tck/feature_parser.hpp"
#include "tests/tck/tck_value.hpp"

namespace newsgraph::tck {

enum class StepKind : uint8_t {
    EmptyGraph,          // Given an empty graph
    AnyGraph,            // Given any graph
    NamedGraph,          // Given the binary-tree-1 graph
    HavingExecuted,      // And having executed: + doc string
    Parameters,          // And parameters are: + table
    Procedure,           // And there exists a procedure ...: + table
    ExecuteQuery,        // When executing query: + doc string
    ExecuteControlQuery, // When executing control query: + doc string
    ExpectResult,        // Then the result should be, in any order / in order / (ignoring ...): + table
    ExpectEmpty,         // Then the result should be empty
    ExpectError,         // Then a <Kind> should be raised at <phase>: <Detail>
    NoSideEffects,       // And no side effects
    SideEffects,         // And the side effects should be: + table
    Unknown,
};

const char* stepKindName(StepKind kind);

enum class RowOrder : uint8_t { Any, Ordered };
enum class ListOrder : uint8_t { Ordered, Ignored };
enum class ErrorPhase : uint8_t { CompileTime, Runtime, AnyTime };

const char* errorPhaseName(ErrorPhase phase);

struct ErrorExpectation {
    std::string kind;   // SyntaxError, TypeError, ...
    ErrorPhase phase = ErrorPhase::AnyTime;
    std::string detail; // UndefinedVariable, ... or * for any
};

struct StepInfo {
    StepKind kind = StepKind::Unknown;
    std::string argument;   // NamedGraph: the graph name; Procedure: the signature
    RowOrder rowOrder = RowOrder::Any;
    ListOrder listOrder = ListOrder::Ordered;
    ErrorExpectation error; // ExpectError only
};

// Recognises a step by its text (the keyword Given / When / Then / And is not significant).
StepInfo classifyStep(std::string_view text);

// `a SyntaxError should be raised at compile time: UnknownFunction` (leading "Then" allowed).
std::optional<ErrorExpectation> parseErrorStep(std::string_view text);

// The eight counters of a side-effects table. Unlisted counters are zero.
struct SideEffects {
    int64_t nodesCreated = 0;
    int64_t nodesDeleted = 0;
    int64_t relationshipsCreated = 0;
    int64_t relationshipsDeleted = 0;
    int64_t propertiesSet = 0;
    int64_t propertiesRemoved = 0;
    int64_t labelsAdded = 0;
    int64_t labelsRemoved = 0;
    bool operator==(const SideEffects&) const = default;
    // "+nodes 1, +properties 2" (only the non-zero counters; "none" when all are zero).
    std::string toString() const;
};

struct SideEffectsParse {
    std::optional<SideEffects> effects;
    std::string error;
};

// `| +nodes | 1 |` rows; keys +/-nodes, +/-relationships, +/-properties, +/-labels.
SideEffectsParse parseSideEffects(const DataTable& table);

struct ExpectedResult {
    std::vector<std::string> columns;
    std::vector<std::vector<TckValue>> rows;
};

struct ExpectedResultParse {
    std::optional<ExpectedResult> result;
    std::string error;
};

// The first row names the columns; every later row holds one TCK value per column.
ExpectedResultParse parseExpectedResult(const DataTable& table);

struct ParametersParse {
    std::optional<std::vector<std::pair<std::string, TckValue>>> parameters;
    std::string error;
};

// `| name | value |` rows, values written as Cypher literals.
ParametersParse parseParameters(const DataTable& table);

} // namespace newsgraph::tck
