#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "query/database.hpp"

namespace newsgraph {

// What Tab offers for the word before the cursor.
struct Completion {
    size_t start = 0;                    // where the word being completed starts in the line
    std::vector<std::string> candidates; // replacements for line[start, cursor), sorted, unique
    char suffix = '\0';                  // appended when exactly one candidate is left: ' ', '(' or none
};

// Candidates for the word that ends at the end of `beforeCursor` (the line up to the cursor):
// after ':' labels (inside '(') or relationship types (inside '['), after '.' property keys,
// after '$' parameter names, ':' commands at the start of a statement, else keywords and
// functions. `statementStart` says whether the line begins a new statement (so ':' starts a
// command). Names that are not plain identifiers come back in `backticks`.
Completion completeWord(std::string_view beforeCursor, bool statementStart, const Graph& graph,
                        const Parameters& parameters);

// The longest prefix all candidates share.
std::string commonPrefix(const std::vector<std::string>& candidates);

// The Cypher keywords Tab completes, upper case.
const std::vector<std::string>& cypherKeywords();
// Built-in function names (scalar and aggregate), canonical spelling.
const std::vector<std::string>& functionNames();

} // namespace newsgraph
