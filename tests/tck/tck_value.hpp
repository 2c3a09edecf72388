// Values as the openCypher TCK writes them in result and parameter tables: null, true, 1, 1.0,
// 'text', [1, 2], {k: 1}, nodes (:L {k: 1}), relationships [:T {k: 1}], paths <(:A)-[:T]->(:B)>.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph::tck {

enum class TckKind : uint8_t { Null, Bool, Int, Float, String, List, Map, Node, Relationship, Path };

const char* tckKindName(TckKind kind);

// One TCK value. A plain struct rather than a variant: nodes, relationships and paths need
// several of the fields at once, and every field has a harmless default.
struct TckValue {
    using Entries = std::vector<std::pair<std::string, TckValue>>;

    TckKind kind = TckKind::Null;
    bool boolean = false;
    int64_t integer = 0;
    double real = 0.0;
    // String: the text. Relationship: the type.
    std::string text;
    // Node: the labels, sorted, each once.
    std::vector<std::string> labels;
    // List: the elements. Path: node, relationship, node, ..., node (always an odd count).
    std::vector<TckValue> items;
    // Map: the entries. Node / Relationship: the properties. Sorted by key, each key once.
    Entries entries;
    // A relationship inside a path: written -[..]-> (true) or <-[..]- (false).
    bool forward = true;
    // A relationship inside a path whose two ends are the same node: either direction matches.
    bool selfLoop = false;

    static TckValue null() { return {}; }
    static TckValue fromBool(bool value);
    static TckValue fromInt(int64_t value);
    static TckValue fromFloat(double value);
    static TckValue fromString(std::string value);
    static TckValue list(std::vector<TckValue> items);
    // Sorts by key; a later duplicate key replaces an earlier one.
    static TckValue map(Entries entries);
    static TckValue node(std::vector<std::string> labels, Entries properties);
    static TckValue relationship(std::string type, Entries properties);
    // `items` alternates nodes and relationships, starting and ending with a node.
    static TckValue path(std::vector<TckValue> items);

    // The value written back in TCK syntax (maps and labels in sorted order).
    std::string toString() const;
};

// Sorts entries by key and keeps the last of equal keys.
TckValue::Entries normalizeEntries(TckValue::Entries entries);

struct TckParseResult {
    std::optional<TckValue> value;
    std::string error; // set when value is empty
};

// Parses one whole TCK value (surrounding whitespace allowed). Never throws on bad input.
TckParseResult parseTckValue(std::string_view text);

// Label, type and key names: what may start and continue an unquoted name (non-ASCII bytes
// included); other names are written `backticked`.
bool isTckNameStart(unsigned char c);
bool isTckNamePart(unsigned char c);

// Writes a double the TCK way: 1.0, 0.5, 1e+300, NaN, Infinity.
std::string formatTckFloat(double value);
// Writes a single-quoted string literal, escaping backslashes, quotes and control characters.
std::string quoteTckString(std::string_view text);

} // namespace newsgraph::tck
