#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph_builder.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// One input format. Implementations write through the GraphBuilder and count what they did in
// the report; a load that fails throws LoadError and leaves the builder as it was.
class Loader {
public:
    Loader() = default;
    Loader(const Loader&) = delete;
    Loader& operator=(const Loader&) = delete;
    Loader(Loader&&) = delete;
    Loader& operator=(Loader&&) = delete;
    virtual ~Loader() = default;

    // The name used in `--load FORMAT:PATH`.
    virtual std::string_view format() const = 0;
    virtual std::string_view description() const = 0;
    virtual void load(GraphBuilder& builder, const std::string& path, const LoadOptions& options,
                      LoadReport& report) const = 0;
};

// Every registered loader, in a fixed order.
const std::vector<std::unique_ptr<Loader>>& loaders();
// The loader for `format`, or nullptr.
const Loader* findLoader(std::string_view format);

// Splits `FORMAT:PATH` and runs the loader; throws LoadError for an unknown format.
void loadSpec(GraphBuilder& builder, std::string_view spec, const LoadOptions& options, LoadReport& report);

} // namespace newsgraph
