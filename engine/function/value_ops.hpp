#pragma once

#include <optional>
#include <regex>
#include <string>

#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"

namespace newsgraph {

// Cypher's operators on values, with openCypher TCK semantics. Every function that can fail throws
// QueryError (TypeError / ArgumentError at runtime, detail codes as the TCK names them). Results
// that Cypher calls "null" are a null Value; three-valued predicates return Bool or Null.

// Arithmetic: int op int stays int (overflow -> ArgumentError NumberOutOfRange, integer `/` or `%`
// by zero -> ArgumentError DivisionByZero; see value_ops_arithmetic.cpp), any float makes a float,
// `^` always a float, null in -> null out; `+` also concatenates lists, appends / prepends an
// element to a list, and joins a string with a string, number, boolean or date; a date plus/minus is
// not supported yet (TypeError). Operands of the wrong type: TypeError InvalidArgumentType.
Value add(const Value& lhs, const Value& rhs);
Value subtract(const Value& lhs, const Value& rhs);
Value multiply(const Value& lhs, const Value& rhs);
Value divide(const Value& lhs, const Value& rhs);
Value modulo(const Value& lhs, const Value& rhs);
Value power(const Value& lhs, const Value& rhs);
Value negate(const Value& operand);

// Three-valued logic.
Value logicalAnd(const Value& lhs, const Value& rhs);
Value logicalOr(const Value& lhs, const Value& rhs);
Value logicalXor(const Value& lhs, const Value& rhs);
Value logicalNot(const Value& operand);

// Comparison as `=`, `<>`, `<`, `<=`, `>`, `>=` define it: Bool, or Null when incomparable / null.
Value equals(const Value& lhs, const Value& rhs);
Value notEquals(const Value& lhs, const Value& rhs);
Value lessThan(const Value& lhs, const Value& rhs);
Value lessOrEqual(const Value& lhs, const Value& rhs);
Value greaterThan(const Value& lhs, const Value& rhs);
Value greaterOrEqual(const Value& lhs, const Value& rhs);

// The total order ORDER BY uses across all types (Cypher's "orderability"): negative, zero or
// positive like strcmp. Nulls sort last in ascending order.
int compareForOrder(const Value& lhs, const Value& rhs);
// Equivalence as DISTINCT, grouping keys and UNION use it (null is equivalent to null).
bool equivalent(const Value& lhs, const Value& rhs);
// A hash consistent with equivalent() (1 and 1.0 hash alike).
size_t equivalenceHash(const Value& value);

// String and list predicates.
Value startsWith(const Value& lhs, const Value& rhs);
Value endsWith(const Value& lhs, const Value& rhs);
Value contains(const Value& lhs, const Value& rhs);
Value regexMatch(const Value& lhs, const Value& rhs);
Value inList(const Value& element, const Value& list);

// Indexing and slicing: list[i] (negative from the end), map['key'], list[from..to] (either bound
// may be null = open).
Value subscript(const Value& container, const Value& index);
Value slice(const Value& list, const Value& from, const Value& to);
// Slicing as the TCK wants it (List2): an absent bound (nullopt, `list[1..]`) is open, while a bound
// that evaluates to null (`list[1..null]`) makes the whole slice null.
Value sliceBounds(const Value& list, const std::optional<Value>& from, const std::optional<Value>& to);

} // namespace newsgraph
