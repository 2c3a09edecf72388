#pragma once

// The TCK's test procedures: `And there exists a procedure test.my.proc(in :: INTEGER?) :: (out ::
// STRING?):` with a table whose rows give, for each combination of inputs, the outputs to yield.

#include <memory>
#include <string>
#include <string_view>

#include "query/procedure/procedure.hpp"
#include "tests/tck/feature_parser.hpp"

namespace newsgraph::tck {

struct TckProcedureParse {
    std::shared_ptr<const Procedure> procedure; // null on failure
    std::string error;
};

// Builds the procedure a TCK step declares: `signature` is the text after "there exists a
// procedure" (without the final ':'), `table` its data table (header: inputs then outputs).
TckProcedureParse makeTckProcedure(std::string_view signature, const DataTable& table);

} // namespace newsgraph::tck
