#include "cli/completion.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "cli/meta_commands.hpp"
#include "engine/function/aggregate_functions.hpp"
#include "engine/function/scalar_functions.hpp"
#include "query/procedure/procedure.hpp"

namespace newsgraph {

namespace {

enum class WordKind : uint8_t { Keyword, Label, Type, LabelOrType, Key, Parameter, Command };

bool isWordChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool isIdentifier(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
    });
}

std::string escapeName(const std::string& name) {
    if (isIdentifier(name)) {
        return name;
    }
    std::string out = "`";
    for (char c : name) {
        out += c == '`' ? "``" : std::string(1, c);
    }
    return out + "`";
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
    if (prefix.size() > text.size()) {
        return false;
    }
    for (size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

// The innermost bracket, '(' or '[', that is open at the end of `text` (strings skipped), or '\0'.
char openBracket(std::string_view text) {
    std::vector<char> open;
    char quote = '\0';
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote != '\0') {
            if (c == '\\' && quote != '`') {
                ++i;
            } else if (c == quote) {
                quote = '\0';
            }
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            open.push_back(c);
        } else if ((c == ')' || c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
    }
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
        if (*it == '(' || *it == '[') {
            return *it;
        }
    }
    return '\0';
}

void addNames(std::vector<std::string>& out, std::string_view prefix, const std::vector<std::string>& names,
              std::string_view lead = "") {
    for (const std::string& name : names) {
        const std::string escaped = escapeName(name);
        if (startsWithIgnoringCase(escaped, prefix)) {
            out.push_back(std::string(lead) + escaped);
        }
    }
}

std::vector<std::string> labelNames(const Graph& graph) {
    std::vector<std::string> names;
    for (LabelId label = 0; label < graph.catalog().labelCount(); ++label) {
        names.push_back(graph.catalog().labelName(label));
    }
    return names;
}

std::vector<std::string> typeNames(const Graph& graph) {
    std::vector<std::string> names;
    for (TypeId type = 0; type < graph.catalog().typeCount(); ++type) {
        names.push_back(graph.catalog().typeName(type));
    }
    return names;
}

std::vector<std::string> keyNames(const Graph& graph) {
    std::vector<std::string> names;
    for (PropertyKeyId key = 0; key < graph.catalog().keyCount(); ++key) {
        names.push_back(graph.catalog().keyName(key));
    }
    return names;
}

} // namespace

const std::vector<std::string>& cypherKeywords() {
    static const std::vector<std::string> keywords = [] {
        std::vector<std::string> words{
            "ALL",     "AND",   "AS",       "ASC",     "ASCENDING", "BY",     "CALL",   "CASE",   "CONTAINS", "CREATE",
            "DELETE",  "DESC",  "DESCENDING", "DETACH", "DISTINCT", "ELSE",  "END",    "ENDS",     "EXISTS",
            "EXPLAIN", "FALSE", "IN",       "IS",      "LIMIT",     "MATCH",  "MERGE",  "NOT",      "NULL",
            "ON",      "OPTIONAL", "OR",    "ORDER",   "REMOVE",    "RETURN", "SET",    "SKIP",     "STARTS",
            "THEN",    "TRUE",  "UNION",    "UNWIND",  "WHEN",      "WHERE",  "WITH",   "XOR",      "YIELD"};
        std::sort(words.begin(), words.end());
        return words;
    }();
    return keywords;
}

const std::vector<std::string>& functionNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const ScalarFunction& function : scalarFunctions()) {
            out.emplace_back(function.name);
        }
        for (const char* aggregate : {"avg", "collect", "count", "max", "min", "percentileCont", "percentileDisc",
                                      "stDev", "stDevP", "sum"}) {
            if (isAggregateFunction(aggregate)) {
                out.emplace_back(aggregate);
            }
        }
        out.emplace_back("shortestPath");
        out.emplace_back("allShortestPaths");
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return names;
}

// After CALL: the dotted procedure name being typed (`algo.pa`), else nothing.
std::optional<size_t> procedureNameStart(std::string_view beforeCursor) {
    size_t start = beforeCursor.size();
    while (start > 0 && (isWordChar(beforeCursor[start - 1]) || beforeCursor[start - 1] == '.')) {
        --start;
    }
    size_t end = start;
    while (end > 0 && (beforeCursor[end - 1] == ' ' || beforeCursor[end - 1] == '\t' || beforeCursor[end - 1] == '\n')) {
        --end;
    }
    constexpr std::string_view kCall = "CALL";
    if (end == start || end < kCall.size()) {
        return std::nullopt;
    }
    const std::string_view keyword = beforeCursor.substr(end - kCall.size(), kCall.size());
    const bool isCall = std::equal(keyword.begin(), keyword.end(), kCall.begin(), [](char a, char b) {
        return std::toupper(static_cast<unsigned char>(a)) == b;
    });
    if (!isCall || (end > kCall.size() && isWordChar(beforeCursor[end - kCall.size() - 1]))) {
        return std::nullopt;
    }
    return start;
}

std::string commonPrefix(const std::vector<std::string>& candidates) {
    if (candidates.empty()) {
        return "";
    }
    std::string prefix = candidates.front();
    for (const std::string& candidate : candidates) {
        size_t same = 0;
        while (same < prefix.size() && same < candidate.size() && prefix[same] == candidate[same]) {
            ++same;
        }
        prefix.resize(same);
    }
    // Never end inside a UTF-8 sequence: drop an incomplete last code point.
    size_t lead = prefix.size();
    while (lead > 0 && (static_cast<unsigned char>(prefix[lead - 1]) & 0xC0U) == 0x80U) {
        --lead;
    }
    if (lead > 0) {
        const auto byte = static_cast<unsigned char>(prefix[lead - 1]);
        const size_t length = byte >= 0xF0U ? 4 : byte >= 0xE0U ? 3 : byte >= 0xC0U ? 2 : 1;
        if (prefix.size() - (lead - 1) < length) {
            prefix.resize(lead - 1);
        }
    }
    return prefix;
}

Completion completeWord(std::string_view beforeCursor, bool statementStart, const Graph& graph,
                        const Parameters& parameters) {
    Completion completion;
    if (const std::optional<size_t> procedureStart = procedureNameStart(beforeCursor)) {
        completion.start = *procedureStart;
        const std::string_view typed = beforeCursor.substr(*procedureStart);
        for (const Procedure* procedure : builtinProcedures().all()) {
            if (procedure->signature().name.starts_with(typed)) {
                completion.candidates.push_back(procedure->signature().name);
            }
        }
        completion.suffix = '(';
        return completion;
    }
    size_t start = beforeCursor.size();
    while (start > 0 && isWordChar(beforeCursor[start - 1])) {
        --start;
    }
    const std::string_view word = beforeCursor.substr(start);
    const char before = start > 0 ? beforeCursor[start - 1] : '\0';
    const std::string_view head = beforeCursor.substr(0, start == 0 ? 0 : start - 1);
    const bool lineIsBlankBefore =
        std::all_of(head.begin(), head.end(), [](char c) { return c == ' ' || c == '\t'; });

    WordKind kind = WordKind::Keyword;
    if (before == ':' && statementStart && lineIsBlankBefore) {
        kind = WordKind::Command;
    } else if (before == ':') {
        const char bracket = openBracket(head);
        kind = bracket == '(' ? WordKind::Label : bracket == '[' ? WordKind::Type : WordKind::LabelOrType;
    } else if (before == '.') {
        const bool number = !head.empty() && std::isdigit(static_cast<unsigned char>(head.back())) != 0 &&
                            (word.empty() || std::isdigit(static_cast<unsigned char>(word.front())) != 0);
        if (number) {
            return completion;
        }
        kind = WordKind::Key;
    } else if (before == '$') {
        kind = WordKind::Parameter;
    }

    completion.start = start;
    std::vector<std::string>& out = completion.candidates;
    switch (kind) {
    case WordKind::Command:
        completion.start = start - 1;
        for (const MetaCommand& command : metaCommands()) {
            if (command.name.substr(1).starts_with(word)) {
                out.emplace_back(command.name);
            }
        }
        completion.suffix = ' ';
        break;
    case WordKind::Label: addNames(out, word, labelNames(graph)); break;
    case WordKind::Type: addNames(out, word, typeNames(graph)); break;
    case WordKind::LabelOrType:
        addNames(out, word, labelNames(graph));
        addNames(out, word, typeNames(graph));
        break;
    case WordKind::Key: addNames(out, word, keyNames(graph)); break;
    case WordKind::Parameter: {
        std::vector<std::string> names;
        for (const auto& parameter : parameters) {
            names.push_back(parameter.first);
        }
        addNames(out, word, names);
        break;
    }
    case WordKind::Keyword:
        if (word.empty() || std::isdigit(static_cast<unsigned char>(word.front())) != 0) {
            return completion;
        }
        addNames(out, word, cypherKeywords());
        addNames(out, word, functionNames());
        // One kind of candidate decides the suffix: keywords take a space, functions '('.
        if (out.size() == 1) {
            const bool keyword = std::binary_search(cypherKeywords().begin(), cypherKeywords().end(), out.front());
            completion.suffix = keyword ? ' ' : '(';
        }
        break;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return completion;
}

} // namespace newsgraph
