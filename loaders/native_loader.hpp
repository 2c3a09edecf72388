#pragma once

#include <string>

#include "engine/storage/graph_builder.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// The native format: CSV files with neo4j-admin import headers, and a manifest per dataset folder.
// Each call is atomic: on LoadError (a file-level problem, or any bad row in strict mode) the
// builder is left exactly as it was. Without strict mode bad rows are rejected, reported and skipped.
void loadNodeFile(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);
void loadRelationshipFile(GraphBuilder& builder, const std::string& path, const LoadOptions& options,
                          LoadReport& report);
// `path` is a dataset folder (holding manifest.txt) or a manifest file.
void loadDataset(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

} // namespace newsgraph
