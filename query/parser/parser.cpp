#include "query/parser/parser.hpp"

#include <pthread.h>

#include <cstdlib>
#include <exception>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "query/parser/grammar.hpp"
#include "query/parser/transformer.hpp"

namespace newsgraph::parser {

namespace {

// The X3 parser recurses a few dozen frames per nesting level; unoptimised sanitizer builds make
// those frames large. Parsing runs on a thread with this much stack (reserved, touched on use).
constexpr size_t kParserStackBytes = size_t{256} << 20U;

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
        size_t stackBytes = kParserStackBytes;
        if (const char* env = std::getenv("NG_TMP_STACK_KB")) { stackBytes = std::strtoull(env, nullptr, 10) * 1024; } // TEMP
        if (pthread_attr_setstacksize(&attributes, stackBytes) == 0) {
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
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

ast::Statement parseQuery(std::string_view text) {
    if (const auto bad = findInvalidUtf8(text)) {
        throw syntaxError("InvalidUnicodeCharacter",
                          fmt::format("invalid UTF-8 byte 0x{:02X} in the query",
                                      static_cast<unsigned>(static_cast<unsigned char>(text[*bad]))),
                          syntax::positionOf(text, *bad));
    }
    checkBracketNesting(text);
    std::optional<ast::Statement> statement;
    runWithLargeStack([&] {
        const syntax::ParsedQuery parsed = syntax::parseSyntax(text);
        statement = transform(parsed, text);
    });
    return std::move(*statement);
}

} // namespace newsgraph::parser
