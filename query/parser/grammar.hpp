#pragma once

#include <string>
#include <string_view>

#include "engine/common/query_error.hpp"
#include "query/parser/ast.hpp"

namespace newsgraph::syntax {

// Where tagged AST nodes start and end, by their position_tagged ids (filled while parsing): a
// node's id_first maps to the offset of its first character, its id_last to the offset just past
// its last character.
class PositionTable {
public:
    void set(int id, size_t offset);
    // Byte offset of the node with `id` in the query text; 0 when unknown.
    size_t offset(int id) const;
    bool contains(int id) const { return id >= 0 && static_cast<size_t>(id) < offsets_.size(); }
    size_t size() const { return offsets_.size(); }
    // Start and end offsets of a tagged node (0 when it was not tagged).
    size_t start(const x3::position_tagged& node) const { return offset(node.id_first); }
    size_t end(const x3::position_tagged& node) const { return offset(node.id_last); }
    bool tagged(const x3::position_tagged& node) const { return contains(node.id_first) && contains(node.id_last); }

private:
    std::vector<size_t> offsets_;
};

struct ParsedQuery {
    Query query;
    PositionTable positions;
};

// How deeply expressions may nest inside one another while parsing (the X3 parser is recursive;
// parseQuery runs it on a stack sized for this). Deeper: SyntaxError NestingTooDeep.
inline constexpr size_t kMaxSyntaxNesting = 250;

// Parses `text` with the Spirit X3 grammar. Throws QueryError (SyntaxError, compile time) with the
// position and what was expected when the text is not a query: detail UnexpectedSyntax, or
// InvalidUnicodeCharacter when the offending character is a non-ASCII symbol, or NestingTooDeep.
// The message names what was found and what was expected there: "invalid input 'RETURN':
// expected ':' or ')'", "unexpected end of the query: expected an expression".
ParsedQuery parseSyntax(std::string_view text);

// 1-based line and column (in code points) of a byte offset in `text`.
SourcePosition positionOf(std::string_view text, size_t offset);

} // namespace newsgraph::syntax
