#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/common/exception.hpp"

namespace newsgraph {

// Where in the query text something is: 1-based line and column (0 when unknown).
struct SourcePosition {
    uint32_t line = 0;
    uint32_t column = 0;
    bool known() const { return line != 0; }
};

enum class QueryPhase : uint8_t { CompileTime, Runtime };

// An error a query raises, classified as the openCypher TCK does: a kind (SyntaxError,
// SemanticError, TypeError, ArgumentError, EntityNotFound, ConstraintVerificationFailed,
// ParameterMissing, ProcedureError), the phase (compile time or runtime), a detail code
// (UndefinedVariable, InvalidArgumentType, ...) and the position in the query it points at.
// The detail code of a statement stopped by ExecuteOptions::cancelled (kind TransactionError).
inline constexpr std::string_view kCancelledDetail = "Cancelled";

class QueryError : public Exception {
public:
    QueryError(std::string kind, QueryPhase phase, std::string detail, const std::string& message,
               SourcePosition position = {});

    QueryPhase phase() const { return phase_; }
    const std::string& detail() const { return detail_; }
    SourcePosition position() const { return position_; }
    void setPosition(SourcePosition position) { position_ = position; }

    // "SyntaxError: message (line 1, column 7)\n  MATCH (n RETURN n\n         ^" -- the offending line
    // of `query` with a caret under the column, when the position is known.
    std::string render(std::string_view query) const;

private:
    QueryPhase phase_;
    std::string detail_;
    SourcePosition position_;
};

// Shorthands for the common cases.
QueryError syntaxError(std::string detail, const std::string& message, SourcePosition position = {});
QueryError typeError(std::string detail, const std::string& message, SourcePosition position = {});
QueryError argumentError(std::string detail, const std::string& message, SourcePosition position = {});

const char* phaseName(QueryPhase phase);

} // namespace newsgraph
