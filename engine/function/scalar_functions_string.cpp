// String functions: toUpper / toLower (String5), trim / lTrim / rTrim (String2), replace (String12),
// substring (String1), left / right, split (String4). Positions and lengths count code points.
// Case mapping covers ASCII, Latin-1, Latin Extended-A, Greek and basic Cyrillic (no ICU here).
#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;

// A run of code points that maps to another run by a fixed offset.
struct OffsetRange {
    char32_t first;
    char32_t last;
    int32_t delta;
};

// Upper case -> lower case.
constexpr std::array kLowerRanges = {
    OffsetRange{0x41, 0x5A, 32},   OffsetRange{0xC0, 0xD6, 32},   OffsetRange{0xD8, 0xDE, 32},
    OffsetRange{0x178, 0x178, -121}, OffsetRange{0x130, 0x130, -199}, OffsetRange{0x386, 0x386, 38},
    OffsetRange{0x388, 0x38A, 37}, OffsetRange{0x38C, 0x38C, 64},  OffsetRange{0x38E, 0x38F, 63},
    OffsetRange{0x391, 0x3A1, 32}, OffsetRange{0x3A3, 0x3AB, 32},  OffsetRange{0x400, 0x40F, 80},
    OffsetRange{0x410, 0x42F, 32},
};

// Lower case -> upper case.
constexpr std::array kUpperRanges = {
    OffsetRange{0x61, 0x7A, -32},   OffsetRange{0xB5, 0xB5, 743},   OffsetRange{0xE0, 0xF6, -32},
    OffsetRange{0xF8, 0xFE, -32},   OffsetRange{0xFF, 0xFF, 121},   OffsetRange{0x131, 0x131, -232},
    OffsetRange{0x17F, 0x17F, -300}, OffsetRange{0x3AC, 0x3AC, -38}, OffsetRange{0x3AD, 0x3AF, -37},
    OffsetRange{0x3B1, 0x3C1, -32}, OffsetRange{0x3C2, 0x3C2, -31}, OffsetRange{0x3C3, 0x3CB, -32},
    OffsetRange{0x3CC, 0x3CC, -64}, OffsetRange{0x3CD, 0x3CE, -63}, OffsetRange{0x430, 0x44F, -32},
    OffsetRange{0x450, 0x45F, -80},
};

// Blocks where upper and lower case alternate: upperIsEven tells which of each pair is upper case.
struct PairRange {
    char32_t first;
    char32_t last;
    bool upperIsEven;
};

constexpr std::array kPairRanges = {
    PairRange{0x100, 0x12F, true}, PairRange{0x132, 0x137, true},  PairRange{0x139, 0x148, false},
    PairRange{0x14A, 0x177, true}, PairRange{0x179, 0x17E, false}, PairRange{0x460, 0x481, true},
    PairRange{0x48A, 0x4BF, true}, PairRange{0x4C1, 0x4CE, false}, PairRange{0x4D0, 0x52F, true},
};

template <size_t N>
char32_t applyOffsets(const std::array<OffsetRange, N>& ranges, char32_t codePoint) {
    for (const OffsetRange& range : ranges) {
        if (codePoint >= range.first && codePoint <= range.last) {
            return static_cast<char32_t>(static_cast<int32_t>(codePoint) + range.delta);
        }
    }
    return codePoint;
}

char32_t mapCase(char32_t codePoint, bool toUpperCase) {
    for (const PairRange& range : kPairRanges) {
        if (codePoint >= range.first && codePoint <= range.last) {
            const bool even = codePoint % 2 == 0;
            const bool isUpper = even == range.upperIsEven;
            if (toUpperCase && !isUpper) {
                return codePoint - 1;
            }
            if (!toUpperCase && isUpper) {
                return codePoint + 1;
            }
            return codePoint;
        }
    }
    return toUpperCase ? applyOffsets(kUpperRanges, codePoint) : applyOffsets(kLowerRanges, codePoint);
}

// Java's Character.isWhitespace: space separators other than no-break spaces, and the controls
// TAB, LF, VT, FF, CR and FS..US.
bool isWhitespace(char32_t codePoint) {
    constexpr char32_t kTab = 0x09;
    constexpr char32_t kCarriageReturn = 0x0D;
    constexpr char32_t kFileSeparator = 0x1C;
    constexpr char32_t kSpace = 0x20;
    constexpr char32_t kOgham = 0x1680;
    constexpr char32_t kEnQuad = 0x2000;
    constexpr char32_t kSixPerEmSpace = 0x2006;
    constexpr char32_t kPunctuationSpace = 0x2008;
    constexpr char32_t kHairSpace = 0x200A;
    constexpr char32_t kLineSeparator = 0x2028;
    constexpr char32_t kParagraphSeparator = 0x2029;
    constexpr char32_t kMediumMathSpace = 0x205F;
    constexpr char32_t kIdeographicSpace = 0x3000;
    return (codePoint >= kTab && codePoint <= kCarriageReturn) || (codePoint >= kFileSeparator && codePoint <= kSpace) ||
           codePoint == kOgham || (codePoint >= kEnQuad && codePoint <= kSixPerEmSpace) ||
           (codePoint >= kPunctuationSpace && codePoint <= kHairSpace) || codePoint == kLineSeparator ||
           codePoint == kParagraphSeparator || codePoint == kMediumMathSpace || codePoint == kIdeographicSpace;
}

// The string argument at `index`, nullptr for null; throws for other types.
const std::string* stringArgument(std::string_view function, Args args, size_t index) {
    const Value& argument = argAt(args, index);
    if (argument.isNull()) {
        return nullptr;
    }
    if (argument.type() != ValueType::String) {
        throw argumentTypeError(function, argument);
    }
    return &argument.asString();
}

// A position or length argument: a non-null, non-negative integer.
size_t countArgument(std::string_view function, Args args, size_t index, std::string_view role) {
    const Value& argument = argAt(args, index);
    if (argument.isNull()) {
        throw fnsupport::argumentValueError(fnsupport::kInvalidArgumentValue, function,
                                            fmt::format("the {} must not be null", role));
    }
    if (argument.type() != ValueType::Int) {
        throw argumentTypeError(function, argument);
    }
    if (argument.asInt() < 0) {
        throw fnsupport::argumentValueError(fnsupport::kNegativeIntegerArgument, function,
                                            fmt::format("the {} must not be negative, got {}", role, argument.asInt()));
    }
    return static_cast<size_t>(argument.asInt());
}

Value mapString(std::string_view function, Args args, bool toUpperCase) {
    const std::string* text = stringArgument(function, args, 0);
    if (text == nullptr) {
        return Value();
    }
    std::u32string codePoints = fnsupport::decodeUtf8(*text);
    for (char32_t& codePoint : codePoints) {
        codePoint = mapCase(codePoint, toUpperCase);
    }
    return Value(fnsupport::encodeUtf8(codePoints));
}

Value trimString(std::string_view function, Args args, bool leading, bool trailing) {
    const std::string* text = stringArgument(function, args, 0);
    if (text == nullptr) {
        return Value();
    }
    const std::u32string codePoints = fnsupport::decodeUtf8(*text);
    size_t begin = 0;
    size_t end = codePoints.size();
    while (leading && begin < end && isWhitespace(codePoints[begin])) {
        ++begin;
    }
    while (trailing && end > begin && isWhitespace(codePoints[end - 1])) {
        --end;
    }
    return Value(fnsupport::encodeUtf8(std::u32string_view(codePoints).substr(begin, end - begin)));
}

// Splits on any of `delimiters` (UTF-8 is self-synchronizing, so byte matches fall on code points).
Value::List splitOn(const std::string& text, const std::vector<std::string>& delimiters) {
    Value::List out;
    size_t pieceStart = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        const auto match = std::find_if(delimiters.begin(), delimiters.end(), [&](const std::string& delimiter) {
            return text.compare(pos, delimiter.size(), delimiter) == 0;
        });
        if (match == delimiters.end()) {
            ++pos;
            continue;
        }
        out.emplace_back(text.substr(pieceStart, pos - pieceStart));
        pos += match->size();
        pieceStart = pos;
    }
    out.emplace_back(text.substr(pieceStart));
    return out;
}

} // namespace

Value toUpper(Args args, const EntityAccessor& /*entities*/) {
    return mapString("toUpper", args, true);
}

Value toLower(Args args, const EntityAccessor& /*entities*/) {
    return mapString("toLower", args, false);
}

Value trim(Args args, const EntityAccessor& /*entities*/) {
    return trimString("trim", args, true, true);
}

Value lTrim(Args args, const EntityAccessor& /*entities*/) {
    return trimString("lTrim", args, true, false);
}

Value rTrim(Args args, const EntityAccessor& /*entities*/) {
    return trimString("rTrim", args, false, true);
}

Value replace(Args args, const EntityAccessor& /*entities*/) {
    constexpr size_t kSearchArg = 1;
    constexpr size_t kReplacementArg = 2;
    const std::string* text = stringArgument("replace", args, 0);
    const std::string* search = stringArgument("replace", args, kSearchArg);
    const std::string* replacement = stringArgument("replace", args, kReplacementArg);
    if (text == nullptr || search == nullptr || replacement == nullptr) {
        return Value();
    }
    std::string out;
    if (search->empty()) {
        // As Java's String.replace: the replacement goes before every code point and at the end.
        for (char32_t codePoint : fnsupport::decodeUtf8(*text)) {
            out += *replacement;
            fnsupport::appendUtf8(out, codePoint);
        }
        out += *replacement;
        return Value(std::move(out));
    }
    size_t pos = 0;
    for (size_t found = text->find(*search); found != std::string::npos; found = text->find(*search, pos)) {
        out.append(*text, pos, found - pos);
        out += *replacement;
        pos = found + search->size();
    }
    out.append(*text, pos);
    return Value(std::move(out));
}

Value substring(Args args, const EntityAccessor& /*entities*/) {
    constexpr size_t kStartArg = 1;
    constexpr size_t kLengthArg = 2;
    const std::string* text = stringArgument("substring", args, 0);
    if (text == nullptr) {
        return Value();
    }
    const size_t start = countArgument("substring", args, kStartArg, "start");
    const std::u32string codePoints = fnsupport::decodeUtf8(*text);
    const size_t length = args.size() > kLengthArg ? countArgument("substring", args, kLengthArg, "length")
                                                   : codePoints.size();
    if (start >= codePoints.size()) {
        return Value(std::string());
    }
    return Value(fnsupport::encodeUtf8(std::u32string_view(codePoints).substr(start, length)));
}

Value left(Args args, const EntityAccessor& /*entities*/) {
    const std::string* text = stringArgument("left", args, 0);
    if (text == nullptr) {
        return Value();
    }
    const size_t length = countArgument("left", args, 1, "length");
    const std::u32string codePoints = fnsupport::decodeUtf8(*text);
    return Value(fnsupport::encodeUtf8(std::u32string_view(codePoints).substr(0, length)));
}

Value right(Args args, const EntityAccessor& /*entities*/) {
    const std::string* text = stringArgument("right", args, 0);
    if (text == nullptr) {
        return Value();
    }
    const size_t length = countArgument("right", args, 1, "length");
    const std::u32string codePoints = fnsupport::decodeUtf8(*text);
    const size_t start = codePoints.size() > length ? codePoints.size() - length : 0;
    return Value(fnsupport::encodeUtf8(std::u32string_view(codePoints).substr(start)));
}

Value split(Args args, const EntityAccessor& /*entities*/) {
    const std::string* text = stringArgument("split", args, 0);
    const Value& delimiterArg = argAt(args, 1);
    if (text == nullptr || delimiterArg.isNull()) {
        return Value();
    }
    std::vector<std::string> delimiters;
    if (delimiterArg.type() == ValueType::String) {
        delimiters.push_back(delimiterArg.asString());
    } else if (delimiterArg.type() == ValueType::List) {
        for (const Value& item : delimiterArg.asList()) {
            if (item.type() != ValueType::String) {
                throw argumentTypeError("split", item);
            }
            delimiters.push_back(item.asString());
        }
    } else {
        throw argumentTypeError("split", delimiterArg);
    }
    std::erase_if(delimiters, [](const std::string& delimiter) { return delimiter.empty(); });
    if (!delimiters.empty()) {
        return Value(splitOn(*text, delimiters));
    }
    // Only empty delimiters: one piece per code point.
    Value::List out;
    for (char32_t codePoint : fnsupport::decodeUtf8(*text)) {
        std::string piece;
        fnsupport::appendUtf8(piece, codePoint);
        out.emplace_back(std::move(piece));
    }
    return Value(std::move(out));
}

} // namespace newsgraph::scalarfn
