// The one translation unit that instantiates the X3 grammar.
#include "query/parser/grammar.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "query/parser/grammar_def.hpp"

namespace newsgraph::syntax {

namespace {

using grammar::Iterator;
using grammar::ParseState;
namespace x3 = boost::spirit::x3;

// Non-ASCII white space (no-break space, em space, ...) between tokens.
struct unicode_space_parser : x3::parser<unicode_space_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& /*context*/, RContext& /*rcontext*/,
               Attribute& /*attr*/) const {
        if (first == last || static_cast<unsigned char>(*first) < 0x80U) {
            return false;
        }
        const char* begin = &*first;
        char32_t codePoint = 0;
        const size_t length = decodeUtf8(begin, begin + (last - first), codePoint);
        if (length == 0 || !isUnicodeSpace(codePoint)) {
            return false;
        }
        first += static_cast<std::ptrdiff_t>(length);
        return true;
    }
};

const auto skipper = x3::char_(" \t\r\n\f\v") | unicode_space_parser() |
                     (x3::lit("//") >> *(x3::char_ - x3::eol) >> (x3::eol | x3::eoi)) |
                     (x3::lit("/*") >> *(x3::char_ - x3::lit("*/")) >> x3::lit("*/"));

struct end_of_query_class;
const x3::rule<end_of_query_class> endOfQuery = "end_of_query";
const auto endOfQuery_def = grammar::named("the end of the query", -x3::lit(';') >> x3::eoi);
BOOST_SPIRIT_DEFINE(endOfQuery)

constexpr size_t kShownTokenBytes = 20;

bool isAsciiNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The offset of the quote closing the literal or escaped name opened at `offset`, or npos.
size_t closingQuote(std::string_view text, size_t offset) {
    const char quote = text[offset];
    for (size_t i = offset + 1; i < text.size(); ++i) {
        if (text[i] == '\\' && quote != '`') {
            ++i;
        } else if (text[i] == quote) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool unterminated(std::string_view text, size_t offset) {
    return closingQuote(text, offset) == std::string_view::npos;
}

// At most kShownTokenBytes of `token`, not cutting a character in two.
std::string_view shortened(std::string_view token) {
    if (token.size() <= kShownTokenBytes) {
        return token;
    }
    size_t length = kShownTokenBytes;
    while (length > 0 && (static_cast<unsigned char>(token[length]) & 0xC0U) == 0x80U) {
        --length;
    }
    return token.substr(0, length);
}

// The token at `offset`: a name or number, a string literal, or one character.
std::string_view tokenAt(std::string_view text, size_t offset) {
    const std::string_view rest = text.substr(offset);
    if (rest.front() == '\'' || rest.front() == '"') {
        const size_t close = closingQuote(text, offset);
        if (close != std::string_view::npos) {
            return shortened(rest.substr(0, close - offset + 1));
        }
    }
    size_t length = 0;
    while (length < rest.size() && length < kShownTokenBytes) {
        const char c = rest[length];
        if (isAsciiNameChar(c)) {
            ++length;
            continue;
        }
        char32_t codePoint = 0;
        const size_t width = decodeUtf8(rest.data() + length, rest.data() + rest.size(), codePoint);
        if (width > 1 && isUnicodeNameChar(codePoint)) {
            length += width;
            continue;
        }
        break;
    }
    if (length > 0) {
        return rest.substr(0, length);
    }
    char32_t codePoint = 0;
    const size_t width = decodeUtf8(rest.data(), rest.data() + rest.size(), codePoint);
    return rest.substr(0, std::max<size_t>(width, 1));
}

struct Found {
    std::string detail = "UnexpectedSyntax";
    std::string description;
    bool complete = false; // says all there is to say: no "expected ..." after it
};

// What stands at the failure: "invalid input 'RETURN'", "unexpected end of the query", ...
Found describeFound(std::string_view text, size_t offset) {
    if (offset >= text.size()) {
        return {"UnexpectedSyntax", "unexpected end of the query"};
    }
    const char c = text[offset];
    if ((c == '\'' || c == '"') && unterminated(text, offset)) {
        return {"UnexpectedSyntax", "unterminated string literal", true};
    }
    if (c == '`' && unterminated(text, offset)) {
        return {"UnexpectedSyntax", "unterminated escaped name", true};
    }
    if (text.substr(offset, 2) == "/*") {
        return {"UnexpectedSyntax", "unterminated comment", true};
    }
    char32_t codePoint = 0;
    const size_t width = decodeUtf8(text.data() + offset, text.data() + text.size(), codePoint);
    if (width > 1 && !isUnicodeNameChar(codePoint) && !isUnicodeSpace(codePoint)) {
        return {"InvalidUnicodeCharacter", fmt::format("invalid character '{}' (U+{:04X})",
                                                       text.substr(offset, width), static_cast<uint32_t>(codePoint))};
    }
    return {"UnexpectedSyntax", fmt::format("invalid input '{}'", tokenAt(text, offset))};
}

// "a, b or c".
std::string joinAlternatives(const std::vector<const char*>& words) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += i + 1 == words.size() ? " or " : ", ";
        }
        out += words[i];
    }
    return out;
}

// The first string literal, escaped name or block comment that is never closed: its offset, or npos.
size_t findUnterminated(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'' || c == '"' || c == '`') {
            const size_t close = closingQuote(text, i);
            if (close == std::string_view::npos) {
                return i;
            }
            i = close;
        } else if (text.substr(i, 2) == "//") {
            const size_t newline = text.find('\n', i);
            i = newline == std::string_view::npos ? text.size() : newline;
        } else if (text.substr(i, 2) == "/*") {
            const size_t close = text.find("*/", i + 2);
            if (close == std::string_view::npos) {
                return i;
            }
            i = close + 1;
        }
    }
    return std::string_view::npos;
}

[[noreturn]] void throwParseFailure(std::string_view text, const ParseState& state, size_t stoppedAt) {
    const bool useTracked = state.failed() && state.furthest() >= stoppedAt;
    size_t offset = useTracked ? state.furthest() : stoppedAt;
    // An unclosed literal or comment swallows the rest of the query: report it where it opens.
    const size_t unclosed = findUnterminated(text);
    if (unclosed != std::string_view::npos && unclosed <= offset + 1) {
        offset = unclosed;
    }
    Found found = describeFound(text, offset);
    std::string message = std::move(found.description);
    if (useTracked && !found.complete && !state.expected().empty()) {
        message += ": expected " + joinAlternatives(state.expected());
    }
    throw syntaxError(std::move(found.detail), message, positionOf(text, offset));
}

} // namespace

void PositionTable::set(int id, size_t offset) {
    if (id < 0) {
        return;
    }
    const auto index = static_cast<size_t>(id);
    if (index >= offsets_.size()) {
        offsets_.resize(index + 1, 0);
    }
    offsets_[index] = offset;
}

size_t PositionTable::offset(int id) const {
    if (id < 0 || static_cast<size_t>(id) >= offsets_.size()) {
        return 0;
    }
    return offsets_[static_cast<size_t>(id)];
}

SourcePosition positionOf(std::string_view text, size_t offset) {
    SourcePosition position{1, 1};
    offset = std::min(offset, text.size());
    for (size_t i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0U) != 0x80U) {
            ++position.column;
        }
    }
    return position;
}

ParsedQuery parseSyntax(std::string_view text) {
    ParsedQuery parsed;
    Iterator first = text.begin();
    const Iterator last = text.end();
    std::ostringstream unusedStream; // x3::error_handler wants a stream; errors are reported by exceptions here
    x3::error_handler<Iterator> handler(first, last, unusedStream);
    ParseState state(text.begin(), kMaxSyntaxNesting);
    const auto parser = x3::with<grammar::parse_state_tag>(std::ref(state))[x3::with<x3::error_handler_tag>(
        std::ref(handler))[grammar::query >> endOfQuery]];
    try {
        const bool ok = x3::phrase_parse(first, last, parser, skipper, parsed.query);
        if (!ok) {
            throwParseFailure(text, state, static_cast<size_t>(first - text.begin()));
        }
    } catch (const grammar::NestingTooDeep& tooDeep) {
        throw syntaxError("NestingTooDeep",
                          fmt::format("expressions nested too deeply (more than {} levels)", kMaxSyntaxNesting),
                          positionOf(text, tooDeep.offset));
    } catch (const x3::expectation_failure<Iterator>& failure) {
        const size_t offset = static_cast<size_t>(failure.where() - text.begin());
        throw syntaxError("UnexpectedSyntax",
                          fmt::format("{}: expected {}", describeFound(text, offset).description, failure.which()),
                          positionOf(text, offset));
    }
    const auto& ranges = handler.get_position_cache().get_positions();
    for (size_t id = 0; id < ranges.size(); ++id) {
        parsed.positions.set(static_cast<int>(id), static_cast<size_t>(ranges[id] - text.begin()));
    }
    return parsed;
}

} // namespace newsgraph::syntax
