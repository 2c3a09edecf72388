// newsgraph_tck: runs the openCypher TCK feature files against the engine.
//
//   newsgraph_tck [--verbose] [--filter SUBSTRING] [--baseline FILE] [--write-baseline FILE]
//                 [--no-isolate] [--timeout SECONDS] FEATURES_DIR
//
// Each scenario runs on a fresh Database. Scenarios run in a forked worker process (unless
// --no-isolate), so an engine crash or a scenario running past --timeout (default 120 s) fails
// only that scenario; a new worker picks up with the next one.
// Prints a per-folder pass table and, as the last line, `TCK <passed>/<total>`. Exits non-zero
// only on bad usage or when a scenario listed in the --baseline file no longer passes.
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tests/tck/feature_parser.hpp"
#include "tests/tck/isolated_run.hpp"
#include "tests/tck/scenario_runner.hpp"
#include "tests/tck/tck_report.hpp"

namespace {

struct Options {
    bool help = false;
    bool verbose = false;
    std::string filter;
    std::optional<std::filesystem::path> baseline;
    std::optional<std::filesystem::path> writeBaseline;
    bool isolate = true;
    unsigned timeoutSeconds = 120;
    std::filesystem::path featuresDir;
};

constexpr int kExitRegression = 1;
constexpr int kExitUsage = 2;

void printUsage(std::ostream& out) {
    out << "usage: newsgraph_tck [--verbose] [--filter SUBSTRING] [--baseline FILE] [--write-baseline FILE]\n"
           "                     [--no-isolate] [--timeout SECONDS] FEATURES_DIR\n";
}

std::optional<unsigned> parseSeconds(const std::string& text) {
    if (text.empty() || text.size() > 7 || text.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return static_cast<unsigned>(std::stoul(text));
}

std::optional<Options> parseArguments(int argc, char** argv) {
    Options options;
    bool haveDir = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            options.help = true;
            return options;
        }
        if (arg == "--verbose" || arg == "-v") {
            options.verbose = true;
        } else if (arg == "--filter" && hasValue) {
            options.filter = argv[++i];
        } else if (arg == "--baseline" && hasValue) {
            options.baseline = argv[++i];
        } else if (arg == "--write-baseline" && hasValue) {
            options.writeBaseline = argv[++i];
        } else if (arg == "--no-isolate") {
            options.isolate = false;
        } else if (arg == "--timeout" && hasValue) {
            const std::optional<unsigned> seconds = parseSeconds(argv[++i]);
            if (!seconds) {
                std::cerr << "newsgraph_tck: bad --timeout '" << argv[i] << "'\n";
                return std::nullopt;
            }
            options.timeoutSeconds = *seconds;
        } else if (!arg.empty() && arg[0] != '-' && !haveDir) {
            options.featuresDir = arg;
            haveDir = true;
        } else {
            std::cerr << "newsgraph_tck: bad argument '" << arg << "'\n";
            return std::nullopt;
        }
    }
    if (!haveDir) {
        std::cerr << "newsgraph_tck: FEATURES_DIR is required\n";
        return std::nullopt;
    }
    return options;
}

int run(const Options& options) {
    newsgraph::tck::FeatureSet features = newsgraph::tck::loadFeatures(options.featuresDir);
    for (const newsgraph::tck::ParseIssue& issue : features.issues) {
        std::cerr << "warning: " << issue.toString() << "\n";
    }
    if (features.featureCount == 0) {
        std::cerr << "newsgraph_tck: no feature files under " << options.featuresDir << "\n";
        return kExitUsage;
    }

    std::optional<std::vector<std::string>> baseline;
    if (options.baseline) {
        baseline = newsgraph::tck::readBaseline(*options.baseline);
        if (!baseline) {
            std::cerr << "newsgraph_tck: cannot read baseline " << *options.baseline << "\n";
            return kExitUsage;
        }
    }

    std::vector<const newsgraph::tck::Scenario*> selected;
    std::set<std::string> selectedKeys;
    for (const newsgraph::tck::Scenario& scenario : features.scenarios) {
        const std::string key = scenario.key();
        if (!options.filter.empty() && key.find(options.filter) == std::string::npos) {
            continue;
        }
        selected.push_back(&scenario);
        selectedKeys.insert(key);
    }

    newsgraph::tck::RunSummary summary;
    std::vector<std::string> passedKeys;
    const auto record = [&](size_t index, const newsgraph::tck::ScenarioOutcome& outcome) {
        const newsgraph::tck::Scenario& scenario = *selected[index];
        const std::string key = scenario.key();
        summary.record(scenario.featurePath, outcome.passed);
        if (outcome.passed) {
            passedKeys.push_back(key);
        }
        if (!options.verbose) {
            return;
        }
        if (!outcome.passed) {
            std::cout << "FAIL " << key << "\n    " << outcome.message << "\n";
        } else if (!outcome.notes.empty()) {
            std::cout << "NOTE " << key << "\n";
        }
        for (const std::string& note : outcome.notes) {
            std::cout << "    " << note << "\n";
        }
    };
    const newsgraph::tck::ScenarioRunner runner(options.featuresDir);
    if (options.isolate) {
        newsgraph::tck::runIsolated(runner, selected, options.timeoutSeconds, record);
    } else {
        for (size_t i = 0; i < selected.size(); ++i) {
            record(i, runner.run(*selected[i]));
        }
    }

    if (options.writeBaseline && !newsgraph::tck::writeBaseline(*options.writeBaseline, passedKeys)) {
        std::cerr << "newsgraph_tck: cannot write baseline " << *options.writeBaseline << "\n";
    }

    int exitCode = 0;
    if (baseline) {
        const std::set<std::string> passed(passedKeys.begin(), passedKeys.end());
        std::vector<std::string> regressions;
        for (const std::string& key : *baseline) {
            // With a filter only the selected scenarios are judged; a baseline key that names no
            // scenario at all (renamed, removed) counts as a regression when nothing is filtered.
            const bool judged = options.filter.empty() || key.find(options.filter) != std::string::npos;
            if (judged && passed.count(key) == 0) {
                regressions.push_back(selectedKeys.count(key) > 0 ? key : key + "  (no such scenario)");
            }
        }
        if (!regressions.empty()) {
            std::cout << "REGRESSIONS: " << regressions.size() << " baseline scenarios do not pass:\n";
            for (const std::string& key : regressions) {
                std::cout << "  " << key << "\n";
            }
            exitCode = kExitRegression;
        }
    }

    std::cout << summary.table();
    std::cout << "TCK " << summary.passed() << "/" << summary.total() << std::endl;
    return exitCode;
}

} // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parseArguments(argc, argv);
    if (!options) {
        printUsage(std::cerr);
        return kExitUsage;
    }
    if (options->help) {
        printUsage(std::cout);
        return 0;
    }
    try {
        return run(*options);
    } catch (const std::exception& error) {
        std::cerr << "newsgraph_tck: " << error.what() << "\n";
        return kExitUsage;
    }
}
