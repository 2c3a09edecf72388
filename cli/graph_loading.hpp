#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// Loads the FORMAT:PATH specs, in order, into a new graph and prints the load summary on `err`.
// On a failed load prints the error (starting with its kind) and returns nothing.
std::optional<Graph> loadGraph(const std::vector<std::string>& specs, const LoadOptions& options, std::ostream& err);

// A copy of `graph` with FORMAT:PATH loaded into it (the shell's :load); `graph` is not changed.
std::optional<Graph> loadIntoCopy(const Graph& graph, std::string_view spec, const LoadOptions& options,
                                  std::ostream& err);

// Runs `load` under the memory limit `maxMemory` (none: no limit). A load stopped by the limit
// prints MemoryLimitError on `err` and gives nothing; the graph it was loading into is untouched.
std::optional<Graph> loadWithin(std::optional<uint64_t> maxMemory, std::ostream& err,
                                const std::function<std::optional<Graph>(std::ostream&)>& load);

} // namespace newsgraph
