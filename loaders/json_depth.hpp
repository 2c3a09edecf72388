#pragma once

// JSON documents are parsed by nlohmann::json, whose parser keeps its own stack but whose copies,
// comparisons and dumps recurse once per nesting level: a document nested deeply enough (a MISP
// `meta` of a million `[`) would overflow the stack after parsing. Loaders check the depth first,
// in one pass over the text, and reject such a file by name and line.

#include <cstddef>
#include <optional>
#include <string_view>

namespace newsgraph {

// The deepest nesting of arrays and objects a loader accepts; real galaxy and STIX files stay
// under 10.
inline constexpr size_t kMaxJsonDepth = 256;

// The byte offset of the first `[` or `{` (outside strings) that opens level limit + 1, or none.
inline std::optional<size_t> jsonTooDeepAt(std::string_view text, size_t limit = kMaxJsonDepth) {
    size_t depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) {
                return i;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

} // namespace newsgraph
