#include "cli/graph_loading.hpp"

#include <exception>
#include <ostream>

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

} // namespace newsgraph
