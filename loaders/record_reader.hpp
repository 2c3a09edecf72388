#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/common/date.hpp"
#include "loaders/load_report.hpp"
#include "loaders/read_ahead.hpp"

namespace newsgraph {

// An allocator that leaves new chars uninitialized: a read buffer is overwritten by the read, so
// zero-filling a megabyte per chunk first is wasted work.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
    template <typename U>
    struct rebind {
        using other = UninitializedAllocator<U>;
    };
    UninitializedAllocator() = default;
    template <typename U>
    UninitializedAllocator(const UninitializedAllocator<U>& /*other*/) noexcept {} // NOLINT(google-explicit-constructor)
    template <typename U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};
using ByteBuffer = std::vector<char, UninitializedAllocator<char>>;

// Reads a text file line by line, plain or gzip-compressed (zlib detects which), through one large
// buffer: a line is a view into that buffer, valid until the next call. Lines end at '\n'; a
// trailing '\r' and a UTF-8 byte-order mark on line 1 are dropped. Unless `readAhead` is false,
// files from 256 KiB on are read and decompressed ahead by a second thread (a ReadAhead of 1 MiB
// chunks), so with two cores the parsing thread does not wait for zlib. Without read-ahead every
// call runs on the calling thread; the reader may then be handed to another thread as a whole.
class LineReader {
public:
    // Throws LoadError(path, 0, ...) when the file is missing, a directory or unreadable.
    explicit LineReader(const std::string& path, bool readAhead = true);
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;
    LineReader(LineReader&&) = delete;
    LineReader& operator=(LineReader&&) = delete;
    ~LineReader();

    // The next line; false at the end of the input or when reading failed (see error()).
    bool next(std::string_view& line);
    // The line number (1-based) of the line next() returned last.
    uint64_t lineNumber() const { return line_; }
    // Bytes of the file consumed so far and the file's size (compressed bytes for gzip input).
    uint64_t bytesRead() const { return bytesRead_.load(std::memory_order_relaxed); }
    // The file bytes behind the lines returned so far: for gzip input an estimate from the
    // compression ratio so far (bytesRead() runs ahead by whole chunks). The reading thread's.
    uint64_t bytesConsumed() const;
    uint64_t fileSize() const { return fileSize_; }
    bool compressed() const { return compressed_.load(std::memory_order_relaxed); }
    // Why reading stopped early (a truncated or corrupt gzip stream, an I/O error), with the line
    // it stopped on; nothing after a clean end of input.
    const std::optional<std::string>& error() const { return error_; }
    uint64_t errorLine() const { return errorLine_; }
    const std::string& path() const { return path_; }

private:
    bool fill();
    // Reads the next chunk from the file into `out` (zlib); false at the end or on an error.
    bool readChunk(ByteBuffer& out, std::optional<std::string>& error);

    std::string path_;
    void* file_ = nullptr; // gzFile
    uint64_t fileSize_ = 0;
    std::atomic<bool> compressed_{false};
    std::atomic<uint64_t> bytesRead_{0};
    bool firstRead_ = true;
    ByteBuffer buffer_;
    ByteBuffer chunk_;

    // Read-ahead (large files only): the reading thread's error, read once it has stopped.
    std::unique_ptr<ReadAhead<ByteBuffer>> readAhead_;
    std::optional<std::string> producerError_;
    size_t begin_ = 0;
    size_t end_ = 0;
    uint64_t produced_ = 0; // (uncompressed) bytes appended to buffer_ so far
    bool eof_ = false;
    uint64_t line_ = 0;
    std::optional<std::string> error_;
    uint64_t errorLine_ = 0;
};

// The error for a file whose first record could not be read: what stopped the reader (a corrupt
// or truncated gzip stream, an I/O error) when something did, else `emptyReason`. A corrupt file
// is never reported as an empty one.
LoadError unreadableOrEmpty(const LineReader& lines, const std::string& emptyReason);

struct RecordDialect {
    char delimiter = ',';
    // RFC 4180 quotes: "..." fields may hold delimiters, newlines and doubled quotes.
    bool quoting = true;
};

// Splits the lines of a LineReader into records of fields. Unquoted records are split in place
// (the fields are views into the reader's buffer); quoted ones are copied, and a quoted field may
// span lines. A record with a quoting problem is still returned, with error() set.
class RecordReader {
public:
    RecordReader(LineReader& lines, RecordDialect dialect) : lines_(lines), dialect_(dialect) {}

    // Advances to the next non-empty record; false at the end of the input.
    bool next();
    const std::vector<std::string_view>& fields() const { return fields_; }
    size_t size() const { return fields_.size(); }
    std::string_view operator[](size_t index) const { return fields_[index]; }
    // The line on which the current record starts, and the record's raw text (empty for a record
    // that spans lines).
    uint64_t line() const { return line_; }
    std::string_view raw() const { return raw_; }
    const std::optional<std::string>& error() const { return error_; }
    LineReader& lines() { return lines_; }

private:
    void splitPlain(std::string_view line);
    void splitQuoted(std::string_view first);

    LineReader& lines_;
    RecordDialect dialect_;
    uint64_t line_ = 0;
    std::string_view raw_;
    std::string scratch_;
    std::vector<std::pair<size_t, size_t>> spans_;
    std::vector<std::string_view> fields_;
    std::optional<std::string> error_;
};

// Field conversions shared by the news loaders; each returns nothing when the text does not fit.
std::optional<int64_t> parseInteger(std::string_view text);
std::optional<double> parseNumber(std::string_view text);
// YYYYMMDD (GDELT's SQLDATE), YYYY-MM-DD, or M/D/YYYY.
std::optional<Date> parseCompactDate(std::string_view text);
// YYYYMMDDHHMMSS (GDELT 2.0's DATEADDED, UTC) as seconds since the epoch.
std::optional<int64_t> parseCompactTimestamp(std::string_view text);
inline constexpr size_t kCompactDateDigits = 8;
inline constexpr size_t kTimestampDigits = 14;
std::optional<Date> parseIsoDate(std::string_view text);
std::optional<Date> parseUsDate(std::string_view text);
std::string_view trimText(std::string_view text);
// Whether every byte is below 0x80 (eight bytes at a time).
bool isAscii(std::string_view text);

} // namespace newsgraph
