#include "tests/tck/feature_parser.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

namespace newsgraph::tck {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

size_t leadingSpace(std::string_view line) {
    size_t count = 0;
    while (count < line.size() && isSpace(line[count])) {
        ++count;
    }
    return count;
}

std::vector<std::string> splitLines(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.emplace_back(line);
        start = end + 1;
    }
    return lines;
}

// `Keyword: rest` -> rest, when the trimmed line starts with `keyword` followed by ':'.
std::optional<std::string> headerText(std::string_view trimmed, std::string_view keyword) {
    if (trimmed.size() <= keyword.size() || trimmed.substr(0, keyword.size()) != keyword ||
        trimmed[keyword.size()] != ':') {
        return std::nullopt;
    }
    return std::string(trim(trimmed.substr(keyword.size() + 1)));
}

enum class Header : uint8_t { None, Feature, Background, Scenario, Outline, Examples, Rule };

struct HeaderLine {
    Header header = Header::None;
    std::string text;
};

HeaderLine classifyHeader(std::string_view trimmed) {
    static const std::pair<std::string_view, Header> kHeaders[] = {
        {"Feature", Header::Feature},           {"Background", Header::Background},
        {"Scenario Outline", Header::Outline},  {"Scenario Template", Header::Outline},
        {"Scenario", Header::Scenario},         {"Example", Header::Scenario},
        {"Examples", Header::Examples},         {"Scenarios", Header::Examples},
        {"Rule", Header::Rule},
    };
    for (const auto& [keyword, header] : kHeaders) {
        if (std::optional<std::string> text = headerText(trimmed, keyword)) {
            return {header, std::move(*text)};
        }
    }
    return {};
}

std::optional<std::pair<std::string, std::string>> splitStep(std::string_view trimmed) {
    static const std::string_view kKeywords[] = {"Given", "When", "Then", "And", "But", "*"};
    for (const std::string_view keyword : kKeywords) {
        if (trimmed.substr(0, keyword.size()) != keyword) {
            continue;
        }
        const std::string_view rest = trimmed.substr(keyword.size());
        if (rest.empty() || !isSpace(rest.front())) {
            continue;
        }
        return std::make_pair(std::string(keyword), std::string(trim(rest)));
    }
    return std::nullopt;
}

std::vector<std::string> tagsOf(std::string_view trimmed) {
    std::vector<std::string> tags;
    std::istringstream words{std::string(trimmed)};
    std::string word;
    while (words >> word) {
        if (word.front() == '#') {
            break; // a comment after the tags
        }
        if (word.front() == '@') {
            tags.push_back(word);
        }
    }
    return tags;
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    size_t at = 0;
    while ((at = text.find(from, at)) != std::string::npos) {
        text.replace(at, from.size(), to);
        at += to.size();
    }
    return text;
}

// Reads one feature file line by line. Scenarios are emitted when the next header or the end
// of the file closes them.
class FeatureReader {
public:
    FeatureReader(std::string_view text, const std::string& path) : lines_(splitLines(text)) {
        file_.path = path;
    }

    FeatureFile read() {
        for (index_ = 0; index_ < lines_.size(); ++index_) {
            readLine();
        }
        finishScenario();
        return std::move(file_);
    }

private:
    enum class Section : uint8_t { None, Feature, Background, Scenario, Outline, Examples };

    struct Pending {
        bool outline = false;
        std::string name;
        std::vector<std::string> tags;
        int line = 0;
        std::vector<Step> steps;
        std::vector<DataTable> examples;
        std::vector<std::vector<std::string>> exampleTags;
    };

    int lineNumber() const { return static_cast<int>(index_) + 1; }

    void issue(std::string message) { file_.issues.push_back({file_.path, lineNumber(), std::move(message)}); }

    std::vector<Step>* stepTarget() {
        if (section_ == Section::Background) {
            return &background_;
        }
        if (section_ == Section::Scenario || section_ == Section::Outline) {
            return &pending_.steps;
        }
        return nullptr;
    }

    void readLine() {
        const std::string& line = lines_[index_];
        const std::string_view trimmed = trim(line);
        if (trimmed.empty() || trimmed.front() == '#') {
            return;
        }
        if (trimmed.front() == '@') {
            std::vector<std::string> tags = tagsOf(trimmed);
            pendingTags_.insert(pendingTags_.end(), tags.begin(), tags.end());
            return;
        }
        if (trimmed.substr(0, 3) == "\"\"\"" || trimmed.substr(0, 3) == "```") {
            readDocString(leadingSpace(line), std::string(trimmed.substr(0, 3)));
            return;
        }
        if (trimmed.front() == '|') {
            readTableRow(trimmed);
            return;
        }
        if (HeaderLine header = classifyHeader(trimmed); header.header != Header::None) {
            readHeader(header);
            return;
        }
        if (std::optional<std::pair<std::string, std::string>> step = splitStep(trimmed)) {
            readStep(std::move(step->first), std::move(step->second));
            return;
        }
        // Free text: a description, allowed before a section's first step or row.
        const std::vector<Step>* steps = stepTarget();
        const bool describing = section_ == Section::None || section_ == Section::Feature ||
                                (steps != nullptr && steps->empty()) ||
                                (section_ == Section::Examples && pending_.examples.back().rows.empty());
        if (!describing) {
            issue("unexpected text: " + std::string(trimmed));
        }
    }

    void readHeader(const HeaderLine& header) {
        std::vector<std::string> tags = std::move(pendingTags_);
        pendingTags_.clear();
        switch (header.header) {
        case Header::Feature:
            finishScenario();
            file_.name = header.text;
            section_ = Section::Feature;
            return;
        case Header::Rule:
            // Rules scope their own background.
            finishScenario();
            background_.clear();
            section_ = Section::Feature;
            return;
        case Header::Background:
            finishScenario();
            background_.clear();
            section_ = Section::Background;
            return;
        case Header::Scenario:
        case Header::Outline:
            finishScenario();
            pending_ = Pending{};
            pending_.outline = header.header == Header::Outline;
            pending_.name = header.text;
            pending_.tags = std::move(tags);
            pending_.line = lineNumber();
            hasPending_ = true;
            section_ = pending_.outline ? Section::Outline : Section::Scenario;
            return;
        case Header::Examples:
            if (!hasPending_ || !pending_.outline) {
                issue("Examples outside a scenario outline");
                return;
            }
            pending_.examples.emplace_back();
            pending_.exampleTags.push_back(std::move(tags));
            section_ = Section::Examples;
            return;
        case Header::None: return;
        }
    }

    void readStep(std::string keyword, std::string text) {
        std::vector<Step>* steps = stepTarget();
        if (steps == nullptr) {
            issue("step outside a scenario or background: " + text);
            return;
        }
        Step step;
        step.keyword = std::move(keyword);
        step.text = std::move(text);
        step.line = lineNumber();
        steps->push_back(std::move(step));
    }

    void readTableRow(std::string_view trimmed) {
        std::vector<std::string> cells = splitTableRow(trimmed);
        if (section_ == Section::Examples) {
            pending_.examples.back().rows.push_back(std::move(cells));
            return;
        }
        std::vector<Step>* steps = stepTarget();
        if (steps == nullptr || steps->empty()) {
            issue("table row without a step");
            return;
        }
        Step& step = steps->back();
        if (step.docString) {
            issue("table row after a doc string");
            return;
        }
        if (!step.table) {
            step.table.emplace();
        }
        step.table->rows.push_back(std::move(cells));
    }

    void readDocString(size_t indent, const std::string& delimiter) {
        const int openLine = lineNumber();
        std::string content;
        bool first = true;
        for (++index_; index_ < lines_.size(); ++index_) {
            const std::string& line = lines_[index_];
            if (trim(line) == delimiter) {
                attachDocString(std::move(content), openLine);
                return;
            }
            const size_t strip = std::min(indent, leadingSpace(line));
            std::string text = line.substr(strip);
            if (delimiter == "\"\"\"") {
                text = replaceAll(std::move(text), "\\\"\\\"\\\"", "\"\"\"");
            } else {
                text = replaceAll(std::move(text), "\\`\\`\\`", "```");
            }
            content += first ? "" : "\n";
            content += text;
            first = false;
        }
        file_.issues.push_back({file_.path, openLine, "unterminated doc string"});
    }

    void attachDocString(std::string content, int openLine) {
        std::vector<Step>* steps = stepTarget();
        if (steps == nullptr || steps->empty()) {
            file_.issues.push_back({file_.path, openLine, "doc string without a step"});
            return;
        }
        Step& step = steps->back();
        if (step.docString || step.table) {
            file_.issues.push_back({file_.path, openLine, "second argument for one step"});
            return;
        }
        step.docString = std::move(content);
    }

    Scenario makeScenario(const Pending& pending) const {
        Scenario scenario;
        scenario.featurePath = file_.path;
        scenario.featureName = file_.name;
        scenario.name = pending.name;
        scenario.tags = pending.tags;
        scenario.line = pending.line;
        scenario.steps = background_;
        return scenario;
    }

    void finishScenario() {
        if (!hasPending_) {
            return;
        }
        hasPending_ = false;
        if (!pending_.outline) {
            Scenario scenario = makeScenario(pending_);
            scenario.steps.insert(scenario.steps.end(), pending_.steps.begin(), pending_.steps.end());
            file_.scenarios.push_back(std::move(scenario));
            return;
        }
        expandOutline();
    }

    void expandOutline() {
        int example = 0;
        for (size_t t = 0; t < pending_.examples.size(); ++t) {
            const DataTable& table = pending_.examples[t];
            if (table.rows.empty()) {
                continue;
            }
            const std::vector<std::string>& header = table.rows.front();
            for (size_t r = 1; r < table.rows.size(); ++r) {
                const std::vector<std::string>& row = table.rows[r];
                ++example;
                if (row.size() != header.size()) {
                    file_.issues.push_back({file_.path, pending_.line,
                                            "Examples row " + std::to_string(example) + " of '" + pending_.name +
                                                "' has " + std::to_string(row.size()) + " cells, header has " +
                                                std::to_string(header.size())});
                }
                std::vector<std::pair<std::string, std::string>> values;
                for (size_t c = 0; c < header.size() && c < row.size(); ++c) {
                    values.emplace_back(header[c], row[c]);
                }
                Scenario scenario = makeScenario(pending_);
                scenario.exampleIndex = example;
                scenario.tags.insert(scenario.tags.end(), pending_.exampleTags[t].begin(),
                                     pending_.exampleTags[t].end());
                for (const Step& step : pending_.steps) {
                    scenario.steps.push_back(substituteStep(step, values));
                }
                file_.scenarios.push_back(std::move(scenario));
            }
        }
    }

    static Step substituteStep(const Step& step, const std::vector<std::pair<std::string, std::string>>& values) {
        Step out = step;
        out.text = substitutePlaceholders(step.text, values);
        if (out.docString) {
            out.docString = substitutePlaceholders(*out.docString, values);
        }
        if (out.table) {
            for (auto& row : out.table->rows) {
                for (auto& cell : row) {
                    cell = substitutePlaceholders(cell, values);
                }
            }
        }
        return out;
    }

    std::vector<std::string> lines_;
    size_t index_ = 0;
    FeatureFile file_;
    Section section_ = Section::None;
    std::vector<std::string> pendingTags_;
    std::vector<Step> background_;
    Pending pending_;
    bool hasPending_ = false;
};

} // namespace

std::string Scenario::key() const {
    std::string out = featurePath + ":" + name;
    if (exampleIndex > 0) {
        out += " (example " + std::to_string(exampleIndex) + ")";
    }
    return out;
}

std::string featureFolder(std::string_view featurePath) {
    const size_t slash = featurePath.rfind('/');
    if (slash == std::string_view::npos) {
        return ".";
    }
    const std::string_view dir = featurePath.substr(0, slash);
    const size_t first = dir.find('/');
    if (first == std::string_view::npos) {
        return std::string(dir);
    }
    const size_t second = dir.find('/', first + 1);
    return std::string(second == std::string_view::npos ? dir : dir.substr(0, second));
}

std::string ParseIssue::toString() const {
    return path + ":" + std::to_string(line) + ": " + message;
}

std::vector<std::string> splitTableRow(std::string_view line) {
    line = trim(line);
    std::vector<std::string> cells;
    if (line.empty() || line.front() != '|') {
        return cells;
    }
    std::string cell;
    for (size_t i = 1; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '|') {
            cells.emplace_back(trim(cell));
            cell.clear();
            continue;
        }
        if (c == '\\' && i + 1 < line.size()) {
            const char next = line[i + 1];
            if (next == '|' || next == '\\') {
                cell += next;
                ++i;
                continue;
            }
            if (next == 'n') {
                cell += '\n';
                ++i;
                continue;
            }
        }
        cell += c;
    }
    // Text after the last '|' is not a cell (a well-formed row ends with '|').
    return cells;
}

std::string substitutePlaceholders(std::string_view text,
                                   const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    out.reserve(text.size());
    size_t at = 0;
    while (at < text.size()) {
        const size_t open = text.find('<', at);
        if (open == std::string_view::npos) {
            break;
        }
        const size_t close = text.find('>', open + 1);
        if (close == std::string_view::npos) {
            break;
        }
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const auto found = std::find_if(values.begin(), values.end(),
                                        [&](const auto& entry) { return entry.first == name; });
        if (found == values.end()) {
            // Not a placeholder: keep the '<' and look again right after it.
            out.append(text.substr(at, open + 1 - at));
            at = open + 1;
            continue;
        }
        out.append(text.substr(at, open - at));
        out.append(found->second);
        at = close + 1;
    }
    out.append(text.substr(at));
    return out;
}

FeatureFile parseFeature(std::string_view text, const std::string& path) {
    try {
        return FeatureReader(text, path).read();
    } catch (const std::exception& error) {
        FeatureFile file;
        file.path = path;
        file.issues.push_back({path, 0, std::string("cannot parse: ") + error.what()});
        return file;
    }
}

FeatureSet loadFeatures(const std::filesystem::path& dir) {
    FeatureSet set;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        set.issues.push_back({dir.string(), 0, "not a directory"});
        return set;
    }
    std::vector<std::filesystem::path> files;
    std::filesystem::recursive_directory_iterator it(dir, std::filesystem::directory_options::skip_permission_denied, ec);
    const std::filesystem::recursive_directory_iterator end;
    for (; !ec && it != end; it.increment(ec)) {
        const std::filesystem::path& path = it->path();
        if (path.extension() == ".feature" && it->is_regular_file(ec)) {
            files.push_back(path.lexically_relative(dir));
        }
    }
    if (ec) {
        set.issues.push_back({dir.string(), 0, "cannot list: " + ec.message()});
    }
    std::sort(files.begin(), files.end(),
              [](const auto& lhs, const auto& rhs) { return lhs.generic_string() < rhs.generic_string(); });
    for (const std::filesystem::path& relative : files) {
        std::ifstream in(dir / relative, std::ios::binary);
        if (!in.is_open()) {
            set.issues.push_back({relative.generic_string(), 0, "cannot open"});
            continue;
        }
        std::ostringstream text;
        text << in.rdbuf();
        FeatureFile file = parseFeature(text.str(), relative.generic_string());
        ++set.featureCount;
        for (Scenario& scenario : file.scenarios) {
            set.scenarios.push_back(std::move(scenario));
        }
        for (ParseIssue& issue : file.issues) {
            set.issues.push_back(std::move(issue));
        }
    }
    return set;
}

} // namespace newsgraph::tck
