#pragma once

#include <stdexcept>
#include <string>

namespace newsgraph {

// Base of every error the engine reports to a caller. kind() names the error class the way the
// openCypher TCK does (SyntaxError, SemanticError, TypeError, ...) or the stage (LoadError).
class Exception : public std::runtime_error {
public:
    Exception(std::string kind, const std::string& message)
        : std::runtime_error(message), kind_(std::move(kind)) {}
    const std::string& kind() const { return kind_; }

private:
    std::string kind_;
};

// Errors of the storage stage: invalid values, limits, unknown ids, a batch that fails validation.
class StorageError : public Exception {
public:
    explicit StorageError(const std::string& message) : Exception("StorageError", message) {}
};

} // namespace newsgraph
