#include "engine/common/memory_limit.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

#include <fmt/format.h>
#include <malloc.h>
#include <unistd.h>

// The sanitizers' runtimes replace operator new themselves; counting is left to them there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NEWSGRAPH_COUNT_ALLOCATIONS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NEWSGRAPH_COUNT_ALLOCATIONS 0
#endif
#endif
#ifndef NEWSGRAPH_COUNT_ALLOCATIONS
#define NEWSGRAPH_COUNT_ALLOCATIONS 1
#endif

namespace newsgraph {

namespace {

constexpr double kDefaultShare = 0.8;
constexpr double kPercent = 100.0;
constexpr uint64_t kKibi = 1024;

// Plain data, so that the thread-local needs no constructor (operator new runs before main and
// while threads exit).
struct ThreadCounter {
    bool active;
    bool exceeded;
    int64_t held;
    int64_t peak;
    int64_t limit;
};
thread_local ThreadCounter tCounter{};

// Counts the bytes asked for; a sized delete (what the compiler emits wherever it knows the
// size: containers, unique_ptr, polymorphic deletes) gives back the same number, an unsized one
// the allocator's usable size, which may be a little more (the count then errs on the low side).
[[maybe_unused]] void* allocate(std::size_t size) {
    ThreadCounter& counter = tCounter;
    if (counter.active) {
        const auto bytes = static_cast<int64_t>(size);
        if (counter.held + bytes > counter.limit) {
            counter.active = false; // unwinding and the error message allocate freely
            counter.exceeded = true;
            throw std::bad_alloc();
        }
        counter.held += bytes;
        counter.peak = std::max(counter.peak, counter.held);
    }
    void* memory = std::malloc(size == 0 ? 1 : size);
    if (memory == nullptr) {
        if (counter.active) {
            counter.held -= static_cast<int64_t>(size);
        }
        throw std::bad_alloc();
    }
    return memory;
}

[[maybe_unused]] void release(void* memory, std::size_t size) noexcept {
    if (memory == nullptr) {
        return;
    }
    ThreadCounter& counter = tCounter;
    if (counter.active) {
        counter.held -= static_cast<int64_t>(size);
    }
    std::free(memory);
}

[[maybe_unused]] void release(void* memory) noexcept {
    if (memory == nullptr) {
        return;
    }
    ThreadCounter& counter = tCounter;
    if (counter.active) {
        counter.held -= static_cast<int64_t>(malloc_usable_size(memory));
    }
    std::free(memory);
}

} // namespace

bool memoryLimitsEnforced() {
    return NEWSGRAPH_COUNT_ALLOCATIONS != 0;
}

uint64_t physicalMemory() {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) {
        return 0;
    }
    return static_cast<uint64_t>(pages) * static_cast<uint64_t>(pageSize);
}

uint64_t defaultMemoryLimit() {
    // Read once: every ExecuteOptions starts from it, and sysconf asks the kernel.
    static const uint64_t limit = [] {
        const uint64_t physical = physicalMemory();
        return physical == 0 ? UINT64_MAX : static_cast<uint64_t>(static_cast<double>(physical) * kDefaultShare);
    }();
    return limit;
}

std::optional<uint64_t> parseMemorySize(std::string_view text) {
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    size_t end = 0;
    while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.')) {
        ++end;
    }
    if (end == 0) {
        return std::nullopt;
    }
    const std::string number(text.substr(0, end));
    char* parsedEnd = nullptr;
    const double value = std::strtod(number.c_str(), &parsedEnd);
    if (parsedEnd != number.c_str() + number.size() || !std::isfinite(value) || value <= 0) {
        return std::nullopt;
    }
    std::string unit;
    for (char c : text.substr(end)) {
        if (c != ' ') {
            unit += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
    }
    double bytes = 0;
    if (unit == "%") {
        if (value > kPercent || physicalMemory() == 0) {
            return std::nullopt;
        }
        bytes = static_cast<double>(physicalMemory()) * value / kPercent;
    } else {
        double scale = 0;
        if (unit.empty() || unit == "B") {
            scale = 1;
        } else if (unit == "K" || unit == "KB" || unit == "KIB") {
            scale = static_cast<double>(kKibi);
        } else if (unit == "M" || unit == "MB" || unit == "MIB") {
            scale = static_cast<double>(kKibi * kKibi);
        } else if (unit == "G" || unit == "GB" || unit == "GIB") {
            scale = static_cast<double>(kKibi * kKibi * kKibi);
        } else if (unit == "T" || unit == "TB" || unit == "TIB") {
            scale = static_cast<double>(kKibi * kKibi * kKibi * kKibi);
        } else {
            return std::nullopt;
        }
        bytes = value * scale;
    }
    if (bytes < 1 || bytes >= static_cast<double>(INT64_MAX)) {
        return std::nullopt;
    }
    return static_cast<uint64_t>(bytes);
}

std::string formatMemorySize(uint64_t bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    auto value = static_cast<double>(bytes);
    size_t unit = 0;
    while (value >= static_cast<double>(kKibi) && unit + 1 < std::size(units)) {
        value /= static_cast<double>(kKibi);
        ++unit;
    }
    if (unit == 0) {
        return fmt::format("{} B", bytes);
    }
    return value == std::floor(value) ? fmt::format("{:.0f} {}", value, units[unit]) : fmt::format("{:.1f} {}", value, units[unit]);
}

std::optional<uint64_t> memoryLimitRemaining() {
    const ThreadCounter& counter = tCounter;
    if (!counter.active) {
        return std::nullopt;
    }
    return static_cast<uint64_t>(std::max<int64_t>(counter.limit - counter.held, 0));
}

void noteMemoryLimitExceeded() {
    ThreadCounter& counter = tCounter;
    if (counter.active) {
        counter.active = false;
        counter.exceeded = true;
    }
}

MemoryLimitScope::MemoryLimitScope(uint64_t limit) : limit_(limit), owner_(!tCounter.active) {
    if (!owner_) {
        return;
    }
    tCounter = ThreadCounter{NEWSGRAPH_COUNT_ALLOCATIONS != 0, false, 0, 0,
                             static_cast<int64_t>(std::min<uint64_t>(limit, INT64_MAX))};
}

MemoryLimitScope::~MemoryLimitScope() {
    if (owner_) {
        tCounter = ThreadCounter{};
    }
}

bool MemoryLimitScope::exceeded() const {
    return owner_ && tCounter.exceeded;
}

uint64_t MemoryLimitScope::peak() const {
    return owner_ ? static_cast<uint64_t>(std::max<int64_t>(tCounter.peak, 0)) : 0;
}

} // namespace newsgraph

#if NEWSGRAPH_COUNT_ALLOCATIONS
// The replaceable global allocation functions ([new.delete]); the aligned forms keep the
// standard library's, which pair with their own deletes.
void* operator new(std::size_t size) {
    return newsgraph::allocate(size);
}
void* operator new[](std::size_t size) {
    return newsgraph::allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
    try {
        return newsgraph::allocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
    try {
        return newsgraph::allocate(size);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* memory) noexcept {
    newsgraph::release(memory);
}
void operator delete[](void* memory) noexcept {
    newsgraph::release(memory);
}
void operator delete(void* memory, std::size_t size) noexcept {
    newsgraph::release(memory, size);
}
void operator delete[](void* memory, std::size_t size) noexcept {
    newsgraph::release(memory, size);
}
void operator delete(void* memory, const std::nothrow_t& /*tag*/) noexcept {
    newsgraph::release(memory);
}
void operator delete[](void* memory, const std::nothrow_t& /*tag*/) noexcept {
    newsgraph::release(memory);
}
#endif
