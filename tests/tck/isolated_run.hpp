// Runs scenarios in a forked worker process, so that an engine crash (SIGSEGV, abort) or a query
// that never ends fails that one scenario instead of the whole TCK run.
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "tests/tck/feature_parser.hpp"
#include "tests/tck/scenario_runner.hpp"

namespace newsgraph::tck {

using OutcomeCallback = std::function<void(size_t index, const ScenarioOutcome& outcome)>;

// Runs scenarios[0..n) in order and reports each outcome, in order, to `onOutcome` (called in
// this process). A worker child runs the scenarios one after another and streams the outcomes
// back through a pipe; when it dies on a signal, exits early or exceeds `timeoutSeconds` on one
// scenario (0: no limit), that scenario fails with the reason and a new worker continues with
// the next one. When pipe() or fork() fails, the remaining scenarios run in this process.
void runIsolated(const ScenarioRunner& runner, const std::vector<const Scenario*>& scenarios,
                 unsigned timeoutSeconds, const OutcomeCallback& onOutcome);

} // namespace newsgraph::tck
