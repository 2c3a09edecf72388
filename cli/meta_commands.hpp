#pragma once

#include <span>
#include <string_view>

#include "cli/session.hpp"

namespace newsgraph {

// A shell command (a line starting with ':').
struct MetaCommand {
    std::string_view name;      // ":schema"
    std::string_view arguments; // "FORMAT PATH", or "" when it takes none
    std::string_view summary;
};

// Every shell command, in :help order.
std::span<const MetaCommand> metaCommands();

// Runs a shell command line (":format csv"). Errors are printed on session.err().
StatementStatus runMetaCommand(Session& session, std::string_view line);

// The :help text.
std::string shellHelpText();

} // namespace newsgraph
