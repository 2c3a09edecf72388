#include "engine/function/function_support.hpp"

#include <cmath>

#include <fmt/format.h>

namespace newsgraph::fnsupport {

namespace {

// UTF-8 layout: lead-byte markers and payload masks.
constexpr uint32_t kContinuationMask = 0xC0U;
constexpr uint32_t kContinuationTag = 0x80U;
constexpr uint32_t kContinuationPayload = 0x3FU;
constexpr uint32_t kTwoByteMask = 0xE0U;
constexpr uint32_t kTwoByteTag = 0xC0U;
constexpr uint32_t kTwoBytePayload = 0x1FU;
constexpr uint32_t kThreeByteMask = 0xF0U;
constexpr uint32_t kThreeByteTag = 0xE0U;
constexpr uint32_t kThreeBytePayload = 0x0FU;
constexpr uint32_t kFourByteMask = 0xF8U;
constexpr uint32_t kFourByteTag = 0xF0U;
constexpr uint32_t kFourBytePayload = 0x07U;
constexpr uint32_t kBitsPerContinuation = 6;
constexpr char32_t kMaxOneByte = 0x7F;
constexpr char32_t kMaxTwoBytes = 0x7FF;
constexpr char32_t kMaxThreeBytes = 0xFFFF;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr char32_t kSurrogateFirst = 0xD800;
constexpr char32_t kSurrogateLast = 0xDFFF;
constexpr char32_t kReplacementCharacter = 0xFFFD;
constexpr size_t kTwoByteLength = 2;
constexpr size_t kThreeByteLength = 3;
constexpr size_t kFourByteLength = 4;

std::string describe(const Value& value) {
    return valueTypeName(value.type());
}

// Decodes one code point at text[pos]; advances pos. Malformed input yields U+FFFD and one byte.
char32_t decodeOne(std::string_view text, size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    size_t length = 1;
    char32_t codePoint = kReplacementCharacter;
    char32_t minimum = 0;
    if (lead <= kMaxOneByte) {
        ++pos;
        return lead;
    }
    if ((lead & kTwoByteMask) == kTwoByteTag) {
        length = kTwoByteLength;
        codePoint = lead & kTwoBytePayload;
        minimum = kMaxOneByte + 1;
    } else if ((lead & kThreeByteMask) == kThreeByteTag) {
        length = kThreeByteLength;
        codePoint = lead & kThreeBytePayload;
        minimum = kMaxTwoBytes + 1;
    } else if ((lead & kFourByteMask) == kFourByteTag) {
        length = kFourByteLength;
        codePoint = lead & kFourBytePayload;
        minimum = kMaxThreeBytes + 1;
    } else {
        ++pos;
        return kReplacementCharacter;
    }
    if (pos + length > text.size()) {
        ++pos;
        return kReplacementCharacter;
    }
    for (size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[pos + i]);
        if ((byte & kContinuationMask) != kContinuationTag) {
            ++pos;
            return kReplacementCharacter;
        }
        codePoint = (codePoint << kBitsPerContinuation) | (byte & kContinuationPayload);
    }
    if (codePoint < minimum || codePoint > kMaxCodePoint ||
        (codePoint >= kSurrogateFirst && codePoint <= kSurrogateLast)) {
        ++pos;
        return kReplacementCharacter;
    }
    pos += length;
    return codePoint;
}

} // namespace

QueryError operandTypeError(std::string_view op, const Value& lhs, const Value& rhs) {
    return typeError(kInvalidArgumentType,
                     fmt::format("cannot apply `{}` to {} and {}", op, describe(lhs), describe(rhs)));
}

QueryError operandTypeError(std::string_view op, const Value& operand) {
    return typeError(kInvalidArgumentType, fmt::format("cannot apply `{}` to {}", op, describe(operand)));
}

QueryError argumentTypeError(std::string_view function, const Value& argument) {
    return typeError(kInvalidArgumentValue,
                     fmt::format("{}() does not accept an argument of type {}", function, describe(argument)));
}

QueryError argumentValueError(std::string_view detail, std::string_view function, const std::string& message) {
    return argumentError(std::string(detail), fmt::format("{}(): {}", function, message));
}

QueryError integerOverflow(std::string_view op) {
    return argumentError(kNumberOutOfRange, fmt::format("integer overflow in `{}`", op));
}

QueryError deletedEntity(const Value& entity) {
    const bool isNode = entity.type() == ValueType::Node;
    const uint32_t id = isNode ? entity.asNode().id : entity.asRelationship().id;
    return QueryError(kEntityNotFound, QueryPhase::Runtime, kDeletedEntityAccess,
                      fmt::format("the {} {} was deleted by this query", isNode ? "node" : "relationship", id));
}

const Value& argAt(std::span<const Value> args, size_t index) {
    static const Value kNull;
    return index < args.size() ? args[index] : kNull;
}

bool isNumber(const Value& value) {
    return value.type() == ValueType::Int || value.type() == ValueType::Float;
}

double numberAsDouble(const Value& value) {
    return value.type() == ValueType::Int ? static_cast<double>(value.asInt()) : value.asFloat();
}

int64_t checkedAdd(int64_t lhs, int64_t rhs) {
    int64_t out = 0;
    if (__builtin_add_overflow(lhs, rhs, &out)) {
        throw integerOverflow("+");
    }
    return out;
}

int64_t checkedSubtract(int64_t lhs, int64_t rhs) {
    int64_t out = 0;
    if (__builtin_sub_overflow(lhs, rhs, &out)) {
        throw integerOverflow("-");
    }
    return out;
}

int64_t checkedMultiply(int64_t lhs, int64_t rhs) {
    int64_t out = 0;
    if (__builtin_mul_overflow(lhs, rhs, &out)) {
        throw integerOverflow("*");
    }
    return out;
}

int compareIntDouble(int64_t lhs, double rhs) {
    // 2^63: every double at or above it is larger than any int64, every double below -2^63 smaller.
    constexpr double kTwoPow63 = 9223372036854775808.0;
    if (rhs >= kTwoPow63) {
        return -1;
    }
    if (rhs < -kTwoPow63) {
        return 1;
    }
    const double whole = std::trunc(rhs);
    const auto wholeInt = static_cast<int64_t>(whole);
    if (lhs != wholeInt) {
        return lhs < wholeInt ? -1 : 1;
    }
    const double fraction = rhs - whole;
    if (fraction > 0) {
        return -1;
    }
    return fraction < 0 ? 1 : 0;
}

bool isTextConvertible(const Value& value) {
    switch (value.type()) {
    case ValueType::String:
    case ValueType::Int:
    case ValueType::Float:
    case ValueType::Bool:
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return true;
    default: return false;
    }
}

std::string textOf(const Value& value) {
    switch (value.type()) {
    case ValueType::String: return value.asString();
    case ValueType::Int: return std::to_string(value.asInt());
    case ValueType::Float: return formatFloat(value.asFloat());
    case ValueType::Bool: return value.asBool() ? "true" : "false";
    case ValueType::Date:
    case ValueType::LocalTime:
    case ValueType::Time:
    case ValueType::LocalDateTime:
    case ValueType::DateTime:
    case ValueType::Duration: return value.temporalString();
    default: return value.toString();
    }
}

std::u32string decodeUtf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        out.push_back(decodeOne(text, pos));
    }
    return out;
}

void appendUtf8(std::string& out, char32_t codePoint) {
    constexpr uint32_t kSixBits = kBitsPerContinuation;
    constexpr uint32_t kTwelveBits = 2 * kBitsPerContinuation;
    constexpr uint32_t kEighteenBits = 3 * kBitsPerContinuation;
    if (codePoint > kMaxCodePoint || (codePoint >= kSurrogateFirst && codePoint <= kSurrogateLast)) {
        codePoint = kReplacementCharacter;
    }
    if (codePoint <= kMaxOneByte) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint <= kMaxTwoBytes) {
        out.push_back(static_cast<char>(kTwoByteTag | (codePoint >> kSixBits)));
        out.push_back(static_cast<char>(kContinuationTag | (codePoint & kContinuationPayload)));
    } else if (codePoint <= kMaxThreeBytes) {
        out.push_back(static_cast<char>(kThreeByteTag | (codePoint >> kTwelveBits)));
        out.push_back(static_cast<char>(kContinuationTag | ((codePoint >> kSixBits) & kContinuationPayload)));
        out.push_back(static_cast<char>(kContinuationTag | (codePoint & kContinuationPayload)));
    } else {
        out.push_back(static_cast<char>(kFourByteTag | (codePoint >> kEighteenBits)));
        out.push_back(static_cast<char>(kContinuationTag | ((codePoint >> kTwelveBits) & kContinuationPayload)));
        out.push_back(static_cast<char>(kContinuationTag | ((codePoint >> kSixBits) & kContinuationPayload)));
        out.push_back(static_cast<char>(kContinuationTag | (codePoint & kContinuationPayload)));
    }
}

std::string encodeUtf8(std::u32string_view codePoints) {
    std::string out;
    out.reserve(codePoints.size());
    for (char32_t codePoint : codePoints) {
        appendUtf8(out, codePoint);
    }
    return out;
}

size_t codePointCount(std::string_view text) {
    size_t count = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        decodeOne(text, pos);
        ++count;
    }
    return count;
}

bool equalsIgnoreCase(std::string_view lhs, std::string_view rhs) {
    if (lhs.size() != rhs.size()) {
        return false;
    }
    constexpr char kCaseBit = 'a' - 'A';
    for (size_t i = 0; i < lhs.size(); ++i) {
        char left = lhs[i];
        char right = rhs[i];
        left = (left >= 'A' && left <= 'Z') ? static_cast<char>(left + kCaseBit) : left;
        right = (right >= 'A' && right <= 'Z') ? static_cast<char>(right + kCaseBit) : right;
        if (left != right) {
            return false;
        }
    }
    return true;
}

} // namespace newsgraph::fnsupport
