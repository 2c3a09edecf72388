// A Gherkin reader for the openCypher TCK feature files: features, backgrounds, scenarios,
// scenario outlines (expanded into one scenario per Examples row), steps, doc strings and tables.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph::tck {

// A step's data table. Cells are trimmed and unescaped the Gherkin way (\| \\ \n).
struct DataTable {
    std::vector<std::vector<std::string>> rows;
};

struct Step {
    std::string keyword; // Given, When, Then, And, But or *
    std::string text;    // what follows the keyword
    std::optional<std::string> docString;
    std::optional<DataTable> table;
    int line = 0;
};

struct Scenario {
    std::string featurePath; // relative to the features directory, '/'-separated
    std::string featureName;
    std::string name;        // as written after "Scenario:" (an outline's placeholders kept)
    std::vector<std::string> tags;
    int line = 0;
    int exampleIndex = 0;    // 1-based Examples row of an expanded outline; 0 for a plain scenario
    std::vector<Step> steps; // the background's steps first

    // `path/File.feature:[n] title` or, for an outline, `... (example k)`.
    std::string key() const;
};

// The folder a feature lives in, at most two levels deep: clauses/match/Match1.feature -> clauses/match.
std::string featureFolder(std::string_view featurePath);

struct ParseIssue {
    std::string path;
    int line = 0;
    std::string message;
    std::string toString() const;
};

struct FeatureFile {
    std::string path;
    std::string name;
    std::vector<Scenario> scenarios;
    std::vector<ParseIssue> issues;
};

// Parses one feature file's text; `path` is stored in every scenario. Never throws on bad input
// (a malformed line becomes an issue).
FeatureFile parseFeature(std::string_view text, const std::string& path);

struct FeatureSet {
    std::vector<Scenario> scenarios; // ordered by feature path, then by position in the file
    std::vector<ParseIssue> issues;
    size_t featureCount = 0;
};

// Reads every *.feature below `dir`, recursively. A missing or unreadable directory is an issue.
FeatureSet loadFeatures(const std::filesystem::path& dir);

// Gherkin table-cell splitting: `| a | b\|c |` -> {"a", "b|c"}. Empty when the line is no row.
std::vector<std::string> splitTableRow(std::string_view line);

// Replaces every <name> whose name is a key of `values` (one pass: values are not re-scanned).
std::string substitutePlaceholders(std::string_view text, const std::vector<std::pair<std::string, std::string>>& values);

} // namespace newsgraph::tck
