#include "loaders/native_loader.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "loaders/csv_reader.hpp"
#include "loaders/name_cache.hpp"
#include "loaders/native_header.hpp"
#include "loaders/string_cache.hpp"

namespace newsgraph {

namespace {

constexpr char kLabelDelimiter = ';';

std::string_view trim(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Runs `body` inside a savepoint: committed when it returns, rolled back when it throws.
template <typename Body>
void atomically(GraphBuilder& builder, Body body) {
    const GraphBuilder::Savepoint savepoint = builder.savepoint();
    try {
        body();
    } catch (...) {
        builder.rollback(savepoint);
        throw;
    }
    builder.commit(savepoint);
}

// A row's fields after the checks every row gets: count, quoting and UTF-8.
class RowChecker {
public:
    RowChecker(const std::string& file, const std::vector<ColumnSpec>& columns, const LoadOptions& options,
               LoadReport& report)
        : file_(file), columns_(columns), options_(options), report_(report) {}

    // Converts the current record into values (null for absent fields); false when it was rejected.
    bool check(const CsvReader& reader, std::vector<Value>& values) {
        const auto& fields = reader.fields();
        if (reader.error()) {
            return reject(reader, *reader.error());
        }
        if (fields.size() != columns_.size()) {
            return reject(reader, fmt::format("expected {} fields, found {}", columns_.size(), fields.size()));
        }
        values.resize(fields.size());
        for (size_t i = 0; i < fields.size(); ++i) {
            if (auto offset = findInvalidUtf8(fields[i].text)) {
                return reject(reader, fmt::format("invalid UTF-8 in field {} ('{}') at byte {}", i + 1,
                                                  columns_[i].name, *offset));
            }
            if (columns_[i].role != ColumnRole::Property && columns_[i].role != ColumnRole::Id) {
                continue;
            }
            if (auto error = convertField(columns_[i], fields[i], values[i])) {
                return reject(reader, *error);
            }
        }
        return true;
    }

    bool reject(const CsvReader& reader, const std::string& reason) {
        report_.reject(options_, file_, reader.line(), reason);
        return false;
    }

private:
    const std::string& file_;
    const std::vector<ColumnSpec>& columns_;
    const LoadOptions& options_;
    LoadReport& report_;
};

struct OpenFile {
    std::unique_ptr<std::istream> stream;
    std::unique_ptr<CsvReader> reader;
    std::vector<ColumnSpec> columns;
};

OpenFile openCsv(const std::string& path, FileKind kind) {
    OpenFile open;
    std::string error;
    open.stream = openInput(path, error);
    if (!open.stream) {
        throw LoadError(path, 0, fmt::format("cannot open: {}", error));
    }
    open.reader = std::make_unique<CsvReader>(*open.stream, CsvDialect{});
    if (!open.reader->next()) {
        if (open.reader->readError()) {
            throw LoadError(path, 0, *open.reader->readError());
        }
        throw LoadError(path, 0, "the file is empty (a header line is required)");
    }
    if (open.reader->error()) {
        throw LoadError(path, open.reader->line(), *open.reader->error());
    }
    for (const CsvField& field : open.reader->fields()) {
        if (auto offset = findInvalidUtf8(field.text)) {
            throw LoadError(path, open.reader->line(), fmt::format("invalid UTF-8 in the header at byte {}", *offset));
        }
    }
    open.columns = parseHeader(open.reader->fields(), kind, path);
    return open;
}

// A file that could not be read to its end fails the whole load: its rows are not all there.
void throwIfUnread(const CsvReader& reader, const std::string& path) {
    if (reader.readError()) {
        throw LoadError(path, reader.line(), *reader.readError());
    }
}

// Applies one checked row inside its own savepoint; a StorageError rejects the row.
template <typename Apply>
void applyRow(GraphBuilder& builder, RowChecker& checker, const CsvReader& reader, Apply apply) {
    try {
        atomically(builder, apply);
    } catch (const StorageError& error) {
        checker.reject(reader, error.what());
    }
}

void readNodes(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    OpenFile file = openCsv(path, FileKind::Nodes);
    RowChecker checker(path, file.columns, options, report);
    std::vector<Value> values;
    std::vector<LabelId> labels;
    while (file.reader->next()) {
        ++report.rowsRead;
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
                checker.reject(*file.reader, "empty node id");
                continue;
            }
            if (builder.findExternalId(file.columns[*idColumn].idSpace, id)) {
                checker.reject(*file.reader, fmt::format("duplicate node id '{}'", id));
                continue;
            }
        }
        applyRow(builder, checker, *file.reader, [&] {
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

ColumnKind columnKindOf(ScalarType type) {
    switch (type) {
    case ScalarType::Int: return ColumnKind::Int;
    case ScalarType::Float: return ColumnKind::Float;
    case ScalarType::Boolean: return ColumnKind::Bool;
    case ScalarType::Date: return ColumnKind::Date;
    case ScalarType::String: break;
    }
    return ColumnKind::String;
}

// Room for the relationships of an uncompressed file before the first row: growing the columns
// row by row copies them again and again. The estimate errs high (a row is at least this many
// bytes); memory reserved and never written is not resident.
void reserveForFile(GraphBuilder& builder, const std::string& path, const std::vector<ColumnSpec>& columns) {
    constexpr uint64_t kMinBytesPerRow = 24;
    std::error_code error;
    const uint64_t bytes = std::filesystem::file_size(path, error);
    if (error || path.ends_with(".gz")) {
        return;
    }
    const uint64_t rows = bytes / kMinBytesPerRow;
    builder.reserveRelationships(rows);
    for (const ColumnSpec& column : columns) {
        if (column.role == ColumnRole::Property && !column.array) {
            builder.reserveRelProperty(builder.catalog().internKey(column.name), rows, columnKindOf(column.type));
        }
    }
}

void readRelationships(GraphBuilder& builder, const std::string& path, const LoadOptions& options,
                       LoadReport& report) {
    OpenFile file = openCsv(path, FileKind::Relationships);
    RowChecker checker(path, file.columns, options, report);
    size_t startColumn = 0;
    size_t endColumn = 0;
    size_t typeColumn = 0;
    for (size_t i = 0; i < file.columns.size(); ++i) {
        switch (file.columns[i].role) {
        case ColumnRole::StartId: startColumn = i; break;
        case ColumnRole::EndId: endColumn = i; break;
        case ColumnRole::Type: typeColumn = i; break;
        default: break;
        }
    }
    reserveForFile(builder, path, file.columns);
    std::vector<Value> values;
    // Per-file caches for the per-row look-ups (a string key per id would cost a hash of a fresh
    // std::string per endpoint): node ids by space, types and property keys.
    NameCache startIds;
    NameCache endIds;
    NameCache types;
    std::vector<std::optional<PropertyKeyId>> keys(file.columns.size());
    // String values by column: codes and names repeat, so each distinct one is checked and
    // interned once and then set by its pool id.
    std::vector<StringCache> strings(file.columns.size());
    auto findNode = [&](NameCache& cache, const std::string& space, std::string_view id) -> std::optional<NodeId> {
        if (const uint32_t known = cache.find(id); known != NameCache::kMissing) {
            return known;
        }
        const std::optional<NodeId> node = builder.findExternalId(space, id);
        if (node) {
            cache.insert(id, *node);
        }
        return node;
    };
    while (file.reader->next()) {
        ++report.rowsRead;
        if (!checker.check(*file.reader, values)) {
            continue;
        }
        const auto& fields = file.reader->fields();
        const std::string_view startId = trim(fields[startColumn].text);
        const std::string_view endId = trim(fields[endColumn].text);
        const std::string_view type = trim(fields[typeColumn].text);
        const std::optional<NodeId> start = findNode(startIds, file.columns[startColumn].idSpace, startId);
        if (!start) {
            checker.reject(*file.reader, fmt::format("unknown start node id '{}'", startId));
            continue;
        }
        const std::optional<NodeId> end = findNode(endIds, file.columns[endColumn].idSpace, endId);
        if (!end) {
            checker.reject(*file.reader, fmt::format("unknown end node id '{}'", endId));
            continue;
        }
        if (type.empty()) {
            checker.reject(*file.reader, "empty relationship type");
            continue;
        }
        // Names are interned outside the row's savepoint: a rejected row must not roll back a name
        // the caches already hold (an unused name left in the catalog is harmless).
        uint32_t typeId = types.find(type);
        if (typeId == NameCache::kMissing) {
            typeId = builder.catalog().internType(type);
            types.insert(type, typeId);
        }
        for (size_t i = 0; i < file.columns.size(); ++i) {
            if (file.columns[i].role == ColumnRole::Property && !values[i].isNull() && !keys[i]) {
                keys[i] = builder.catalog().internKey(file.columns[i].name);
            }
        }
        applyRow(builder, checker, *file.reader, [&] {
            const RelId rel = builder.addRelationship(*start, static_cast<TypeId>(typeId), *end);
            for (size_t i = 0; i < file.columns.size(); ++i) {
                if (file.columns[i].role != ColumnRole::Property || values[i].isNull()) {
                    continue;
                }
                if (values[i].type() == ValueType::String) {
                    builder.setRelProperty(rel, *keys[i], strings[i].get(builder, values[i].asString()));
                } else {
                    builder.setRelProperty(rel, *keys[i], values[i]);
                }
            }
            ++report.relsCreated;
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
