// newsgraph: loads event data into the graph and answers from it. Until the query shell lands,
// the program loads the datasets named on the command line (the bundled seed article when none
// is), prints the load summary and the graph's statistics, and answers who attributed what to whom.
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "cli/options.hpp"
#include "engine/news/attribution.hpp"
#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;

} // namespace

int main(int argc, char** argv) {
    using namespace newsgraph; // NOLINT(google-build-using-namespace): one program, one namespace
    CliOptions options;
    try {
        options = parseCliOptions(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& error) {
        std::cerr << "newsgraph: " << error.what() << "\n" << usageText();
        return kExitUsage;
    }
    if (options.help) {
        std::cout << usageText();
        return kExitOk;
    }
    if (options.version) {
        std::cout << "newsgraph " << NEWSGRAPH_VERSION << "\n";
        return kExitOk;
    }

    GraphBuilder builder;
    LoadReport report;
    try {
        for (const std::string& spec : options.loads) {
            loadSpec(builder, spec, options.loadOptions, report);
        }
    } catch (const Exception& error) {
        std::cerr << error.kind() << ": " << error.what() << "\n";
        return kExitUsage;
    }
    std::cerr << report.toString() << "\n";
    std::cerr.flush();
    const Graph graph = std::move(builder).freeze();

    std::cout << graph.stats().toString() << "\n";
    const std::vector<Attribution> attributions = findAttributions(graph);
    std::cout << fmt::format("Who attributed what to whom ({} attribution claims):\n", attributions.size());
    for (const Attribution& attribution : attributions) {
        std::cout << "  " << describeAttribution(graph, attribution) << "\n";
    }
    return kExitOk;
}
