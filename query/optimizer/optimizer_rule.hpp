#pragma once

// One rewrite of the optimizer: a rule looks at operators and their properties (PlanProperties),
// never at the syntax tree, and replaces or reconfigures operators where that gives the same
// answer faster. Every rule has a name by which it can be switched off.
#include <functional>
#include <memory>
#include <optional>

#include "query/optimizer/plan_properties.hpp"

namespace newsgraph {

struct OptimizerContext {
    OptimizerContext(PreparedStatement& statement, const Graph& frozen) : prepared(statement), graph(frozen) {}

    PreparedStatement& prepared;
    const Graph& graph;

    // The plan's properties, computed on first use after the plan last changed.
    const PlanProperties& properties();
    // Rules call this after changing the plan.
    void planChanged() { properties_.reset(); }

private:
    std::optional<PlanProperties> properties_;
};

class OptimizerRule {
public:
    OptimizerRule() = default;
    OptimizerRule(const OptimizerRule&) = delete;
    OptimizerRule& operator=(const OptimizerRule&) = delete;
    virtual ~OptimizerRule() = default;

    // The name EXPLAIN prints and switches use: lower case with underscores.
    virtual const char* name() const = 0;
    // One line for `:rules`.
    virtual const char* summary() const = 0;
    // Rewrites the plan; returns how many places it changed.
    virtual size_t apply(OptimizerContext& context) = 0;
};

// Calls `visit` on every operator slot of every tree of the statement (the root, per-row plans,
// sub-plans), children before their parent. A visit may replace the operator in its slot.
void forEachOperator(PreparedStatement& prepared, const std::function<void(std::unique_ptr<Operator>&)>& visit);

// The body of most rules: calls `rewrite(op, slot)` for every operator of type T (children first);
// a rewrite may replace the operator in `slot` (then `op` is gone) and returns whether it changed
// the plan. Returns how many did.
template <typename T, typename Rewrite>
size_t rewriteEach(OptimizerContext& context, Rewrite&& rewrite) {
    size_t fired = 0;
    forEachOperator(context.prepared, [&](std::unique_ptr<Operator>& slot) {
        auto* op = dynamic_cast<T*>(slot.get());
        if (op != nullptr && rewrite(*op, slot)) {
            context.planChanged();
            ++fired;
        }
    });
    return fired;
}

} // namespace newsgraph
