// Notifications: a read-only statement that names a property key, label or relationship type
// the graph does not have still runs (openCypher: the answer is nulls or no rows), but the user
// most likely mistyped it (`RETURN a.nmae`). Neo4j prints a notification; so do we, with the
// closest name the graph has.
#include <algorithm>
#include <functional>
#include <limits>

#include <fmt/format.h>

#include "query/planner/planner_impl.hpp"

namespace newsgraph {

namespace {

// The number of single-character edits (insert, delete, replace, swap of neighbours) between
// two names, ignoring case: how far `nmae` is from `name`.
size_t editDistance(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

constexpr size_t kMaxSuggestionDistance = 2;
constexpr size_t kMaxNamesScanned = 100'000; // catalogs past this are not searched for a suggestion

// " (did you mean 'name'?)" for the nearest of `count` names, or nothing when none is near.
std::string suggestion(std::string_view unknown, uint32_t count, const std::function<const std::string&(uint32_t)>& nameOf) {
    size_t best = std::numeric_limits<size_t>::max();
    const std::string* bestName = nullptr;
    for (uint32_t id = 0; id < count && id < kMaxNamesScanned; ++id) {
        const std::string& name = nameOf(id);
        const size_t distance = editDistance(unknown, name);
        if (distance < best) {
            best = distance;
            bestName = &name;
        }
    }
    if (bestName == nullptr || best > kMaxSuggestionDistance || best >= unknown.size()) {
        return {};
    }
    return fmt::format(" (did you mean '{}'?)", *bestName);
}

} // namespace

void Planner::addNotifications() {
    if (prepared_.writes) {
        return; // a write may be what creates the name
    }
    const Catalog& catalog = graph_.catalog();
    for (const std::string& key : unknown_.keys) {
        prepared_.notifications.push_back(
            fmt::format("the property key '{}' is not in the graph{}", key,
                        suggestion(key, catalog.keyCount(), [&](uint32_t id) -> const std::string& {
                            return catalog.keyName(static_cast<PropertyKeyId>(id));
                        })));
    }
    for (const std::string& label : unknown_.labels) {
        prepared_.notifications.push_back(
            fmt::format("the label '{}' is not in the graph{}", label,
                        suggestion(label, catalog.labelCount(), [&](uint32_t id) -> const std::string& {
                            return catalog.labelName(static_cast<LabelId>(id));
                        })));
    }
    for (const std::string& type : unknown_.types) {
        prepared_.notifications.push_back(
            fmt::format("the relationship type '{}' is not in the graph{}", type,
                        suggestion(type, catalog.typeCount(), [&](uint32_t id) -> const std::string& {
                            return catalog.typeName(static_cast<TypeId>(id));
                        })));
    }
}

} // namespace newsgraph
