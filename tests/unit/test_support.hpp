// Helpers shared by the unit tests: temporary directories and whole-builder snapshots.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/common/value.hpp"
#include "engine/storage/graph_builder.hpp"

namespace newsgraph::testing {

// A fresh directory under the system temp directory, removed with everything in it on destruction.
class TempDir {
public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = std::filesystem::temp_directory_path() /
                ("newsgraph-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    TempDir(TempDir&&) = delete;
    TempDir& operator=(TempDir&&) = delete;
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }

    const std::filesystem::path& path() const { return path_; }
    // The path of `name` inside the directory, as a string.
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    // Writes `content` byte for byte to `name` and returns its path.
    std::string write(const std::string& name, std::string_view content) const {
        const std::string target = file(name);
        std::ofstream out(target, std::ios::binary);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        REQUIRE(out.good());
        return target;
    }

private:
    std::filesystem::path path_;
};

// Everything a GraphBuilder exposes, by name: catalog sizes, every node's labels and properties,
// every relationship's endpoints, type and properties. Two equal snapshots describe the same data.
struct BuilderSnapshot {
    uint32_t nodes = 0;
    uint32_t rels = 0;
    uint32_t labelCount = 0;
    uint32_t typeCount = 0;
    uint32_t keyCount = 0;
    uint32_t labelSetCount = 0;
    std::vector<std::vector<std::string>> nodeLabels;
    std::vector<PropertyList> nodeProperties;
    std::vector<std::string> relTypes;
    std::vector<std::pair<NodeId, NodeId>> relEnds;
    std::vector<PropertyList> relProperties;

    bool operator==(const BuilderSnapshot&) const = default;
};

inline BuilderSnapshot snapshot(const GraphBuilder& builder) {
    const Catalog& catalog = builder.catalog();
    BuilderSnapshot out;
    out.nodes = builder.nodeCount();
    out.rels = builder.relCount();
    out.labelCount = catalog.labelCount();
    out.typeCount = catalog.typeCount();
    out.keyCount = catalog.keyCount();
    out.labelSetCount = catalog.labelSetCount();
    for (NodeId node = 0; node < builder.nodeCount(); ++node) {
        std::vector<std::string> labels;
        for (LabelId label : builder.nodeLabels(node)) {
            labels.push_back(catalog.labelName(label));
        }
        out.nodeLabels.push_back(std::move(labels));
        PropertyList properties;
        for (PropertyKeyId key = 0; key < catalog.keyCount(); ++key) {
            Value value = builder.nodeProperty(node, key);
            if (!value.isNull()) {
                properties.emplace_back(catalog.keyName(key), std::move(value));
            }
        }
        out.nodeProperties.push_back(std::move(properties));
    }
    for (RelId rel = 0; rel < builder.relCount(); ++rel) {
        out.relTypes.push_back(catalog.typeName(builder.relType(rel)));
        out.relEnds.emplace_back(builder.relSource(rel), builder.relTarget(rel));
        PropertyList properties;
        for (PropertyKeyId key = 0; key < catalog.keyCount(); ++key) {
            Value value = builder.relProperty(rel, key);
            if (!value.isNull()) {
                properties.emplace_back(catalog.keyName(key), std::move(value));
            }
        }
        out.relProperties.push_back(std::move(properties));
    }
    return out;
}

// A readable dump of a snapshot, for failure messages.
inline std::string describe(const BuilderSnapshot& snap) {
    std::string out;
    auto number = [&out](const char* label, uint64_t value) {
        out += label;
        out += std::to_string(value);
    };
    number("nodes ", snap.nodes);
    number(", rels ", snap.rels);
    number(", labels ", snap.labelCount);
    number(", types ", snap.typeCount);
    number(", keys ", snap.keyCount);
    number(", label sets ", snap.labelSetCount);
    out += "\n";
    for (size_t node = 0; node < snap.nodeLabels.size(); ++node) {
        number("  (", node);
        for (const std::string& label : snap.nodeLabels[node]) {
            out += ":";
            out += label;
        }
        out += " ";
        out += Value::map(snap.nodeProperties[node]).toString();
        out += ")\n";
    }
    for (size_t rel = 0; rel < snap.relTypes.size(); ++rel) {
        number("  (", snap.relEnds[rel].first);
        number(")-[", rel);
        out += ":";
        out += snap.relTypes[rel];
        out += " ";
        out += Value::map(snap.relProperties[rel]).toString();
        number("]->(", snap.relEnds[rel].second);
        out += ")\n";
    }
    return out;
}

} // namespace newsgraph::testing

namespace Catch {
template <>
struct StringMaker<newsgraph::testing::BuilderSnapshot> {
    static std::string convert(const newsgraph::testing::BuilderSnapshot& snap) {
        return newsgraph::testing::describe(snap);
    }
};
} // namespace Catch
