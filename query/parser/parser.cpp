#include "query/parser/parser.hpp"

#include <pthread.h>

#include <algorithm>
#include <exception>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "query/parser/grammar.hpp"
#include "query/parser/transformer.hpp"

namespace newsgraph::parser {

namespace {

// The X3 parser recurses a few dozen frames per nesting level: about 6 KB per level of expression
// nesting in Release builds, 40 KB in the Debug ASan build (the grammar allows kMaxSyntaxNesting
// levels: 10 MB there). Queries that may nest deeper than kInlineNesting are parsed on a thread
// with a kParserStackBytes stack (reserved, touched only as used); shallower ones, nearly all, on
// the caller's stack (starting a thread costs more than parsing them).
constexpr size_t kParserStackBytes = size_t{64} << 20U;
constexpr size_t kInlineNesting = 16;

struct NestingScan {
    size_t maxDepth = 0; // deepest bracket nesting
    size_t caseWords = 0; // CASE keywords: CASE nests expressions without brackets
};

// Skips a quoted literal or escaped name opened at text[i]; returns the offset of its closing
// character, or text.size() when it is not closed.
size_t skipQuoted(std::string_view text, size_t i) {
    const char quote = text[i];
    for (size_t k = i + 1; k < text.size(); ++k) {
        if (text[k] == '\\' && quote != '`') {
            ++k;
        } else if (text[k] == quote) {
            return k;
        }
    }
    return text.size();
}

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (static_cast<unsigned char>(c) >= 0x80U);
}

bool isCaseWord(std::string_view text, size_t i) {
    constexpr std::string_view kCase = "case";
    if (i + kCase.size() > text.size() || (i > 0 && isWordChar(text[i - 1]))) {
        return false;
    }
    for (size_t k = 0; k < kCase.size(); ++k) {
        const char c = text[i + k];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kCase[k]) {
            return false;
        }
    }
    return i + kCase.size() == text.size() || !isWordChar(text[i + kCase.size()]);
}

// Bracket depth and CASE count outside string literals, escaped names and comments. Throws
// NestingTooDeep at the bracket that gets deeper than `limit`.
NestingScan scanNesting(std::string_view text, size_t limit) {
    NestingScan scan;
    size_t depth = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\'' || c == '"' || c == '`') {
            i = skipQuoted(text, i);
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            const size_t newline = text.find('\n', i);
            i = newline == std::string_view::npos ? text.size() : newline;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            const size_t close = text.find("*/", i + 2);
            i = close == std::string_view::npos ? text.size() : close + 1;
        } else if (c == '(' || c == '[' || c == '{') {
            if (++depth > limit) {
                throw syntaxError("NestingTooDeep",
                                  fmt::format("brackets nested too deeply (more than {} levels)", limit),
                                  syntax::positionOf(text, i));
            }
            scan.maxDepth = std::max(scan.maxDepth, depth);
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            --depth;
        } else if ((c == 'c' || c == 'C') && isCaseWord(text, i)) {
            ++scan.caseWords;
        }
    }
    return scan;
}

struct Job {
    std::function<void()> work;
    std::exception_ptr error;
};

void* runJob(void* argument) {
    auto* job = static_cast<Job*>(argument);
    try {
        job->work();
    } catch (...) {
        job->error = std::current_exception();
    }
    return nullptr;
}

// Runs `work` on a thread with a kParserStackBytes stack and waits for it; rethrows what it threw.
// Runs it on the calling thread when no such thread can be started.
void runWithLargeStack(std::function<void()> work) {
    Job job{std::move(work), nullptr};
    pthread_attr_t attributes;
    bool started = false;
    pthread_t thread{};
    if (pthread_attr_init(&attributes) == 0) {
        if (pthread_attr_setstacksize(&attributes, kParserStackBytes) == 0) {
            started = pthread_create(&thread, &attributes, runJob, &job) == 0;
        }
        pthread_attr_destroy(&attributes);
    }
    if (started) {
        pthread_join(thread, nullptr);
    } else {
        runJob(&job);
    }
    if (job.error) {
        std::rethrow_exception(job.error);
    }
}

} // namespace

void checkBracketNesting(std::string_view text, size_t limit) {
    scanNesting(text, limit);
}

ast::Statement parseQuery(std::string_view text) {
    if (const auto bad = findInvalidUtf8(text)) {
        throw syntaxError("InvalidUnicodeCharacter",
                          fmt::format("invalid UTF-8 byte 0x{:02X} in the query",
                                      static_cast<unsigned>(static_cast<unsigned char>(text[*bad]))),
                          syntax::positionOf(text, *bad));
    }
    const NestingScan nesting = scanNesting(text, kMaxBracketNesting);
    const auto parse = [text] {
        const syntax::ParsedQuery parsed = syntax::parseSyntax(text);
        return transform(parsed, text);
    };
    if (nesting.maxDepth + nesting.caseWords <= kInlineNesting) {
        return parse();
    }
    std::optional<ast::Statement> statement;
    runWithLargeStack([&] { statement = parse(); });
    return std::move(*statement);
}

} // namespace newsgraph::parser
