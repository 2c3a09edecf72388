#include "tests/tck/tck_steps.hpp"

#include <charconv>

namespace newsgraph::tck {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Drops a leading Given / When / Then / And / But so texts with or without the keyword match.
std::string_view withoutKeyword(std::string_view text) {
    text = trim(text);
    static const std::string_view kKeywords[] = {"Given ", "When ", "Then ", "And ", "But ", "* "};
    for (const std::string_view keyword : kKeywords) {
        if (startsWith(text, keyword)) {
            return trim(text.substr(keyword.size()));
        }
    }
    return text;
}

std::optional<StepInfo> classifyResultStep(std::string_view text) {
    static const std::string_view kPrefix = "the result should be";
    if (!startsWith(text, kPrefix)) {
        return std::nullopt;
    }
    std::string_view rest = trim(text.substr(kPrefix.size()));
    StepInfo info;
    if (rest == "empty") {
        info.kind = StepKind::ExpectEmpty;
        return info;
    }
    if (rest.empty() || rest.back() != ':') {
        return std::nullopt;
    }
    rest = trim(rest.substr(0, rest.size() - 1));
    static const std::string_view kIgnoring = "(ignoring element order for lists)";
    if (rest.size() >= kIgnoring.size() && rest.substr(rest.size() - kIgnoring.size()) == kIgnoring) {
        info.listOrder = ListOrder::Ignored;
        rest = trim(rest.substr(0, rest.size() - kIgnoring.size()));
    }
    if (rest == ", in order") {
        info.rowOrder = RowOrder::Ordered;
    } else if (rest == ", in any order" || rest.empty()) {
        info.rowOrder = RowOrder::Any;
    } else {
        return std::nullopt;
    }
    info.kind = StepKind::ExpectResult;
    return info;
}

std::optional<int64_t> parseCount(std::string_view text) {
    text = trim(text);
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

} // namespace

const char* stepKindName(StepKind kind) {
    switch (kind) {
    case StepKind::EmptyGraph: return "empty graph";
    case StepKind::AnyGraph: return "any graph";
    case StepKind::NamedGraph: return "named graph";
    case StepKind::HavingExecuted: return "having executed";
    case StepKind::Parameters: return "parameters";
    case StepKind::Procedure: return "procedure";
    case StepKind::ExecuteQuery: return "executing query";
    case StepKind::ExecuteControlQuery: return "executing control query";
    case StepKind::ExpectResult: return "expect result";
    case StepKind::ExpectEmpty: return "expect empty result";
    case StepKind::ExpectError: return "expect error";
    case StepKind::NoSideEffects: return "no side effects";
    case StepKind::SideEffects: return "side effects";
    case StepKind::Unknown: return "unknown";
    }
    return "unknown";
}

const char* errorPhaseName(ErrorPhase phase) {
    switch (phase) {
    case ErrorPhase::CompileTime: return "compile time";
    case ErrorPhase::Runtime: return "runtime";
    case ErrorPhase::AnyTime: return "any time";
    }
    return "unknown";
}

StepInfo classifyStep(std::string_view text) {
    text = withoutKeyword(text);
    StepInfo info;
    if (text == "an empty graph") {
        info.kind = StepKind::EmptyGraph;
        return info;
    }
    if (text == "any graph") {
        info.kind = StepKind::AnyGraph;
        return info;
    }
    if (startsWith(text, "the ") && text.size() > 10 && text.substr(text.size() - 6) == " graph") {
        info.kind = StepKind::NamedGraph;
        info.argument = std::string(trim(text.substr(4, text.size() - 10)));
        return info;
    }
    if (text == "having executed:") {
        info.kind = StepKind::HavingExecuted;
        return info;
    }
    if (text == "parameters are:") {
        info.kind = StepKind::Parameters;
        return info;
    }
    if (startsWith(text, "there exists a procedure ")) {
        info.kind = StepKind::Procedure;
        std::string_view signature = trim(text.substr(25));
        if (!signature.empty() && signature.back() == ':') {
            signature = trim(signature.substr(0, signature.size() - 1));
        }
        info.argument = std::string(signature);
        return info;
    }
    if (text == "executing query:") {
        info.kind = StepKind::ExecuteQuery;
        return info;
    }
    if (text == "executing control query:") {
        info.kind = StepKind::ExecuteControlQuery;
        return info;
    }
    if (text == "no side effects") {
        info.kind = StepKind::NoSideEffects;
        return info;
    }
    if (text == "the side effects should be:") {
        info.kind = StepKind::SideEffects;
        return info;
    }
    if (std::optional<StepInfo> result = classifyResultStep(text)) {
        return *result;
    }
    if (std::optional<ErrorExpectation> error = parseErrorStep(text)) {
        info.kind = StepKind::ExpectError;
        info.error = std::move(*error);
        return info;
    }
    return info;
}

std::optional<ErrorExpectation> parseErrorStep(std::string_view text) {
    text = withoutKeyword(text);
    static const std::string_view kMiddle = " should be raised at ";
    if (startsWith(text, "an ")) {
        text.remove_prefix(3);
    } else if (startsWith(text, "a ")) {
        text.remove_prefix(2);
    } else {
        return std::nullopt;
    }
    const size_t middle = text.find(kMiddle);
    if (middle == std::string_view::npos || middle == 0) {
        return std::nullopt;
    }
    ErrorExpectation error;
    error.kind = std::string(trim(text.substr(0, middle)));
    std::string_view rest = text.substr(middle + kMiddle.size());
    const size_t colon = rest.find(':');
    const std::string_view phase = trim(rest.substr(0, colon));
    if (colon != std::string_view::npos) {
        error.detail = std::string(trim(rest.substr(colon + 1)));
    }
    if (phase == "compile time") {
        error.phase = ErrorPhase::CompileTime;
    } else if (phase == "runtime") {
        error.phase = ErrorPhase::Runtime;
    } else if (phase == "any time") {
        error.phase = ErrorPhase::AnyTime;
    } else {
        return std::nullopt;
    }
    if (error.kind.find(' ') != std::string::npos) {
        return std::nullopt;
    }
    return error;
}

std::string SideEffects::toString() const {
    const std::pair<const char*, int64_t> counters[] = {
        {"+nodes", nodesCreated},           {"-nodes", nodesDeleted},
        {"+relationships", relationshipsCreated}, {"-relationships", relationshipsDeleted},
        {"+properties", propertiesSet},     {"-properties", propertiesRemoved},
        {"+labels", labelsAdded},           {"-labels", labelsRemoved},
    };
    std::string out;
    for (const auto& [name, count] : counters) {
        if (count == 0) {
            continue;
        }
        out += out.empty() ? "" : ", ";
        out += std::string(name) + " " + std::to_string(count);
    }
    return out.empty() ? "none" : out;
}

SideEffectsParse parseSideEffects(const DataTable& table) {
    SideEffectsParse parse;
    SideEffects effects;
    for (const std::vector<std::string>& row : table.rows) {
        if (row.size() != 2) {
            parse.error = "side-effect row needs 2 cells, has " + std::to_string(row.size());
            return parse;
        }
        const std::optional<int64_t> count = parseCount(row[1]);
        if (!count) {
            parse.error = "bad side-effect count '" + row[1] + "'";
            return parse;
        }
        const std::string& key = row[0];
        int64_t* counter = nullptr;
        if (key == "+nodes") {
            counter = &effects.nodesCreated;
        } else if (key == "-nodes") {
            counter = &effects.nodesDeleted;
        } else if (key == "+relationships") {
            counter = &effects.relationshipsCreated;
        } else if (key == "-relationships") {
            counter = &effects.relationshipsDeleted;
        } else if (key == "+properties") {
            counter = &effects.propertiesSet;
        } else if (key == "-properties") {
            counter = &effects.propertiesRemoved;
        } else if (key == "+labels") {
            counter = &effects.labelsAdded;
        } else if (key == "-labels") {
            counter = &effects.labelsRemoved;
        }
        if (counter == nullptr) {
            parse.error = "unknown side effect '" + key + "'";
            return parse;
        }
        *counter = *count;
    }
    parse.effects = effects;
    return parse;
}

ExpectedResultParse parseExpectedResult(const DataTable& table) {
    ExpectedResultParse parse;
    if (table.rows.empty()) {
        parse.error = "result table without a header";
        return parse;
    }
    ExpectedResult result;
    result.columns = table.rows.front();
    for (size_t r = 1; r < table.rows.size(); ++r) {
        const std::vector<std::string>& cells = table.rows[r];
        if (cells.size() != result.columns.size()) {
            parse.error = "result row " + std::to_string(r) + " has " + std::to_string(cells.size()) +
                          " cells, header has " + std::to_string(result.columns.size());
            return parse;
        }
        std::vector<TckValue> row;
        row.reserve(cells.size());
        for (const std::string& cell : cells) {
            TckParseResult value = parseTckValue(cell);
            if (!value.value) {
                parse.error = "result row " + std::to_string(r) + ": " + value.error;
                return parse;
            }
            row.push_back(std::move(*value.value));
        }
        result.rows.push_back(std::move(row));
    }
    parse.result = std::move(result);
    return parse;
}

ParametersParse parseParameters(const DataTable& table) {
    ParametersParse parse;
    std::vector<std::pair<std::string, TckValue>> parameters;
    for (const std::vector<std::string>& row : table.rows) {
        if (row.size() != 2) {
            parse.error = "parameter row needs 2 cells, has " + std::to_string(row.size());
            return parse;
        }
        TckParseResult value = parseTckValue(row[1]);
        if (!value.value) {
            parse.error = "parameter '" + row[0] + "': " + value.error;
            return parse;
        }
        parameters.emplace_back(row[0], std::move(*value.value));
    }
    parse.parameters = std::move(parameters);
    return parse;
}

} // namespace newsgraph::tck
