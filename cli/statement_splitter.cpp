#include "cli/statement_splitter.hpp"

namespace newsgraph {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool isContinuationByte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

void StatementSplitter::reset() {
    state_ = State::Normal;
    escaped_ = false;
    started_ = false;
    text_.clear();
    contentEnd_ = 0;
}

void StatementSplitter::startStatement(uint32_t column) {
    if (started_) {
        return;
    }
    started_ = true;
    startLine_ = line_;
    startColumn_ = column;
}

ScriptStatement StatementSplitter::takeStatement() {
    ScriptStatement statement{ScriptStatement::Kind::Query, text_.substr(0, contentEnd_), startLine_, startColumn_};
    started_ = false;
    text_.clear();
    contentEnd_ = 0;
    return statement;
}

std::vector<ScriptStatement> StatementSplitter::feedLine(std::string_view line) {
    ++line_;
    std::vector<ScriptStatement> done;
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    if (!started_ && state_ == State::Normal) {
        std::string_view command = trim(line);
        if (command.starts_with(':')) {
            while (!command.empty() && (command.back() == ';' || isSpace(command.back()))) {
                command.remove_suffix(1);
            }
            const auto column = static_cast<uint32_t>(line.find(':') + 1);
            done.push_back({ScriptStatement::Kind::Command, std::string(command), line_, column});
            return done;
        }
    }
    uint32_t column = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (!isContinuationByte(c)) {
            ++column;
        }
        const char next = i + 1 < line.size() ? line[i + 1] : '\0';
        switch (state_) {
        case State::Normal:
            if (isSpace(c)) {
                if (started_) {
                    text_.push_back(c);
                }
            } else if (c == '/' && next == '/') {
                if (started_) {
                    text_.append(line.substr(i));
                }
                i = line.size();
            } else if (c == '/' && next == '*') {
                state_ = State::BlockComment;
                openLine_ = line_;
                openColumn_ = column;
                if (started_) {
                    text_.append("/*");
                }
                ++i;
                ++column;
            } else if (c == ';') {
                if (started_) {
                    done.push_back(takeStatement());
                }
            } else {
                startStatement(column);
                text_.push_back(c);
                contentEnd_ = text_.size();
                if (c == '\'') {
                    state_ = State::SingleQuote;
                } else if (c == '"') {
                    state_ = State::DoubleQuote;
                } else if (c == '`') {
                    state_ = State::Backtick;
                }
            }
            break;
        case State::SingleQuote:
        case State::DoubleQuote:
        case State::Backtick: {
            text_.push_back(c);
            contentEnd_ = text_.size();
            const char quote = state_ == State::SingleQuote ? '\'' : state_ == State::DoubleQuote ? '"' : '`';
            if (escaped_) {
                escaped_ = false;
            } else if (c == '\\' && state_ != State::Backtick) {
                escaped_ = true;
            } else if (c == quote) {
                state_ = State::Normal;
            }
            break;
        }
        case State::BlockComment:
            if (started_) {
                text_.push_back(c);
            }
            if (c == '*' && next == '/') {
                if (started_) {
                    text_.push_back('/');
                }
                state_ = State::Normal;
                ++i;
                ++column;
            }
            break;
        }
    }
    if (started_) {
        text_.push_back('\n');
        if (state_ == State::SingleQuote || state_ == State::DoubleQuote || state_ == State::Backtick) {
            contentEnd_ = text_.size();
        }
    }
    // A backslash at the end of a line escapes nothing on the next one.
    escaped_ = false;
    return done;
}

std::vector<ScriptStatement> StatementSplitter::feedText(std::string_view text) {
    std::vector<ScriptStatement> done;
    while (!text.empty()) {
        const size_t newline = text.find('\n');
        const std::string_view line = text.substr(0, newline);
        for (ScriptStatement& statement : feedLine(line)) {
            done.push_back(std::move(statement));
        }
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    }
    return done;
}

std::optional<ScriptStatement> StatementSplitter::finish() {
    if (state_ == State::BlockComment && !started_) {
        ScriptStatement comment{ScriptStatement::Kind::Query, "/*", openLine_, openColumn_};
        reset();
        return comment;
    }
    if (state_ == State::BlockComment) {
        contentEnd_ = text_.size();
    }
    if (!started_) {
        reset();
        return std::nullopt;
    }
    ScriptStatement statement = takeStatement();
    reset();
    return statement;
}

std::vector<ScriptStatement> splitStatements(std::string_view text) {
    StatementSplitter splitter;
    std::vector<ScriptStatement> statements = splitter.feedText(text);
    if (std::optional<ScriptStatement> last = splitter.finish()) {
        statements.push_back(std::move(*last));
    }
    return statements;
}

} // namespace newsgraph
