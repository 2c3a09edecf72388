#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "loaders/loader.hpp"
#include "loaders/native_loader.hpp"
#include "loaders/news_loaders.hpp"

namespace newsgraph {

namespace {

using LoadFunction = void (*)(GraphBuilder&, const std::string&, const LoadOptions&, LoadReport&);

// A loader that is one function.
class FunctionLoader final : public Loader {
public:
    FunctionLoader(std::string_view format, std::string_view description, LoadFunction function)
        : format_(format), description_(description), function_(function) {}
    std::string_view format() const override { return format_; }
    std::string_view description() const override { return description_; }
    void load(GraphBuilder& builder, const std::string& path, const LoadOptions& options,
              LoadReport& report) const override {
        function_(builder, path, options, report);
    }

private:
    std::string_view format_;
    std::string_view description_;
    LoadFunction function_;
};

std::vector<std::unique_ptr<Loader>> makeLoaders() {
    std::vector<std::unique_ptr<Loader>> all;
    all.push_back(std::make_unique<FunctionLoader>(
        "dataset", "a dataset folder with manifest.txt naming its node and relationship files", &loadDataset));
    all.push_back(std::make_unique<FunctionLoader>(
        "nodes", "one node CSV file with a neo4j-admin header (id:ID, :LABEL, name:type...)", &loadNodeFile));
    all.push_back(std::make_unique<FunctionLoader>(
        "relationships", "one relationship CSV file (:START_ID, :END_ID, :TYPE, name:type...)", &loadRelationshipFile));
    // The news loaders (loaders/news_loaders.hpp; docs/loaders.md).
    all.push_back(std::make_unique<FunctionLoader>(
        "gdelt", "GDELT 1.0/2.0 event files (TSV, plain or gzip; the CSV-with-header variant), a file or folder",
        static_cast<LoadFunction>(&loadGdelt)));
    all.push_back(std::make_unique<FunctionLoader>(
        "cameo", "CAMEO lookup tables (event codes, countries, actor types, known groups), a folder or file", &loadCameo));
    all.push_back(std::make_unique<FunctionLoader>(
        "icews", "ICEWS temporal-KG facts (named TSV, or id files with entity2id/relation2id), a file or folder",
        &loadIcews));
    all.push_back(std::make_unique<FunctionLoader>(
        "misp", "MISP threat-actor galaxies (threat-actor, mitre-intrusion-set, microsoft-activity-group JSON)",
        &loadMisp));
    all.push_back(std::make_unique<FunctionLoader>("cfr", "CFR Cyber Operations Tracker CSV", &loadCfr));
    all.push_back(std::make_unique<FunctionLoader>(
        "eurepoc", "EuRepoC dashboard extracts (initiators, network, attributions, attribution basis CSV)",
        &loadEurepoc));
    return all;
}

} // namespace

const std::vector<std::unique_ptr<Loader>>& loaders() {
    static const std::vector<std::unique_ptr<Loader>> all = makeLoaders();
    return all;
}

const Loader* findLoader(std::string_view format) {
    for (const auto& loader : loaders()) {
        if (loader->format() == format) {
            return loader.get();
        }
    }
    return nullptr;
}

namespace {

constexpr size_t kSniffBytes = 4096;

// A file no loader can read as text is named as what it is, not read row by row into rejects and
// an empty graph (issue 17: GDELT's .zip read as text gave 490 rejects and exit 0).
void refuseUnreadable(const std::string& path) {
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (status.type() == std::filesystem::file_type::character || status.type() == std::filesystem::file_type::block) {
        // /dev/zero or a disk: endless or binary, never a dataset (a pipe, /dev/stdin from one, is read).
        throw LoadError(path, 0, "is a device, not a file");
    }
    if (status.type() != std::filesystem::file_type::regular) {
        return; // folders, pipes, or a path the loader reports itself
    }
    std::ifstream in(path, std::ios::binary);
    std::array<char, kSniffBytes> head{};
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    const auto size = static_cast<size_t>(in.gcount());
    const std::string_view bytes(head.data(), size);
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4)) || bytes.starts_with(std::string_view("PK\x05\x06", 4))) {
        throw LoadError(path, 0, "is a zip archive; unzip it first (reading zip members directly is not supported yet)");
    }
    const bool gzip = size >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
    if (!gzip && bytes.find('\0') != std::string_view::npos) {
        throw LoadError(path, 0, "is a binary file, not text");
    }
}

} // namespace

void loadSpec(GraphBuilder& builder, std::string_view spec, const LoadOptions& options, LoadReport& report) {
    const size_t colon = spec.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == spec.size()) {
        throw LoadError(std::string(spec), 0, "expected FORMAT:PATH");
    }
    const std::string_view format = spec.substr(0, colon);
    const Loader* loader = findLoader(format);
    if (loader == nullptr) {
        std::string known;
        for (const auto& each : loaders()) {
            known += known.empty() ? "" : ", ";
            known += each->format();
        }
        throw LoadError(std::string(spec.substr(colon + 1)), 0,
                        fmt::format("unknown format '{}' (known: {})", format, known));
    }
    const std::string path(spec.substr(colon + 1));
    refuseUnreadable(path);
    // Loaders read the files of a folder, not of its subfolders (a dataset's splits would be read
    // twice): say which were left, so nothing is skipped without a word.
    std::error_code error;
    if (format != "dataset" && std::filesystem::is_directory(path, error)) {
        std::vector<std::string> skipped;
        for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
            if (entry.is_directory(error)) {
                skipped.push_back(entry.path().filename().string());
            }
        }
        std::sort(skipped.begin(), skipped.end());
        for (const std::string& folder : skipped) {
            report.notes.push_back(fmt::format("skipped the subfolder '{}' of {} (load it by its own path: {}:{}/{})",
                                               folder, path, format, path, folder));
        }
    }
    const uint64_t rowsBefore = report.rowsRead;
    const uint64_t rejectedBefore = report.rejected;
    const size_t keptBefore = report.rejects.size();
    loader->load(builder, path, options, report);
    // Every row rejected is a load that failed, not an empty graph that answers 0 to everything.
    const uint64_t rows = report.rowsRead - rowsBefore;
    const uint64_t rejected = report.rejected - rejectedBefore;
    if (rows > 0 && rejected == rows) {
        const std::string first = report.rejects.size() > keptBefore
                                      ? fmt::format(" (the first, line {}: {})", report.rejects[keptBefore].line,
                                                    report.rejects[keptBefore].reason)
                                      : std::string();
        throw LoadError(path, 0, fmt::format("all {} rows were rejected{}; nothing was loaded", rows, first));
    }
}

} // namespace newsgraph
