#include "query/parser/literal_conversion.hpp"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

#include <fmt/format.h>

namespace newsgraph::parser {

namespace {

constexpr uint64_t kMaxPositive = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
constexpr uint64_t kMaxNegative = kMaxPositive + 1; // |INT64_MIN|
constexpr size_t kPrefixLength = 2;                 // "0x", "0o"
constexpr uint32_t kHexRadix = 16;
constexpr uint32_t kOctalRadix = 8;
constexpr uint32_t kDecimalRadix = 10;
constexpr size_t kShortUnicodeDigits = 4;
constexpr size_t kLongUnicodeDigits = 8;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr char32_t kHighSurrogateFirst = 0xD800;
constexpr char32_t kHighSurrogateLast = 0xDBFF;
constexpr char32_t kLowSurrogateFirst = 0xDC00;
constexpr char32_t kLowSurrogateLast = 0xDFFF;

int digitValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return -1;
}

LiteralError invalidNumber(std::string_view text, size_t offset) {
    return LiteralError("InvalidNumberLiteral", fmt::format("invalid number literal '{}'", text), offset);
}

// Digits of `radix` from `first` on; the magnitude must fit an int64 with the sign applied.
Value convertInteger(std::string_view text, size_t first, uint32_t radix, bool negative) {
    if (first >= text.size()) {
        throw invalidNumber(text, 0);
    }
    const uint64_t limit = negative ? kMaxNegative : kMaxPositive;
    uint64_t magnitude = 0;
    bool overflow = false;
    for (size_t i = first; i < text.size(); ++i) {
        const int digit = digitValue(text[i]);
        if (digit < 0 || static_cast<uint32_t>(digit) >= radix) {
            throw invalidNumber(text, 0);
        }
        if (overflow) {
            continue; // keep validating the digits: a bad digit wins over the overflow
        }
        if (magnitude > (limit - static_cast<uint64_t>(digit)) / radix) {
            overflow = true;
            continue;
        }
        magnitude = magnitude * radix + static_cast<uint64_t>(digit);
    }
    if (overflow) {
        throw LiteralError("IntegerOverflow",
                           fmt::format("integer literal {}{} is too large for a 64-bit integer", negative ? "-" : "",
                                       text),
                           0);
    }
    if (negative) {
        return magnitude == kMaxNegative ? Value(std::numeric_limits<int64_t>::min())
                                         : Value(-static_cast<int64_t>(magnitude));
    }
    return Value(static_cast<int64_t>(magnitude));
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// digits? ('.' digits)? ([eE] [+-]? digits)? with at least one digit before the exponent, and
// a fraction or an exponent present.
bool isFloatSyntax(std::string_view text) {
    size_t i = 0;
    size_t mantissaDigits = 0;
    while (i < text.size() && isDigit(text[i])) {
        ++i;
        ++mantissaDigits;
    }
    bool fraction = false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        size_t fractionDigits = 0;
        while (i < text.size() && isDigit(text[i])) {
            ++i;
            ++fractionDigits;
        }
        if (fractionDigits == 0) {
            return false;
        }
        mantissaDigits += fractionDigits;
        fraction = true;
    }
    if (mantissaDigits == 0) {
        return false;
    }
    bool exponent = false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
            ++i;
        }
        size_t exponentDigits = 0;
        while (i < text.size() && isDigit(text[i])) {
            ++i;
            ++exponentDigits;
        }
        if (exponentDigits == 0) {
            return false;
        }
        exponent = true;
    }
    return i == text.size() && (fraction || exponent);
}

// True when the decimal magnitude of a float literal that does not fit a double is large (an
// overflow) rather than tiny (an underflow to zero).
bool isHugeMagnitude(std::string_view text) {
    const size_t exponentAt = text.find_first_of("eE");
    const std::string_view mantissa = text.substr(0, exponentAt);
    // Position of the first non-zero digit relative to the decimal point.
    const size_t point = std::min(mantissa.find('.'), mantissa.size());
    int64_t scale = 0;
    bool found = false;
    for (size_t i = 0; i < mantissa.size(); ++i) {
        if (mantissa[i] == '.' || mantissa[i] == '0') {
            continue;
        }
        scale = i < point ? static_cast<int64_t>(point - i) : -static_cast<int64_t>(i - point - 1);
        found = true;
        break;
    }
    if (!found) {
        return false;
    }
    int64_t exponent = 0;
    if (exponentAt != std::string_view::npos) {
        std::string_view digits = text.substr(exponentAt + 1);
        const bool negativeExponent = !digits.empty() && digits.front() == '-';
        if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
            digits.remove_prefix(1);
        }
        constexpr int64_t kSaturation = 1'000'000;
        for (char c : digits) {
            exponent = std::min<int64_t>(exponent * 10 + (c - '0'), kSaturation);
        }
        exponent = negativeExponent ? -exponent : exponent;
    }
    return scale + exponent > 0;
}

Value convertFloat(std::string_view text, bool negative) {
    double value = 0.0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
        if (isHugeMagnitude(text)) {
            throw LiteralError("FloatingPointOverflow",
                               fmt::format("float literal {}{} is too large for a 64-bit float", negative ? "-" : "",
                                           text),
                               0);
        }
        value = 0.0;
    } else if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        throw invalidNumber(text, 0);
    }
    if (std::isinf(value)) {
        throw LiteralError("FloatingPointOverflow",
                           fmt::format("float literal {}{} is too large for a 64-bit float", negative ? "-" : "", text),
                           0);
    }
    return Value(negative ? -value : value);
}

bool startsWithPrefix(std::string_view text, char lower) {
    return text.size() >= kPrefixLength && text[0] == '0' && (text[1] == lower || text[1] == lower - 'a' + 'A');
}

void appendUtf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

LiteralError invalidUnicode(std::string_view text, size_t offset, size_t length) {
    const std::string_view escape = text.substr(offset, std::min(length, text.size() - offset));
    return LiteralError("InvalidUnicodeLiteral", fmt::format("invalid unicode escape '{}'", escape), offset);
}

// The hex digits of a \u (4) or \U (8) escape at text[offset] (the backslash).
char32_t readUnicodeEscape(std::string_view text, size_t offset, size_t digits) {
    const size_t escapeLength = 2 + digits;
    if (offset + escapeLength > text.size() - 1) { // the closing quote is not a digit
        throw invalidUnicode(text, offset, escapeLength);
    }
    char32_t value = 0;
    for (size_t i = 0; i < digits; ++i) {
        const int digit = digitValue(text[offset + 2 + i]);
        if (digit < 0 || digit >= static_cast<int>(kHexRadix)) {
            throw invalidUnicode(text, offset, escapeLength);
        }
        value = value * kHexRadix + static_cast<char32_t>(digit);
    }
    return value;
}

} // namespace

Value convertNumberLiteral(std::string_view text, bool negative) {
    if (startsWithPrefix(text, 'x')) {
        return convertInteger(text, kPrefixLength, kHexRadix, negative);
    }
    if (startsWithPrefix(text, 'o')) {
        return convertInteger(text, kPrefixLength, kOctalRadix, negative);
    }
    const bool allDigits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    if (allDigits) {
        return convertInteger(text, 0, kDecimalRadix, negative);
    }
    if (!isFloatSyntax(text)) {
        throw invalidNumber(text, 0);
    }
    return convertFloat(text, negative);
}

std::string decodeStringLiteral(std::string_view text) {
    std::string out;
    if (text.size() < 2) {
        return out;
    }
    out.reserve(text.size() - 2);
    const size_t end = text.size() - 1; // the closing quote
    for (size_t i = 1; i < end; ++i) {
        const char c = text[i];
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (i + 1 >= end) {
            throw LiteralError("UnexpectedSyntax", "invalid escape sequence '\\' at the end of a string", i);
        }
        const char escaped = text[i + 1];
        switch (escaped) {
        case '\\': out.push_back('\\'); break;
        case '\'': out.push_back('\''); break;
        case '"': out.push_back('"'); break;
        case 'b': case 'B': out.push_back('\b'); break;
        case 'f': case 'F': out.push_back('\f'); break;
        case 'n': case 'N': out.push_back('\n'); break;
        case 'r': case 'R': out.push_back('\r'); break;
        case 't': case 'T': out.push_back('\t'); break;
        case 'u':
        case 'U': {
            const size_t digits = escaped == 'u' ? kShortUnicodeDigits : kLongUnicodeDigits;
            char32_t codePoint = readUnicodeEscape(text, i, digits);
            size_t consumed = 2 + digits;
            if (codePoint >= kHighSurrogateFirst && codePoint <= kHighSurrogateLast) {
                // A UTF-16 pair: the low half must follow as \uXXXX.
                const size_t next = i + consumed;
                if (next + 1 >= end || text[next] != '\\' || text[next + 1] != 'u') {
                    throw invalidUnicode(text, i, consumed);
                }
                const char32_t low = readUnicodeEscape(text, next, kShortUnicodeDigits);
                if (low < kLowSurrogateFirst || low > kLowSurrogateLast) {
                    throw invalidUnicode(text, i, consumed + 2 + kShortUnicodeDigits);
                }
                codePoint = 0x10000 + ((codePoint - kHighSurrogateFirst) << 10U) + (low - kLowSurrogateFirst);
                consumed += 2 + kShortUnicodeDigits;
            } else if (codePoint > kMaxCodePoint ||
                       (codePoint >= kLowSurrogateFirst && codePoint <= kLowSurrogateLast)) {
                throw invalidUnicode(text, i, consumed);
            }
            appendUtf8(out, codePoint);
            i += consumed - 1;
            continue;
        }
        default:
            throw LiteralError("UnexpectedSyntax",
                               fmt::format("invalid escape sequence '\\{}'", text.substr(i + 1, 1)), i);
        }
        ++i;
    }
    return out;
}

uint64_t convertHopCount(std::string_view digits) {
    uint64_t value = 0;
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (result.ec != std::errc() || result.ptr != digits.data() + digits.size()) {
        throw LiteralError("IntegerOverflow", fmt::format("hop count {} is too large", digits), 0);
    }
    return value;
}

} // namespace newsgraph::parser
