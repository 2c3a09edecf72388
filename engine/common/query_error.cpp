#include "engine/common/query_error.hpp"

#include <fmt/format.h>

namespace newsgraph {

QueryError::QueryError(std::string kind, QueryPhase phase, std::string detail, const std::string& message,
                       SourcePosition position)
    : Exception(std::move(kind), message), phase_(phase), detail_(std::move(detail)), position_(position) {}

const char* phaseName(QueryPhase phase) {
    return phase == QueryPhase::CompileTime ? "compile time" : "runtime";
}

std::string QueryError::render(std::string_view query) const {
    std::string out = fmt::format("{}: {}", kind(), what());
    if (!position_.known()) {
        return out;
    }
    out += fmt::format(" (line {}, column {})", position_.line, position_.column);
    // Find the offending line.
    size_t start = 0;
    for (uint32_t line = 1; line < position_.line; ++line) {
        const size_t newline = query.find('\n', start);
        if (newline == std::string_view::npos) {
            return out;
        }
        start = newline + 1;
    }
    const size_t end = query.find('\n', start);
    const std::string_view text = query.substr(start, end == std::string_view::npos ? query.size() - start : end - start);
    // Columns count characters (UTF-8 code points), so the caret is placed by counting code points.
    std::string padding;
    uint32_t column = 1;
    for (size_t i = 0; i < text.size() && column < position_.column; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if ((byte & 0xC0U) == 0x80U) {
            continue;
        }
        padding.push_back(text[i] == '\t' ? '\t' : ' ');
        ++column;
    }
    out += fmt::format("\n  {}\n  {}^", text, padding);
    return out;
}

QueryError syntaxError(std::string detail, const std::string& message, SourcePosition position) {
    return QueryError("SyntaxError", QueryPhase::CompileTime, std::move(detail), message, position);
}

QueryError typeError(std::string detail, const std::string& message, SourcePosition position) {
    return QueryError("TypeError", QueryPhase::Runtime, std::move(detail), message, position);
}

QueryError argumentError(std::string detail, const std::string& message, SourcePosition position) {
    return QueryError("ArgumentError", QueryPhase::Runtime, std::move(detail), message, position);
}

} // namespace newsgraph
