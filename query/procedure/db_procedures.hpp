#pragma once

#include "query/procedure/procedure.hpp"

namespace newsgraph {

// db.labels(), db.relationshipTypes(), db.propertyKeys(), db.schema().
void addDbProcedures(ProcedureRegistry& registry);

} // namespace newsgraph
