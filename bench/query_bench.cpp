// query_bench: runs a benchmark suite (a query file: testing/query_file.hpp) over a loaded graph,
// checking every answer.
//
//   query_bench --load FORMAT:PATH [--load ...] --suite FILE [--warmup W] [--runs N] [--load-runs K]
//               [--only Q1,Q4] [--max-seconds S] [--max-memory-gib G] [--csv FILE|-] [--json FILE|-]
//               [--record FILE]
//
// Q7 (load) is the runner's own: the specs are loaded K times from files to a frozen graph, each
// timed; the last graph is kept. Then every statement runs W times untimed and N times timed;
// its first answer is checked against the suite. Reported per statement: median, min and max
// milliseconds, rows, status (ok, unchecked, WRONG, ERROR, unsupported) and the peak RSS so far.
// A statement whose run takes longer than --max-seconds stops repeating (its runs are reported).
// --max-memory-gib (default 16) caps the address space: a statement that would need more fails
// with "out of memory" instead of waking the kernel's OOM killer on a machine others share.
// Exit status: 0 all answers right, 1 a wrong answer or an unexpected error, 2 bad usage or input.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench/arguments.hpp"
#include "bench/bench_support.hpp"
#include "testing/query_file.hpp"
#include "query/database.hpp"

namespace {

namespace bench = newsgraph::bench;
using bench::UsageError;

constexpr int kDefaultWarmup = 2;
constexpr int kDefaultRuns = 5;
constexpr int kDefaultLoadRuns = 3;
constexpr double kDefaultMaxSeconds = 120.0;
constexpr int kDefaultMaxMemoryGib = 16;
constexpr size_t kDifferencesShown = 5;
constexpr size_t kAnswerRowsKept = 20; // in --json, for the peers' cross-check

struct Options {
    std::vector<std::string> loads;
    std::string suite;
    int warmup = kDefaultWarmup;
    int runs = kDefaultRuns;
    int loadRuns = kDefaultLoadRuns;
    double maxSeconds = kDefaultMaxSeconds;
    int maxMemoryGib = kDefaultMaxMemoryGib;
    std::vector<std::string> only;
    std::string csv;
    std::string json;
    std::string record;
};

enum class Status { Ok, Unchecked, Wrong, Error, Unsupported };

const char* statusName(Status status) {
    switch (status) {
    case Status::Ok: return "ok";
    case Status::Unchecked: return "unchecked";
    case Status::Wrong: return "WRONG";
    case Status::Error: return "ERROR";
    case Status::Unsupported: return "unsupported";
    }
    return "?";
}

struct Measurement {
    std::string name;
    Status status = Status::Ok;
    uint64_t rows = 0;
    bench::Stats stats;
    int runs = 0;
    double peakRss = 0.0;
    std::string detail; // the error, or the first differences of a wrong answer
    std::vector<std::string> answer; // the first rows, rendered as the suite writes them
};

std::string usage() {
    return "usage: query_bench --load FORMAT:PATH [--load ...] --suite FILE [--warmup W] [--runs N]\n"
           "                   [--load-runs K] [--only Q1,Q4] [--max-seconds S] [--csv FILE|-] [--json FILE|-]\n"
           "                   [--max-memory-gib G] [--record FILE]\n";
}

int parsePositive(const std::string& flag, const std::string& text, int minimum) {
    try {
        size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value >= minimum) {
            return value;
        }
    } catch (const std::exception&) {
    }
    throw UsageError(fmt::format("{} needs a whole number >= {}, got '{}'", flag, minimum, text));
}

Options parseOptions(int argc, char** argv) {
    Options options;
    for (newsgraph::bench::Arguments<UsageError> args(argc, argv); args.next();) {
        const std::string& arg = args.current();
        const auto value = [&] { return args.value(); };
        if (arg == "--load") {
            options.loads.push_back(value());
        } else if (arg == "--suite") {
            options.suite = value();
        } else if (arg == "--warmup") {
            options.warmup = parsePositive(arg, value(), 0);
        } else if (arg == "--runs") {
            options.runs = parsePositive(arg, value(), 1);
        } else if (arg == "--load-runs") {
            options.loadRuns = parsePositive(arg, value(), 1);
        } else if (arg == "--max-seconds") {
            options.maxSeconds = parsePositive(arg, value(), 1);
        } else if (arg == "--max-memory-gib") {
            options.maxMemoryGib = parsePositive(arg, value(), 1);
        } else if (arg == "--only") {
            std::stringstream names(value());
            std::string name;
            while (std::getline(names, name, ',')) {
                options.only.push_back(name);
            }
        } else if (arg == "--csv") {
            options.csv = value();
        } else if (arg == "--json") {
            options.json = value();
        } else if (arg == "--record") {
            options.record = value();
        } else {
            throw UsageError("unknown argument " + arg);
        }
    }
    if (options.loads.empty() || options.suite.empty()) {
        throw UsageError("--load and --suite are required");
    }
    return options;
}

// A suite: a query file whose statements all succeed (no `---- error`), on the graph of --load.
newsgraph::testing::QueryFile readSuite(const std::string& path) {
    newsgraph::testing::QueryFile suite;
    try {
        suite = newsgraph::testing::readQueryFile(path);
    } catch (const newsgraph::testing::QueryFileError& error) {
        throw UsageError(error.what());
    }
    if (suite.statements.empty()) {
        throw UsageError(path + ": no -STATEMENT in the suite");
    }
    for (const auto& statement : suite.statements) {
        if (statement.expectation == newsgraph::testing::Expectation::Error) {
            throw UsageError(fmt::format("{}:{}: a benchmark statement must succeed ('---- error' is for tests)", path,
                                         statement.line));
        }
        if (statement.graph && statement.graph->kind == newsgraph::testing::GraphDirective::Kind::Load) {
            throw UsageError(fmt::format("{}:{}: -LOAD is not for suites: --load gives the graph", path, statement.line));
        }
    }
    return suite;
}

// A parameter literal, evaluated by the engine itself (as the e2e runner does).
newsgraph::Value parseLiteral(const std::string& text, const std::string& where) {
    newsgraph::Database scratch;
    try {
        return scratch.execute("RETURN " + text + " AS v").rows.at(0).at(0);
    } catch (const std::exception& error) {
        throw UsageError(where + ": bad -PARAM literal " + text + ": " + error.what());
    }
}

std::string renderRow(const newsgraph::Database& database, const std::vector<newsgraph::Value>& row) {
    std::string out;
    for (size_t i = 0; i < row.size(); ++i) {
        out += (i == 0 ? "" : " | ") + database.render(row[i]);
    }
    return out;
}

// The first differences between expected and actual rows, for the report.
std::string describeDifference(std::vector<std::string> expected, std::vector<std::string> actual, bool ordered) {
    if (!ordered) {
        std::sort(expected.begin(), expected.end());
        std::sort(actual.begin(), actual.end());
    }
    std::string out = fmt::format("expected {} rows, got {}", expected.size(), actual.size());
    size_t shown = 0;
    for (size_t i = 0; i < std::max(expected.size(), actual.size()) && shown < kDifferencesShown; ++i) {
        const std::string want = i < expected.size() ? expected[i] : "(none)";
        const std::string got = i < actual.size() ? actual[i] : "(none)";
        if (want != got) {
            out += fmt::format("; row {}: expected {} got {}", i + 1, want, got);
            ++shown;
        }
    }
    return out;
}

bool selected(const Options& options, const std::string& name) {
    return options.only.empty() || std::find(options.only.begin(), options.only.end(), name) != options.only.end();
}

Measurement measure(newsgraph::Database& database, const newsgraph::testing::QueryFileStatement& statement, const Options& options,
                    const std::string& suitePath, std::optional<std::vector<std::string>>& answer) {
    Measurement measurement;
    measurement.name = statement.name;
    newsgraph::Parameters parameters;
    for (const auto& [name, literal] : statement.parameters) {
        parameters.emplace_back(name, parseLiteral(literal, fmt::format("{}:{}", suitePath, statement.line)));
    }
    newsgraph::ExecuteOptions executeOptions;
    executeOptions.disabledRules = statement.disabledRules;
    executeOptions.threads = statement.threads;
    std::vector<double> samples;
    newsgraph::QueryResult first;
    try {
        for (int run = 0; run < options.warmup + options.runs; ++run) {
            const auto start = std::chrono::steady_clock::now();
            newsgraph::QueryResult result = database.execute(statement.query, parameters, executeOptions);
            const double milliseconds = bench::millisecondsSince(start);
            if (run == 0) {
                first = std::move(result);
            }
            if (run >= options.warmup) {
                samples.push_back(milliseconds);
            }
            // A slow statement (the engine cannot be interrupted) is not repeated forever.
            if (milliseconds > options.maxSeconds * 1000.0) {
                if (samples.empty()) {
                    samples.push_back(milliseconds);
                }
                measurement.detail = fmt::format("stopped after {} run(s): over --max-seconds", run + 1);
                break;
            }
        }
    } catch (const std::bad_alloc&) {
        measurement.status = Status::Error;
        measurement.detail = fmt::format("out of memory (over --max-memory-gib {})", options.maxMemoryGib);
        measurement.peakRss = bench::peakRssMiB();
        return measurement;
    } catch (const std::exception& error) {
        const auto* queryError = dynamic_cast<const newsgraph::QueryError*>(&error);
        measurement.status = statement.mayFail ? Status::Unsupported : Status::Error;
        measurement.detail = queryError != nullptr ? queryError->render(statement.query) : error.what();
        measurement.peakRss = bench::peakRssMiB();
        return measurement;
    }
    measurement.stats = bench::summarize(samples);
    measurement.runs = static_cast<int>(samples.size());
    measurement.rows = first.rows.size();
    measurement.peakRss = bench::peakRssMiB();
    std::vector<std::string> actual;
    actual.reserve(first.rows.size());
    for (const auto& row : first.rows) {
        actual.push_back(renderRow(database, row));
    }
    if (statement.expectation != newsgraph::testing::Expectation::Rows) {
        measurement.status = Status::Unchecked;
    } else {
        std::vector<std::string> want = statement.rows;
        std::vector<std::string> got = actual;
        if (!statement.ordered) {
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
        }
        if (want != got) {
            measurement.status = Status::Wrong;
            measurement.detail = describeDifference(statement.rows, actual, statement.ordered);
        }
    }
    measurement.answer.assign(actual.begin(), actual.begin() + static_cast<ptrdiff_t>(std::min(actual.size(), kAnswerRowsKept)));
    answer = std::move(actual);
    return measurement;
}

std::string machineDescription() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    std::string model = "?";
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            model = line.substr(line.find(':') + 2);
            break;
        }
    }
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kib = 0;
    meminfo >> key >> kib;
    return fmt::format("{} x {}, {:.1f} GiB RAM", sysconf(_SC_NPROCESSORS_ONLN), model,
                       static_cast<double>(kib) / (1024.0 * 1024.0));
}

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

struct Report {
    std::string suite;
    std::string dataset;
    std::string machine;
    std::string loadBefore;
    std::string loadAfter;
    uint64_t nodes = 0;
    uint64_t relationships = 0;
    double rssAfterLoad = 0.0;
    double peakRssAfterLoad = 0.0;
    std::vector<Measurement> measurements; // Q7 (load) first
};

void writeOutput(const std::string& target, const std::string& text) {
    if (target == "-") {
        std::cout << text;
        return;
    }
    std::ofstream out(target);
    out << text;
    if (!out) {
        throw UsageError("cannot write " + target);
    }
}

std::string toCsv(const Report& report) {
    std::string out = "suite,dataset,query,status,rows,median_ms,min_ms,max_ms,runs,peak_rss_mib,detail\r\n";
    for (const Measurement& m : report.measurements) {
        out += fmt::format("{},{},{},{},{},{:.3f},{:.3f},{:.3f},{},{:.1f},{}\r\n", csvField(report.suite),
                           csvField(report.dataset), csvField(m.name), statusName(m.status), m.rows, m.stats.median,
                           m.stats.min, m.stats.max, m.runs, m.peakRss, csvField(m.detail));
    }
    return out;
}

std::string toJson(const Report& report) {
    std::string out = fmt::format(
        "{{\"suite\":{},\"dataset\":{},\"machine\":{},\"load_average_before\":{},\"load_average_after\":{},"
        "\"nodes\":{},\"relationships\":{},\"rss_after_load_mib\":{:.1f},\"peak_rss_after_load_mib\":{:.1f},\"queries\":[",
        jsonString(report.suite), jsonString(report.dataset), jsonString(report.machine), jsonString(report.loadBefore),
        jsonString(report.loadAfter), report.nodes, report.relationships, report.rssAfterLoad, report.peakRssAfterLoad);
    for (size_t i = 0; i < report.measurements.size(); ++i) {
        const Measurement& m = report.measurements[i];
        out += fmt::format("{}{{\"query\":{},\"status\":\"{}\",\"rows\":{},\"median_ms\":{:.3f},\"min_ms\":{:.3f},"
                           "\"max_ms\":{:.3f},\"runs\":{},\"peak_rss_mib\":{:.1f},\"detail\":{},\"answer\":[",
                           i == 0 ? "" : ",", jsonString(m.name), statusName(m.status), m.rows, m.stats.median,
                           m.stats.min, m.stats.max, m.runs, m.peakRss, jsonString(m.detail));
        for (size_t r = 0; r < m.answer.size(); ++r) {
            out += (r == 0 ? "" : ",") + jsonString(m.answer[r]);
        }
        out += "]}";
    }
    return out + "]}\n";
}

void printTable(std::ostream& out, const Report& report) {
    out << fmt::format("suite {} (dataset {}), {}\n", report.suite, report.dataset, report.machine);
    out << fmt::format("graph: {} nodes, {} relationships; RSS after load {:.0f} MiB, peak {:.0f} MiB\n",
                             report.nodes, report.relationships, report.rssAfterLoad, report.peakRssAfterLoad);
    out << fmt::format("load average before {}, after {}\n", report.loadBefore, report.loadAfter);
    out << fmt::format("{:<12} {:<11} {:>10} {:>12} {:>12} {:>12} {:>5} {:>9}\n", "query", "status", "rows",
                             "median ms", "min ms", "max ms", "runs", "peak MiB");
    for (const Measurement& m : report.measurements) {
        out << fmt::format("{:<12} {:<11} {:>10} {:>12.3f} {:>12.3f} {:>12.3f} {:>5} {:>9.0f}\n", m.name,
                                 statusName(m.status), m.rows, m.stats.median, m.stats.min, m.stats.max, m.runs,
                                 m.peakRss);
    }
    for (const Measurement& m : report.measurements) {
        if (!m.detail.empty()) {
            out << m.name << ": " << m.detail << "\n";
        }
    }
}

void limitMemory(int gib) {
    constexpr rlim_t kBytesPerGib = rlim_t{1} << 30;
    const rlimit limit{static_cast<rlim_t>(gib) * kBytesPerGib, static_cast<rlim_t>(gib) * kBytesPerGib};
    setrlimit(RLIMIT_AS, &limit);
}

int run(const Options& options) {
    limitMemory(options.maxMemoryGib);
    const newsgraph::testing::QueryFile suite = readSuite(options.suite);
    Report report;
    report.suite = options.suite;
    report.dataset = suite.dataset;
    report.machine = machineDescription();
    report.loadBefore = bench::loadAverage();

    // Q7: files to frozen graph, K times; the graph of the last load is queried.
    Measurement load;
    load.name = "Q7 load";
    std::vector<double> loadTimes;
    std::optional<newsgraph::Database> database;
    for (int i = 0; i < options.loadRuns; ++i) {
        database.reset(); // free the previous graph first: peak RSS is one graph's
        newsgraph::LoadReport loadReport;
        const auto start = std::chrono::steady_clock::now();
        newsgraph::Graph graph = bench::loadGraph(options.loads, loadReport);
        loadTimes.push_back(bench::millisecondsSince(start));
        database.emplace(std::move(graph));
    }
    load.stats = bench::summarize(loadTimes);
    load.runs = options.loadRuns;
    report.nodes = database->graph().liveNodeCount();
    report.relationships = database->graph().liveRelCount();
    load.rows = report.nodes + report.relationships;
    report.rssAfterLoad = bench::currentRssMiB();
    report.peakRssAfterLoad = bench::peakRssMiB();
    load.peakRss = report.peakRssAfterLoad;
    report.measurements.push_back(load);

    std::vector<std::optional<std::vector<std::string>>> answers(suite.statements.size());
    for (size_t i = 0; i < suite.statements.size(); ++i) {
        const newsgraph::testing::QueryFileStatement& statement = suite.statements[i];
        if (!selected(options, statement.name)) {
            continue;
        }
        std::cerr << "running " << statement.name << "\n";
        report.measurements.push_back(measure(*database, statement, options, suite.path, answers[i]));
    }
    report.loadAfter = bench::loadAverage();

    // The table goes to stderr when the CSV or JSON takes stdout.
    printTable(options.csv == "-" || options.json == "-" ? std::cerr : std::cout, report);
    if (!options.csv.empty()) {
        writeOutput(options.csv, toCsv(report));
    }
    if (!options.json.empty()) {
        writeOutput(options.json, toJson(report));
    }
    if (!options.record.empty()) {
        writeOutput(options.record, newsgraph::testing::recordAnswers(suite, answers));
    }
    const bool failed = std::any_of(report.measurements.begin(), report.measurements.end(), [](const Measurement& m) {
        return m.status == Status::Wrong || m.status == Status::Error;
    });
    return failed ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(parseOptions(argc, argv));
    } catch (const UsageError& error) {
        std::cerr << "query_bench: " << error.what() << "\n" << usage();
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "query_bench: " << error.what() << "\n";
        return 2;
    }
}
