#pragma once

// Character classes of the lexer beyond ASCII: which code points may appear in names and which
// are white space. Names take letters of any script; punctuation, symbols and emoji outside
// string literals are invalid characters (SyntaxError InvalidUnicodeCharacter).

#include <cstddef>
#include <cstdint>

namespace newsgraph::syntax {

// Decodes one UTF-8 sequence at [first, last). Returns its length in bytes, 0 when it is not
// well-formed. The code point is stored in `codePoint`.
inline size_t decodeUtf8(const char* first, const char* last, char32_t& codePoint) {
    if (first == last) {
        return 0;
    }
    const auto lead = static_cast<unsigned char>(*first);
    size_t length = 0;
    char32_t value = 0;
    if (lead < 0x80U) {
        codePoint = lead;
        return 1;
    }
    if (lead >= 0xC2U && lead <= 0xDFU) {
        length = 2;
        value = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        length = 3;
        value = lead & 0x0FU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        length = 4;
        value = lead & 0x07U;
    } else {
        return 0;
    }
    if (static_cast<size_t>(last - first) < length) {
        return 0;
    }
    for (size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(first[i]);
        if ((byte & 0xC0U) != 0x80U) {
            return 0;
        }
        value = (value << 6U) | (byte & 0x3FU);
    }
    constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < kMinimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
        return 0;
    }
    codePoint = value;
    return length;
}

// Unicode white space other than ASCII (no-break space, the U+2000 spaces, line and paragraph
// separators, ideographic space, the byte order mark).
inline bool isUnicodeSpace(char32_t c) {
    return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// A non-ASCII code point that may be part of a name: everything but white space, punctuation,
// symbols and emoji blocks.
inline bool isUnicodeNameChar(char32_t c) {
    struct Range {
        char32_t first;
        char32_t last;
    };
    static constexpr Range kExcluded[] = {
        {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9}, {0x00BB, 0x00BF}, {0x00D7, 0x00D7},
        {0x00F7, 0x00F7}, {0x1680, 0x1680}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF},
        {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0xFE10, 0xFE1F},
        {0xFE30, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF40},
        {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
    };
    if (c < 0x80) {
        return false;
    }
    for (const Range& range : kExcluded) {
        if (c >= range.first && c <= range.last) {
            return false;
        }
    }
    return true;
}

} // namespace newsgraph::syntax
