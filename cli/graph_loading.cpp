#include "cli/graph_loading.hpp"

#include <exception>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "engine/common/memory_limit.hpp"

#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"

namespace newsgraph {

namespace {

bool loadSpecs(GraphBuilder& builder, const std::vector<std::string>& specs, const LoadOptions& options,
               std::ostream& err) {
    LoadReport report;
    try {
        for (const std::string& spec : specs) {
            loadSpec(builder, spec, options, report);
        }
    } catch (const Exception& error) {
        err << error.kind() << ": " << error.what() << "\n";
        return false;
    } catch (const std::exception& error) {
        err << "LoadError: " << error.what() << "\n";
        return false;
    }
    err << report.toString() << "\n";
    err.flush();
    return true;
}

} // namespace

std::optional<Graph> loadGraph(const std::vector<std::string>& specs, const LoadOptions& options, std::ostream& err) {
    GraphBuilder builder;
    if (!specs.empty() && !loadSpecs(builder, specs, options, err)) {
        return std::nullopt;
    }
    return std::move(builder).freeze();
}

std::optional<Graph> loadIntoCopy(const Graph& graph, std::string_view spec, const LoadOptions& options,
                                  std::ostream& err) {
    GraphBuilder builder = GraphBuilder::thaw(graph);
    if (!loadSpecs(builder, {std::string(spec)}, options, err)) {
        return std::nullopt;
    }
    return std::move(builder).freeze();
}

std::optional<Graph> loadWithin(std::optional<uint64_t> maxMemory, std::ostream& err,
                                const std::function<std::optional<Graph>(std::ostream&)>& load) {
    if (!maxMemory) {
        return load(err);
    }
    // The load's own messages wait until it is known whether the limit stopped it: a refused
    // allocation surfaces as whatever error the loader made of it, which would only confuse.
    std::ostringstream messages;
    std::optional<Graph> graph;
    bool exceeded = false;
    {
        const MemoryLimitScope memory(*maxMemory);
        try {
            graph = load(messages);
        } catch (...) {
            if (!memory.exceeded()) {
                throw;
            }
        }
        exceeded = memory.exceeded();
    }
    if (exceeded) {
        err << fmt::format("MemoryLimitError: the load needed more memory than its limit of {} and was stopped; the "
                           "graph is as it was\n",
                           formatMemorySize(*maxMemory));
        return std::nullopt;
    }
    err << messages.str();
    err.flush();
    return graph;
}

} // namespace newsgraph
