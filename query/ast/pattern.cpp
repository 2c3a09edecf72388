#include "query/ast/pattern.hpp"

namespace newsgraph::ast {

NodePattern::NodePattern() = default;
NodePattern::NodePattern(NodePattern&&) noexcept = default;
NodePattern& NodePattern::operator=(NodePattern&&) noexcept = default;
NodePattern::~NodePattern() = default;

NodePattern NodePattern::clone() const {
    NodePattern copy;
    copy.variable = variable;
    copy.labels = labels;
    copy.properties = properties ? properties->clone() : nullptr;
    copy.position = position;
    return copy;
}

RelPattern::RelPattern() = default;
RelPattern::RelPattern(RelPattern&&) noexcept = default;
RelPattern& RelPattern::operator=(RelPattern&&) noexcept = default;
RelPattern::~RelPattern() = default;

RelPattern RelPattern::clone() const {
    RelPattern copy;
    copy.variable = variable;
    copy.types = types;
    copy.direction = direction;
    copy.variableLength = variableLength;
    copy.minHops = minHops;
    copy.maxHops = maxHops;
    copy.properties = properties ? properties->clone() : nullptr;
    copy.position = position;
    return copy;
}

PatternPart::PatternPart() = default;
PatternPart::PatternPart(PatternPart&&) noexcept = default;
PatternPart& PatternPart::operator=(PatternPart&&) noexcept = default;
PatternPart::~PatternPart() = default;

PatternPart PatternPart::clone() const {
    PatternPart copy;
    copy.pathVariable = pathVariable;
    copy.shortest = shortest;
    copy.nodes.reserve(nodes.size());
    for (const auto& node : nodes) {
        copy.nodes.push_back(node.clone());
    }
    copy.rels.reserve(rels.size());
    for (const auto& rel : rels) {
        copy.rels.push_back(rel.clone());
    }
    copy.position = position;
    return copy;
}

} // namespace newsgraph::ast
