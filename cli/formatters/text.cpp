#include "cli/formatters/text.hpp"

#include <fmt/format.h>

#include "engine/common/utf8.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kEllipsis = "\u2026";
constexpr std::string_view kReplacement = "\uFFFD";
constexpr unsigned char kFirstPrintable = 0x20;
constexpr unsigned char kDelete = 0x7F;

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

} // namespace

std::string validUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const std::optional<size_t> bad = findInvalidUtf8(text);
        if (!bad) {
            out.append(text);
            break;
        }
        out.append(text.substr(0, *bad));
        out.append(kReplacement);
        // Skip the bad byte and any continuation bytes that trail it.
        size_t skip = *bad + 1;
        while (skip < text.size() && isContinuationByte(text[skip])) {
            ++skip;
        }
        text.remove_prefix(skip);
    }
    return out;
}

size_t displayWidth(std::string_view text) {
    size_t width = 0;
    for (char c : text) {
        if (!isContinuationByte(c)) {
            ++width;
        }
    }
    return width;
}

std::string truncateToWidth(std::string_view text, size_t width) {
    if (displayWidth(text) <= width) {
        return std::string(text);
    }
    if (width == 0) {
        return "";
    }
    size_t kept = 0;
    size_t end = 0;
    while (end < text.size()) {
        if (!isContinuationByte(text[end])) {
            if (kept == width - 1) {
                break;
            }
            ++kept;
        }
        ++end;
    }
    return std::string(text.substr(0, end)) + std::string(kEllipsis);
}

std::string printable(std::string_view text) {
    const std::string valid = validUtf8(text);
    std::string out;
    out.reserve(valid.size());
    for (char c : valid) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < kFirstPrintable || byte == kDelete) {
            out += fmt::format("\\u{:04x}", byte);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string jsonString(std::string_view text) {
    const std::string valid = validUtf8(text);
    std::string out;
    out.reserve(valid.size() + 2);
    out.push_back('"');
    for (char c : valid) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < kFirstPrintable) {
                out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
    return out;
}

} // namespace newsgraph
