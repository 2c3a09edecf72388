#pragma once

// What the native loader's readers (native_loader.cpp: nodes and datasets, native_relationships.cpp)
// share: opening a file and its header, the checks every record gets, atomic application.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/storage/graph_builder.hpp"
#include "loaders/csv_reader.hpp"
#include "loaders/load_report.hpp"
#include "loaders/native_header.hpp"

namespace newsgraph::native {

inline std::string_view trim(std::string_view text) {
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

// The checks every record gets (quoting, field count, UTF-8) and the conversion of its id and
// property fields into `values` (one per column, null when absent). The reason a record is
// rejected, or nothing. Touches no shared state: runs on a parsing thread too.
std::optional<std::string> checkRecord(const CsvReader& reader, const std::vector<ColumnSpec>& columns,
                                       std::span<Value> values);

// checkRecord, with the rejects reported.
class RowChecker {
public:
    RowChecker(const std::string& file, const std::vector<ColumnSpec>& columns, const LoadOptions& options,
               LoadReport& report)
        : file_(file), columns_(columns), options_(options), report_(report) {}

    // Converts the current record into values; false when it was rejected.
    bool check(const CsvReader& reader, std::vector<Value>& values) {
        values.resize(columns_.size());
        if (auto reason = checkRecord(reader, columns_, values)) {
            return reject(reader.line(), *reason);
        }
        return true;
    }

    bool reject(uint64_t line, const std::string& reason) {
        report_.reject(options_, file_, line, reason);
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

// Opens a CSV file and reads its header; throws LoadError when that fails.
OpenFile openCsv(const std::string& path, FileKind kind);

// A file that could not be read to its end fails the whole load: its rows are not all there.
void throwIfUnread(const CsvReader& reader, const std::string& path);

// Applies one checked row inside its own savepoint; a StorageError rejects the row.
template <typename Apply>
void applyRow(GraphBuilder& builder, RowChecker& checker, uint64_t line, Apply apply) {
    try {
        atomically(builder, apply);
    } catch (const StorageError& error) {
        checker.reject(line, error.what());
    }
}

// The relationships of one file, with its rows parsed on a second thread when the load may use
// two (LoadOptions::threads); not atomic by itself.
void readRelationships(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report);

} // namespace newsgraph::native
