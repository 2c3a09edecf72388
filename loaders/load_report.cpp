#include "loaders/load_report.hpp"

#include <fmt/format.h>

namespace newsgraph {

std::string formatLocation(const std::string& file, uint64_t line, const std::string& reason) {
    if (line == 0) {
        return fmt::format("{}: {}", file, reason);
    }
    return fmt::format("{}:{}: {}", file, line, reason);
}

LoadError::LoadError(std::string file, uint64_t line, std::string reason)
    : Exception("LoadError", formatLocation(file, line, reason)), file_(std::move(file)), line_(line),
      reason_(std::move(reason)) {}

void LoadReport::checkStop(const LoadOptions& options, const std::string& file) const {
    if (options.cancelled != nullptr && options.cancelled->load(std::memory_order_relaxed)) {
        throw LoadError(file, 0, "the load was cancelled; the graph is as it was");
    }
    if (options.deadline && rowsRead % kRowsPerClockRead == 0 && std::chrono::steady_clock::now() > *options.deadline) {
        throw LoadError(file, 0,
                        fmt::format("the load ran longer than its timeout of {} ms and was stopped; the graph is as it was",
                                    options.timeout ? options.timeout->count() : 0));
    }
}

void LoadReport::reject(const LoadOptions& options, const std::string& file, uint64_t line, const std::string& reason) {
    if (options.strict) {
        throw LoadError(file, line, reason);
    }
    ++rejected;
    if (rejects.size() < options.rejectsKept) {
        rejects.push_back(Reject{file, line, reason});
    }
}

std::string LoadReport::toString() const {
    const double rate = seconds > 0.0 ? static_cast<double>(rowsRead) / seconds : 0.0;
    std::string out = fmt::format(
        "loaded {} rows: {} nodes and {} relationships created, {} merged, {} rejected in {:.3f} s ({:.0f} rows/s)",
        rowsRead, nodesCreated, relsCreated, merged, rejected, seconds, rate);
    for (const Reject& reject : rejects) {
        out += "\n  rejected " + formatLocation(reject.file, reject.line, reject.reason);
    }
    if (rejected > rejects.size()) {
        out += fmt::format("\n  ... and {} more rejected rows", rejected - rejects.size());
    }
    for (const std::string& note : notes) {
        out += "\n  note: " + note;
    }
    return out;
}

} // namespace newsgraph
