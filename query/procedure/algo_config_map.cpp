#include "query/procedure/algo_config_map.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "engine/common/query_error.hpp"

namespace newsgraph {

namespace {

constexpr std::array<std::string_view, 13> kKnownKeys{"types",      "direction", "from",       "to",      "dateProperty",
                                                      "minEdgeCount", "weight",  "iterations", "damping", "tolerance",
                                                      "samples",    "seed",      "threads"};
// A type id no graph has: `types` naming only unknown types must select nothing, not everything.
constexpr TypeId kNoSuchType = std::numeric_limits<TypeId>::max();

class ConfigReader {
public:
    ConfigReader(std::string_view procedure, const Graph& graph) : procedure_(procedure), graph_(graph) {}

    [[noreturn]] void fail(std::string_view key, std::string_view problem) const {
        throw argumentError("InvalidArgumentValue", fmt::format("{}: config key '{}' {}", procedure_, key, problem));
    }

    int64_t integer(std::string_view key, const Value& value, int64_t min, int64_t max) const {
        if (value.type() != ValueType::Int) {
            fail(key, "must be an integer");
        }
        if (value.asInt() < min || value.asInt() > max) {
            fail(key, fmt::format("must be between {} and {}", min, max));
        }
        return value.asInt();
    }

    double number(std::string_view key, const Value& value) const {
        if (value.type() == ValueType::Int) {
            return static_cast<double>(value.asInt());
        }
        if (value.type() != ValueType::Float || !std::isfinite(value.asFloat())) {
            fail(key, "must be a finite number");
        }
        return value.asFloat();
    }

    std::string string(std::string_view key, const Value& value) const {
        if (value.type() != ValueType::String) {
            fail(key, "must be a string");
        }
        return value.asString();
    }

    // Windows are whole days (events carry a date): a datetime counts by its day in UTC, a local
    // datetime by its own day.
    Date date(std::string_view key, const Value& value) const {
        switch (value.type()) {
        case ValueType::Date: return value.asDate();
        case ValueType::LocalDateTime: return value.asLocalDateTime().date();
        case ValueType::DateTime: {
            const DateTime instant = value.asDateTime();
            return Date::fromDays(static_cast<int32_t>(floorDiv(instant.epochSeconds(), kSecondsPerDay)));
        }
        case ValueType::String:
            if (auto parsed = Date::parse(value.asString())) {
                return *parsed;
            }
            break;
        default: break;
        }
        fail(key, "must be a date, a datetime or a 'YYYY-MM-DD' string");
    }

    std::vector<TypeId> types(const Value& value) const {
        std::vector<std::string> names;
        if (value.type() == ValueType::String) {
            names.push_back(value.asString());
        } else if (value.type() == ValueType::List) {
            for (const Value& item : value.asList()) {
                if (item.type() != ValueType::String) {
                    fail("types", "must be a string or a list of strings");
                }
                names.push_back(item.asString());
            }
        } else {
            fail("types", "must be a string or a list of strings");
        }
        std::vector<TypeId> ids;
        for (const std::string& name : names) {
            if (auto id = graph_.catalog().findType(name)) {
                ids.push_back(*id);
            }
        }
        if (ids.empty() && !names.empty()) {
            ids.push_back(kNoSuchType);
        }
        return ids;
    }

    algo::EdgeDirection direction(const Value& value) const {
        std::string text = string("direction", value);
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
        if (text == "out" || text == "outgoing") {
            return algo::EdgeDirection::Out;
        }
        if (text == "in" || text == "incoming") {
            return algo::EdgeDirection::In;
        }
        if (text == "both" || text == "undirected") {
            return algo::EdgeDirection::Both;
        }
        fail("direction", "must be 'out', 'in' or 'both'");
    }

private:
    std::string_view procedure_;
    const Graph& graph_;
};

} // namespace

algo::AlgoConfig readAlgoConfig(std::string_view procedure, const Value& config, const Graph& graph,
                                algo::EdgeDirection defaultDirection) {
    algo::AlgoConfig out;
    out.direction = defaultDirection;
    if (config.isNull()) {
        return out;
    }
    if (config.type() != ValueType::Map) {
        throw argumentError("InvalidArgumentValue", fmt::format("{}: the config must be a map", procedure));
    }
    const ConfigReader read(procedure, graph);
    constexpr int64_t kMaxCount = std::numeric_limits<uint32_t>::max();
    for (const auto& [key, value] : config.asMap()) {
        if (value.isNull()) {
            continue; // an absent setting: the default
        }
        if (key == "types") {
            out.types = read.types(value);
        } else if (key == "direction") {
            out.direction = read.direction(value);
        } else if (key == "from") {
            out.from = read.date(key, value);
        } else if (key == "to") {
            out.to = read.date(key, value);
        } else if (key == "dateProperty") {
            out.dateKey = read.string(key, value);
        } else if (key == "minEdgeCount") {
            out.minEdgeCount = static_cast<uint32_t>(read.integer(key, value, 1, kMaxCount));
        } else if (key == "weight") {
            out.weightKey = read.string(key, value);
        } else if (key == "iterations") {
            out.maxIterations = static_cast<uint32_t>(read.integer(key, value, 1, kMaxCount));
        } else if (key == "damping") {
            out.damping = read.number(key, value);
            if (out.damping < 0.0 || out.damping >= 1.0) {
                read.fail(key, "must be at least 0 and below 1");
            }
        } else if (key == "tolerance") {
            out.tolerance = read.number(key, value);
            if (out.tolerance < 0.0) {
                read.fail(key, "must not be negative");
            }
        } else if (key == "samples") {
            out.samples = static_cast<uint32_t>(read.integer(key, value, 0, kMaxCount));
        } else if (key == "seed") {
            out.seed = static_cast<uint64_t>(read.integer(key, value, 0, std::numeric_limits<int64_t>::max()));
        } else if (key == "threads") {
            constexpr int64_t kMaxThreads = 256;
            out.threads = static_cast<uint32_t>(read.integer(key, value, 0, kMaxThreads));
        } else {
            std::string known;
            for (std::string_view name : kKnownKeys) {
                known += fmt::format("{}{}", known.empty() ? "" : ", ", name);
            }
            read.fail(key, fmt::format("is unknown (known keys: {})", known));
        }
    }
    if (out.from && out.to && out.to->days() < out.from->days()) {
        read.fail("to", "is before 'from'");
    }
    return out;
}

} // namespace newsgraph
