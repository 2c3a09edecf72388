// baseline: Q4 and Q5 of the benchmark suites written by hand over the engine's frozen CSR -- the
// floor that the query engine's overhead is measured against (bench/README.md).
//
//   baseline --load FORMAT:PATH [--load ...] --actor NAME [--direction both|out] [--warmup W] [--runs N]
//
// Q4: pairs (a)-[r1]->(b)-[r2]->(c) with r1.date < r2.date over the whole graph. Per middle node b
//     the dates of its in- and out-relationships are sorted and the pairs counted by a merge:
//     O(d log d) per node instead of d_in * d_out. Relationships without a date take part in no
//     pair (null < x is not true). r1 and r2 are always different relationships (a relationship
//     cannot be earlier than itself), so Cypher's relationship uniqueness changes nothing.
// Q5: count(DISTINCT x) for (a {name: NAME})-[*1..3]-(x) (or ->, with --direction out): a
//     breadth-first search to depth 3. Every node at distance 1..3 is the end of a shortest path,
//     which repeats no relationship; the start node itself counts only when a closed trail of
//     length 1..3 returns to it (a self-loop, two relationships to one neighbour, a triangle).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "bench/arguments.hpp"
#include "bench/bench_support.hpp"
#include "engine/storage/graph.hpp"

namespace {

namespace bench = newsgraph::bench;
using bench::UsageError;
using newsgraph::Direction;
using newsgraph::Graph;
using newsgraph::NodeId;

constexpr int kDefaultWarmup = 1;
constexpr int kDefaultRuns = 5;
constexpr int kMaxDepth = 3;
constexpr int32_t kNoDate = INT32_MIN; // no relationship has a date this early

enum class Reach { Both, Out };

struct Options {
    std::vector<std::string> loads;
    std::string actor;
    Reach reach = Reach::Both;
    int warmup = kDefaultWarmup;
    int runs = kDefaultRuns;
};

// The date of every relationship as days, kNoDate where it has none.
std::vector<int32_t> relationshipDates(const Graph& graph) {
    std::vector<int32_t> dates(graph.relCount(), kNoDate);
    const auto key = graph.catalog().findKey("date");
    if (!key) {
        return dates;
    }
    const newsgraph::PropertyColumn* column = graph.relColumn(*key);
    if (column == nullptr) {
        return dates;
    }
    for (uint32_t rel = 0; rel < graph.relCount(); ++rel) {
        if (const auto slot = column->slot(rel)) {
            const newsgraph::Value value = column->values().get(*slot, graph.strings());
            if (value.type() == newsgraph::ValueType::Date) {
                dates[rel] = value.asDate().days();
            }
        }
    }
    return dates;
}

uint64_t countDatedPairs(const Graph& graph) {
    const std::vector<int32_t> dates = relationshipDates(graph);
    std::vector<int32_t> in;
    std::vector<int32_t> out;
    uint64_t pairs = 0;
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        const newsgraph::Adjacency incoming = graph.adjacency(node, Direction::In);
        const newsgraph::Adjacency outgoing = graph.adjacency(node, Direction::Out);
        if (incoming.empty() || outgoing.empty()) {
            continue;
        }
        in.clear();
        out.clear();
        for (uint32_t i = 0; i < incoming.size; ++i) {
            if (const int32_t date = dates[incoming.rel(i)]; date != kNoDate) {
                in.push_back(date);
            }
        }
        for (uint32_t i = 0; i < outgoing.size; ++i) {
            if (const int32_t date = dates[outgoing.rel(i)]; date != kNoDate) {
                out.push_back(date);
            }
        }
        std::sort(in.begin(), in.end());
        std::sort(out.begin(), out.end());
        // For each out-date (ascending), how many in-dates are strictly earlier.
        size_t earlier = 0;
        for (const int32_t date : out) {
            while (earlier < in.size() && in[earlier] < date) {
                ++earlier;
            }
            pairs += earlier;
        }
    }
    return pairs;
}

template <typename Visit>
void forNeighbors(const Graph& graph, NodeId node, Reach reach, Visit visit) {
    const newsgraph::Adjacency out = graph.adjacency(node, Direction::Out);
    for (uint32_t i = 0; i < out.size; ++i) {
        visit(out.neighbor(i));
    }
    if (reach == Reach::Both) {
        const newsgraph::Adjacency in = graph.adjacency(node, Direction::In);
        for (uint32_t i = 0; i < in.size; ++i) {
            visit(in.neighbor(i));
        }
    }
}

// Whether a trail of 1..3 relationships leads from `start` back to it.
bool closedTrail(const Graph& graph, NodeId start, Reach reach) {
    // Relationships from start to each neighbour (a relationship start-b seen from both sides in
    // Both mode counts once: only out-relationships and in-relationships from other nodes).
    std::vector<NodeId> forward; // start -> b, one entry per relationship
    std::vector<NodeId> back;    // b -> start, one entry per relationship
    const newsgraph::Adjacency out = graph.adjacency(start, Direction::Out);
    const newsgraph::Adjacency in = graph.adjacency(start, Direction::In);
    for (uint32_t i = 0; i < out.size; ++i) {
        if (out.neighbor(i) == start) {
            return true; // self-loop
        }
        forward.push_back(out.neighbor(i));
    }
    for (uint32_t i = 0; i < in.size; ++i) {
        back.push_back(in.neighbor(i));
    }
    std::vector<NodeId> leaving = forward;  // first step
    std::vector<NodeId> entering = back;    // last step
    if (reach == Reach::Both) {
        leaving.insert(leaving.end(), back.begin(), back.end());
        entering = leaving;
    }
    std::sort(leaving.begin(), leaving.end());
    std::sort(entering.begin(), entering.end());
    // Length 2: a neighbour joined to start by two different relationships (one each way when
    // directed; any two when undirected).
    if (reach == Reach::Out) {
        std::vector<NodeId> both;
        std::set_intersection(leaving.begin(), leaving.end(), entering.begin(), entering.end(), std::back_inserter(both));
        if (!both.empty()) {
            return true;
        }
    } else if (std::adjacent_find(leaving.begin(), leaving.end()) != leaving.end()) {
        return true;
    }
    // Length 3: start -> b -> c -> start with b != c (b == c needs a self-loop at b and two
    // relationships start-b, which length 2 already found).
    const std::unordered_set<NodeId> last(entering.begin(), entering.end());
    bool found = false;
    for (auto it = leaving.begin(); it != leaving.end() && !found; it = std::upper_bound(it, leaving.end(), *it)) {
        const NodeId b = *it;
        forNeighbors(graph, b, reach, [&](NodeId c) { found = found || (c != b && c != start && last.contains(c)); });
    }
    return found;
}

uint64_t countReach(const Graph& graph, NodeId start, Reach reach) {
    std::vector<uint8_t> seen(graph.nodeCount(), 0);
    std::vector<NodeId> frontier{start};
    std::vector<NodeId> next;
    seen[start] = 1;
    uint64_t reached = 0;
    for (int depth = 0; depth < kMaxDepth && !frontier.empty(); ++depth) {
        next.clear();
        for (const NodeId node : frontier) {
            forNeighbors(graph, node, reach, [&](NodeId neighbor) {
                if (seen[neighbor] == 0) {
                    seen[neighbor] = 1;
                    next.push_back(neighbor);
                }
            });
        }
        reached += next.size();
        frontier.swap(next);
    }
    return reached + (closedTrail(graph, start, reach) ? 1 : 0);
}

template <typename Body>
void time(const std::string& name, const Options& options, Body body) {
    std::vector<double> samples;
    uint64_t answer = 0;
    for (int run = 0; run < options.warmup + options.runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        answer = body();
        const double milliseconds = bench::millisecondsSince(start);
        if (run >= options.warmup) {
            samples.push_back(milliseconds);
        }
    }
    const bench::Stats stats = bench::summarize(samples);
    std::cout << fmt::format("{:<10} {:>14} {:>12.3f} {:>12.3f} {:>12.3f} {:>5}\n", name, answer, stats.median, stats.min,
                             stats.max, options.runs);
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (newsgraph::bench::Arguments<UsageError> args(argc, argv); args.next();) {
        const std::string& arg = args.current();
        const auto value = [&] { return args.value(); };
        if (arg == "--load") {
            options.loads.push_back(value());
        } else if (arg == "--actor") {
            options.actor = value();
        } else if (arg == "--direction") {
            const std::string direction = value();
            if (direction != "both" && direction != "out") {
                throw UsageError("--direction is both or out");
            }
            options.reach = direction == "both" ? Reach::Both : Reach::Out;
        } else if (arg == "--warmup" || arg == "--runs") {
            const std::string text = value();
            const int number = std::atoi(text.c_str());
            if (number < (arg == "--runs" ? 1 : 0) || std::to_string(number) != text) {
                throw UsageError(arg + " needs a whole number, got '" + text + "'");
            }
            (arg == "--runs" ? options.runs : options.warmup) = number;
        } else {
            throw UsageError("unknown argument " + arg);
        }
    }
    if (options.loads.empty() || options.actor.empty()) {
        throw UsageError("--load and --actor are required");
    }
    return options;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const Options options = parseOptions(argc, argv);
        newsgraph::LoadReport report;
        const auto loadStart = std::chrono::steady_clock::now();
        const Graph graph = bench::loadGraph(options.loads, report);
        std::cerr << fmt::format("loaded {} nodes, {} relationships in {:.0f} ms; load average {}\n", graph.liveNodeCount(),
                                 graph.liveRelCount(), bench::millisecondsSince(loadStart), bench::loadAverage());
        // Exactly what {name: $actor} matches (resolve() would also match codes and aliases).
        std::vector<NodeId> starts;
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            const newsgraph::Value name = graph.nodeProperty(node, "name");
            if (!graph.nodeDeleted(node) && name.type() == newsgraph::ValueType::String && name.asString() == options.actor) {
                starts.push_back(node);
            }
        }
        if (starts.size() != 1) {
            throw UsageError(fmt::format("--actor '{}' names {} actors, not one", options.actor, starts.size()));
        }
        std::cout << fmt::format("{:<10} {:>14} {:>12} {:>12} {:>12} {:>5}\n", "query", "answer", "median ms", "min ms",
                                 "max ms", "runs");
        time("Q4 base", options, [&] { return countDatedPairs(graph); });
        time("Q5 base", options, [&] { return countReach(graph, starts.front(), options.reach); });
    } catch (const UsageError& error) {
        std::cerr << "baseline: " << error.what() << "\n"
                  << "usage: baseline --load FORMAT:PATH [--load ...] --actor NAME [--direction both|out] [--warmup W] [--runs N]\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "baseline: " << error.what() << "\n";
        return 2;
    }
    return 0;
}
