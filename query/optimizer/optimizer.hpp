#pragma once

// The optimizer: the stage between the planner, which builds the plain plan of a statement, and
// execution. It runs one ordered list of named rules (optimizer.cpp) over the operator trees;
// any rule can be switched off by name.
#include <string>
#include <vector>

#include "query/planner/planner.hpp"

namespace newsgraph {

struct RuleInfo {
    std::string name;
    std::string summary;
};

// Every rule, in the order the optimizer runs them.
std::vector<RuleInfo> optimizerRules();
// True when `name` is a rule's name.
bool isOptimizerRule(const std::string& name);

// Runs every rule not in `disabled` over the statement's plan; records the rules that changed it
// in prepared.rulesFired. Throws std::invalid_argument for a disabled name that is no rule.
void optimize(PreparedStatement& prepared, const Graph& graph, const std::vector<std::string>& disabled);

} // namespace newsgraph
