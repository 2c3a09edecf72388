// algo_bench: the graph algorithms of issue #6 on ICEWS18 (23,033 actors, 468,558 events).
//
//   algo_bench [--runs N] [--datasets DIR] [--samples K] [--exact] [--export DIR]
//
// Loads the named ICEWS18 files with the project's loader, then times each algorithm: one warm-up
// call, then N timed calls (median, min, max in milliseconds). Betweenness is timed sampled (K
// sources, default 500; also on 2 threads); --exact also times it exact on 2 threads (one timed
// run after the warm-up: it takes a while). --export DIR
// writes what bench/igraph_compare.py needs: the simple edge list of the whole graph and of a
// one-week window, our results on them, and our timings.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/arguments.hpp"
#include "engine/algo/algo.hpp"
#include "engine/algo/projection.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"

namespace {

namespace fs = std::filesystem;
namespace algo = newsgraph::algo;
using newsgraph::Graph;
using newsgraph::NodeId;

constexpr int kDefaultRuns = 5;
constexpr uint32_t kDefaultSamples = 500;
constexpr uint32_t kConvergedIterations = 1000;  // pagerank run to convergence for the comparison
constexpr double kConvergedTolerance = 1e-15;
constexpr uint32_t kPageRankIterations = 20;
constexpr const char* kWindowFrom = "2018-01-01";  // the window graph for exact betweenness
constexpr const char* kWindowTo = "2018-01-07";

struct Options {
    int runs = kDefaultRuns;
    std::string datasets = NEWSGRAPH_SHARED_DATASETS_DIR;
    uint32_t samples = kDefaultSamples;
    bool exact = false;
    std::string exportDir;
};

struct Timing {
    std::string name;
    double median = 0;
    double min = 0;
    double max = 0;
    std::string result;
};

Timing timeIt(const std::string& name, int runs, const std::function<std::string()>& run) {
    run();  // warm-up
    std::vector<double> times;
    std::string result;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        result = run();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    Timing timing{name, times[times.size() / 2], times.front(), times.back(), result};
    std::cout << fmt::format("{:<34} median {:>10.2f} ms  min {:>10.2f}  max {:>10.2f}   {}\n", name, timing.median,
                             timing.min, timing.max, result);
    std::cout.flush();
    return timing;
}

uint32_t countIds(const std::vector<uint32_t>& ids) {
    uint32_t count = 0;
    for (uint32_t id : ids) {
        if (id != algo::kNoComponent) {
            count = std::max(count, id + 1U);
        }
    }
    return count;
}

std::string top(const Graph& graph, const std::vector<double>& score) {
    const auto best = std::max_element(score.begin(), score.end()) - score.begin();
    return fmt::format("top {} = {:.6g}", graph.nodeProperty(static_cast<NodeId>(best), "name").toString(),
                       score[best]);
}

NodeId findByName(const Graph& graph, const std::string& name) {
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        const newsgraph::Value value = graph.nodeProperty(node, "name");
        if (value.type() == newsgraph::ValueType::String && value.asString() == name) {
            return node;
        }
    }
    throw std::runtime_error("no node named " + name);
}

void writeEdges(const Graph& graph, const algo::AlgoConfig& config, const fs::path& file) {
    const algo::EdgeView view(graph, config);
    const algo::Projection projection(view, algo::EdgeDirection::Out, algo::PairWeight::Ignore);
    std::ofstream out(file);
    out << projection.nodeCount() << "\n";
    for (NodeId node = 0; node < projection.nodeCount(); ++node) {
        for (NodeId next : projection.neighbors(node)) {
            out << node << "\t" << next << "\n";
        }
    }
}

template <typename T>
void writeValues(const std::vector<T>& values, const fs::path& file) {
    std::ofstream out(file);
    out.precision(17);
    for (const T& value : values) {
        out << value << "\n";
    }
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
        } else if (arg == "--samples") {
            options.samples = static_cast<uint32_t>(std::stoul(value()));
        } else if (arg == "--exact") {
            options.exact = true;
        } else if (arg == "--export") {
            options.exportDir = value();
        } else {
            throw std::runtime_error("unknown argument " + arg);
        }
    }
    return options;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parseOptions(argc, argv);
        const std::string icews = (fs::path(options.datasets) / "icews18_tkg/regcn_full/named").string();
        const auto loadStart = std::chrono::steady_clock::now();
        newsgraph::GraphBuilder builder;
        newsgraph::LoadReport report;
        newsgraph::loadSpec(builder, "icews:" + icews, newsgraph::LoadOptions{}, report);
        const Graph graph = std::move(builder).freeze();
        const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
        algo::AlgoConfig config;
        const algo::Projection simple(algo::EdgeView(graph, config), algo::EdgeDirection::Out, algo::PairWeight::Ignore);
        std::cout << fmt::format("ICEWS18: {} nodes, {} relationships, {} distinct (source, target) pairs; loaded in {:.2f} s; "
                                 "{} runs after a warm-up\n\n",
                                 graph.nodeCount(), graph.relCount(), simple.edgeCount(), loadSeconds, options.runs);
        const int runs = options.runs;
        std::vector<Timing> timings;
        algo::AlgoConfig pr = config;
        pr.maxIterations = kPageRankIterations;
        pr.tolerance = 0.0;  // all 20 iterations
        timings.push_back(timeIt("pagerank (20 iterations)", runs, [&] { return top(graph, algo::pageRank(graph, pr)); }));
        algo::AlgoConfig converged = config;
        converged.maxIterations = kConvergedIterations;
        converged.tolerance = kConvergedTolerance;
        std::vector<double> convergedRank;
        timings.push_back(timeIt("pagerank (converged, tol 1e-15)", runs, [&] {
            convergedRank = algo::pageRank(graph, converged);
            return top(graph, convergedRank);
        }));
        algo::AlgoConfig window = config;
        window.from = newsgraph::Date::parse(kWindowFrom);
        window.to = newsgraph::Date::parse(kWindowTo);
        algo::AlgoConfig prWindow = pr;
        prWindow.from = window.from;
        prWindow.to = window.to;
        timings.push_back(timeIt("pagerank (20 it., one-week window)", runs,
                                 [&] { return top(graph, algo::pageRank(graph, prWindow)); }));
        std::vector<uint32_t> wcc;
        timings.push_back(timeIt("weak components", runs, [&] {
            wcc = algo::weakComponents(graph, config);
            return fmt::format("{} components", countIds(wcc));
        }));
        std::vector<uint32_t> scc;
        timings.push_back(timeIt("strong components", runs, [&] {
            scc = algo::strongComponents(graph, config);
            return fmt::format("{} components", countIds(scc));
        }));
        timings.push_back(timeIt("degree (out)", runs, [&] { return top(graph, algo::degree(graph, config)); }));
        algo::AlgoConfig sampled = config;
        sampled.samples = options.samples;
        timings.push_back(timeIt(fmt::format("betweenness ({} sampled sources)", options.samples), runs,
                                 [&] { return top(graph, algo::betweenness(graph, sampled)); }));
        std::vector<double> windowBetweenness;
        timings.push_back(timeIt("betweenness exact, one-week window", runs, [&] {
            windowBetweenness = algo::betweenness(graph, window);
            return top(graph, windowBetweenness);
        }));
        algo::AlgoConfig twoThreads = sampled;
        twoThreads.threads = 2;
        timings.push_back(timeIt(fmt::format("betweenness ({} sampled, 2 threads)", options.samples), runs,
                                 [&] { return top(graph, algo::betweenness(graph, twoThreads)); }));
        std::vector<double> exactBetweenness;
        if (options.exact) {
            twoThreads.samples = 0;
            timings.push_back(timeIt("betweenness exact (whole graph, 2 thr.)", 1, [&] {
                exactBetweenness = algo::betweenness(graph, twoThreads);
                return top(graph, exactBetweenness);
            }));
        }
        std::vector<uint32_t> louvain;
        timings.push_back(timeIt("communities (Louvain)", runs, [&] {
            louvain = algo::communities(graph, config);
            return fmt::format("{} communities, Q = {:.4f}", countIds(louvain), algo::modularity(graph, config, louvain));
        }));
        const NodeId from = findByName(graph, "A New Era");
        const NodeId to = findByName(graph, "Citizen (Nigeria)");
        size_t pathLength = 0;
        timings.push_back(timeIt("shortestPath (bidirectional BFS)", runs, [&] {
            const auto path = algo::shortestPath(graph, from, to, config);
            pathLength = path ? path->rels.size() : 0;
            return fmt::format("'A New Era' -> 'Citizen (Nigeria)': {} hops", pathLength);
        }));
        timings.push_back(timeIt("allShortestPaths", runs, [&] {
            return fmt::format("{} paths", algo::allShortestPaths(graph, from, to, config).size());
        }));
        if (!options.exportDir.empty()) {
            const fs::path dir = options.exportDir;
            fs::create_directories(dir);
            writeEdges(graph, config, dir / "graph.tsv");
            writeEdges(graph, window, dir / "window.tsv");
            writeValues(convergedRank, dir / "pagerank.txt");
            writeValues(wcc, dir / "wcc.txt");
            writeValues(scc, dir / "scc.txt");
            writeValues(windowBetweenness, dir / "betweenness_window.txt");
            writeValues(louvain, dir / "communities.txt");
            if (options.exact) {
                writeValues(exactBetweenness, dir / "betweenness.txt");
            }
            std::ofstream out(dir / "timings.tsv");
            for (const Timing& timing : timings) {
                out << timing.name << "\t" << timing.median << "\t" << timing.min << "\t" << timing.max << "\n";
            }
            std::ofstream path(dir / "path.txt");
            path << from << "\t" << to << "\t" << pathLength << "\n";
            std::cout << "\nexported to " << dir.string() << "\n";
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "algo_bench: " << error.what() << "\n";
        return 1;
    }
}
