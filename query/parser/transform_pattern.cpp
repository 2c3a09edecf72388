// Patterns: node and relationship patterns, variable-length ranges, shortest paths.
#include <fmt/format.h>

#include "query/parser/literal_conversion.hpp"
#include "query/parser/transform_context.hpp"

namespace newsgraph::parser::detail {

namespace {

std::string lowerCase(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

struct PropertiesVisitor {
    using result_type = ast::ExprPtr;
    Transformer& transformer;
    uint32_t depth;

    ast::ExprPtr operator()(const x3::forward_ast<syntax::MapLiteral>& map) const {
        return transformer.mapLiteral(map.get(), depth);
    }
    ast::ExprPtr operator()(const syntax::Parameter& parameter) const { return transformer.parameter(parameter); }
};

ast::ExprPtr properties(Transformer& transformer, const boost::optional<syntax::Properties>& props, uint32_t depth) {
    if (!props) {
        return nullptr;
    }
    return boost::apply_visitor(PropertiesVisitor{transformer, depth}, props->get());
}

ast::NodePattern nodePattern(Transformer& transformer, const syntax::NodePattern& node, uint32_t depth) {
    ast::NodePattern out;
    if (node.variable) {
        out.variable = node.variable->name;
    }
    out.labels = node.labels;
    out.properties = properties(transformer, node.properties, depth);
    out.position = transformer.position(node);
    return out;
}

// `*` 1..unbounded, `*2` exactly 2, `*1..3`, `*..5` 1..5, `*2..` 2..unbounded.
void applyRange(Transformer& transformer, const syntax::RangeLiteral& range, ast::RelPattern& rel) {
    constexpr uint64_t kDefaultMinHops = 1;
    rel.variableLength = true;
    rel.minHops = kDefaultMinHops;
    rel.maxHops.reset();
    if (range.star.empty()) {
        transformer.fail("InvalidRelationshipPattern",
                         "invalid relationship pattern: a variable-length range starts with '*'",
                         transformer.start(range));
    }
    const bool negative = (range.min && range.min->starts_with('-')) || (range.max && range.max->starts_with('-'));
    if (negative) {
        transformer.fail("InvalidRelationshipPattern",
                         "invalid relationship pattern: hop counts cannot be negative", transformer.start(range));
    }
    try {
        if (!range.dots) {
            if (range.min && range.max) {
                transformer.fail("UnexpectedSyntax",
                                 fmt::format("invalid input '{}': expected '..' or ']'", *range.max),
                                 transformer.start(range));
            }
            if (range.min) {
                rel.minHops = convertHopCount(*range.min);
                rel.maxHops = rel.minHops;
            }
            return;
        }
        if (range.min) {
            rel.minHops = convertHopCount(*range.min);
        }
        if (range.max) {
            rel.maxHops = convertHopCount(*range.max);
        }
    } catch (const LiteralError& error) {
        transformer.fail(error.detail(), error.what(), transformer.start(range));
    }
}

ast::RelPattern relPattern(Transformer& transformer, const syntax::RelationshipPattern& rel, uint32_t depth) {
    ast::RelPattern out;
    out.position = transformer.position(rel);
    if (rel.leftArrow && !rel.rightArrow) {
        out.direction = ast::RelDirection::Incoming;
    } else if (rel.rightArrow && !rel.leftArrow) {
        out.direction = ast::RelDirection::Outgoing;
    } else {
        out.direction = ast::RelDirection::Both;
    }
    out.minHops = 1;
    out.maxHops = 1;
    if (!rel.detail) {
        return out;
    }
    const auto& detail = *rel.detail;
    if (detail.variable) {
        out.variable = detail.variable->name;
    }
    out.types = detail.types;
    if (detail.range) {
        applyRange(transformer, *detail.range, out);
    }
    out.properties = properties(transformer, detail.properties, depth);
    return out;
}

} // namespace

ast::PatternPart Transformer::patternElement(const syntax::PatternElement& element, uint32_t depth) {
    checkDepth(depth, start(element));
    ast::PatternPart part;
    part.position = position(element);
    part.nodes.push_back(nodePattern(*this, element.first, depth + 1));
    for (const auto& link : element.chain) {
        if (part.rels.size() == kMaxPatternLength) {
            fail("QueryTooLarge", fmt::format("a pattern may have at most {} relationships", kMaxPatternLength),
                 start(link.relationship));
        }
        part.rels.push_back(relPattern(*this, link.relationship, depth + 1));
        part.nodes.push_back(nodePattern(*this, link.node, depth + 1));
    }
    return part;
}

ast::PatternPart Transformer::patternPart(const syntax::PatternPart& part, uint32_t depth) {
    ast::PatternPart out = patternElement(part.element, depth);
    out.position = position(part);
    if (part.pathVariable) {
        out.pathVariable = part.pathVariable->name;
    }
    const std::string function = lowerCase(part.function);
    if (function == "shortestpath") {
        out.shortest = ast::ShortestKind::Shortest;
    } else if (function == "allshortestpaths") {
        out.shortest = ast::ShortestKind::AllShortest;
    }
    return out;
}

std::vector<ast::PatternPart> Transformer::pattern(const syntax::Pattern& pattern, uint32_t depth) {
    std::vector<ast::PatternPart> parts;
    parts.reserve(pattern.parts.size());
    for (const auto& part : pattern.parts) {
        parts.push_back(patternPart(part, depth));
    }
    return parts;
}

} // namespace newsgraph::parser::detail
