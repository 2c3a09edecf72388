#include "cli/parameter_literal.hpp"

#include <cctype>
#include <string>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "query/database.hpp"

namespace newsgraph {

namespace {

// Deeper nesting of lists and maps than this is not accepted (the checker is recursive).
constexpr size_t kMaxLiteralDepth = 64;

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// A recursive-descent recogniser of the literal subset of Cypher expressions.
class LiteralChecker {
public:
    explicit LiteralChecker(std::string_view text) : text_(text) {}

    bool check() {
        skipSpace();
        if (!literal(0)) {
            return false;
        }
        skipSpace();
        return pos_ == text_.size();
    }

private:
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    void skipSpace() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])) != 0) {
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

    bool literal(size_t depth) {
        if (depth > kMaxLiteralDepth) {
            return false;
        }
        skipSpace();
        const char c = peek();
        if (c == '\'' || c == '"') {
            return quoted(c);
        }
        if (c == '[') {
            return list(depth);
        }
        if (c == '{') {
            return map(depth);
        }
        if (c == '-' || c == '+' || c == '.' || std::isdigit(static_cast<unsigned char>(c)) != 0) {
            return number();
        }
        if (isNameStart(c)) {
            return word();
        }
        return false;
    }

    // 'text' or "text" with backslash escapes (the engine checks the escapes themselves).
    bool quoted(char quote) {
        ++pos_;
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c == '\\') {
                ++pos_;
            } else if (c == quote) {
                return true;
            }
        }
        return false;
    }

    // An optional sign, then digits, letters (hex, octal, exponent) and points; the engine checks
    // the number itself.
    bool number() {
        if (peek() == '-' || peek() == '+') {
            ++pos_;
        }
        const size_t start = pos_;
        if (!(std::isdigit(static_cast<unsigned char>(peek())) != 0 || peek() == '.')) {
            return false;
        }
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            const bool exponentSign = (c == '-' || c == '+') && pos_ > start &&
                                      (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E') &&
                                      !(text_.substr(start).starts_with("0x") || text_.substr(start).starts_with("0X"));
            if (!(isNameChar(c) || c == '.' || exponentSign)) {
                break;
            }
            ++pos_;
        }
        return pos_ > start;
    }

    // true, false, null, or a temporal constructor of a string: date('YYYY-MM-DD'), datetime('...'), duration('P7D'), ...
    bool word() {
        const size_t start = pos_;
        while (isNameChar(peek())) {
            ++pos_;
        }
        std::string name(text_.substr(start, pos_ - start));
        for (char& c : name) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (name == "true" || name == "false" || name == "null") {
            return true;
        }
        const bool temporal = name == "date" || name == "localtime" || name == "time" || name == "localdatetime" ||
                              name == "datetime" || name == "duration";
        if (!temporal || !consume('(')) {
            return false;
        }
        skipSpace();
        if (peek() != '\'' && peek() != '"') {
            return false;
        }
        return quoted(peek()) && consume(')');
    }

    bool list(size_t depth) {
        ++pos_;
        if (consume(']')) {
            return true;
        }
        do {
            if (!literal(depth + 1)) {
                return false;
            }
        } while (consume(','));
        return consume(']');
    }

    bool mapKey() {
        skipSpace();
        if (peek() == '`') {
            ++pos_;
            while (pos_ < text_.size()) {
                if (text_[pos_++] == '`') {
                    if (peek() != '`') {
                        return true;
                    }
                    ++pos_;
                }
            }
            return false;
        }
        if (!isNameStart(peek())) {
            return false;
        }
        while (isNameChar(peek())) {
            ++pos_;
        }
        return true;
    }

    bool map(size_t depth) {
        ++pos_;
        if (consume('}')) {
            return true;
        }
        do {
            if (!mapKey() || !consume(':') || !literal(depth + 1)) {
                return false;
            }
        } while (consume(','));
        return consume('}');
    }

    std::string_view text_;
    size_t pos_ = 0;
};

} // namespace

bool isCypherLiteral(std::string_view text) {
    return LiteralChecker(text).check();
}

Value evaluateParameterLiteral(std::string_view text) {
    if (findInvalidUtf8(text)) {
        throw ParameterError("the value is not valid UTF-8");
    }
    if (!isCypherLiteral(text)) {
        throw ParameterError(fmt::format("'{}' is not a Cypher literal: a 'quoted string', a number, true, false, "
                                         "null, date('YYYY-MM-DD'), datetime('...'), duration('P7D') (or localtime, time, "
                                         "localdatetime), a [list] or a {{map}} of those",
                                         text));
    }
    static Database evaluator;
    const std::string query = fmt::format("RETURN {} AS value", text);
    try {
        QueryResult result = evaluator.execute(query);
        if (result.rows.size() != 1 || result.rows.front().size() != 1) {
            throw ParameterError(fmt::format("'{}' does not evaluate to one value", text));
        }
        return std::move(result.rows.front().front());
    } catch (const QueryError& error) {
        throw ParameterError(fmt::format("'{}' is not a valid literal: {}: {}", text, error.kind(), error.what()));
    } catch (const Exception& error) {
        throw ParameterError(fmt::format("'{}' is not a valid literal: {}: {}", text, error.kind(), error.what()));
    }
}

} // namespace newsgraph
