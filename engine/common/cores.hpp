#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace newsgraph {

// The cores this process may really use: the CPUs it is allowed to run on, lowered to a cgroup's
// CPU quota when one is set. std::thread::hardware_concurrency() counts the host's CPUs, so inside a
// container limited to two cores' worth of time it may answer 64 -- and 64 threads sharing two
// cores' quota are throttled together, slowing everything on the machine. Read once; at least 1.
uint32_t availableCores();

// A cgroup v2 `cpu.max` ("QUOTA PERIOD", QUOTA "max" when unlimited) or cgroup v1 quota and period
// as whole cores, rounded up; nullopt when unlimited or unreadable. Exposed for tests.
std::optional<uint32_t> coresFromCpuMax(std::string_view text);
std::optional<uint32_t> coresFromQuota(int64_t quotaMicros, int64_t periodMicros);

} // namespace newsgraph
