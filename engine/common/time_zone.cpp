#include "engine/common/time_zone.hpp"

#include <chrono>
#include <deque>
#include <mutex>
#include <stdexcept>

#include <date/tz.h>

namespace newsgraph::timezone {

namespace {

struct Entry {
    std::string name;
    const date::time_zone* zone;
};

// A deque: references to names handed out stay valid as zones are added.
struct Registry {
    std::mutex mutex;
    std::deque<Entry> entries;
};

Registry& registry() {
    static Registry instance;
    return instance;
}

const date::time_zone* zoneOf(int32_t zone) {
    Registry& shared = registry();
    const std::lock_guard lock(shared.mutex);
    return shared.entries.at(static_cast<size_t>(zone)).zone;
}

int32_t seconds(std::chrono::seconds offset) { return static_cast<int32_t>(offset.count()); }

} // namespace

std::optional<int32_t> find(std::string_view name) {
    Registry& shared = registry();
    const std::lock_guard lock(shared.mutex);
    for (size_t i = 0; i < shared.entries.size(); ++i) {
        if (shared.entries[i].name == name) {
            return static_cast<int32_t>(i);
        }
    }
    const date::time_zone* zone = nullptr;
    try {
        zone = date::locate_zone(std::string(name));
    } catch (const std::exception&) {
        return std::nullopt; // the library says "not found" by throwing; unknown names are user input
    }
    shared.entries.push_back(Entry{std::string(name), zone});
    return static_cast<int32_t>(shared.entries.size() - 1);
}

const std::string& name(int32_t zone) {
    Registry& shared = registry();
    const std::lock_guard lock(shared.mutex);
    return shared.entries.at(static_cast<size_t>(zone)).name;
}

int32_t offsetAt(int32_t zone, int64_t utcSeconds) {
    const date::sys_seconds instant{std::chrono::seconds{utcSeconds}};
    return seconds(zoneOf(zone)->get_info(instant).offset);
}

LocalOffsets offsetsFor(int32_t zone, int64_t localSeconds) {
    const date::local_seconds local{std::chrono::seconds{localSeconds}};
    const date::local_info info = zoneOf(zone)->get_info(local);
    LocalOffsets offsets;
    offsets.earlier = seconds(info.first.offset);
    offsets.later = info.result == date::local_info::unique ? offsets.earlier : seconds(info.second.offset);
    offsets.gap = info.result == date::local_info::nonexistent;
    return offsets;
}

} // namespace newsgraph::timezone
