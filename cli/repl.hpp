#pragma once

#include <string>

#include "cli/session.hpp"

namespace newsgraph {

// The interactive shell on the terminal: libedit line editing, history in ~/.newsgraph_history,
// multi-line statements ended by ';', Tab completion, shell commands. Ctrl-C clears the input,
// Ctrl-D (on an empty line) or :quit leaves. Prints `welcome` first; returns the exit status.
int runRepl(Session& session, const std::string& welcome);

// The history file: $HOME/.newsgraph_history, or "" when there is no home folder.
std::string historyFilePath();

} // namespace newsgraph
