#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "cli/output_format.hpp"
#include "engine/common/memory_limit.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// A command line that cannot be run: the message says what is wrong.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One -e or -f argument, run in command-line order.
struct ScriptArgument {
    enum class Kind : uint8_t { Statements, File };
    Kind kind;
    std::string text; // the statements (-e) or the file name (-f)
};

// One --param NAME=VALUE, VALUE still Cypher literal text.
struct ParameterArgument {
    std::string name;
    std::string literal;
};

struct CliOptions {
    std::vector<std::string> loads; // FORMAT:PATH, in order; the seed dataset when none and not --empty
    LoadOptions loadOptions;
    std::vector<ScriptArgument> scripts;
    std::vector<ParameterArgument> parameters;
    OutputFormat format = OutputFormat::Table;
    bool timing = false;
    std::vector<std::string> disabledRules; // --disable-rule NAME, checked against the optimizer's rules
    std::optional<std::chrono::milliseconds> timeout; // --timeout MS
    std::optional<uint64_t> maxMemory = defaultMemoryLimit(); // --max-memory SIZE|off
    std::optional<uint32_t> threads; // --threads N; none: every core
    bool continueOnError = false;
    bool empty = false;
    bool help = false;
    bool version = false;
};

// Parses the arguments (without the program name). Throws UsageError. With neither --load nor
// --empty, loads the bundled seed dataset.
CliOptions parseCliOptions(const std::vector<std::string>& args);
// A --timeout / :timeout value: a positive whole number of milliseconds; none when malformed.
std::optional<std::chrono::milliseconds> parseTimeout(std::string_view text);
// A --threads / :threads value: a whole number from 1 to kMaxThreads; none when malformed.
constexpr uint32_t kMaxThreads = 1024;
std::optional<uint32_t> parseThreads(std::string_view text);
// A --max-memory / :max-memory value (500MB, 2GiB, 50%); none when malformed.
std::optional<uint64_t> parseMaxMemory(std::string_view text);
// The optimizer's rule names, comma-separated, for messages.
std::string optimizerRuleNames();
// The man-page-like text of --help.
std::string usageText();
// The one-line synopsis printed after a usage error.
std::string synopsisText();
// The folder of the bundled datasets: $NEWSGRAPH_DATASETS, else the one the build was made from.
std::string datasetsDirectory();
// `dataset:<datasets>/czech-apt31`.
std::string seedDatasetSpec();

} // namespace newsgraph
