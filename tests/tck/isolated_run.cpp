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

// The outcome on the wire: P or F, then the message and each note as `<length>\n<bytes>`.
std::string encode(const ScenarioOutcome& outcome) {
    std::string out(1, outcome.passed ? 'P' : 'F');
    const auto field = [&out](const std::string& text) {
        out += std::to_string(text.size());
        out += '\n';
        out += text;
    };
    field(outcome.message);
    out += std::to_string(outcome.notes.size());
    out += '\n';
    for (const std::string& note : outcome.notes) {
        field(note);
    }
    return out;
}

class Decoder {
public:
    explicit Decoder(const std::string& data) : data_(data) {}

    std::optional<ScenarioOutcome> decode() {
        if (data_.empty() || (data_[0] != 'P' && data_[0] != 'F')) {
            return std::nullopt;
        }
        ScenarioOutcome outcome;
        outcome.passed = data_[0] == 'P';
        pos_ = 1;
        std::optional<std::string> message = field();
        std::optional<size_t> count = number();
        if (!message || !count) {
            return std::nullopt;
        }
        outcome.message = std::move(*message);
        for (size_t i = 0; i < *count; ++i) {
            std::optional<std::string> note = field();
            if (!note) {
                return std::nullopt;
            }
            outcome.notes.push_back(std::move(*note));
        }
        return outcome;
    }

private:
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

    const std::string& data_;
    size_t pos_ = 0;
};

void writeAll(int fd, const std::string& data) {
    size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        written += static_cast<size_t>(n);
    }
}

std::string readAll(int fd) {
    std::string data;
    char buffer[4096];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return data;
        }
        data.append(buffer, static_cast<size_t>(n));
    }
}

[[noreturn]] void runChild(const ScenarioRunner& runner, const Scenario& scenario, unsigned timeoutSeconds,
                           int fd) {
    if (timeoutSeconds > 0) {
        ::alarm(timeoutSeconds); // SIGALRM's default action ends the child
    }
    const ScenarioOutcome outcome = runner.run(scenario);
    writeAll(fd, encode(outcome));
    ::close(fd);
    ::_exit(0); // no atexit handlers, no flushing of the parent's copied stdio buffers
}

} // namespace

ScenarioOutcome runIsolated(const ScenarioRunner& runner, const Scenario& scenario, unsigned timeoutSeconds) {
    int fds[2];
    if (::pipe(fds) != 0) {
        return runner.run(scenario);
    }
    std::cout.flush();
    std::cerr.flush();
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return runner.run(scenario);
    }
    if (child == 0) {
        ::close(fds[0]);
        runChild(runner, scenario, timeoutSeconds, fds[1]);
    }
    ::close(fds[1]);
    const std::string data = readAll(fds[0]);
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }

    ScenarioOutcome outcome;
    if (WIFSIGNALED(status)) {
        const int signal = WTERMSIG(status);
        outcome.message = signal == SIGALRM && timeoutSeconds > 0
                              ? "timed out after " + std::to_string(timeoutSeconds) + " s"
                              : "crashed with signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
        return outcome;
    }
    std::optional<ScenarioOutcome> decoded = Decoder(data).decode();
    if (!decoded) {
        outcome.message = "the scenario process exited with status " +
                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + " and no outcome";
        return outcome;
    }
    return std::move(*decoded);
}

} // namespace newsgraph::tck
