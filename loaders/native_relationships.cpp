// The relationship files of the native format. Records are read, checked and converted in batches
// (RelBatch) by `parse`; the batches are applied to the graph in file order by `apply`, which
// reports the rejects. With two threads a ReadAhead runs `parse` on the second one; with one,
// the same two steps alternate on the calling thread.
#include <filesystem>

#include <fmt/format.h>

#include "loaders/load_threads.hpp"
#include "loaders/name_cache.hpp"
#include "loaders/native_support.hpp"
#include "loaders/read_ahead.hpp"
#include "loaders/string_cache.hpp"

namespace newsgraph::native {

namespace {

constexpr size_t kBatchRows = 4096;
constexpr size_t kBatchesAhead = 4;

// Records checked and converted, not yet applied. Storage is reused from batch to batch.
struct RelBatch {
    size_t size = 0;
    std::vector<uint64_t> lines;
    std::vector<std::optional<std::string>> rejects; // the reason a record is rejected
    std::vector<Value> values;                        // columns per record
    std::vector<std::string> endpoints;               // start id, end id, type per record
};

ColumnKind columnKindOf(ScalarType type) {
    switch (type) {
    case ScalarType::Int: return ColumnKind::Int;
    case ScalarType::Float: return ColumnKind::Float;
    case ScalarType::Boolean: return ColumnKind::Bool;
    case ScalarType::Date: return ColumnKind::Date;
    case ScalarType::DateTime: return ColumnKind::DateTime;
    case ScalarType::LocalTime:
    case ScalarType::Time:
    case ScalarType::LocalDateTime:
    case ScalarType::Duration: return ColumnKind::Mixed;
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

struct Roles {
    size_t start = 0;
    size_t end = 0;
    size_t type = 0;
};

// Fills `batch` with the next records; false when there are none left.
bool parse(CsvReader& reader, const std::vector<ColumnSpec>& columns, const Roles& roles, RelBatch& batch) {
    const size_t width = columns.size();
    batch.size = 0;
    while (batch.size < kBatchRows && reader.next()) {
        const size_t k = batch.size++;
        if (batch.lines.size() < batch.size) {
            batch.lines.resize(batch.size);
            batch.rejects.resize(batch.size);
            batch.values.resize(batch.size * width);
            batch.endpoints.resize(batch.size * 3);
        }
        batch.lines[k] = reader.line();
        batch.rejects[k] = checkRecord(reader, columns, std::span<Value>(batch.values).subspan(k * width, width));
        if (batch.rejects[k]) {
            continue;
        }
        const auto& fields = reader.fields();
        batch.endpoints[3 * k].assign(trim(fields[roles.start].text));
        batch.endpoints[3 * k + 1].assign(trim(fields[roles.end].text));
        batch.endpoints[3 * k + 2].assign(trim(fields[roles.type].text));
    }
    return batch.size > 0;
}

// Applies batches to the graph in order.
class Applier {
public:
    Applier(GraphBuilder& builder, const std::string& path, const std::vector<ColumnSpec>& columns,
            const LoadOptions& options, LoadReport& report, const Roles& roles)
        : builder_(builder), path_(path), columns_(columns), options_(options), report_(report),
          checker_(path, columns, options, report), roles_(roles), keys_(columns.size()), strings_(columns.size()) {}

    void apply(const RelBatch& batch) {
        const size_t width = columns_.size();
        for (size_t k = 0; k < batch.size; ++k) {
            report_.countRow(options_, path_);
            if (batch.rejects[k]) {
                checker_.reject(batch.lines[k], *batch.rejects[k]);
                continue;
            }
            applyRecord(batch.lines[k], std::span<const Value>(batch.values).subspan(k * width, width),
                        batch.endpoints[3 * k], batch.endpoints[3 * k + 1], batch.endpoints[3 * k + 2]);
        }
    }

private:
    std::optional<NodeId> findNode(NameCache& cache, const std::string& space, std::string_view id) {
        if (const uint32_t known = cache.find(id); known != NameCache::kMissing) {
            return known;
        }
        const std::optional<NodeId> node = builder_.findExternalId(space, id);
        if (node) {
            cache.insert(id, *node);
        }
        return node;
    }

    void applyRecord(uint64_t line, std::span<const Value> values, std::string_view startId, std::string_view endId,
                     std::string_view type) {
        const std::optional<NodeId> start = findNode(startIds_, columns_[roles_.start].idSpace, startId);
        if (!start) {
            checker_.reject(line, fmt::format("unknown start node id '{}'", startId));
            return;
        }
        const std::optional<NodeId> end = findNode(endIds_, columns_[roles_.end].idSpace, endId);
        if (!end) {
            checker_.reject(line, fmt::format("unknown end node id '{}'", endId));
            return;
        }
        if (type.empty()) {
            checker_.reject(line, "empty relationship type");
            return;
        }
        // Names are interned outside the row's savepoint: a rejected row must not roll back a name
        // the caches already hold (an unused name left in the catalog is harmless).
        uint32_t typeId = types_.find(type);
        if (typeId == NameCache::kMissing) {
            typeId = builder_.catalog().internType(type);
            types_.insert(type, typeId);
        }
        for (size_t i = 0; i < columns_.size(); ++i) {
            if (columns_[i].role == ColumnRole::Property && !values[i].isNull() && !keys_[i]) {
                keys_[i] = builder_.catalog().internKey(columns_[i].name);
            }
        }
        applyRow(builder_, checker_, line, [&] {
            const RelId rel = builder_.addRelationship(*start, static_cast<TypeId>(typeId), *end);
            for (size_t i = 0; i < columns_.size(); ++i) {
                if (columns_[i].role != ColumnRole::Property || values[i].isNull()) {
                    continue;
                }
                if (values[i].type() == ValueType::String) {
                    builder_.setRelProperty(rel, *keys_[i], strings_[i].get(builder_, values[i].asString()));
                } else {
                    builder_.setRelProperty(rel, *keys_[i], values[i]);
                }
            }
            ++report_.relsCreated;
        });
    }

    GraphBuilder& builder_;
    const std::string& path_;
    const std::vector<ColumnSpec>& columns_;
    const LoadOptions& options_;
    LoadReport& report_;
    RowChecker checker_;
    Roles roles_;
    // Per-file caches for the per-record look-ups (a string key per id would cost a hash of a
    // fresh std::string per endpoint): node ids by space, types, property keys, and string values
    // by column (codes and names repeat: each distinct one is checked and interned once).
    NameCache startIds_;
    NameCache endIds_;
    NameCache types_;
    std::vector<std::optional<PropertyKeyId>> keys_;
    std::vector<StringCache> strings_;
};

} // namespace

void readRelationships(GraphBuilder& builder, const std::string& path, const LoadOptions& options,
                       LoadReport& report) {
    OpenFile file = openCsv(path, FileKind::Relationships);
    Roles roles;
    for (size_t i = 0; i < file.columns.size(); ++i) {
        switch (file.columns[i].role) {
        case ColumnRole::StartId: roles.start = i; break;
        case ColumnRole::EndId: roles.end = i; break;
        case ColumnRole::Type: roles.type = i; break;
        default: break;
        }
    }
    reserveForFile(builder, path, file.columns);
    Applier applier(builder, path, file.columns, options, report, roles);
    RelBatch batch;
    if (loadThreads(options) < 2) {
        while (parse(*file.reader, file.columns, roles, batch)) {
            applier.apply(batch);
        }
    } else {
        ReadAhead<RelBatch> ahead([&](RelBatch& next) { return parse(*file.reader, file.columns, roles, next); },
                                  kBatchesAhead);
        while (ahead.take(batch)) {
            applier.apply(batch);
        }
    }
    throwIfUnread(*file.reader, path);
}

} // namespace newsgraph::native
