// export_native: loads any `FORMAT:PATH` (the shell's --load) and writes the graph as a native
// dataset in the layout of gen_events -- the files the peers (bench/peers) load, so that Kùzu,
// DuckDB and SQLite see exactly the graph newsgraph's loaders built from real data (ICEWS18).
//
//   export_native --load FORMAT:PATH [--load ...] --out DIR
//
// actors.csv: id:ID (the node id), :LABEL, name, code, country.
// events.csv: :START_ID, :END_ID, :TYPE, code, base_code, root_code, date:date.
// Other properties are left out: the benchmark queries do not read them.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bench/bench_support.hpp"
#include "engine/storage/graph.hpp"

namespace {

namespace bench = newsgraph::bench;
namespace fs = std::filesystem;
using bench::UsageError;
using newsgraph::Graph;
using newsgraph::Value;
using newsgraph::ValueType;

// A string or date property as a CSV field: empty (no property) when absent, quoted when needed,
// "" for the empty string so that it stays a string.
std::string field(const Value& value) {
    if (value.type() == ValueType::Date) {
        return value.asDate().toString();
    }
    if (value.type() != ValueType::String) {
        return "";
    }
    const std::string& text = value.asString();
    if (!text.empty() && text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

void exportGraph(const Graph& graph, const fs::path& out) {
    fs::create_directories(out);
    std::ofstream actors(out / "actors.csv", std::ios::binary);
    actors << "id:ID,:LABEL,name,code,country\n";
    for (newsgraph::NodeId node = 0; node < graph.nodeCount(); ++node) {
        if (graph.nodeDeleted(node)) {
            continue;
        }
        std::string labels;
        for (const newsgraph::LabelId label : graph.labels(node)) {
            labels += (labels.empty() ? "" : ";") + graph.catalog().labelName(label);
        }
        actors << fmt::format("{},{},{},{},{}\n", node, labels, field(graph.nodeProperty(node, "name")),
                              field(graph.nodeProperty(node, "code")), field(graph.nodeProperty(node, "country")));
    }
    std::ofstream events(out / "events.csv", std::ios::binary);
    events << ":START_ID,:END_ID,:TYPE,code,base_code,root_code,date:date\n";
    for (newsgraph::RelId rel = 0; rel < graph.relCount(); ++rel) {
        if (graph.relDeleted(rel)) {
            continue;
        }
        events << fmt::format("{},{},{},{},{},{},{}\n", graph.relSource(rel), graph.relTarget(rel),
                              graph.catalog().typeName(graph.relType(rel)), field(graph.relProperty(rel, "code")),
                              field(graph.relProperty(rel, "base_code")), field(graph.relProperty(rel, "root_code")),
                              field(graph.relProperty(rel, "date")));
    }
    std::ofstream manifest(out / "manifest.txt");
    manifest << "# newsgraph dataset manifest, written by bench/export_native\n"
             << "name " << out.filename().string() << "\n"
             << "nodes actors.csv\nrelationships events.csv\n";
    if (!actors || !events || !manifest) {
        throw std::runtime_error("cannot write " + out.string());
    }
}

} // namespace

int main(int argc, char** argv) {
    try {
        std::vector<std::string> loads;
        std::string out;
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if ((arg == "--load" || arg == "--out") && i + 1 < argc) {
                (arg == "--load" ? loads.emplace_back() : out) = argv[++i];
            } else {
                throw UsageError("unknown argument or missing value: " + arg);
            }
        }
        if (loads.empty() || out.empty()) {
            throw UsageError("--load and --out are required");
        }
        newsgraph::LoadReport report;
        const Graph graph = bench::loadGraph(loads, report);
        exportGraph(graph, out);
        std::cerr << fmt::format("export_native: {} nodes, {} relationships in {}\n", graph.liveNodeCount(),
                                 graph.liveRelCount(), out);
    } catch (const UsageError& error) {
        std::cerr << "export_native: " << error.what() << "\n"
                  << "usage: export_native --load FORMAT:PATH [--load ...] --out DIR\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "export_native: " << error.what() << "\n";
        return 2;
    }
    return 0;
}
