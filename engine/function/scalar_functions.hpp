#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/function/function_context.hpp"

namespace newsgraph {

using ScalarFn = Value (*)(std::span<const Value> args, const EntityAccessor& entities);

// A built-in scalar function: id, labels, type, properties, keys, size, length, nodes,
// relationships, startNode, endNode, head, last, tail, range, reverse, coalesce, toString,
// toInteger, toFloat, toBoolean, abs, ceil, floor, round, sign, sqrt, exp, log, log10, e, pi, rand,
// sin/cos/tan/asin/acos/atan/atan2/cot/degrees/radians/haversin, the string functions (toUpper,
// toLower, trim, lTrim, rTrim, replace, substring, left, right, split, reverse), exists, date, ...
struct ScalarFunction {
    std::string_view name;     // canonical spelling, e.g. "toInteger"
    uint32_t minArgs;
    uint32_t maxArgs;          // UINT32_MAX: variadic
    ScalarFn fn;
};

// Looks a function up by name, case-insensitively; nullptr when unknown.
const ScalarFunction* findScalarFunction(std::string_view name);
// Every built-in scalar function (for completion and documentation).
std::span<const ScalarFunction> scalarFunctions();

} // namespace newsgraph
