#include "loaders/native_loader.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "loaders/native_support.hpp"

namespace newsgraph {

namespace {

using native::applyRow;
using native::atomically;
using native::openCsv;
using native::OpenFile;
using native::readRelationships;
using native::RowChecker;
using native::throwIfUnread;
using native::trim;

constexpr char kLabelDelimiter = ';';

void readNodes(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    OpenFile file = openCsv(path, FileKind::Nodes);
    RowChecker checker(path, file.columns, options, report);
    std::vector<Value> values;
    std::vector<LabelId> labels;
    while (file.reader->next()) {
        report.countRow(options, path);
        if (!checker.check(*file.reader, values)) {
            continue;
        }
        const auto& fields = file.reader->fields();
        std::optional<size_t> idColumn;
        for (size_t i = 0; i < file.columns.size(); ++i) {
            if (file.columns[i].role == ColumnRole::Id) {
                idColumn = i;
            }
        }
        std::string id;
        if (idColumn) {
            id = std::string(trim(fields[*idColumn].text));
            if (id.empty()) {
                checker.reject(file.reader->line(), "empty node id");
                continue;
            }
            if (builder.findExternalId(file.columns[*idColumn].idSpace, id)) {
                checker.reject(file.reader->line(), fmt::format("duplicate node id '{}'", id));
                continue;
            }
        }
        applyRow(builder, checker, file.reader->line(), [&] {
            labels.clear();
            for (size_t i = 0; i < file.columns.size(); ++i) {
                if (file.columns[i].role != ColumnRole::Label) {
                    continue;
                }
                std::string_view rest = fields[i].text;
                while (!rest.empty()) {
                    const size_t cut = rest.find(kLabelDelimiter);
                    const std::string_view label = trim(rest.substr(0, cut));
                    if (!label.empty()) {
                        labels.push_back(builder.catalog().internLabel(label));
                    }
                    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
                }
            }
            const NodeId node = builder.addNode(labels);
            if (idColumn) {
                builder.bindExternalId(file.columns[*idColumn].idSpace, id, node);
            }
            for (size_t i = 0; i < file.columns.size(); ++i) {
                const ColumnSpec& column = file.columns[i];
                const bool property =
                    column.role == ColumnRole::Property || (column.role == ColumnRole::Id && !column.name.empty());
                if (property && !values[i].isNull()) {
                    builder.setNodeProperty(node, column.name, values[i]);
                }
            }
            ++report.nodesCreated;
        });
    }
    throwIfUnread(*file.reader, path);
}

// Runs a whole load atomically and times it.
template <typename Body>
void timedLoad(GraphBuilder& builder, LoadReport& report, Body body) {
    const auto started = std::chrono::steady_clock::now();
    const LoadReport before = report;
    try {
        atomically(builder, body);
    } catch (...) {
        report = before;
        throw;
    }
    report.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

} // namespace

void loadNodeFile(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    timedLoad(builder, report, [&] { readNodes(builder, path, options, report); });
}

void loadRelationshipFile(GraphBuilder& builder, const std::string& path, const LoadOptions& options,
                          LoadReport& report) {
    timedLoad(builder, report, [&] { readRelationships(builder, path, options, report); });
}

void loadDataset(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    namespace fs = std::filesystem;
    std::error_code code;
    const fs::path manifest = fs::is_directory(path, code) ? fs::path(path) / "manifest.txt" : fs::path(path);
    std::ifstream input(manifest);
    if (!input.is_open()) {
        throw LoadError(manifest.string(), 0, "cannot open the dataset manifest");
    }
    struct Entry {
        FileKind kind;
        std::string file;
    };
    std::vector<Entry> entries;
    std::string line;
    uint64_t lineNumber = 0;
    while (std::getline(input, line)) {
        ++lineNumber;
        const std::string_view text = trim(line);
        if (text.empty() || text.front() == '#') {
            continue;
        }
        const size_t space = text.find_first_of(" \t");
        const std::string_view key = text.substr(0, space);
        const std::string_view value = space == std::string_view::npos ? std::string_view() : trim(text.substr(space));
        if (key == "name" || key == "description") {
            continue;
        }
        if ((key != "nodes" && key != "relationships") || value.empty()) {
            throw LoadError(manifest.string(), lineNumber,
                            fmt::format("expected 'nodes FILE', 'relationships FILE', 'name ...' or 'description ...', "
                                        "found '{}'",
                                        text));
        }
        entries.push_back(Entry{key == "nodes" ? FileKind::Nodes : FileKind::Relationships,
                                (manifest.parent_path() / std::string(value)).string()});
    }
    if (entries.empty()) {
        throw LoadError(manifest.string(), 0, "the manifest names no files");
    }
    timedLoad(builder, report, [&] {
        for (const Entry& entry : entries) {
            if (entry.kind == FileKind::Nodes) {
                readNodes(builder, entry.file, options, report);
            } else {
                readRelationships(builder, entry.file, options, report);
            }
        }
    });
}

} // namespace newsgraph
