// A memory limit for one statement or load, counted where every byte is allocated: this file's
// replacements of the global operator new and delete count the bytes each thread allocates and
// frees while a MemoryLimitScope is alive on it. When a statement's net allocation would pass its
// limit, that allocation throws std::bad_alloc, which unwinds the statement like a real
// out-of-memory would, and the scope then reports that its limit was hit. Counting at the
// allocator, not at chosen growth points, covers every hash table, sort buffer, collected list,
// path frontier and result row without each operator having to remember.
//
// Under AddressSanitizer or ThreadSanitizer, whose runtimes own operator new, nothing is counted
// and memoryLimitsEnforced() is false.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

// Whether this build counts allocations (false under the sanitizers).
bool memoryLimitsEnforced();

// The machine's physical memory in bytes (0 when unknown).
uint64_t physicalMemory();

// The default limit: 80% of physical memory.
uint64_t defaultMemoryLimit();

// Parses 500MB, 2GiB, 1.5G, 123456 (bytes) or 50% (of physical memory); nothing on bad text.
std::optional<uint64_t> parseMemorySize(std::string_view text);

// 512 MiB, 1.5 GiB, 900 KiB, 12 B.
std::string formatMemorySize(uint64_t bytes);

// What the calling thread's limit has left (nothing when no scope counts on this thread): what a
// statement that splits its work among helper threads divides among their own scopes.
std::optional<uint64_t> memoryLimitRemaining();

// Marks the calling thread's scope as exceeded: a helper thread working for it hit its share.
void noteMemoryLimitExceeded();

// While alive, the calling thread's allocations count against `limit` bytes. Scopes do not nest:
// an inner scope on a thread that already has one counts nothing and enforces nothing.
class MemoryLimitScope {
public:
    explicit MemoryLimitScope(uint64_t limit);
    MemoryLimitScope(const MemoryLimitScope&) = delete;
    MemoryLimitScope& operator=(const MemoryLimitScope&) = delete;
    ~MemoryLimitScope();

    // Whether an allocation was refused because it would have passed the limit. After that the
    // thread allocates freely again, so that unwinding and the error message can.
    bool exceeded() const;
    // The most the thread held at once beyond what it held when the scope began.
    uint64_t peak() const;
    uint64_t limit() const { return limit_; }

private:
    uint64_t limit_;
    bool owner_;
};

} // namespace newsgraph
