#include "cli/options.hpp"

#include <cstdlib>

#include <fmt/format.h>

namespace newsgraph {

namespace {
constexpr std::string_view kSeedDataset = "czech-apt31";
} // namespace

std::string datasetsDirectory() {
    if (const char* dir = std::getenv("NEWSGRAPH_DATASETS"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    return NEWSGRAPH_DATASETS_DIR;
}

std::string usageText() {
    return fmt::format(R"(usage: newsgraph [--load FORMAT:PATH]... [--strict] [--help] [--version]

Loads event data into an in-memory graph, prints what was loaded and the graph's statistics, and
answers who attributed what to whom.

  --load FORMAT:PATH  load PATH with the loader FORMAT (dataset, nodes, relationships); repeatable.
                      Without --load the bundled dataset {}/{} is loaded.
  --strict            stop at the first bad row and load nothing from that file (default: report
                      and skip bad rows)
  --help              this text
  --version           the version

Exit status: 0 success, 2 bad usage or a failed load.
)",
                       datasetsDirectory(), kSeedDataset);
}

CliOptions parseCliOptions(const std::vector<std::string>& args) {
    CliOptions options;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--version") {
            options.version = true;
        } else if (arg == "--strict") {
            options.loadOptions.strict = true;
        } else if (arg == "--load") {
            if (i + 1 == args.size()) {
                throw UsageError("--load needs FORMAT:PATH");
            }
            options.loads.push_back(args[++i]);
        } else if (arg.starts_with("--load=")) {
            options.loads.push_back(arg.substr(std::string_view("--load=").size()));
        } else {
            throw UsageError(fmt::format("unknown argument '{}'", arg));
        }
    }
    if (options.loads.empty()) {
        options.loads.push_back(fmt::format("dataset:{}/{}", datasetsDirectory(), kSeedDataset));
    }
    return options;
}

} // namespace newsgraph
