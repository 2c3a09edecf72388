#include "tests/tck/tck_report.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "tests/tck/feature_parser.hpp"

namespace newsgraph::tck {

void RunSummary::record(const std::string& featurePath, bool passed) {
    FolderCount& folder = folders_[featureFolder(featurePath)];
    ++folder.total;
    ++total_;
    if (passed) {
        ++folder.passed;
        ++passed_;
    }
}

std::string RunSummary::table() const {
    int width = 6;
    for (const auto& [name, count] : folders_) {
        width = std::max(width, static_cast<int>(name.size()));
    }
    const auto row = [width](const std::string& name, const std::string& passed, const std::string& total) {
        char text[512];
        std::snprintf(text, sizeof(text), "%-*s  %6s / %s\n", width, name.c_str(), passed.c_str(), total.c_str());
        return std::string(text);
    };
    std::string out = row("folder", "passed", "total");
    for (const auto& [name, count] : folders_) {
        out += row(name, std::to_string(count.passed), std::to_string(count.total));
    }
    out += row("all", std::to_string(passed_), std::to_string(total_));
    return out;
}

std::optional<std::vector<std::string>> readBaseline(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) {
        return std::nullopt;
    }
    std::vector<std::string> keys;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.pop_back();
        }
        if (!line.empty()) {
            keys.push_back(line);
        }
    }
    return keys;
}

bool writeBaseline(const std::filesystem::path& path, std::vector<std::string> keys) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out.is_open()) {
        return false;
    }
    for (const std::string& key : keys) {
        out << key << '\n';
    }
    out.flush();
    return static_cast<bool>(out);
}

} // namespace newsgraph::tck
