// Named time zones from the system's tz database (/usr/share/zoneinfo), read through Howard
// Hinnant's date library (Debian's libhowardhinnant-date-dev): C++20's <chrono> zones are not in
// GCC 12. A zone is known to values by a small id, interned here on first use, so that a DATETIME
// stays a few machine words; the id is valid for the life of the process.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::timezone {

// The id of the zone named `name` (Europe/Stockholm, UTC, ...); nothing when the database has no such zone.
std::optional<int32_t> find(std::string_view name);
// The name a zone was found under.
const std::string& name(int32_t zone);
// The offset from UTC in seconds that `zone` has at the instant `utcSeconds`.
int32_t offsetAt(int32_t zone, int64_t utcSeconds);

// What a local time is in a zone: one offset, none (a gap: `earlier` before it, `later` after
// it), or two (an overlap: `earlier` is the offset before the change).
struct LocalOffsets {
    int32_t earlier = 0;
    int32_t later = 0;
    bool gap = false;
};
LocalOffsets offsetsFor(int32_t zone, int64_t localSeconds);

} // namespace newsgraph::timezone
