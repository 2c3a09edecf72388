#include "loaders/csv_reader.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <boost/iostreams/filter/gzip.hpp>
#include <fmt/format.h>
#include <boost/iostreams/filtering_stream.hpp>

namespace newsgraph {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr unsigned char kGzipMagic0 = 0x1f;
constexpr unsigned char kGzipMagic1 = 0x8b;

bool isBlank(const std::string& line) {
    return line.find_first_not_of(" \t") == std::string::npos;
}

// A stream that owns the file it decompresses.
class GzipInput : public boost::iostreams::filtering_istream {
public:
    explicit GzipInput(std::unique_ptr<std::ifstream> file) : file_(std::move(file)) {
        push(boost::iostreams::gzip_decompressor());
        push(*file_);
    }
    GzipInput(const GzipInput&) = delete;
    GzipInput& operator=(const GzipInput&) = delete;
    GzipInput(GzipInput&&) = delete;
    GzipInput& operator=(GzipInput&&) = delete;
    ~GzipInput() override { reset(); }

private:
    std::unique_ptr<std::ifstream> file_;
};

} // namespace

CsvReader::CsvReader(std::istream& input, CsvDialect dialect) : input_(input), dialect_(dialect) {}

bool CsvReader::readLine(std::string& out) {
    if (readError_) {
        return false;
    }
    try {
        // With badbit in the mask, a decompressor's exception reaches us instead of looking like EOF.
        input_.exceptions(std::ios::badbit);
        if (!std::getline(input_, out)) {
            return false;
        }
    } catch (const std::exception& error) {
        readError_ = fmt::format("cannot read the file to its end: {}", error.what());
        return false;
    }
    if (nextLine_ == 1 && out.compare(0, kUtf8Bom.size(), kUtf8Bom) == 0) {
        out.erase(0, kUtf8Bom.size());
    }
    if (!out.empty() && out.back() == '\r') {
        out.pop_back();
    }
    ++nextLine_;
    return true;
}

bool CsvReader::next() {
    error_.reset();
    do {
        recordLine_ = nextLine_;
        if (!readLine(physical_)) {
            return false;
        }
    } while (isBlank(physical_));

    buffer_.clear();
    spans_.clear();
    quoted_.clear();
    size_t start = 0;
    bool inQuotes = false;
    bool fieldQuoted = false;
    bool afterClosingQuote = false;
    size_t pos = 0;
    while (true) {
        if (pos == physical_.size()) {
            if (inQuotes) {
                // The quoted field goes on on the next line.
                if (!readLine(physical_)) {
                    error_ = "unterminated quoted field (the file ends inside quotes)";
                    break;
                }
                buffer_.push_back('\n');
                pos = 0;
                continue;
            }
            break;
        }
        const char c = physical_[pos++];
        if (inQuotes) {
            if (c == '"') {
                if (pos < physical_.size() && physical_[pos] == '"') {
                    buffer_.push_back('"');
                    ++pos;
                } else {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
            } else {
                buffer_.push_back(c);
            }
            continue;
        }
        if (c == dialect_.delimiter) {
            spans_.emplace_back(start, buffer_.size() - start);
            quoted_.push_back(fieldQuoted);
            start = buffer_.size();
            fieldQuoted = false;
            afterClosingQuote = false;
            continue;
        }
        if (afterClosingQuote) {
            if (!error_) {
                error_ = "unexpected text after a closing quote";
            }
            buffer_.push_back(c);
            continue;
        }
        if (c == '"' && dialect_.quoting && buffer_.size() == start && !fieldQuoted) {
            inQuotes = true;
            fieldQuoted = true;
            continue;
        }
        buffer_.push_back(c);
    }
    spans_.emplace_back(start, buffer_.size() - start);
    quoted_.push_back(fieldQuoted);

    fields_.clear();
    for (size_t i = 0; i < spans_.size(); ++i) {
        fields_.push_back(CsvField{std::string_view(buffer_).substr(spans_[i].first, spans_[i].second), quoted_[i]});
    }
    return true;
}

std::unique_ptr<std::istream> openInput(const std::string& path, std::string& error) {
    std::error_code code;
    if (std::filesystem::is_directory(path, code)) {
        error = "is a directory, not a file";
        return nullptr;
    }
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!file->is_open()) {
        error = std::strerror(errno);
        return nullptr;
    }
    const int first = file->get();
    const int second = file->get();
    file->clear();
    file->seekg(0);
    if (first == kGzipMagic0 && second == kGzipMagic1) {
        return std::make_unique<GzipInput>(std::move(file));
    }
    return file;
}

} // namespace newsgraph
