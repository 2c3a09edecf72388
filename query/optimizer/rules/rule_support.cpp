// Matching pieces several rules share.
#include <algorithm>
#include <cctype>

#include "query/optimizer/rules/rules.hpp"

namespace newsgraph {

std::optional<LoneCount> loneCount(const Aggregate& aggregate) {
    if (!aggregate.keys().empty() || aggregate.aggregates().size() != 1) {
        return std::nullopt;
    }
    const AggregateSpec& spec = aggregate.aggregates().front();
    if (spec.countStar) {
        return LoneCount{true, false, std::nullopt};
    }
    std::string name = spec.name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name != "count" || spec.call->children.size() != 1) {
        return std::nullopt;
    }
    const ast::Expr& argument = *spec.call->children.front();
    if (argument.kind != ast::ExprKind::Variable || argument.slot < 0) {
        return LoneCount{false, spec.distinct, std::nullopt};
    }
    return LoneCount{false, spec.distinct, static_cast<size_t>(argument.slot)};
}

} // namespace newsgraph
