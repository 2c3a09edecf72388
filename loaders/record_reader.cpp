#include "loaders/record_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <zlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "engine/common/temporal.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

namespace {

constexpr size_t kInitialBuffer = size_t{1} << 21;     // 2 MiB: two chunks
constexpr size_t kChunkBytes = size_t{1} << 20;        // 1 MiB per read: a few thousand rows
constexpr size_t kChunksAhead = 4;                     // read-ahead queue bound
constexpr uint64_t kReadAheadThreshold = uint64_t{256} << 10; // files from 256 KiB on are read ahead
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

LineReader::LineReader(const std::string& path, bool readAhead) : path_(path) {
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
    if (readAhead && fileSize_ >= kReadAheadThreshold) {
        readAhead_ = std::make_unique<ReadAhead<ByteBuffer>>(
            [this](ByteBuffer& chunk) { return readChunk(chunk, producerError_); }, kChunksAhead);
    }
}

LineReader::~LineReader() {
    readAhead_.reset(); // joins the reading thread before the file closes
    if (file_ != nullptr) {
        gzclose(asGz(file_));
    }
}

bool LineReader::readChunk(ByteBuffer& out, std::optional<std::string>& error) {
    out.resize(kChunkBytes);
    const int got = gzread(asGz(file_), out.data(), static_cast<unsigned>(out.size()));
    if (firstRead_) {
        firstRead_ = false;
        compressed_.store(gzdirect(asGz(file_)) == 0, std::memory_order_relaxed);
    }
    const auto offset = gzoffset(asGz(file_));
    if (offset >= 0) {
        bytesRead_.store(static_cast<uint64_t>(offset), std::memory_order_relaxed);
    }
    int code = Z_OK;
    const char* message = gzerror(asGz(file_), &code);
    if (got < 0 || (got == 0 && code != Z_OK && code != Z_STREAM_END)) {
        error = compressed() || code == Z_BUF_ERROR || code == Z_DATA_ERROR
                    ? fmt::format("gzip data is truncated or corrupt ({})", message)
                    : fmt::format("read error ({})", message);
        out.clear();
        return false;
    }
    out.resize(static_cast<size_t>(got));
    if (got == 0) {
        bytesRead_.store(fileSize_, std::memory_order_relaxed);
    }
    return got > 0;
}

bool LineReader::fill() {
    if (eof_) {
        return false;
    }
    bool more = false;
    if (readAhead_) {
        // The previous chunk's bytes are in buffer_ already: its memory goes back to the reader.
        more = readAhead_->take(chunk_);
        if (!more && producerError_) {
            error_ = producerError_;
        }
    } else {
        more = readChunk(chunk_, error_);
    }
    if (!more) {
        eof_ = true;
        return false;
    }
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buffer_.size() < end_ + chunk_.size()) {
        buffer_.resize(std::max(buffer_.size() * 2, end_ + chunk_.size()));
    }
    std::memcpy(buffer_.data() + end_, chunk_.data(), chunk_.size());
    end_ += chunk_.size();
    produced_ += chunk_.size();
    return true;
}

uint64_t LineReader::bytesConsumed() const {
    if (produced_ == 0) {
        return 0;
    }
    const uint64_t position = produced_ - (end_ - begin_);
    return static_cast<uint64_t>(static_cast<double>(position) * static_cast<double>(bytesRead()) /
                                 static_cast<double>(produced_));
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
    // Sixteen bytes at a time where SSE2 is there (every x86-64), the rest byte by byte: most
    // fields are short or empty, where a memchr call per field costs more.
    fields_.clear();
    const char* data = line.data();
    const size_t size = line.size();
    const char delimiter = dialect_.delimiter;
    size_t start = 0;
    size_t i = 0;
#if defined(__SSE2__)
    constexpr size_t kBlock = 16;
    const __m128i wanted = _mm_set1_epi8(delimiter);
    for (; i + kBlock <= size; i += kBlock) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, wanted)));
        while (hits != 0) {
            const size_t at = i + static_cast<size_t>(__builtin_ctz(hits));
            fields_.emplace_back(data + start, at - start);
            start = at + 1;
            hits &= hits - 1;
        }
    }
#endif
    for (; i < size; ++i) {
        if (data[i] == delimiter) {
            fields_.emplace_back(data + start, i - start);
            start = i + 1;
        }
    }
    fields_.emplace_back(data + start, size - start);
}

namespace {

size_t findDelimiter(std::string_view text, size_t from, char delimiter) {
    for (size_t i = from; i < text.size(); ++i) {
        if (text[i] == delimiter) {
            return i;
        }
    }
    return text.size();
}

} // namespace

void RecordReader::splitQuoted(std::string_view first) {
    // Field by field, copying whole runs into scratch_: quoted text up to the next quote, unquoted
    // text up to the next delimiter. Only the views of the line being read are used: the reader's
    // buffer may move when a quoted field continues on the next line.
    scratch_.clear();
    spans_.clear();
    std::string_view physical = first;
    size_t pos = 0;
    const char delimiter = dialect_.delimiter;
    while (true) {
        const size_t start = scratch_.size();
        if (pos < physical.size() && physical[pos] == '"') {
            ++pos;
            bool closed = false;
            while (!closed) {
                const auto* quote =
                    static_cast<const char*>(std::memchr(physical.data() + pos, '"', physical.size() - pos));
                if (quote == nullptr) {
                    scratch_.append(physical.substr(pos));
                    std::string_view more;
                    if (!lines_.next(more)) {
                        error_ = "unterminated quoted field (the file ends inside quotes)";
                        spans_.emplace_back(start, scratch_.size() - start);
                        raw_ = {};
                        fields_.clear();
                        for (const auto& [offset, length] : spans_) {
                            fields_.push_back(std::string_view(scratch_).substr(offset, length));
                        }
                        return;
                    }
                    scratch_.push_back('\n');
                    physical = more;
                    raw_ = {}; // a multi-line record has no single raw line
                    pos = 0;
                    continue;
                }
                const auto at = static_cast<size_t>(quote - physical.data());
                scratch_.append(physical.data() + pos, at - pos);
                pos = at + 1;
                if (pos < physical.size() && physical[pos] == '"') {
                    scratch_.push_back('"');
                    ++pos;
                } else {
                    closed = true;
                }
            }
            const size_t next = findDelimiter(physical, pos, delimiter);
            if (next != pos) {
                if (!error_) {
                    error_ = "unexpected text after a closing quote";
                }
                scratch_.append(physical.substr(pos, next - pos));
            }
            pos = next;
        } else {
            const size_t next = findDelimiter(physical, pos, delimiter);
            scratch_.append(physical.substr(pos, next - pos));
            pos = next;
        }
        spans_.emplace_back(start, scratch_.size() - start);
        if (pos >= physical.size()) {
            break;
        }
        ++pos; // the delimiter
        if (pos == physical.size()) {
            spans_.emplace_back(scratch_.size(), 0); // a trailing delimiter: one more empty field
            break;
        }
    }
    fields_.clear();
    for (const auto& [offset, length] : spans_) {
        fields_.push_back(std::string_view(scratch_).substr(offset, length));
    }
}

bool isAscii(std::string_view text) {
    constexpr uint64_t kHighBits = 0x8080808080808080ULL;
    size_t i = 0;
    uint64_t any = 0;
    for (; i + sizeof(uint64_t) <= text.size(); i += sizeof(uint64_t)) {
        uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof(word));
        any |= word;
    }
    for (; i < text.size(); ++i) {
        any |= static_cast<unsigned char>(text[i]);
    }
    return (any & kHighBits) == 0;
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

std::optional<int64_t> parseCompactTimestamp(std::string_view text) {
    if (text.size() != kTimestampDigits || !allDigits(text)) {
        return std::nullopt;
    }
    const std::optional<Date> date = parseCompactDate(text.substr(0, kCompactDateDigits));
    const std::optional<LocalTime> time = LocalTime::fromFields(
        digitsValue(text.substr(8, 2)), digitsValue(text.substr(10, 2)), digitsValue(text.substr(12, 2)), 0);
    if (!date || !time) {
        return std::nullopt;
    }
    return LocalDateTime::of(*date, *time).epochSeconds();
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

LoadError unreadableOrEmpty(const LineReader& lines, const std::string& emptyReason) {
    if (lines.error()) {
        return LoadError(lines.path(), lines.errorLine(), *lines.error());
    }
    return LoadError(lines.path(), 0, emptyReason);
}

} // namespace newsgraph
