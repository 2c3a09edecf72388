#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace newsgraph {

// A one-line progress bar on standard error for loads that take more than a second. It draws
// only when standard error is a terminal (and NEWSGRAPH_NO_PROGRESS is unset), redraws at most
// ten times a second and erases itself when the load ends. update() is cheap enough to call
// every few thousand rows.
class Progress {
public:
    Progress(std::string label, uint64_t totalBytes);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    Progress(Progress&&) = delete;
    Progress& operator=(Progress&&) = delete;
    ~Progress();

    void update(uint64_t doneBytes, uint64_t rows);
    // Starts the next file of a multi-file load (the bar counts the bytes of all files).
    void addDone(uint64_t bytes) { base_ += bytes; }
    bool enabled() const { return enabled_; }

    // Whether bars are drawn at all (a terminal on stderr and no NEWSGRAPH_NO_PROGRESS).
    static bool terminalAttached();
    // The text drawn for a state, e.g. "[#####     ]  50% gdelt 1,200 rows 1.5 s" (for tests).
    static std::string render(const std::string& label, uint64_t done, uint64_t total, uint64_t rows, double seconds);

private:
    using Clock = std::chrono::steady_clock;

    std::string label_;
    uint64_t total_;
    uint64_t base_ = 0;
    bool enabled_;
    bool drawn_ = false;
    Clock::time_point start_;
    Clock::time_point lastDraw_;
};

} // namespace newsgraph
