#pragma once

// Converting the raw text of number and string literals into values. Failures carry the detail
// code the TCK expects and the byte offset (inside the literal's text) they point at.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "engine/common/value.hpp"

namespace newsgraph::parser {

class LiteralError : public std::runtime_error {
public:
    LiteralError(std::string detail, const std::string& message, size_t offset)
        : std::runtime_error(message), detail_(std::move(detail)), offset_(offset) {}
    const std::string& detail() const { return detail_; }
    size_t offset() const { return offset_; }

private:
    std::string detail_;
    size_t offset_;
};

// A number literal as the grammar captured it: decimal, 0x hexadecimal or 0o octal integer, or a
// float (digits with a fraction and/or an exponent). `negative` folds a preceding unary minus in,
// so that -9223372036854775808 is representable. Throws LiteralError: InvalidNumberLiteral
// (letters glued to the digits, `0x` without digits, bad digits), IntegerOverflow (outside
// int64), FloatingPointOverflow (beyond the range of a double).
Value convertNumberLiteral(std::string_view text, bool negative);

// A string literal with its quotes; decodes the escapes \\ \' \" \b \f \n \r \t \uXXXX and
// \UXXXXXXXX (UTF-16 surrogate pairs given as two \u escapes are joined). Throws LiteralError:
// InvalidUnicodeLiteral (bad \u / \U escape), UnexpectedSyntax (unknown escape).
std::string decodeStringLiteral(std::string_view text);

// A relationship hop count of a range literal (`*2..5`). Throws LiteralError IntegerOverflow.
uint64_t convertHopCount(std::string_view digits);

} // namespace newsgraph::parser
