// A result's columns in the shape pandas builds a DataFrame from fastest: a column whose
// values are all integers, floats, booleans, dates or datetimes (nulls allowed) goes out as one
// NumPy array (and a null mask), not as a million Python objects; any other column as a list.
#pragma once

#include <pybind11/pybind11.h>

#include "query/database.hpp"

namespace newsgraph::python {

namespace py = pybind11;

// One (kind, values, mask) tuple per column. kind is "int" (int64 values), "bool", "float"
// (NaN for null, mask None), "date" (int64 days since 1970-01-01), "localdatetime" (int64
// nanoseconds since 1970-01-01T00:00), "datetime" (int64 nanoseconds since the epoch, UTC) or
// "object" (a list of Python values, mask None). mask is a bool array, true where the value is
// null, or None when no value is. Dates and datetimes outside pandas' nanosecond range
// (1677-2262) go out as "object".
py::list frameColumns(const QueryResult& result);

} // namespace newsgraph::python
