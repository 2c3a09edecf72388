// String predicates (String8-11): STARTS WITH, ENDS WITH, CONTAINS are null unless both operands
// are strings (a non-string operand is null, not an error). `=~` matches the whole string against a
// regular expression.
//
// Regular expressions follow Java's syntax where std::regex (ECMAScript) can express it: leading
// inline flags (?i) (?m) (?s) (?u) are honoured, matching is on code points. The engine runs in
// libstdc++'s polynomial (breadth-first) mode, so a long input cannot exhaust the stack; that mode
// has no back-references, which are reported as an invalid pattern.
#include <algorithm>
#include <memory>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace {

// Patterns longer than this (in code points) are refused: the regex compiler recurses on nesting.
constexpr size_t kMaxPatternLength = 4096;
// Compiled patterns kept per thread (a query usually matches one pattern against many rows).
constexpr size_t kRegexCacheSize = 16;

struct RegexFlags {
    bool ignoreCase = false;
    bool multiline = false;
    bool dotAll = false;
};

QueryError invalidPattern(const std::string& pattern, const std::string& reason) {
    return argumentError(fnsupport::kInvalidArgumentValue,
                         fmt::format("invalid regular expression {}: {}", quoteString(pattern), reason));
}

// Reads leading Java inline flag groups such as (?i) or (?is-m); returns where the pattern proper starts.
size_t readInlineFlags(const std::u32string& pattern, RegexFlags& flags, const std::string& original) {
    size_t pos = 0;
    while (pos + 2 < pattern.size() && pattern[pos] == U'(' && pattern[pos + 1] == U'?') {
        size_t scan = pos + 2;
        bool enable = true;
        bool isFlagGroup = true;
        RegexFlags updated = flags;
        for (; scan < pattern.size() && pattern[scan] != U')'; ++scan) {
            switch (pattern[scan]) {
            case U'-': enable = false; break;
            case U'i': updated.ignoreCase = enable; break;
            case U'm': updated.multiline = enable; break;
            case U's': updated.dotAll = enable; break;
            case U'u':
            case U'U':
            case U'd': break;
            case U'x': throw invalidPattern(original, "the comments flag (?x) is not supported");
            default: isFlagGroup = false; break;
            }
            if (!isFlagGroup) {
                break;
            }
        }
        if (!isFlagGroup || scan >= pattern.size()) {
            break;
        }
        flags = updated;
        pos = scan + 1;
    }
    return pos;
}

// Rewrites the pattern for ECMAScript: `.` outside a character class matches newlines too under (?s).
std::wstring translate(const std::u32string& pattern, size_t start, const RegexFlags& flags) {
    static constexpr std::wstring_view kAnyCharacter = L"[\\s\\S]";
    std::wstring out;
    out.reserve(pattern.size() - start);
    bool inClass = false;
    for (size_t i = start; i < pattern.size(); ++i) {
        const char32_t c = pattern[i];
        if (c == U'\\' && i + 1 < pattern.size()) {
            out.push_back(static_cast<wchar_t>(c));
            out.push_back(static_cast<wchar_t>(pattern[++i]));
            continue;
        }
        if (c == U'[') {
            inClass = true;
        } else if (c == U']') {
            inClass = false;
        }
        if (c == U'.' && !inClass && flags.dotAll) {
            out += kAnyCharacter;
            continue;
        }
        out.push_back(static_cast<wchar_t>(c));
    }
    return out;
}

std::shared_ptr<const std::wregex> compile(const std::string& pattern) {
    const std::u32string codePoints = fnsupport::decodeUtf8(pattern);
    if (codePoints.size() > kMaxPatternLength) {
        throw invalidPattern(pattern.substr(0, kMaxPatternLength) + "...",
                             fmt::format("longer than {} characters", kMaxPatternLength));
    }
    RegexFlags flags;
    const size_t start = readInlineFlags(codePoints, flags, pattern);
    auto syntax = std::regex_constants::ECMAScript | std::regex_constants::__polynomial;
    if (flags.ignoreCase) {
        syntax |= std::regex_constants::icase;
    }
    if (flags.multiline) {
        syntax |= std::regex_constants::multiline;
    }
    try {
        return std::make_shared<const std::wregex>(translate(codePoints, start, flags), syntax);
    } catch (const std::regex_error& error) {
        throw invalidPattern(pattern, error.what());
    }
}

std::shared_ptr<const std::wregex> cachedRegex(const std::string& pattern) {
    thread_local std::vector<std::pair<std::string, std::shared_ptr<const std::wregex>>> cache;
    const auto hit = std::find_if(cache.begin(), cache.end(), [&](const auto& entry) { return entry.first == pattern; });
    if (hit != cache.end()) {
        return hit->second;
    }
    std::shared_ptr<const std::wregex> compiled = compile(pattern);
    if (cache.size() >= kRegexCacheSize) {
        cache.erase(cache.begin());
    }
    cache.emplace_back(pattern, compiled);
    return compiled;
}

std::wstring toWide(const std::string& text) {
    const std::u32string codePoints = fnsupport::decodeUtf8(text);
    return std::wstring(codePoints.begin(), codePoints.end());
}

bool bothStrings(const Value& lhs, const Value& rhs) {
    return lhs.type() == ValueType::String && rhs.type() == ValueType::String;
}

} // namespace

Value startsWith(const Value& lhs, const Value& rhs) {
    if (!bothStrings(lhs, rhs)) {
        return Value();
    }
    return Value(lhs.asString().starts_with(rhs.asString()));
}

Value endsWith(const Value& lhs, const Value& rhs) {
    if (!bothStrings(lhs, rhs)) {
        return Value();
    }
    return Value(lhs.asString().ends_with(rhs.asString()));
}

Value contains(const Value& lhs, const Value& rhs) {
    if (!bothStrings(lhs, rhs)) {
        return Value();
    }
    return Value(lhs.asString().find(rhs.asString()) != std::string::npos);
}

Value regexMatch(const Value& lhs, const Value& rhs) {
    if (!bothStrings(lhs, rhs)) {
        return Value();
    }
    const std::shared_ptr<const std::wregex> regex = cachedRegex(rhs.asString());
    try {
        return Value(std::regex_match(toWide(lhs.asString()), *regex));
    } catch (const std::regex_error& error) {
        throw invalidPattern(rhs.asString(), error.what());
    }
}

} // namespace newsgraph
