#include "loaders/record_reader.hpp"

#include <charconv>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <zlib.h>

#include "loaders/load_report.hpp"

namespace newsgraph {

namespace {

constexpr size_t kInitialBuffer = size_t{1} << 20;     // 1 MiB: a few thousand rows per refill
constexpr unsigned kZlibBuffer = 1U << 18;             // zlib's own input buffer
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr int kCompactDateLength = 8;
constexpr int kIsoDateLength = 10;

gzFile asGz(void* file) {
    return static_cast<gzFile>(file);
}

bool allDigits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.empty();
}

uint32_t digitsValue(std::string_view text) {
    uint32_t value = 0;
    for (char c : text) {
        value = value * 10 + static_cast<uint32_t>(c - '0');
    }
    return value;
}

} // namespace

LineReader::LineReader(const std::string& path) : path_(path) {
    std::error_code code;
    if (std::filesystem::is_directory(path, code)) {
        throw LoadError(path, 0, "is a directory, not a file");
    }
    if (!std::filesystem::exists(path, code)) {
        throw LoadError(path, 0, "cannot open: no such file");
    }
    fileSize_ = std::filesystem::file_size(path, code);
    gzFile file = gzopen(path.c_str(), "rb");
    if (file == nullptr) {
        throw LoadError(path, 0, fmt::format("cannot open: {}", std::strerror(errno)));
    }
    gzbuffer(file, kZlibBuffer);
    file_ = file;
    buffer_.resize(kInitialBuffer);
}

LineReader::~LineReader() {
    if (file_ != nullptr) {
        gzclose(asGz(file_));
    }
}

uint64_t LineReader::bytesRead() const {
    if (file_ == nullptr) {
        return fileSize_;
    }
    const auto offset = gzoffset(asGz(file_));
    return offset < 0 ? 0 : static_cast<uint64_t>(offset);
}

bool LineReader::fill() {
    if (eof_) {
        return false;
    }
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (end_ == buffer_.size()) {
        buffer_.resize(buffer_.size() * 2); // a line longer than the buffer
    }
    const auto want = static_cast<unsigned>(std::min<size_t>(buffer_.size() - end_, 1U << 30));
    const int got = gzread(asGz(file_), buffer_.data() + end_, want);
    if (line_ == 0 && got > 0) {
        compressed_ = gzdirect(asGz(file_)) == 0;
    }
    if (got < 0) {
        int code = 0;
        const char* message = gzerror(asGz(file_), &code);
        error_ = compressed_ || code == Z_BUF_ERROR || code == Z_DATA_ERROR
                     ? fmt::format("gzip data is truncated or corrupt ({})", message)
                     : fmt::format("read error ({})", message);
        eof_ = true;
        return false;
    }
    if (got == 0) {
        eof_ = true;
        // zlib reports a gzip stream cut short only through gzerror after the last read.
        int code = 0;
        const char* message = gzerror(asGz(file_), &code);
        if (code != Z_OK && code != Z_STREAM_END) {
            error_ = fmt::format("gzip data is truncated or corrupt ({})", message);
        }
        return false;
    }
    end_ += static_cast<size_t>(got);
    return true;
}

bool LineReader::next(std::string_view& line) {
    while (true) {
        const char* start = buffer_.data() + begin_;
        const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
        if (newline != nullptr) {
            size_t length = static_cast<size_t>(newline - start);
            begin_ += length + 1;
            if (length > 0 && start[length - 1] == '\r') {
                --length;
            }
            line = std::string_view(start, length);
            break;
        }
        if (!fill()) {
            if (error_) {
                // The partial line before the failure is not returned: it is where the data ends.
                errorLine_ = line_ + 1;
                begin_ = end_;
                return false;
            }
            if (begin_ == end_) {
                return false;
            }
            start = buffer_.data() + begin_;
            size_t length = end_ - begin_;
            begin_ = end_;
            if (length > 0 && start[length - 1] == '\r') {
                --length;
            }
            line = std::string_view(start, length);
            break;
        }
    }
    ++line_;
    if (line_ == 1 && line.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        line.remove_prefix(kUtf8Bom.size());
    }
    return true;
}

bool RecordReader::next() {
    error_.reset();
    std::string_view line;
    do {
        if (!lines_.next(line)) {
            return false;
        }
    } while (line.empty());
    line_ = lines_.lineNumber();
    raw_ = line;
    if (dialect_.quoting && std::memchr(line.data(), '"', line.size()) != nullptr) {
        splitQuoted(line);
    } else {
        splitPlain(line);
    }
    return true;
}

void RecordReader::splitPlain(std::string_view line) {
    fields_.clear();
    size_t start = 0;
    while (true) {
        const auto* cut = static_cast<const char*>(
            std::memchr(line.data() + start, dialect_.delimiter, line.size() - start));
        if (cut == nullptr) {
            fields_.push_back(line.substr(start));
            return;
        }
        const auto position = static_cast<size_t>(cut - line.data());
        fields_.push_back(line.substr(start, position - start));
        start = position + 1;
    }
}

void RecordReader::splitQuoted(std::string_view first) {
    scratch_.clear();
    spans_.clear();
    std::string_view physical = first;
    size_t pos = 0;
    size_t start = 0;
    bool inQuotes = false;
    bool fieldQuoted = false;
    bool afterClosingQuote = false;
    while (true) {
        if (pos == physical.size()) {
            if (!inQuotes) {
                break;
            }
            std::string_view more;
            if (!lines_.next(more)) {
                error_ = "unterminated quoted field (the file ends inside quotes)";
                break;
            }
            scratch_.push_back('\n');
            physical = more;
            pos = 0;
            continue;
        }
        const char c = physical[pos++];
        if (inQuotes) {
            if (c == '"') {
                if (pos < physical.size() && physical[pos] == '"') {
                    scratch_.push_back('"');
                    ++pos;
                } else {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
            } else {
                scratch_.push_back(c);
            }
            continue;
        }
        if (c == dialect_.delimiter) {
            spans_.emplace_back(start, scratch_.size() - start);
            start = scratch_.size();
            fieldQuoted = false;
            afterClosingQuote = false;
            continue;
        }
        if (afterClosingQuote && !error_) {
            error_ = "unexpected text after a closing quote";
        }
        if (c == '"' && scratch_.size() == start && !fieldQuoted) {
            inQuotes = true;
            fieldQuoted = true;
            continue;
        }
        scratch_.push_back(c);
    }
    spans_.emplace_back(start, scratch_.size() - start);
    fields_.clear();
    for (const auto& [offset, length] : spans_) {
        fields_.push_back(std::string_view(scratch_).substr(offset, length));
    }
}

std::string_view trimText(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::optional<int64_t> parseInteger(std::string_view text) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parseNumber(std::string_view text) {
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<Date> parseCompactDate(std::string_view text) {
    if (text.size() != kCompactDateLength || !allDigits(text)) {
        return std::nullopt;
    }
    return Date::fromCivil(static_cast<int32_t>(digitsValue(text.substr(0, 4))), digitsValue(text.substr(4, 2)),
                           digitsValue(text.substr(6, 2)));
}

std::optional<Date> parseIsoDate(std::string_view text) {
    if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const std::string_view year = text.substr(0, 4);
    const std::string_view month = text.substr(5, 2);
    const std::string_view day = text.substr(8, 2);
    if (!allDigits(year) || !allDigits(month) || !allDigits(day)) {
        return std::nullopt;
    }
    return Date::fromCivil(static_cast<int32_t>(digitsValue(year)), digitsValue(month), digitsValue(day));
}

std::optional<Date> parseUsDate(std::string_view text) {
    const size_t slash1 = text.find('/');
    const size_t slash2 = slash1 == std::string_view::npos ? slash1 : text.find('/', slash1 + 1);
    if (slash2 == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string_view month = text.substr(0, slash1);
    const std::string_view day = text.substr(slash1 + 1, slash2 - slash1 - 1);
    const std::string_view year = text.substr(slash2 + 1);
    if (!allDigits(month) || !allDigits(day) || year.size() != 4 || !allDigits(year) || month.size() > 2 ||
        day.size() > 2) {
        return std::nullopt;
    }
    return Date::fromCivil(static_cast<int32_t>(digitsValue(year)), digitsValue(month), digitsValue(day));
}

} // namespace newsgraph
