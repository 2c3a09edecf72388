#include "cli/interrupt.hpp"

#include <atomic>
#include <csignal>
#include <cstring>

#include <unistd.h>

namespace newsgraph {

namespace {

std::atomic<bool> gInterrupted{false};
std::atomic<bool> gPromptInterrupted{false};
struct sigaction gPrevious {};
struct sigaction gBeforePrompt {};

constexpr char kCancelMessage[] = "\nCancelling the statement. Press Ctrl-C again to quit.\n";

void onInterrupt(int signal) {
    if (gInterrupted.exchange(true)) {
        // The second Ctrl-C: end the program the way Ctrl-C does.
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    const ssize_t written = ::write(STDERR_FILENO, kCancelMessage, sizeof(kCancelMessage) - 1);
    static_cast<void>(written);
}

void onPromptInterrupt(int /*signal*/) {
    gPromptInterrupted.store(true);
}

} // namespace

PromptInterrupts::PromptInterrupts() {
    gPromptInterrupted.store(false);
    struct sigaction action {};
    action.sa_handler = onPromptInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &gBeforePrompt);
}

PromptInterrupts::~PromptInterrupts() {
    sigaction(SIGINT, &gBeforePrompt, nullptr);
}

bool PromptInterrupts::take() {
    return gPromptInterrupted.exchange(false);
}

InterruptScope::InterruptScope() {
    static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");
    gInterrupted.store(false);
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &gPrevious);
}

InterruptScope::~InterruptScope() {
    sigaction(SIGINT, &gPrevious, nullptr);
}

bool InterruptScope::interruptRequested() {
    return gInterrupted.load();
}

const std::atomic<bool>* InterruptScope::flag() {
    return &gInterrupted;
}

} // namespace newsgraph
