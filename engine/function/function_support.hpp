// Private helpers shared by the operator and function library (engine/function/*.cpp): error
// construction with the TCK's detail codes, numeric coercion, checked integer arithmetic, UTF-8
// code point handling and the text form values take in string concatenation and toString().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"

namespace newsgraph::fnsupport {

// Detail codes, spelled as the openCypher TCK spells them.
inline constexpr const char* kInvalidArgumentType = "InvalidArgumentType";
inline constexpr const char* kInvalidArgumentValue = "InvalidArgumentValue";
inline constexpr const char* kNumberOutOfRange = "NumberOutOfRange";
inline constexpr const char* kNegativeIntegerArgument = "NegativeIntegerArgument";
inline constexpr const char* kMapElementAccessByNonString = "MapElementAccessByNonString";
inline constexpr const char* kDeletedEntityAccess = "DeletedEntityAccess";
// Not a TCK code (the TCK has no integer division by zero scenario); an ArgumentError like overflow.
inline constexpr const char* kDivisionByZero = "DivisionByZero";
inline constexpr const char* kEntityNotFound = "EntityNotFound";

// An operator applied to operands of types it does not accept: TypeError InvalidArgumentType.
QueryError operandTypeError(std::string_view op, const Value& lhs, const Value& rhs);
QueryError operandTypeError(std::string_view op, const Value& operand);
// A function given an argument of a type it does not accept: TypeError InvalidArgumentValue (the
// detail the TCK expects for toInteger(), toBoolean(), labels(), type(), ... at runtime).
QueryError argumentTypeError(std::string_view function, const Value& argument);
// A function given an argument of the right type but an unusable value: ArgumentError.
QueryError argumentValueError(std::string_view detail, std::string_view function, const std::string& message);
// Integer arithmetic left the 64-bit range: ArgumentError NumberOutOfRange.
QueryError integerOverflow(std::string_view op);
// A deleted node or relationship was read: EntityNotFound DeletedEntityAccess.
QueryError deletedEntity(const Value& entity);

// The i-th argument, or null past the end (so a wrong call count never reads out of bounds).
const Value& argAt(std::span<const Value> args, size_t index);

bool isNumber(const Value& value);
// An Int or Float as a double.
double numberAsDouble(const Value& value);

// Checked 64-bit integer arithmetic: throws integerOverflow(op) when the result does not fit.
int64_t checkedAdd(int64_t lhs, int64_t rhs);
int64_t checkedSubtract(int64_t lhs, int64_t rhs);
int64_t checkedMultiply(int64_t lhs, int64_t rhs);

// Exact three-way comparison of an integer and a non-NaN double: negative, zero or positive.
int compareIntDouble(int64_t lhs, double rhs);

// Whether a value takes part in string concatenation (`'a' + 1`): strings, numbers, booleans, dates.
bool isTextConvertible(const Value& value);
// The text of such a value: strings as they are, 42, 1.0, true, 2025-05-28.
std::string textOf(const Value& value);

// UTF-8 <-> code points. Invalid bytes decode to U+FFFD each.
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(std::u32string_view codePoints);
void appendUtf8(std::string& out, char32_t codePoint);
// The number of code points in well-formed UTF-8 (bytes that do not start a sequence are skipped).
size_t codePointCount(std::string_view text);

// ASCII case folding for case-insensitive function name lookup.
bool equalsIgnoreCase(std::string_view lhs, std::string_view rhs);

} // namespace newsgraph::fnsupport
