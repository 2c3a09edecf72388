#include "loaders/progress.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>
#include <unistd.h>

namespace newsgraph {

namespace {

constexpr double kDelaySeconds = 1.0;   // no bar for loads shorter than this
constexpr double kRedrawSeconds = 0.1;
constexpr int kBarWidth = 30;
constexpr double kPercent = 100.0;

std::string withThousands(uint64_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out.push_back(',');
        }
        out.push_back(digits[i]);
    }
    return out;
}

} // namespace

Progress::Progress(std::string label, uint64_t totalBytes)
    : label_(std::move(label)), total_(totalBytes), enabled_(terminalAttached()), start_(Clock::now()),
      lastDraw_(start_) {}

Progress::~Progress() {
    if (drawn_) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
}

bool Progress::terminalAttached() {
    return isatty(STDERR_FILENO) != 0 && std::getenv("NEWSGRAPH_NO_PROGRESS") == nullptr;
}

std::string Progress::render(const std::string& label, uint64_t done, uint64_t total, uint64_t rows, double seconds) {
    const double fraction = total == 0 ? 0.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(fraction * kBarWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kBarWidth - filled), ' ');
    return fmt::format("[{}] {:3.0f}% {} {} rows {:.1f} s", bar, fraction * kPercent, label, withThousands(rows),
                       seconds);
}

void Progress::update(uint64_t doneBytes, uint64_t rows) {
    if (!enabled_) {
        return;
    }
    const Clock::time_point now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    if (elapsed < kDelaySeconds || std::chrono::duration<double>(now - lastDraw_).count() < kRedrawSeconds) {
        return;
    }
    lastDraw_ = now;
    drawn_ = true;
    const std::string line = render(label_, base_ + doneBytes, total_, rows, elapsed);
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    std::fflush(stderr);
}

} // namespace newsgraph
