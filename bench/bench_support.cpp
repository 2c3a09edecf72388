#include "bench/bench_support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"

namespace newsgraph::bench {

namespace {
constexpr double kKiBPerMiB = 1024.0;
constexpr double kBytesPerMiB = 1024.0 * 1024.0;
} // namespace

Stats summarize(std::vector<double> samples) {
    if (samples.empty()) {
        return {};
    }
    std::sort(samples.begin(), samples.end());
    const size_t middle = samples.size() / 2;
    // An even count takes the mean of the two middle samples.
    const double median =
        samples.size() % 2 == 1 ? samples[middle] : (samples[middle - 1] + samples[middle]) / 2.0;
    return {median, samples.front(), samples.back()};
}

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / kKiBPerMiB; // ru_maxrss is in KiB on Linux
}

double currentRssMiB() {
    std::ifstream statm("/proc/self/statm");
    uint64_t size = 0;
    uint64_t resident = 0;
    if (!(statm >> size >> resident)) {
        return 0.0;
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / kBytesPerMiB;
}

Graph loadGraph(const std::vector<std::string>& specs, LoadReport& report) {
    GraphBuilder builder;
    LoadOptions options;
    for (const std::string& spec : specs) {
        try {
            loadSpec(builder, spec, options, report);
        } catch (const std::exception& error) {
            throw UsageError("cannot load " + spec + ": " + error.what());
        }
    }
    if (report.rejected > 0) {
        throw UsageError("the load rejected rows; a benchmark needs all of them:\n" + report.toString());
    }
    return std::move(builder).freeze();
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    std::string five;
    std::string fifteen;
    if (!(in >> one >> five >> fifteen)) {
        return "?";
    }
    return one + " " + five + " " + fifteen;
}

} // namespace newsgraph::bench
