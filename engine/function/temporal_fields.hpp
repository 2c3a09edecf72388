// Property access on temporal values (Temporal5): `d.year`, `t.hour`, `dt.timezone`,
// `dt.epochSeconds`, `dur.minutesOfHour`, ... A field a type does not have answers nothing (null).
#pragma once

#include <optional>
#include <string_view>

#include "engine/common/value.hpp"

namespace newsgraph::temporalfields {

// The field `name` of the temporal `value`; nothing when that type has no such field.
std::optional<Value> field(const Value& value, std::string_view name);

} // namespace newsgraph::temporalfields
