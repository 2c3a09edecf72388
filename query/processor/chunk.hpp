#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "engine/common/value.hpp"

namespace newsgraph {

// Rows travel between operators in chunks of at most this many.
inline constexpr size_t kChunkCapacity = 1024;

// A batch of rows stored column by column: columns[slot][row].
class Chunk {
public:
    Chunk() = default;
    explicit Chunk(size_t width) { reset(width); }

    void reset(size_t width) {
        columns_.resize(width);
        for (auto& column : columns_) {
            column.clear();
        }
        rows_ = 0;
    }
    size_t width() const { return columns_.size(); }
    size_t rows() const { return rows_; }
    bool full() const { return rows_ >= kChunkCapacity; }
    bool empty() const { return rows_ == 0; }

    const Value& at(size_t column, size_t row) const { return columns_[column][row]; }
    const std::vector<Value>& column(size_t column) const { return columns_[column]; }

    // Appends a row given as one value per column.
    void append(std::span<const Value> row) {
        for (size_t c = 0; c < columns_.size(); ++c) {
            columns_[c].push_back(c < row.size() ? row[c] : Value());
        }
        ++rows_;
    }
    void append(std::vector<Value>&& row) {
        for (size_t c = 0; c < columns_.size(); ++c) {
            columns_[c].push_back(c < row.size() ? std::move(row[c]) : Value());
        }
        ++rows_;
    }
    // Copies row `row` of `source`; columns the source does not have are null.
    void appendFrom(const Chunk& source, size_t row) {
        for (size_t c = 0; c < columns_.size(); ++c) {
            columns_[c].push_back(c < source.columns_.size() ? source.columns_[c][row] : Value());
        }
        ++rows_;
    }
    // Reads row `row` into `out` (resized to the width).
    void readRow(size_t row, std::vector<Value>& out) const {
        out.resize(columns_.size());
        for (size_t c = 0; c < columns_.size(); ++c) {
            out[c] = columns_[c][row];
        }
    }

private:
    std::vector<std::vector<Value>> columns_;
    size_t rows_ = 0;
};

// One row of a chunk, or a free-standing row of values.
struct RowRef {
    const Chunk* chunk = nullptr;
    size_t index = 0;
    const std::vector<Value>* values = nullptr; // used when chunk is null

    const Value& operator[](size_t column) const {
        return chunk != nullptr ? chunk->at(column, index) : (*values)[column];
    }
    size_t width() const { return chunk != nullptr ? chunk->width() : values->size(); }
};

} // namespace newsgraph
