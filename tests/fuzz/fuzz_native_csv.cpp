// Fuzz target: a native CSV node file (header line and rows) loaded leniently. A bad row must be a
// counted reject and a bad file a LoadError; a crash or UB is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "engine/common/exception.hpp"
#include "engine/storage/graph.hpp"
#include "engine/storage/graph_builder.hpp"
#include "loaders/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::filesystem::path file =
        std::filesystem::temp_directory_path() / ("newsgraph-fuzz-" + std::to_string(getpid()) + ".csv");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    newsgraph::GraphBuilder builder;
    newsgraph::LoadReport report;
    try {
        newsgraph::loadSpec(builder, "nodes:" + file.string(), newsgraph::LoadOptions{}, report);
        (void)std::move(builder).freeze();
    } catch (const newsgraph::Exception&) {
        // a LoadError naming the file
    }
    return 0;
}
