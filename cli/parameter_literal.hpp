#pragma once

#include <stdexcept>
#include <string_view>

#include "engine/common/value.hpp"

namespace newsgraph {

// A parameter value that is not a Cypher literal, or one the engine rejects.
class ParameterError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whether `text` is one Cypher literal: a number, a string, true, false, null, date('…'), or a list
// or map of literals (map keys are names or `escaped names`). Expressions, variables, parameters
// and other function calls are not literals.
bool isCypherLiteral(std::string_view text);

// The value of a literal, as the engine reads it (`RETURN <text>`). Throws ParameterError with a
// message saying what is wrong.
Value evaluateParameterLiteral(std::string_view text);

} // namespace newsgraph
