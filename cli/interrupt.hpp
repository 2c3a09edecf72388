#pragma once

#include <atomic>

namespace newsgraph {

// While a scope is alive, Ctrl-C (SIGINT) does not end the program: the first one sets
// interruptRequested() and says so on stderr, a second one ends the program as Ctrl-C normally
// does. The shell opens a scope around each statement it runs and hands flag() to the engine,
// which stops the statement at its next check (ExecuteOptions::cancelled).
class InterruptScope {
public:
    InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;
    InterruptScope(InterruptScope&&) = delete;
    InterruptScope& operator=(InterruptScope&&) = delete;
    ~InterruptScope();

    static bool interruptRequested();
    // The flag the signal handler sets: what Database::execute polls.
    static const std::atomic<bool>* flag();
};

// While the shell waits for input, Ctrl-C normally reaches the line editor as a key. In the
// moments between two lines the terminal is in its normal mode, where Ctrl-C is a signal: while a
// PromptInterrupts is alive such a signal only sets a flag (the shell then drops the statement
// being typed) instead of ending the program.
class PromptInterrupts {
public:
    PromptInterrupts();
    PromptInterrupts(const PromptInterrupts&) = delete;
    PromptInterrupts& operator=(const PromptInterrupts&) = delete;
    PromptInterrupts(PromptInterrupts&&) = delete;
    PromptInterrupts& operator=(PromptInterrupts&&) = delete;
    ~PromptInterrupts();

    // Whether Ctrl-C came since the last call.
    static bool take();
};

} // namespace newsgraph
