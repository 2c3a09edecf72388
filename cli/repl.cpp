#include "cli/repl.hpp"

#include <climits>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include <histedit.h>
#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/completion.hpp"
#include "cli/formatters/text.hpp"
#include "cli/interrupt.hpp"
#include "cli/statement_splitter.hpp"
#include "engine/common/utf8.hpp"

namespace newsgraph {

namespace {

constexpr int kHistorySize = 1000;
constexpr const char* kHistoryFileName = ".newsgraph_history";
constexpr const char* kPrompt = "newsgraph> ";
constexpr const char* kContinuationPrompt = "        -> ";
constexpr size_t kListColumnsWidth = 80;

// What the libedit callbacks need; reached through EL_CLIENTDATA.
struct ReplState {
    Session* session = nullptr;
    StatementSplitter splitter;
    bool interrupted = false;
};

ReplState* stateOf(EditLine* editor) {
    void* data = nullptr;
    el_get(editor, EL_CLIENTDATA, &data);
    return static_cast<ReplState*>(data);
}

char* prompt(EditLine* editor) {
    static std::string text;
    text = stateOf(editor)->splitter.pending() ? kContinuationPrompt : kPrompt;
    return text.data();
}

// Ctrl-C while typing: show ^C, end the line, and have the loop drop it and the statement so far.
unsigned char interruptInput(EditLine* editor, int /*key*/) {
    stateOf(editor)->interrupted = true;
    el_cursor(editor, INT_MAX / 2);
    el_insertstr(editor, "^C");
    el_push(editor, "\n");
    return CC_REFRESH;
}

// Ctrl-Z while typing: suspend as the terminal would (libedit restores the terminal, EL_SIGNAL).
unsigned char suspend(EditLine* /*editor*/, int /*key*/) {
    std::raise(SIGTSTP);
    return CC_REDISPLAY;
}

void listCandidates(const std::vector<std::string>& candidates) {
    size_t width = 0;
    for (const std::string& candidate : candidates) {
        width = std::max(width, displayWidth(candidate) + 2);
    }
    const size_t columns = std::max<size_t>(1, kListColumnsWidth / std::max<size_t>(width, 1));
    std::string out = "\n";
    for (size_t i = 0; i < candidates.size(); ++i) {
        const std::string& candidate = candidates[i];
        const bool lastInRow = (i + 1) % columns == 0 || i + 1 == candidates.size();
        out += candidate + (lastInRow ? "\n" : std::string(width - displayWidth(candidate), ' '));
    }
    std::cout << out << std::flush;
}

unsigned char complete(EditLine* editor, int /*key*/) {
    ReplState* state = stateOf(editor);
    const LineInfo* line = el_line(editor);
    const std::string_view beforeCursor(line->buffer, static_cast<size_t>(line->cursor - line->buffer));
    const Completion completion = completeWord(beforeCursor, !state->splitter.pending(),
                                               state->session->database().graph(), state->session->parameters());
    if (completion.candidates.empty()) {
        return CC_REFRESH_BEEP;
    }
    const std::string_view word = beforeCursor.substr(completion.start);
    const auto replace = [editor, word](const std::string& text) {
        el_deletestr(editor, static_cast<int>(displayWidth(word)));
        return el_insertstr(editor, text.c_str()) == 0 ? CC_REFRESH : CC_ERROR;
    };
    if (completion.candidates.size() == 1) {
        std::string text = completion.candidates.front();
        if (completion.suffix != '\0') {
            text += completion.suffix;
        }
        return replace(text);
    }
    const std::string prefix = commonPrefix(completion.candidates);
    if (prefix.size() > word.size()) {
        return replace(prefix);
    }
    listCandidates(completion.candidates);
    return CC_REDISPLAY;
}

std::string trimmed(std::string_view text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return "";
    }
    const size_t last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// libedit's editor and history, released in the right order.
class LineEditor {
public:
    explicit LineEditor(ReplState& state) : history_(history_init()), editor_(el_init("newsgraph", stdin, stdout, stderr)) {
        HistEvent event;
        history(history_, &event, H_SETSIZE, kHistorySize);
        history(history_, &event, H_SETUNIQUE, 1);
        historyFile_ = historyFilePath();
        if (!historyFile_.empty()) {
            history(history_, &event, H_LOAD, historyFile_.c_str());
        }
        el_set(editor_, EL_CLIENTDATA, &state);
        el_set(editor_, EL_EDITOR, "emacs");
        el_set(editor_, EL_SIGNAL, 1);
        el_set(editor_, EL_PROMPT, prompt);
        el_set(editor_, EL_HIST, history, history_);
        el_source(editor_, nullptr); // ~/.editrc, as other libedit programs read it
        // The wide EL_ADDFN keeps the names it is given; the narrow one copies them and leaks the
        // copies (libedit's eln.c says so).
        el_wset(editor_, EL_ADDFN, L"ng-complete", L"Complete the word", complete);
        el_set(editor_, EL_BIND, "^I", "ng-complete", nullptr);
        // Ctrl-C reaches the editor as a key (not SIGINT) while a line is typed.
        el_set(editor_, EL_SETTY, "-d", "-isig", nullptr);
        el_wset(editor_, EL_ADDFN, L"ng-interrupt", L"Clear the input", interruptInput);
        el_set(editor_, EL_BIND, "^C", "ng-interrupt", nullptr);
        el_wset(editor_, EL_ADDFN, L"ng-suspend", L"Suspend the shell", suspend);
        el_set(editor_, EL_BIND, "^Z", "ng-suspend", nullptr);
    }
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;
    LineEditor(LineEditor&&) = delete;
    LineEditor& operator=(LineEditor&&) = delete;
    ~LineEditor() {
        el_end(editor_);
        history_end(history_);
    }

    // The next line without its newline, or nothing at the end of input (Ctrl-D).
    std::optional<std::string> readLine() {
        int count = 0;
        const char* line = el_gets(editor_, &count);
        if (line == nullptr || count <= 0) {
            return std::nullopt;
        }
        std::string text(line, static_cast<size_t>(count));
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
            text.pop_back();
        }
        return text;
    }

    void remember(const std::string& entry) {
        HistEvent event;
        history(history_, &event, H_ENTER, entry.c_str());
        if (!historyFile_.empty()) {
            history(history_, &event, H_SAVE, historyFile_.c_str());
        }
    }

private:
    History* history_;
    EditLine* editor_;
    std::string historyFile_;
};

} // namespace

std::string historyFilePath() {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
        const passwd* user = getpwuid(getuid());
        home = user != nullptr ? user->pw_dir : nullptr;
    }
    if (home == nullptr || *home == '\0') {
        return "";
    }
    return fmt::format("{}/{}", home, kHistoryFileName);
}

int runRepl(Session& session, const std::string& welcome) {
    ReplState state;
    state.session = &session;
    const PromptInterrupts promptInterrupts;
    LineEditor editor(state);
    std::cout << welcome << std::flush;
    const StatementOrigin origin{StatementOrigin::Kind::Shell, ""};
    std::string historyEntry; // the lines of the statement under way, joined
    while (true) {
        std::optional<std::string> line = editor.readLine();
        if (!line && PromptInterrupts::take()) {
            // A SIGINT from outside (kill -INT) interrupts the editor's read: start over.
            state.splitter.reset();
            historyEntry.clear();
            continue;
        }
        if (!line) {
            std::cout << "\n";
            break;
        }
        // A Ctrl-C between two lines (a signal, not a key) drops the statement typed before it; the
        // terminal discarded what was typed ahead, so the line just read came after it.
        if (PromptInterrupts::take()) {
            state.splitter.reset();
            historyEntry.clear();
        }
        if (state.interrupted) {
            state.interrupted = false;
            state.splitter.reset();
            historyEntry.clear();
            continue;
        }
        if (const std::optional<size_t> bad = findInvalidUtf8(*line)) {
            std::cerr << fmt::format("InputError: the line is not valid UTF-8 (byte {}); it was ignored\n", *bad + 1);
            continue;
        }
        if (const std::string text = trimmed(*line); !text.empty()) {
            historyEntry += (historyEntry.empty() ? "" : " ") + text;
        }
        for (const ScriptStatement& statement : state.splitter.feedLine(*line)) {
            if (session.run(statement, origin) == StatementStatus::Quit) {
                if (!historyEntry.empty()) {
                    editor.remember(historyEntry);
                }
                return 0;
            }
        }
        if (!state.splitter.pending() && !historyEntry.empty()) {
            editor.remember(historyEntry);
            historyEntry.clear();
        }
    }
    return 0;
}

} // namespace newsgraph
