#pragma once

// Properties of every operator of a plan, derived once from the operators' ColumnUsage (never from
// the syntax tree), which the rules read:
// - needed columns: the columns of an operator's output that something above it reads (or the
//   statement returns). A column no one needs may be left unfilled.
// - duplicates ignored: whether the multiplicity of an operator's output rows can change the
//   statement's result. Under DISTINCT, count(DISTINCT), min, max, EXISTS and pattern predicates
//   it cannot: one row per distinct row is enough.
#include <unordered_map>
#include <vector>

#include "query/planner/planner.hpp"

namespace newsgraph {

// A set of columns, or "all of them".
class ColumnSet {
public:
    static ColumnSet everything() {
        ColumnSet set;
        set.all_ = true;
        return set;
    }
    void add(size_t column);
    void addAll(const ColumnSet& other);
    bool contains(size_t column) const;
    bool all() const { return all_; }
    // The columns in the set that are below `width` (all of them when all()).
    std::vector<size_t> members(size_t width) const;

private:
    bool all_ = false;
    std::vector<bool> members_;
};

struct OperatorProperties {
    ColumnSet needed;
    // needed, less the columns read above only to keep relationship uniqueness.
    ColumnSet neededValues;
    bool duplicatesIgnored = false;
    Operator* parent = nullptr; // the operator whose child or per-row plan this one is; null at a root
};

class PlanProperties {
public:
    explicit PlanProperties(PreparedStatement& prepared);
    // The properties of an operator of the plan it was computed for.
    const OperatorProperties& of(const Operator& op) const { return properties_.at(&op); }

private:
    void visit(Operator& op, Operator* parent, ColumnSet needed, ColumnSet neededValues, bool duplicatesIgnored);
    std::unordered_map<const Operator*, OperatorProperties> properties_;
};

// Adds the columns `expr` reads to `out`; all of them when it runs a sub-plan (which reads the
// whole row through its Argument).
void collectColumns(const ast::Expr& expr, ColumnSet& out);
// False when evaluating `expr` twice on one row may give different values (rand(), randomUUID()).
bool isDeterministic(const ast::Expr& expr);

} // namespace newsgraph
