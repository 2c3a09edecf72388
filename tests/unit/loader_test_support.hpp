#pragma once

// Helpers shared by the loader tests that read the real data in ../shared/datasets.

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "engine/storage/graph_builder.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph::testing {

inline const LoadOptions kLenient{false, 20};
inline const LoadOptions kStrict{true, 20};

inline std::string shared(const std::string& relative) {
    return std::string(NEWSGRAPH_SHARED_DATASETS_DIR) + "/" + relative;
}

inline Value relValue(const GraphBuilder& builder, RelId rel, const char* key) {
    const auto id = builder.catalog().findKey(key);
    return id ? builder.relProperty(rel, *id) : Value();
}

inline Value nodeValue(const GraphBuilder& builder, NodeId node, const char* key) {
    const auto id = builder.catalog().findKey(key);
    return id ? builder.nodeProperty(node, *id) : Value();
}

} // namespace newsgraph::testing

// Skips the rest of a test case (with a warning) when a shared dataset file is absent.
#define REQUIRE_SHARED(path)                                                                   \
    if (!std::filesystem::exists(newsgraph::testing::shared(path))) {                          \
        WARN("skipped: " << newsgraph::testing::shared(path) << " is absent (shared datasets not checked out)"); \
        return;                                                                                \
    }
