#include "cli/script_runner.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <sstream>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"

namespace newsgraph {

void checkUtf8(std::string_view text, std::string_view name, uint32_t firstLine) {
    const std::optional<size_t> bad = findInvalidUtf8(text);
    if (!bad) {
        return;
    }
    const std::string_view before = text.substr(0, *bad);
    const auto line = firstLine + static_cast<uint32_t>(std::count(before.begin(), before.end(), '\n'));
    const size_t lineStart = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    throw InputError(fmt::format("{}:{}: not valid UTF-8 (byte 0x{:02x} at byte {} of the line); save the file as UTF-8",
                                 name, line, static_cast<unsigned char>(text[*bad]), *bad - lineStart + 1));
}

std::string readScriptFile(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw InputError(fmt::format("cannot read script '{}': it is a directory", path));
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw InputError(fmt::format("cannot read script '{}': {}", path, std::strerror(errno)));
    }
    std::ostringstream content;
    content << file.rdbuf();
    if (file.bad()) {
        throw InputError(fmt::format("cannot read script '{}': read error", path));
    }
    std::string text = std::move(content).str();
    checkUtf8(text, path);
    return text;
}

bool ScriptRunner::runStatement(const ScriptStatement& statement, const StatementOrigin& origin, size_t index) {
    const StatementStatus status = session_.run(statement, origin, index);
    if (status == StatementStatus::Quit) {
        return false;
    }
    if (status == StatementStatus::Failed) {
        failed_ = true;
        return continueOnError_;
    }
    return true;
}

bool ScriptRunner::runText(std::string_view text, const StatementOrigin& origin) {
    size_t index = 0;
    for (const ScriptStatement& statement : splitStatements(text)) {
        if (!runStatement(statement, origin, ++index)) {
            return false;
        }
    }
    return true;
}

bool ScriptRunner::runStream(std::istream& in, const StatementOrigin& origin) {
    StatementSplitter splitter;
    std::string line;
    uint32_t lineNumber = 0;
    size_t index = 0;
    while (std::getline(in, line)) {
        checkUtf8(line, origin.name, ++lineNumber);
        for (const ScriptStatement& statement : splitter.feedLine(line)) {
            if (!runStatement(statement, origin, ++index)) {
                return false;
            }
        }
    }
    if (const std::optional<ScriptStatement> last = splitter.finish()) {
        return runStatement(*last, origin, ++index);
    }
    return true;
}

} // namespace newsgraph
