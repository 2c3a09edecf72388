#pragma once
// Pieces shared by the bench programs: loading `FORMAT:PATH` specs into a frozen graph, timing
// statistics, and the process's memory.
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/storage/graph.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph::bench {

// Bad command line or input file: the program prints it and exits with status 2.
class UsageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Median, min and max of a set of timings (milliseconds).
struct Stats {
    double median = 0.0;
    double min = 0.0;
    double max = 0.0;
};
Stats summarize(std::vector<double> samples);

// Milliseconds since `start`.
inline double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The process's peak resident set size so far, and its resident set size now, in MiB.
double peakRssMiB();
double currentRssMiB();

// Loads every `FORMAT:PATH` spec (the shell's --load syntax) into one builder and freezes it. A
// load error or a load that rejected rows throws UsageError: a benchmark never answers from a
// half-loaded graph.
Graph loadGraph(const std::vector<std::string>& specs, LoadReport& report);

// `uptime`'s load averages ("0.52 0.61 0.70"), to record beside each measurement.
std::string loadAverage();

} // namespace newsgraph::bench
