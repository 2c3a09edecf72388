// Runs a scenario in a forked child process, so that an engine crash (SIGSEGV, abort) or a
// query that never ends fails that one scenario instead of the whole TCK run.
#pragma once

#include "tests/tck/feature_parser.hpp"
#include "tests/tck/scenario_runner.hpp"

namespace newsgraph::tck {

// The child runs runner.run(scenario) and sends the outcome back through a pipe. A child that
// dies on a signal, exits without an outcome or exceeds `timeoutSeconds` (0: no limit) yields a
// failed outcome saying so. When fork() itself fails the scenario runs in this process.
ScenarioOutcome runIsolated(const ScenarioRunner& runner, const Scenario& scenario, unsigned timeoutSeconds);

} // namespace newsgraph::tck
