#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "query/ast/expression.hpp"

namespace newsgraph::ast {

struct NodePattern {
    std::string variable; // empty: anonymous
    std::vector<std::string> labels;
    ExprPtr properties;   // a Map or a Parameter, or nullptr
    SourcePosition position;

    NodePattern();
    NodePattern(NodePattern&&) noexcept;
    NodePattern& operator=(NodePattern&&) noexcept;
    ~NodePattern();
    NodePattern clone() const;
};

enum class RelDirection : uint8_t { Outgoing, Incoming, Both };

struct RelPattern {
    std::string variable;
    std::vector<std::string> types; // any of them; empty: any type
    RelDirection direction = RelDirection::Both;
    bool variableLength = false;    // `*...`
    uint64_t minHops = 1;
    std::optional<uint64_t> maxHops; // nothing: unbounded
    ExprPtr properties;
    SourcePosition position;

    RelPattern();
    RelPattern(RelPattern&&) noexcept;
    RelPattern& operator=(RelPattern&&) noexcept;
    ~RelPattern();
    RelPattern clone() const;
};

enum class ShortestKind : uint8_t { None, Shortest, AllShortest };

// nodes[0] rels[0] nodes[1] ... rels[n-1] nodes[n].
struct PatternPart {
    std::string pathVariable;
    ShortestKind shortest = ShortestKind::None;
    std::vector<NodePattern> nodes;
    std::vector<RelPattern> rels;
    SourcePosition position;

    PatternPart();
    PatternPart(PatternPart&&) noexcept;
    PatternPart& operator=(PatternPart&&) noexcept;
    ~PatternPart();
    PatternPart clone() const;
};

} // namespace newsgraph::ast
