// load_bench: how fast the news loaders turn real files into a frozen graph.
//
//   load_bench [--runs N] [--datasets DIR] [--synthetic-rows N] [--synthetic-file PATH] [--only NAME]
//              [--threads N]
//   load_bench --generate PATH ROWS     write a synthetic GDELT 2.0 file and exit
//
// Each benchmark runs in a child process (so peak RSS is its own): one warm-up load, then N timed
// loads (parse to frozen graph); it prints median, min and max seconds, rows per second and the
// child's peak resident set size. Benchmarks: icews18-named (train.tsv.gz + valid + test, 468,558
// facts), icews18-ids (the id files), gdelt-westafrica (19 gzip CSV files, 83,659 rows), gdelt-real
// (the two GDELT 2.0 export files and the GDELT 1.0 sample) and gdelt-synthetic (ROWS rows, default
// 5,000,000, generated from the shape of the real GDELT 2.0 rows). `--threads 1` keeps each load on
// one thread, `--threads 2` lets GDELT parse on a second one (LoadOptions::threads; the default, 0,
// follows NEWSGRAPH_LOAD_THREADS, else the core count).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <sys/resource.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/arguments.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"
#include "loaders/news_loaders.hpp"

namespace {

namespace fs = std::filesystem;
using newsgraph::GraphBuilder;
using newsgraph::LoadOptions;
using newsgraph::LoadReport;

constexpr int kDefaultRuns = 5;
constexpr uint64_t kDefaultSyntheticRows = 5'000'000;
constexpr uint64_t kFirstSyntheticId = 900'000'000;
constexpr size_t kGdeltV2Columns = 61;
constexpr double kKilobytesPerMegabyte = 1024.0;

struct Benchmark {
    std::string name;
    std::vector<std::string> specs; // FORMAT:PATH loads, one graph
    uint64_t inputBytes = 0;        // uncompressed input size
};

struct Options {
    int runs = kDefaultRuns;
    std::string datasets = NEWSGRAPH_SHARED_DATASETS_DIR;
    uint64_t syntheticRows = kDefaultSyntheticRows;
    std::string syntheticFile;
    std::string only;
    unsigned threads = 0;
};

double peakRssMegabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / kKilobytesPerMegabyte;
}

// Rows of the real GDELT 2.0 files, repeated with fresh GLOBALEVENTIDs.
void generateSynthetic(const std::string& datasets, const std::string& target, uint64_t rows) {
    std::vector<std::string> templates;
    for (const char* name : {"20150218230000.export.CSV", "20180326044500.export.CSV"}) {
        std::ifstream in(fs::path(datasets) / "gdelt_v2_events" / name);
        std::string line;
        while (std::getline(in, line)) {
            if (static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1 == kGdeltV2Columns) {
                templates.push_back(line.substr(line.find('\t')));
            }
        }
    }
    if (templates.empty()) {
        throw std::runtime_error("no GDELT 2.0 rows under " + datasets + "/gdelt_v2_events");
    }
    std::ofstream out(target, std::ios::binary);
    std::string buffer;
    for (uint64_t i = 0; i < rows; ++i) {
        buffer += std::to_string(kFirstSyntheticId + i);
        buffer += templates[i % templates.size()];
        buffer += '\n';
        if (buffer.size() > (1U << 20)) {
            out << buffer;
            buffer.clear();
        }
    }
    out << buffer;
    if (!out) {
        throw std::runtime_error("cannot write " + target);
    }
}

uint64_t uncompressedBytes(const std::string& path) {
    uint64_t total = 0;
    const auto add = [&](const fs::path& file) {
        if (file.extension() == ".gz") {
            const std::string command = "gzip -dc '" + file.string() + "' | wc -c";
            FILE* pipe = popen(command.c_str(), "r");
            unsigned long long bytes = 0;
            if (pipe != nullptr && std::fscanf(pipe, "%llu", &bytes) == 1) {
                total += bytes;
            }
            if (pipe != nullptr) {
                pclose(pipe);
            }
        } else {
            total += fs::file_size(file);
        }
    };
    if (fs::is_directory(path)) {
        for (const auto& entry : fs::directory_iterator(path)) {
            if (entry.is_regular_file()) {
                add(entry.path());
            }
        }
    } else {
        add(path);
    }
    return total;
}

double cpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

struct Timing {
    double seconds = 0.0;
    double cpu = 0.0; // CPU seconds of all threads
    uint64_t rows = 0;
};

// One timed load: parse, build and freeze.
Timing loadOnce(const Benchmark& benchmark, unsigned threads) {
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    GraphBuilder builder;
    LoadReport report;
    LoadOptions options;
    options.threads = threads;
    for (const std::string& spec : benchmark.specs) {
        newsgraph::loadSpec(builder, spec, options, report);
    }
    const newsgraph::Graph graph = std::move(builder).freeze();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (report.rejected > 0) {
        std::cerr << report.toString() << "\n";
    }
    if (graph.relCount() == 0) {
        throw std::runtime_error(benchmark.name + ": nothing loaded");
    }
    return {seconds, cpuSeconds() - cpuStart, report.rowsRead};
}

void runInChild(const Benchmark& benchmark, int runs, unsigned threads) {
    std::cout.flush();
    const pid_t child = fork();
    if (child == 0) {
        try {
            loadOnce(benchmark, threads); // warm-up
            std::vector<double> times;
            std::vector<double> cpu;
            uint64_t rows = 0;
            for (int i = 0; i < runs; ++i) {
                const Timing timing = loadOnce(benchmark, threads);
                times.push_back(timing.seconds);
                cpu.push_back(timing.cpu);
                rows = timing.rows;
            }
            std::sort(times.begin(), times.end());
            std::sort(cpu.begin(), cpu.end());
            const double median = times[times.size() / 2];
            const double cpuMedian = cpu[cpu.size() / 2];
            const double inputMb = static_cast<double>(benchmark.inputBytes) / (kKilobytesPerMegabyte * kKilobytesPerMegabyte);
            std::cout << fmt::format("{:<18} {:>9} rows  median {:.3f} s  min {:.3f} s  max {:.3f} s  {:>9.0f} rows/s  "
                                     "cpu {:.3f} s ({:.0f} rows/cpu-s)  peak RSS {:.0f} MiB (input {:.0f} MiB, {:.2f}x)\n",
                                     benchmark.name, rows, median, times.front(), times.back(),
                                     static_cast<double>(rows) / median, cpuMedian, static_cast<double>(rows) / cpuMedian,
                                     peakRssMegabytes(), inputMb, inputMb > 0 ? peakRssMegabytes() / inputMb : 0.0);
            std::cout.flush();
            std::_Exit(0);
        } catch (const std::exception& error) {
            std::cerr << benchmark.name << ": " << error.what() << "\n";
            std::_Exit(1);
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (newsgraph::bench::Arguments<std::runtime_error> args(argc, argv); args.next();) {
        const std::string& arg = args.current();
        const auto value = [&] { return args.value(); };
        if (arg == "--runs") {
            options.runs = std::max(1, std::stoi(value()));
        } else if (arg == "--datasets") {
            options.datasets = value();
        } else if (arg == "--synthetic-rows") {
            options.syntheticRows = std::stoull(value());
        } else if (arg == "--synthetic-file") {
            options.syntheticFile = value();
        } else if (arg == "--only") {
            options.only = value();
        } else if (arg == "--threads") {
            options.threads = static_cast<unsigned>(std::stoul(value()));
        } else {
            throw std::runtime_error("unknown argument " + arg);
        }
    }
    return options;
}

} // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 4 && std::string(argv[1]) == "--generate") {
            generateSynthetic(NEWSGRAPH_SHARED_DATASETS_DIR, argv[2], std::stoull(argv[3]));
            return 0;
        }
        const Options options = parseOptions(argc, argv);
        const fs::path root = options.datasets;
        const std::string icewsNamed = (root / "icews18_tkg/regcn_full/named").string();
        const std::string icewsIds = (root / "icews18_tkg/regcn_full/ids").string();
        const std::string westAfrica = (root / "gdelt_v1_events/westafrica_conflict_1979_1997").string();
        const std::string gdeltV2 = (root / "gdelt_v2_events").string();
        const std::string gdeltV1 = (root / "gdelt_v1_events/sample_20160728_and_1982.tsv").string();
        std::string synthetic = options.syntheticFile;
        if (synthetic.empty()) {
            synthetic = (fs::temp_directory_path() / fmt::format("newsgraph-gdelt-synthetic-{}.tsv", options.syntheticRows)).string();
        }

        std::vector<Benchmark> benchmarks = {
            {"icews18-named", {"icews:" + icewsNamed}, uncompressedBytes(icewsNamed)},
            {"icews18-ids", {"icews:" + icewsIds}, 0},
            {"gdelt-westafrica", {"gdelt:" + westAfrica}, uncompressedBytes(westAfrica)},
            {"gdelt-real", {"gdelt:" + gdeltV2, "gdelt:" + gdeltV1}, uncompressedBytes(gdeltV2) + uncompressedBytes(gdeltV1)},
            {"gdelt-synthetic", {"gdelt:" + synthetic}, 0},
        };
        benchmarks[1].inputBytes = benchmarks[0].inputBytes; // the same facts, compared to the named text
        for (const Benchmark& benchmark : benchmarks) {
            if (!options.only.empty() && benchmark.name != options.only) {
                continue;
            }
            if (benchmark.name == "gdelt-synthetic") {
                if (!fs::exists(synthetic)) {
                    std::cerr << "generating " << options.syntheticRows << " synthetic GDELT rows in " << synthetic << "\n";
                    generateSynthetic(options.datasets, synthetic, options.syntheticRows);
                }
                Benchmark copy = benchmark;
                copy.inputBytes = fs::file_size(synthetic);
                runInChild(copy, options.runs, options.threads);
                continue;
            }
            runInChild(benchmark, options.runs, options.threads);
        }
    } catch (const std::exception& error) {
        std::cerr << "load_bench: " << error.what() << "\n";
        return 2;
    }
    return 0;
}
