#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>

#include "cli/session.hpp"

namespace newsgraph {

// Input that cannot be run at all: a missing or unreadable script, text that is not UTF-8.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads a script file; throws InputError when it is missing, unreadable, a directory, or not
// UTF-8 (naming file:line).
std::string readScriptFile(const std::string& path);
// Throws InputError naming `name`:line when `text` is not UTF-8; `firstLine` numbers its first line.
void checkUtf8(std::string_view text, std::string_view name, uint32_t firstLine = 1);

// Runs statements from -e, -f and standard input through a session. Without continueOnError the
// first failing statement stops this run and every later one.
class ScriptRunner {
public:
    ScriptRunner(Session& session, bool continueOnError) : session_(session), continueOnError_(continueOnError) {}

    // Runs every statement of `text` (the statement after the last ';' too). Returns false when
    // the run must stop (a failure without --continue, or :quit).
    bool runText(std::string_view text, const StatementOrigin& origin);
    // Runs statements as lines arrive from `in`; throws InputError on a line that is not UTF-8.
    bool runStream(std::istream& in, const StatementOrigin& origin);

    bool anyFailed() const { return failed_; }

private:
    // Returns false when the run must stop.
    bool runStatement(const ScriptStatement& statement, const StatementOrigin& origin, size_t index);

    Session& session_;
    bool continueOnError_;
    bool failed_ = false;
};

} // namespace newsgraph
