#include "loaders/native_support.hpp"

#include <fmt/format.h>

#include "engine/common/utf8.hpp"

namespace newsgraph::native {

std::optional<std::string> checkRecord(const CsvReader& reader, const std::vector<ColumnSpec>& columns,
                                       std::span<Value> values) {
    const auto& fields = reader.fields();
    if (reader.error()) {
        return *reader.error();
    }
    if (fields.size() != columns.size()) {
        return fmt::format("expected {} fields, found {}", columns.size(), fields.size());
    }
    for (size_t i = 0; i < fields.size(); ++i) {
        if (auto offset = findInvalidUtf8(fields[i].text)) {
            return fmt::format("invalid UTF-8 in field {} ('{}') at byte {}", i + 1, columns[i].name, *offset);
        }
        values[i] = Value();
        if (columns[i].role != ColumnRole::Property && columns[i].role != ColumnRole::Id) {
            continue;
        }
        if (auto error = convertField(columns[i], fields[i], values[i])) {
            return error;
        }
    }
    return std::nullopt;
}

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

void throwIfUnread(const CsvReader& reader, const std::string& path) {
    if (reader.readError()) {
        throw LoadError(path, reader.line(), *reader.readError());
    }
}

} // namespace newsgraph::native
