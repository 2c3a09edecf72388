// Bookkeeping around a TCK run: per-folder pass counts and the baseline of passing scenarios.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace newsgraph::tck {

struct FolderCount {
    size_t passed = 0;
    size_t total = 0;
};

// Pass counts per feature folder (see featureFolder), ordered by folder name.
class RunSummary {
public:
    void record(const std::string& featurePath, bool passed);
    size_t passed() const { return passed_; }
    size_t total() const { return total_; }
    const std::map<std::string, FolderCount>& folders() const { return folders_; }
    // One line per folder, `folder  passed / total`, and a total line.
    std::string table() const;

private:
    std::map<std::string, FolderCount> folders_;
    size_t passed_ = 0;
    size_t total_ = 0;
};

// The scenario keys of a baseline file, one a line; blank lines are skipped. Nothing when the
// file cannot be read.
std::optional<std::vector<std::string>> readBaseline(const std::filesystem::path& path);

// Writes the keys sorted, one a line. False when the file cannot be written.
bool writeBaseline(const std::filesystem::path& path, std::vector<std::string> keys);

} // namespace newsgraph::tck
