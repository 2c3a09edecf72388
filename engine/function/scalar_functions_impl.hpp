// Private: the built-in scalar functions, one ScalarFn each, registered in scalar_functions.cpp.
// Every function returns null for a null main argument unless noted, throws TypeError
// InvalidArgumentValue for an argument of the wrong type (the detail the TCK expects at runtime for
// toInteger(), labels(), type(), ...) and ArgumentError for a right-typed but unusable value.
#pragma once

#include <span>

#include "engine/function/function_context.hpp"

namespace newsgraph::scalarfn {

using Args = std::span<const Value>;

// Graph: scalar_functions_graph.cpp.
Value id(Args args, const EntityAccessor& entities);
Value labels(Args args, const EntityAccessor& entities);
Value type(Args args, const EntityAccessor& entities);
Value properties(Args args, const EntityAccessor& entities);
Value keys(Args args, const EntityAccessor& entities);
Value startNode(Args args, const EntityAccessor& entities);
Value endNode(Args args, const EntityAccessor& entities);
Value nodes(Args args, const EntityAccessor& entities);
Value relationships(Args args, const EntityAccessor& entities);
Value length(Args args, const EntityAccessor& entities);
Value exists(Args args, const EntityAccessor& entities);

// Lists: scalar_functions_list.cpp.
Value size(Args args, const EntityAccessor& entities);
Value head(Args args, const EntityAccessor& entities);
Value last(Args args, const EntityAccessor& entities);
Value tail(Args args, const EntityAccessor& entities);
Value range(Args args, const EntityAccessor& entities);
Value reverse(Args args, const EntityAccessor& entities);
Value coalesce(Args args, const EntityAccessor& entities);
Value isEmpty(Args args, const EntityAccessor& entities);

// Strings: scalar_functions_string.cpp.
Value toUpper(Args args, const EntityAccessor& entities);
Value toLower(Args args, const EntityAccessor& entities);
Value trim(Args args, const EntityAccessor& entities);
Value lTrim(Args args, const EntityAccessor& entities);
Value rTrim(Args args, const EntityAccessor& entities);
Value replace(Args args, const EntityAccessor& entities);
Value substring(Args args, const EntityAccessor& entities);
Value left(Args args, const EntityAccessor& entities);
Value right(Args args, const EntityAccessor& entities);
Value split(Args args, const EntityAccessor& entities);

// Numbers: scalar_functions_math.cpp.
Value abs(Args args, const EntityAccessor& entities);
Value ceil(Args args, const EntityAccessor& entities);
Value floor(Args args, const EntityAccessor& entities);
Value sign(Args args, const EntityAccessor& entities);
Value sqrt(Args args, const EntityAccessor& entities);
Value exp(Args args, const EntityAccessor& entities);
Value log(Args args, const EntityAccessor& entities);
Value log10(Args args, const EntityAccessor& entities);
Value e(Args args, const EntityAccessor& entities);
Value pi(Args args, const EntityAccessor& entities);
Value rand(Args args, const EntityAccessor& entities);
Value sin(Args args, const EntityAccessor& entities);
Value cos(Args args, const EntityAccessor& entities);
Value tan(Args args, const EntityAccessor& entities);
Value cot(Args args, const EntityAccessor& entities);
Value asin(Args args, const EntityAccessor& entities);
Value acos(Args args, const EntityAccessor& entities);
Value atan(Args args, const EntityAccessor& entities);
Value atan2(Args args, const EntityAccessor& entities);
Value degrees(Args args, const EntityAccessor& entities);
Value radians(Args args, const EntityAccessor& entities);
Value haversin(Args args, const EntityAccessor& entities);
Value isNaN(Args args, const EntityAccessor& entities);
// round(x), round(x, precision), round(x, precision, mode): scalar_functions_round.cpp.
Value round(Args args, const EntityAccessor& entities);

// Conversions: scalar_functions_convert.cpp.
Value toString(Args args, const EntityAccessor& entities);
Value toInteger(Args args, const EntityAccessor& entities);
Value toFloat(Args args, const EntityAccessor& entities);
Value toBoolean(Args args, const EntityAccessor& entities);
Value toStringOrNull(Args args, const EntityAccessor& entities);
Value toIntegerOrNull(Args args, const EntityAccessor& entities);
Value toFloatOrNull(Args args, const EntityAccessor& entities);
Value toBooleanOrNull(Args args, const EntityAccessor& entities);

// Temporal values: scalar_functions_temporal.cpp.
Value date(Args args, const EntityAccessor& entities);
Value dateClock(Args args, const EntityAccessor& entities);
Value dateRealtime(Args args, const EntityAccessor& entities);
Value dateTruncate(Args args, const EntityAccessor& entities);
Value localtime(Args args, const EntityAccessor& entities);
Value localtimeClock(Args args, const EntityAccessor& entities);
Value localtimeRealtime(Args args, const EntityAccessor& entities);
Value localtimeTruncate(Args args, const EntityAccessor& entities);
Value time(Args args, const EntityAccessor& entities);
Value timeClock(Args args, const EntityAccessor& entities);
Value timeRealtime(Args args, const EntityAccessor& entities);
Value timeTruncate(Args args, const EntityAccessor& entities);
Value localdatetime(Args args, const EntityAccessor& entities);
Value localdatetimeClock(Args args, const EntityAccessor& entities);
Value localdatetimeRealtime(Args args, const EntityAccessor& entities);
Value localdatetimeTruncate(Args args, const EntityAccessor& entities);
Value datetime(Args args, const EntityAccessor& entities);
Value datetimeClock(Args args, const EntityAccessor& entities);
Value datetimeRealtime(Args args, const EntityAccessor& entities);
Value datetimeTruncate(Args args, const EntityAccessor& entities);
Value datetimeFromEpoch(Args args, const EntityAccessor& entities);
Value datetimeFromEpochMillis(Args args, const EntityAccessor& entities);
Value duration(Args args, const EntityAccessor& entities);
Value durationBetween(Args args, const EntityAccessor& entities);
Value durationInMonths(Args args, const EntityAccessor& entities);
Value durationInDays(Args args, const EntityAccessor& entities);
Value durationInSeconds(Args args, const EntityAccessor& entities);
Value timestamp(Args args, const EntityAccessor& entities);

} // namespace newsgraph::scalarfn
