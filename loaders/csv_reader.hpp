#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

struct CsvDialect {
    char delimiter = ',';
    // RFC 4180 quoting: "..." fields may hold delimiters, newlines and doubled quotes.
    bool quoting = true;
};

struct CsvField {
    std::string_view text;
    bool quoted = false;
};

// Reads delimited records from a stream, one at a time, remembering the line each record starts
// on. A quoted field may span lines. A record with a quoting problem is still returned, with
// error() saying what is wrong, so the caller can reject it and go on.
class CsvReader {
public:
    CsvReader(std::istream& input, CsvDialect dialect);

    // Advances to the next non-blank record; false at the end of the input.
    bool next();
    const std::vector<CsvField>& fields() const { return fields_; }
    // The line (1-based) on which the current record starts.
    uint64_t line() const { return recordLine_; }
    const std::optional<std::string>& error() const { return error_; }
    // Set when the input could not be read to its end (an I/O error, a corrupt or truncated gzip
    // stream): next() then returned false before the real end, and the caller must not treat the
    // rows read so far as the whole file.
    const std::optional<std::string>& readError() const { return readError_; }

private:
    bool readLine(std::string& out);

    std::istream& input_;
    CsvDialect dialect_;
    uint64_t nextLine_ = 1;
    uint64_t recordLine_ = 0;
    std::string physical_;
    std::string buffer_;
    std::vector<std::pair<size_t, size_t>> spans_;
    std::vector<bool> quoted_;
    std::vector<CsvField> fields_;
    std::optional<std::string> error_;
    std::optional<std::string> readError_;
};

// Opens a file for reading, transparently decompressing gzip (detected by its magic bytes).
// Returns nullptr and sets `error` when the file cannot be opened.
std::unique_ptr<std::istream> openInput(const std::string& path, std::string& error);

} // namespace newsgraph
