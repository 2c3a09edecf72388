// Values crossing between Python and the engine. Results go out as Python's own types where one
// fits (int, float, str, list, dict, datetime.date/time/datetime) and as the package's classes
// where none does (newsgraph.Node, Relationship, Path, Duration); parameters come in the same way.
#pragma once

#include <string>

#include <pybind11/pybind11.h>

#include "engine/common/value.hpp"
#include "engine/storage/graph.hpp"

namespace newsgraph::python {

namespace py = pybind11;

// The Python classes results are made of, defined in python/newsgraph/types.py and handed over
// once when the package is imported (_newsgraph._register_types).
void registerTypes(py::object node, py::object relationship, py::object path, py::object duration);
// Imports the datetime C API; the module's initializer calls it once.
void initDatetime();

// `value` as a Python object; nodes and relationships are read from `graph`. A temporal value
// that Python's datetime cannot hold (a year before 1) raises ValueError; sub-microsecond
// digits are dropped, as datetime has none.
py::object toPython(const Graph& graph, const Value& value);
py::object nodeToPython(const Graph& graph, NodeId node);

// A parameter's Python value as an engine value; TypeError names `name` and the type it cannot take.
Value fromPython(const py::handle& object, const std::string& name);

} // namespace newsgraph::python
