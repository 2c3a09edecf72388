#include "engine/common/cores.hpp"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace newsgraph {

namespace {

std::optional<std::string> readFile(const char* path) {
    std::ifstream in(path);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<int64_t> parseInteger(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// The quota of this process's cgroup: v2's unified cpu.max, else v1's cfs files.
std::optional<uint32_t> cgroupCores() {
    if (const auto cpuMax = readFile("/sys/fs/cgroup/cpu.max")) {
        return coresFromCpuMax(*cpuMax);
    }
    const auto quota = readFile("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
    const auto period = readFile("/sys/fs/cgroup/cpu/cpu.cfs_period_us");
    if (!quota || !period) {
        return std::nullopt;
    }
    const auto quotaValue = parseInteger(*quota);
    const auto periodValue = parseInteger(*period);
    if (!quotaValue || !periodValue) {
        return std::nullopt;
    }
    return coresFromQuota(*quotaValue, *periodValue);
}

uint32_t affinityCores() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        const int count = CPU_COUNT(&set);
        if (count > 0) {
            return static_cast<uint32_t>(count);
        }
    }
    return std::max(1U, std::thread::hardware_concurrency());
}

} // namespace

std::optional<uint32_t> coresFromQuota(int64_t quotaMicros, int64_t periodMicros) {
    if (quotaMicros <= 0 || periodMicros <= 0) {
        return std::nullopt; // -1: unlimited
    }
    const int64_t cores = (quotaMicros + periodMicros - 1) / periodMicros;
    return static_cast<uint32_t>(std::clamp<int64_t>(cores, 1, UINT32_MAX));
}

std::optional<uint32_t> coresFromCpuMax(std::string_view text) {
    const size_t space = text.find(' ');
    if (space == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view quota = text.substr(0, space);
    if (quota == "max") {
        return std::nullopt;
    }
    const auto quotaValue = parseInteger(quota);
    const auto periodValue = parseInteger(text.substr(space + 1));
    if (!quotaValue || !periodValue) {
        return std::nullopt;
    }
    return coresFromQuota(*quotaValue, *periodValue);
}

uint32_t availableCores() {
    static const uint32_t cores = [] {
        uint32_t count = affinityCores();
        if (const auto quota = cgroupCores()) {
            count = std::min(count, *quota);
        }
        return std::max<uint32_t>(1, count);
    }();
    return cores;
}

} // namespace newsgraph
