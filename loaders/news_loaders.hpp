#pragma once

#include <cstdint>
#include <string>

#include "engine/storage/graph_builder.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// The news loaders behind `--load FORMAT:PATH` (formats cameo, gdelt, icews, misp, cfr, eurepoc).
// Each load is atomic: a LoadError (a problem with a whole file, or in strict mode the first bad
// row) leaves the builder exactly as it was. Bad rows are otherwise rejected as file:line: reason,
// counted and skipped. docs/loaders.md describes what each one makes of its input.

// CAMEO lookup tables: a cameo_lookups folder or one of its files.
void loadCameo(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

// What a GDELT load did beyond the common report.
struct GdeltStats {
    uint64_t events = 0;           // relationships added
    uint64_t duplicates = 0;       // rows whose GLOBALEVENTID was already loaded (skipped, counted as merged)
    uint64_t standInEndpoints = 0; // rows with one actor or none, pointing at the stand-in node
    uint64_t filesSkipped = 0;     // files of a folder that are not GDELT event files
    unsigned threads = 0;          // threads the load ran on: 1, or 2 with rows parsed on a second one
};
// GDELT 1.0 (57/58 columns) and 2.0 (61 columns) TSV, plain or gzip, and the 59-column CSV with a
// header; a file or a folder of them.
void loadGdelt(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);
void loadGdelt(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report,
               GdeltStats& stats);

// ICEWS temporal-KG facts: a named TSV file (subject, relation, object, date), an id file with
// entity2id.txt/relation2id.txt beside it, or a folder of either.
void loadIcews(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

// MISP galaxy clusters of threat actors (threat-actor, mitre-intrusion-set,
// microsoft-activity-group): a folder or one JSON file.
void loadMisp(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

// The CFR Cyber Operations Tracker CSV (a file or its folder).
void loadCfr(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

// EuRepoC dashboard extracts: a folder with the four CSV files, or one of them.
void loadEurepoc(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

} // namespace newsgraph
