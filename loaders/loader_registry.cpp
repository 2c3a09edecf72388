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
    // The news loaders (loaders/news_loaders.hpp; README.md, "Loaders").
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
    loader->load(builder, std::string(spec.substr(colon + 1)), options, report);
}

} // namespace newsgraph
