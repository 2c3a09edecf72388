#include "tests/tck/tck_value.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <limits>

namespace newsgraph::tck {

namespace {

void appendUtf8(std::string& out, uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// A recursive-descent parser over one value. Errors are recorded, never thrown.
class ValueParser {
public:
    explicit ValueParser(std::string_view text) : text_(text) {}

    TckParseResult parseWhole() {
        TckParseResult result;
        skipSpace();
        std::optional<TckValue> value = parseValue(0);
        if (value) {
            skipSpace();
            if (pos_ != text_.size()) {
                fail("unexpected text after the value");
                value.reset();
            }
        }
        if (!value) {
            result.error = error_.empty() ? "cannot parse value" : error_;
            result.error += " at offset " + std::to_string(errorPos_) + " in: " + std::string(text_);
            return result;
        }
        result.value = std::move(value);
        return result;
    }

private:
    static constexpr int kMaxDepth = 256;

    bool atEnd() const { return pos_ >= text_.size(); }
    char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

    void skipSpace() {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) {
            ++pos_;
        }
    }

    bool consume(char c) {
        skipSpace();
        if (peek() != c) {
            return false;
        }
        ++pos_;
        return true;
    }

    bool expect(char c) {
        if (consume(c)) {
            return true;
        }
        fail(std::string("expected '") + c + "'");
        return false;
    }

    bool consumeWord(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) {
            return false;
        }
        const size_t after = pos_ + word.size();
        if (after < text_.size() && isTckNamePart(static_cast<unsigned char>(text_[after]))) {
            return false;
        }
        pos_ = after;
        return true;
    }

    void fail(std::string message) {
        if (error_.empty()) {
            error_ = std::move(message);
            errorPos_ = pos_;
        }
    }

    std::optional<TckValue> parseValue(int depth) {
        if (depth > kMaxDepth) {
            fail("value nested too deeply");
            return std::nullopt;
        }
        skipSpace();
        const char c = peek();
        if (c == '\'' || c == '"') {
            std::optional<std::string> text = parseString();
            return text ? std::optional<TckValue>(TckValue::fromString(std::move(*text))) : std::nullopt;
        }
        if (c == '[') {
            return isRelationshipAhead() ? parseRelationship(depth) : parseList(depth);
        }
        if (c == '{') {
            std::optional<TckValue::Entries> entries = parseEntries(depth);
            return entries ? std::optional<TckValue>(TckValue::map(std::move(*entries))) : std::nullopt;
        }
        if (c == '(') {
            return parseNode(depth);
        }
        if (c == '<') {
            return parsePath(depth);
        }
        if (consumeWord("null") || consumeWord("NULL")) {
            return TckValue::null();
        }
        if (consumeWord("true") || consumeWord("TRUE")) {
            return TckValue::fromBool(true);
        }
        if (consumeWord("false") || consumeWord("FALSE")) {
            return TckValue::fromBool(false);
        }
        return parseNumber();
    }

    // `[` starts a relationship when the next non-space character is `:`.
    bool isRelationshipAhead() const {
        size_t at = pos_ + 1;
        while (at < text_.size() && std::isspace(static_cast<unsigned char>(text_[at])) != 0) {
            ++at;
        }
        return at < text_.size() && text_[at] == ':';
    }

    std::optional<TckValue> parseNumber() {
        const size_t start = pos_;
        bool negative = false;
        if (peek() == '-' || peek() == '+') {
            negative = peek() == '-';
            ++pos_;
        }
        if (consumeWord("NaN")) {
            return TckValue::fromFloat(std::numeric_limits<double>::quiet_NaN());
        }
        if (consumeWord("Infinity") || consumeWord("Inf")) {
            const double inf = std::numeric_limits<double>::infinity();
            return TckValue::fromFloat(negative ? -inf : inf);
        }
        if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O')) {
            return parseRadixInteger(start, negative);
        }
        bool isFloat = false;
        size_t digits = 0;
        while (std::isdigit(static_cast<unsigned char>(peek())) != 0) {
            ++pos_;
            ++digits;
        }
        if (peek() == '.' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0) {
            isFloat = true;
            ++pos_;
            while (std::isdigit(static_cast<unsigned char>(peek())) != 0) {
                ++pos_;
                ++digits;
            }
        } else if (peek() == '.' && digits > 0) {
            // "1." is a float in the TCK's own literal grammar only when followed by a digit;
            // accept it anyway rather than failing on a trailing dot.
            isFloat = true;
            ++pos_;
        }
        if (digits == 0) {
            pos_ = start;
            fail("expected a value");
            return std::nullopt;
        }
        if (peek() == 'e' || peek() == 'E') {
            size_t at = pos_ + 1;
            if (at < text_.size() && (text_[at] == '-' || text_[at] == '+')) {
                ++at;
            }
            if (at < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at])) != 0) {
                isFloat = true;
                pos_ = at;
                while (std::isdigit(static_cast<unsigned char>(peek())) != 0) {
                    ++pos_;
                }
            }
        }
        if (!atEnd() && isTckNamePart(static_cast<unsigned char>(peek()))) {
            fail("malformed number");
            return std::nullopt;
        }
        std::string literal(text_.substr(start, pos_ - start));
        if (isFloat) {
            // strtod accepts every form written above; out-of-range results saturate, which
            // is what a double-valued engine prints as well.
            return TckValue::fromFloat(std::strtod(literal.c_str(), nullptr));
        }
        if (literal[0] == '+') {
            literal.erase(0, 1);
        }
        int64_t value = 0;
        const auto [end, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
        if (ec != std::errc{} || end != literal.data() + literal.size()) {
            fail("integer out of range");
            return std::nullopt;
        }
        return TckValue::fromInt(value);
    }

    std::optional<TckValue> parseRadixInteger(size_t start, bool negative) {
        const int base = (peek(1) == 'x' || peek(1) == 'X') ? 16 : 8;
        pos_ += 2;
        const size_t digitsStart = pos_;
        while (!atEnd() && isTckNamePart(static_cast<unsigned char>(peek()))) {
            ++pos_;
        }
        const std::string_view digits = text_.substr(digitsStart, pos_ - digitsStart);
        uint64_t magnitude = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
        const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
        if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || magnitude > limit) {
            pos_ = start;
            fail("malformed integer");
            return std::nullopt;
        }
        const int64_t value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
        return TckValue::fromInt(value);
    }

    std::optional<uint32_t> parseHex(size_t count) {
        if (pos_ + count > text_.size()) {
            return std::nullopt;
        }
        uint32_t code = 0;
        const std::string_view digits = text_.substr(pos_, count);
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + count, code, 16);
        if (ec != std::errc{} || end != digits.data() + count || code > 0x10FFFF) {
            return std::nullopt;
        }
        pos_ += count;
        return code;
    }

    std::optional<std::string> parseString() {
        const char quote = text_[pos_++];
        std::string out;
        while (!atEnd()) {
            const char c = text_[pos_++];
            if (c == quote) {
                return out;
            }
            if (c != '\\') {
                out += c;
                continue;
            }
            if (atEnd()) {
                break;
            }
            const char escaped = text_[pos_++];
            switch (escaped) {
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u':
            case 'U': {
                const std::optional<uint32_t> code = parseHex(escaped == 'u' ? 4 : 8);
                if (!code) {
                    fail("bad unicode escape in string");
                    return std::nullopt;
                }
                appendUtf8(out, *code);
                break;
            }
            default:
                // Unknown escapes are kept as written.
                out += '\\';
                out += escaped;
                break;
            }
        }
        fail("unterminated string");
        return std::nullopt;
    }

    // A label, type or key: a plain identifier, a `backticked` name or (keys only) a 'string'.
    std::optional<std::string> parseName(bool allowQuoted) {
        skipSpace();
        const char c = peek();
        if (c == '`') {
            ++pos_;
            std::string out;
            while (!atEnd()) {
                const char next = text_[pos_++];
                if (next != '`') {
                    out += next;
                    continue;
                }
                if (peek() == '`') {
                    out += '`';
                    ++pos_;
                    continue;
                }
                return out;
            }
            fail("unterminated backticked name");
            return std::nullopt;
        }
        if (allowQuoted && (c == '\'' || c == '"')) {
            return parseString();
        }
        if (!isTckNameStart(static_cast<unsigned char>(c))) {
            fail("expected a name");
            return std::nullopt;
        }
        const size_t start = pos_;
        while (!atEnd() && isTckNamePart(static_cast<unsigned char>(peek()))) {
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    std::optional<TckValue> parseList(int depth) {
        ++pos_; // '['
        std::vector<TckValue> items;
        if (consume(']')) {
            return TckValue::list(std::move(items));
        }
        while (true) {
            std::optional<TckValue> item = parseValue(depth + 1);
            if (!item) {
                return std::nullopt;
            }
            items.push_back(std::move(*item));
            if (consume(',')) {
                continue;
            }
            if (!expect(']')) {
                return std::nullopt;
            }
            return TckValue::list(std::move(items));
        }
    }

    // `{key: value, ...}`; the caller has seen the `{`.
    std::optional<TckValue::Entries> parseEntries(int depth) {
        skipSpace();
        ++pos_; // '{'
        TckValue::Entries entries;
        if (consume('}')) {
            return entries;
        }
        while (true) {
            std::optional<std::string> key = parseName(true);
            if (!key || !expect(':')) {
                return std::nullopt;
            }
            std::optional<TckValue> value = parseValue(depth + 1);
            if (!value) {
                return std::nullopt;
            }
            entries.emplace_back(std::move(*key), std::move(*value));
            if (consume(',')) {
                continue;
            }
            if (!expect('}')) {
                return std::nullopt;
            }
            return entries;
        }
    }

    std::optional<TckValue::Entries> parseOptionalProperties(int depth) {
        skipSpace();
        if (peek() != '{') {
            return TckValue::Entries{};
        }
        return parseEntries(depth);
    }

    std::optional<TckValue> parseNode(int depth) {
        if (!expect('(')) {
            return std::nullopt;
        }
        std::vector<std::string> labels;
        while (consume(':')) {
            std::optional<std::string> label = parseName(false);
            if (!label) {
                return std::nullopt;
            }
            labels.push_back(std::move(*label));
        }
        std::optional<TckValue::Entries> properties = parseOptionalProperties(depth);
        if (!properties || !expect(')')) {
            return std::nullopt;
        }
        return TckValue::node(std::move(labels), std::move(*properties));
    }

    std::optional<TckValue> parseRelationship(int depth) {
        if (!expect('[') || !expect(':')) {
            return std::nullopt;
        }
        std::optional<std::string> type = parseName(false);
        if (!type) {
            return std::nullopt;
        }
        std::optional<TckValue::Entries> properties = parseOptionalProperties(depth);
        if (!properties || !expect(']')) {
            return std::nullopt;
        }
        return TckValue::relationship(std::move(*type), std::move(*properties));
    }

    // `<(a)-[:T]->(b)<-[:U]-(c)>`
    std::optional<TckValue> parsePath(int depth) {
        ++pos_; // '<'
        std::vector<TckValue> items;
        std::optional<TckValue> first = parseNode(depth + 1);
        if (!first) {
            return std::nullopt;
        }
        items.push_back(std::move(*first));
        while (true) {
            if (consume('>')) {
                return TckValue::path(std::move(items));
            }
            bool forward = true;
            if (consume('<')) {
                forward = false;
            }
            if (!expect('-')) {
                return std::nullopt;
            }
            skipSpace();
            if (peek() != '[') {
                fail("expected a relationship in the path");
                return std::nullopt;
            }
            std::optional<TckValue> rel = parseRelationship(depth + 1);
            if (!rel || !expect('-')) {
                return std::nullopt;
            }
            if (forward && !expect('>')) {
                return std::nullopt;
            }
            rel->forward = forward;
            items.push_back(std::move(*rel));
            std::optional<TckValue> node = parseNode(depth + 1);
            if (!node) {
                return std::nullopt;
            }
            items.push_back(std::move(*node));
        }
    }

    std::string_view text_;
    size_t pos_ = 0;
    std::string error_;
    size_t errorPos_ = 0;
};

} // namespace

TckParseResult parseTckValue(std::string_view text) {
    try {
        return ValueParser(text).parseWhole();
    } catch (const std::exception& error) {
        TckParseResult result;
        result.error = std::string("cannot parse value: ") + error.what();
        return result;
    }
}

} // namespace newsgraph::tck
