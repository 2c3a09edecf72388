#pragma once

namespace newsgraph {

// While a scope is alive, Ctrl-C (SIGINT) does not end the program: the first one sets
// interruptRequested() and says so on stderr, a second one ends the program as Ctrl-C normally
// does. The shell opens a scope around each statement it runs.
//
// The engine cannot yet be told to stop a running statement (Database::execute takes no cancel
// flag), so an interrupted statement runs to its end and its result is discarded.
class InterruptScope {
public:
    InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
    InterruptScope(InterruptScope&&) = delete;
    InterruptScope& operator=(InterruptScope&&) = delete;
    ~InterruptScope();

    static bool interruptRequested();
};

} // namespace newsgraph
