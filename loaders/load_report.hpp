#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/exception.hpp"

namespace newsgraph {

// A load that cannot go on: a missing or unreadable file, a bad header or manifest, or (in strict
// mode) the first bad row. `line` is 0 when the problem is the file itself.
class LoadError : public Exception {
public:
    LoadError(std::string file, uint64_t line, std::string reason);
    const std::string& file() const { return file_; }
    uint64_t line() const { return line_; }
    const std::string& reason() const { return reason_; }

private:
    std::string file_;
    uint64_t line_;
    std::string reason_;
};

// "file:line: reason", or "file: reason" when line is 0.
std::string formatLocation(const std::string& file, uint64_t line, const std::string& reason);

struct LoadOptions {
    // Stop at the first rejected row (the graph is left as it was before the load).
    bool strict = false;
    // How many rejects the report keeps word for word; all are counted.
    size_t rejectsKept = 10;
    // Threads a load may use (so far only GDELT uses a second one, to parse): 1 keeps the whole load
    // on the calling thread; 0 takes NEWSGRAPH_LOAD_THREADS, else the machine's core count.
    unsigned threads = 0;
    // Polled between rows: once `*cancelled` reads true, or past `timeout` from the load's start
    // (`deadline`), the load stops with LoadError and the graph is left as it was.
    const std::atomic<bool>* cancelled = nullptr;
    std::optional<std::chrono::milliseconds> timeout;
    std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct Reject {
    std::string file;
    uint64_t line;
    std::string reason;
};

// What a load did: rows read, entities created and merged, rows rejected with the first reasons.
struct LoadReport {
    uint64_t rowsRead = 0;
    uint64_t nodesCreated = 0;
    uint64_t relsCreated = 0;
    uint64_t merged = 0;
    uint64_t rejected = 0;
    std::vector<Reject> rejects; // the first LoadOptions::rejectsKept of them
    std::vector<std::string> notes; // what the load did not read and why (a skipped subfolder)
    double seconds = 0.0;

    // Counts a row read from `file`, and stops the load there (LoadError) when it was cancelled
    // or ran past its deadline; the clock is read every kRowsPerClockRead rows.
    void countRow(const LoadOptions& options, const std::string& file) {
        ++rowsRead;
        if (options.cancelled != nullptr || options.deadline) {
            checkStop(options, file);
        }
    }
    // Records a bad row; in strict mode throws LoadError instead.
    void reject(const LoadOptions& options, const std::string& file, uint64_t line, const std::string& reason);
    // A summary: counts, time, rows per second, then the kept rejects one per line.
    std::string toString() const;

private:
    static constexpr uint64_t kRowsPerClockRead = 1024;
    void checkStop(const LoadOptions& options, const std::string& file) const;
};

} // namespace newsgraph
