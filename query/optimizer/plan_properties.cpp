#include "query/optimizer/plan_properties.hpp"

#include <algorithm>
#include <cctype>

namespace newsgraph {

void ColumnSet::add(size_t column) {
    if (all_) {
        return;
    }
    if (members_.size() <= column) {
        members_.resize(column + 1, false);
    }
    members_[column] = true;
}

void ColumnSet::addAll(const ColumnSet& other) {
    if (other.all_) {
        all_ = true;
        members_.clear();
        return;
    }
    for (size_t i = 0; i < other.members_.size(); ++i) {
        if (other.members_[i]) {
            add(i);
        }
    }
}

bool ColumnSet::contains(size_t column) const {
    return all_ || (column < members_.size() && members_[column]);
}

std::vector<size_t> ColumnSet::members(size_t width) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < width; ++i) {
        if (contains(i)) {
            out.push_back(i);
        }
    }
    return out;
}

void collectColumns(const ast::Expr& expr, ColumnSet& out) {
    if (expr.subplan >= 0 || expr.subquery) {
        out = ColumnSet::everything();
        return;
    }
    if (expr.kind == ast::ExprKind::Variable && expr.slot >= 0) {
        out.add(static_cast<size_t>(expr.slot));
    }
    if (expr.aggregate >= 0) {
        out.add(static_cast<size_t>(expr.aggregate));
    }
    for (const auto& child : expr.children) {
        if (child) {
            collectColumns(*child, out);
        }
    }
    for (const auto& item : expr.mapItems) {
        if (item.value) {
            collectColumns(*item.value, out);
        }
    }
}

bool isDeterministic(const ast::Expr& expr) {
    if (expr.kind == ast::ExprKind::Function) {
        std::string name = expr.name;
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        if (name == "rand" || name == "randomuuid") {
            return false;
        }
    }
    const bool children = std::all_of(expr.children.begin(), expr.children.end(),
                                      [](const ast::ExprPtr& child) { return !child || isDeterministic(*child); });
    const bool items = std::all_of(expr.mapItems.begin(), expr.mapItems.end(), [](const ast::MapProjectionItem& item) {
        return !item.value || isDeterministic(*item.value);
    });
    return children && items;
}

PlanProperties::PlanProperties(PreparedStatement& prepared) {
    // The statement returns every column of the root, each row counted.
    visit(*prepared.root, nullptr, ColumnSet::everything(), ColumnSet::everything(), false);
    for (const auto& subplan : prepared.subplans) {
        // A pattern comprehension collects its result column; a predicate only asks whether a row exists.
        ColumnSet needed;
        const bool comprehension = subplan->resultSlot >= 0;
        if (comprehension) {
            needed.add(static_cast<size_t>(subplan->resultSlot));
        }
        visit(*subplan->root, nullptr, needed, needed, !comprehension);
    }
}

void PlanProperties::visit(Operator& op, Operator* parent, ColumnSet needed, ColumnSet neededValues,
                           bool duplicatesIgnored) {
    const ColumnUsage usage = op.usage();
    ColumnSet reads;
    for (size_t column : usage.reads) {
        reads.add(column);
    }
    ColumnSet uniqueness;
    for (size_t column : usage.uniquenessReads) {
        uniqueness.add(column);
    }
    bool deterministic = true;
    for (const ast::Expr* expr : usage.expressions) {
        if (expr != nullptr) {
            collectColumns(*expr, reads);
            deterministic = deterministic && isDeterministic(*expr);
        }
    }
    for (const auto& [expr, column] : usage.computed) {
        deterministic = deterministic && isDeterministic(*expr);
        if (needed.contains(column)) {
            collectColumns(*expr, reads);
        }
    }
    bool childIgnores = false;
    switch (usage.duplicates) {
    case ColumnUsage::Duplicates::Transparent: childIgnores = duplicatesIgnored && deterministic; break;
    case ColumnUsage::Duplicates::Absorbed: childIgnores = deterministic; break;
    case ColumnUsage::Duplicates::Observed: childIgnores = false; break;
    }
    // What the child must provide: what is needed above and passes through, plus what this reads.
    auto below = [&](const ColumnSet& above, bool withUniqueness) {
        ColumnSet out;
        switch (usage.columns) {
        case ColumnUsage::Columns::PassThrough: out = above; break;
        case ColumnUsage::Columns::Select:
            for (size_t i = 0; i < usage.selected.size(); ++i) {
                if (above.contains(i)) {
                    out.add(usage.selected[i]);
                }
            }
            break;
        case ColumnUsage::Columns::Fresh: break;
        case ColumnUsage::Columns::Opaque: return ColumnSet::everything();
        }
        out.addAll(reads);
        if (withUniqueness) {
            out.addAll(uniqueness);
        }
        return out;
    };
    const ColumnSet childNeeded = below(needed, true);
    const ColumnSet childValues = below(neededValues, false);
    // A per-row plan's rows are this operator's rows: the same columns and multiplicity matter.
    for (std::unique_ptr<Operator>* nested : op.nestedPlans()) {
        visit(**nested, &op, needed, neededValues, duplicatesIgnored);
    }
    for (const auto& child : op.children()) {
        visit(*child, &op, childNeeded, childValues, childIgnores);
    }
    properties_[&op] = OperatorProperties{std::move(needed), std::move(neededValues), duplicatesIgnored, parent};
}

} // namespace newsgraph
