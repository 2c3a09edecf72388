#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// One statement cut out of a script: a Cypher statement (without its ';') or a shell command (a
// line starting with ':'), with where it starts in the input (1-based line and column).
struct ScriptStatement {
    enum class Kind : uint8_t { Query, Command };
    Kind kind = Kind::Query;
    std::string text;
    uint32_t line = 0;
    uint32_t column = 0;
};

// Cuts input into statements as it arrives, line by line. A Cypher statement ends with ';' outside
// string literals ('…', "…"), escaped names (`…`) and comments (// to the end of the line, /* … */).
// A line whose first character (outside a statement) is ':' is a shell command; it ends with the
// line. Statements hold their text verbatim (comments inside them included), without the
// comments and blank space before them.
class StatementSplitter {
public:
    // Adds one line (without its newline); returns the statements it completed.
    std::vector<ScriptStatement> feedLine(std::string_view line);
    // Adds a whole text of several lines.
    std::vector<ScriptStatement> feedText(std::string_view text);
    // The end of the input: the unterminated last statement, if any (run without its ';'). Input
    // that ends inside a /* comment yields that comment, so that the parser reports it.
    std::optional<ScriptStatement> finish();
    // Whether a statement has begun and not ended (the shell then prompts for more).
    bool pending() const { return started_ || state_ != State::Normal; }
    // Forgets the statement under way (Ctrl-C in the shell).
    void reset();

private:
    enum class State : uint8_t { Normal, SingleQuote, DoubleQuote, Backtick, BlockComment };

    void startStatement(uint32_t column);
    ScriptStatement takeStatement();

    State state_ = State::Normal;
    bool escaped_ = false;     // the previous character in a string was a backslash
    bool started_ = false;     // a statement has a character other than space and comments
    std::string text_;         // the statement so far
    size_t contentEnd_ = 0;    // text_ up to its last character other than space / comment start
    uint32_t line_ = 0;        // lines fed so far
    uint32_t startLine_ = 0;
    uint32_t startColumn_ = 0;
    uint32_t openLine_ = 0;    // where the current string or comment opened
    uint32_t openColumn_ = 0;
};

// Splits a whole text (for -e and tests): every statement, the unterminated last one included.
std::vector<ScriptStatement> splitStatements(std::string_view text);

} // namespace newsgraph
