#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "loaders/load_report.hpp"

namespace newsgraph {

// A command line that cannot be run: the message says what is wrong.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct CliOptions {
    std::vector<std::string> loads; // FORMAT:PATH, in order
    LoadOptions loadOptions;
    bool help = false;
    bool version = false;
};

// Parses the arguments (without the program name); with no --load, loads the bundled dataset.
CliOptions parseCliOptions(const std::vector<std::string>& args);
std::string usageText();
// The folder of the bundled datasets: $NEWSGRAPH_DATASETS, else the one the build was made from.
std::string datasetsDirectory();

} // namespace newsgraph
