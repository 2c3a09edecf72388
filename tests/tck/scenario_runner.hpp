// Runs one TCK scenario against a fresh Database and judges it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/tck/feature_parser.hpp"

namespace newsgraph::tck {

struct ScenarioOutcome {
    bool passed = false;
    std::string message;            // why the scenario failed; empty when it passed
    std::vector<std::string> notes; // remarks that do not fail it (an error's detail code differs)
};

class ScenarioRunner {
public:
    // Named graphs (`Given the binary-tree-1 graph`) are read from
    // <featuresDir>/../graphs/<name>/<name>.cypher when that file exists.
    explicit ScenarioRunner(const std::filesystem::path& featuresDir);

    // Never throws: engine exceptions, bad_alloc and malformed steps all become failures.
    ScenarioOutcome run(const Scenario& scenario) const noexcept;

private:
    std::filesystem::path graphsDir_;
};

} // namespace newsgraph::tck
