#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph_builder.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// Runs a whole news load atomically and times it: on any exception the builder is rolled back to
// where it was and the report restored; on success the nodes and relationships the load added
// are counted into the report (so loaders need not count them one by one).
// The bytes of all `files` (for a progress bar over several files).
inline uint64_t totalFileSize(const std::vector<std::string>& files) {
    uint64_t total = 0;
    for (const std::string& file : files) {
        total += std::filesystem::file_size(file);
    }
    return total;
}

template <typename Body>
void runNewsLoad(GraphBuilder& builder, LoadReport& report, Body body) {
    const auto started = std::chrono::steady_clock::now();
    const LoadReport before = report;
    const uint32_t nodesBefore = builder.nodeCount();
    const uint32_t relsBefore = builder.relCount();
    const GraphBuilder::Savepoint savepoint = builder.savepoint();
    try {
        body();
    } catch (...) {
        builder.rollback(savepoint);
        report = before;
        throw;
    }
    builder.commit(savepoint);
    report.nodesCreated += builder.nodeCount() - nodesBefore;
    report.relsCreated += builder.relCount() - relsBefore;
    report.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

// The regular files of `path` (itself when it is a file), sorted by name, whose names end with one
// of `suffixes` (all files when empty). Throws LoadError when `path` does not exist or a folder
// holds no such file.
std::vector<std::string> listInputFiles(const std::string& path, const std::vector<std::string_view>& suffixes);

bool isDirectory(const std::string& path);
bool fileExists(const std::string& path);
std::string joinPath(const std::string& folder, std::string_view name);
std::string fileName(const std::string& path);
// How a fact names the file it came from: the path below the nearest folder called `datasets`
// ("icews18_tkg/regcn_full/named/train.tsv.gz"), else the file name.
std::string provenanceName(const std::string& path);

// The 1-based position of the first field holding invalid UTF-8, or 0 when every field is valid.
size_t firstInvalidUtf8Field(const std::vector<std::string_view>& fields);

// Runs `body` in a nested savepoint; a StorageError rolls it back and rejects the row.
template <typename Body>
void applyNewsRow(GraphBuilder& builder, LoadReport& report, const LoadOptions& options, const std::string& file,
                  uint64_t line, Body body) {
    const GraphBuilder::Savepoint savepoint = builder.savepoint();
    try {
        body();
    } catch (const StorageError& error) {
        builder.rollback(savepoint);
        report.reject(options, file, line, error.what());
        return;
    } catch (...) {
        builder.rollback(savepoint);
        throw;
    }
    builder.commit(savepoint);
}

} // namespace newsgraph
