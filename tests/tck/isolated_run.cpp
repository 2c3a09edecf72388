#include "tests/tck/isolated_run.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace newsgraph::tck {

namespace {

void appendField(std::string& out, const std::string& text) {
    out += std::to_string(text.size());
    out += '\n';
    out += text;
}

// One outcome on the wire: `<length>\n` then the payload: the scenario index, P or F, the
// message and the notes, each field written as `<length>\n<bytes>`.
std::string encodeFrame(size_t index, const ScenarioOutcome& outcome) {
    std::string payload = std::to_string(index);
    payload += '\n';
    payload += outcome.passed ? 'P' : 'F';
    appendField(payload, outcome.message);
    payload += std::to_string(outcome.notes.size());
    payload += '\n';
    for (const std::string& note : outcome.notes) {
        appendField(payload, note);
    }
    std::string frame;
    appendField(frame, payload);
    return frame;
}

// Reads the fields of encodeFrame back; every read checks bounds.
class Reader {
public:
    explicit Reader(const std::string& data, size_t pos = 0) : data_(data), pos_(pos) {}

    size_t pos() const { return pos_; }

    std::optional<size_t> number() {
        const size_t end = data_.find('\n', pos_);
        if (end == std::string::npos || end == pos_ || end - pos_ > 18) {
            return std::nullopt;
        }
        size_t value = 0;
        for (size_t i = pos_; i < end; ++i) {
            if (data_[i] < '0' || data_[i] > '9') {
                return std::nullopt;
            }
            value = value * 10 + static_cast<size_t>(data_[i] - '0');
        }
        pos_ = end + 1;
        return value;
    }

    std::optional<std::string> field() {
        const std::optional<size_t> size = number();
        if (!size || *size > data_.size() - pos_) {
            return std::nullopt;
        }
        std::string text = data_.substr(pos_, *size);
        pos_ += *size;
        return text;
    }

    std::optional<char> byte() {
        if (pos_ >= data_.size()) {
            return std::nullopt;
        }
        return data_[pos_++];
    }

private:
    const std::string& data_;
    size_t pos_;
};

struct Frame {
    size_t index = 0;
    ScenarioOutcome outcome;
};

std::optional<Frame> decodePayload(const std::string& payload) {
    Reader reader(payload);
    Frame frame;
    const std::optional<size_t> index = reader.number();
    const std::optional<char> verdict = reader.byte();
    if (!index || !verdict || (*verdict != 'P' && *verdict != 'F')) {
        return std::nullopt;
    }
    frame.index = *index;
    frame.outcome.passed = *verdict == 'P';
    std::optional<std::string> message = reader.field();
    const std::optional<size_t> notes = reader.number();
    if (!message || !notes) {
        return std::nullopt;
    }
    frame.outcome.message = std::move(*message);
    for (size_t i = 0; i < *notes; ++i) {
        std::optional<std::string> note = reader.field();
        if (!note) {
            return std::nullopt;
        }
        frame.outcome.notes.push_back(std::move(*note));
    }
    return frame;
}

bool writeAll(int fd, const std::string& data) {
    size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        written += static_cast<size_t>(n);
    }
    return true;
}

[[noreturn]] void runWorker(const ScenarioRunner& runner, const std::vector<const Scenario*>& scenarios, size_t first,
                            unsigned timeoutSeconds, int fd) {
    for (size_t i = first; i < scenarios.size(); ++i) {
        if (timeoutSeconds > 0) {
            ::alarm(timeoutSeconds); // SIGALRM's default action ends the worker
        }
        const ScenarioOutcome outcome = runner.run(*scenarios[i]);
        ::alarm(0);
        if (!writeAll(fd, encodeFrame(i, outcome))) {
            break;
        }
    }
    ::close(fd);
    ::_exit(0); // no atexit handlers, no flushing of stdio buffers copied from the parent
}

std::string deathReason(int status, unsigned timeoutSeconds) {
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        if (signal == SIGALRM && timeoutSeconds > 0) {
            return "timed out after " + std::to_string(timeoutSeconds) + " s";
        }
        return "crashed with signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
    }
    if (WIFEXITED(status)) {
        return "the worker process exited with status " + std::to_string(WEXITSTATUS(status)) +
               " during this scenario";
    }
    return "the worker process ended during this scenario";
}

// Runs one worker from scenario `next` on; returns the index after the last reported outcome.
// Nothing when no worker could be started.
std::optional<size_t> runOneWorker(const ScenarioRunner& runner, const std::vector<const Scenario*>& scenarios,
                                   size_t next, unsigned timeoutSeconds, const OutcomeCallback& onOutcome) {
    int fds[2];
    if (::pipe(fds) != 0) {
        return std::nullopt;
    }
    std::cout.flush();
    std::cerr.flush();
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return std::nullopt;
    }
    if (child == 0) {
        ::close(fds[0]);
        runWorker(runner, scenarios, next, timeoutSeconds, fds[1]);
    }
    ::close(fds[1]);

    std::string buffer;
    size_t consumed = 0;
    bool corrupt = false;
    char chunk[65536];
    while (!corrupt) {
        const ssize_t n = ::read(fds[0], chunk, sizeof(chunk));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        buffer.append(chunk, static_cast<size_t>(n));
        // Hand over every complete frame.
        while (true) {
            Reader reader(buffer, consumed);
            const std::optional<std::string> payload = reader.field();
            if (!payload) {
                break; // incomplete (or, if never completed, corrupt: judged at EOF)
            }
            const std::optional<Frame> frame = decodePayload(*payload);
            if (!frame || frame->index != next) {
                corrupt = true;
                break;
            }
            consumed = reader.pos();
            onOutcome(frame->index, frame->outcome);
            ++next;
        }
        if (consumed > (1u << 20)) {
            buffer.erase(0, consumed);
            consumed = 0;
        }
    }
    ::close(fds[0]);
    if (corrupt) {
        ::kill(child, SIGKILL);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (next < scenarios.size()) {
        ScenarioOutcome outcome;
        outcome.message = corrupt ? "the worker process sent a garbled outcome" : deathReason(status, timeoutSeconds);
        onOutcome(next, outcome);
        ++next;
    }
    return next;
}

} // namespace

void runIsolated(const ScenarioRunner& runner, const std::vector<const Scenario*>& scenarios,
                 unsigned timeoutSeconds, const OutcomeCallback& onOutcome) {
    size_t next = 0;
    while (next < scenarios.size()) {
        const std::optional<size_t> after = runOneWorker(runner, scenarios, next, timeoutSeconds, onOutcome);
        if (!after) {
            break;
        }
        next = *after;
    }
    // No worker process available: run the rest here.
    for (; next < scenarios.size(); ++next) {
        onOutcome(next, runner.run(*scenarios[next]));
    }
}

} // namespace newsgraph::tck
