#include "python/src/values.hpp"

#include <climits>
#include <unordered_map>

#include <datetime.h>
#include <fmt/format.h>

#include "engine/common/time_zone.hpp"

namespace newsgraph::python {

namespace {

constexpr int64_t kNanosPerMicro = 1'000;
constexpr int kPythonMinYear = 1;
constexpr int kPythonMaxYear = 9'999;

// Held for the life of the process: Python objects destroyed after the interpreter finalizes
// would crash, so these are never destroyed.
struct Types {
    py::object node;
    py::object relationship;
    py::object path;
    py::object duration;
    py::object zoneInfo;
    std::unordered_map<int32_t, py::object> zones;   // zone id -> ZoneInfo
    std::unordered_map<int32_t, py::object> offsets; // offset seconds -> datetime.timezone
};

Types& types() {
    static auto* const all = new Types();
    return *all;
}

py::object fixedOffset(int32_t seconds) {
    auto& cache = types().offsets;
    if (auto found = cache.find(seconds); found != cache.end()) {
        return found->second;
    }
    py::object delta = py::reinterpret_steal<py::object>(PyDelta_FromDSU(0, seconds, 0));
    py::object zone = py::reinterpret_steal<py::object>(PyTimeZone_FromOffset(delta.ptr()));
    if (!zone) {
        throw py::error_already_set();
    }
    cache.emplace(seconds, zone);
    return zone;
}

py::object namedZone(int32_t zone) {
    auto& all = types();
    if (auto found = all.zones.find(zone); found != all.zones.end()) {
        return found->second;
    }
    if (!all.zoneInfo) {
        all.zoneInfo = py::module_::import("zoneinfo").attr("ZoneInfo");
    }
    py::object info = all.zoneInfo(timezone::name(zone));
    all.zones.emplace(zone, info);
    return info;
}

void checkYear(int32_t year, const Value& value) {
    if (year < kPythonMinYear || year > kPythonMaxYear) {
        throw py::value_error(fmt::format("{} is outside the years Python's datetime holds (1 to 9999); "
                                          "return it as a string with toString()",
                                          value.temporalString()));
    }
}

py::object check(PyObject* made) {
    if (made == nullptr) {
        throw py::error_already_set();
    }
    return py::reinterpret_steal<py::object>(made);
}

int micros(int64_t nanosOfSecond) {
    return static_cast<int>(nanosOfSecond / kNanosPerMicro);
}

py::object localDateTime(const LocalDateTime& local, const Value& value, PyObject* zone, int fold) {
    const Date date = local.date();
    checkYear(date.year(), value);
    const LocalTime time = local.time();
    return check(PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(
        date.year(), static_cast<int>(date.month()), static_cast<int>(date.day()), static_cast<int>(time.hour()),
        static_cast<int>(time.minute()), static_cast<int>(time.second()), micros(time.nanosecond()), zone, fold,
        PyDateTimeAPI->DateTimeType));
}

int32_t offsetSeconds(const py::handle& delta) {
    if (delta.is_none()) {
        throw py::value_error("the time's zone gives no offset (a time of day needs a fixed offset)");
    }
    const int64_t seconds = static_cast<int64_t>(PyDateTime_DELTA_GET_DAYS(delta.ptr())) * kSecondsPerDay +
                            PyDateTime_DELTA_GET_SECONDS(delta.ptr());
    if (seconds < -kMaxOffsetSeconds || seconds > kMaxOffsetSeconds) {
        throw py::value_error("a zone offset must lie within -18:00 and +18:00");
    }
    return static_cast<int32_t>(seconds);
}

Value fromDateTime(const py::handle& object) {
    PyObject* raw = object.ptr();
    const std::optional<Date> date = Date::fromCivil(PyDateTime_GET_YEAR(raw), PyDateTime_GET_MONTH(raw), PyDateTime_GET_DAY(raw));
    const std::optional<LocalTime> time =
        LocalTime::fromFields(PyDateTime_DATE_GET_HOUR(raw), PyDateTime_DATE_GET_MINUTE(raw),
                              PyDateTime_DATE_GET_SECOND(raw), PyDateTime_DATE_GET_MICROSECOND(raw) * kNanosPerMicro);
    const LocalDateTime local = LocalDateTime::of(*date, *time);
    const py::handle tzinfo(PyDateTime_DATE_GET_TZINFO(raw));
    if (tzinfo.is_none()) {
        return Value(local);
    }
    const int32_t offset = offsetSeconds(object.attr("utcoffset")());
    if (py::hasattr(tzinfo, "key")) {
        if (std::optional<int32_t> zone = timezone::find(py::str(tzinfo.attr("key")).cast<std::string>())) {
            return Value(DateTime::fromLocal(local, *zone, offset));
        }
    }
    return Value(DateTime(local, offset, kNoZone));
}

Value fromTime(const py::handle& object) {
    PyObject* raw = object.ptr();
    const std::optional<LocalTime> time =
        LocalTime::fromFields(PyDateTime_TIME_GET_HOUR(raw), PyDateTime_TIME_GET_MINUTE(raw), PyDateTime_TIME_GET_SECOND(raw),
                              PyDateTime_TIME_GET_MICROSECOND(raw) * kNanosPerMicro);
    if (py::handle(PyDateTime_TIME_GET_TZINFO(raw)).is_none()) {
        return Value(*time);
    }
    return Value(Time(*time, offsetSeconds(object.attr("utcoffset")())));
}

} // namespace

void registerTypes(py::object node, py::object relationship, py::object path, py::object duration) {
    Types& all = types();
    all.node = std::move(node);
    all.relationship = std::move(relationship);
    all.path = std::move(path);
    all.duration = std::move(duration);
}

void initDatetime() {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) {
        throw py::error_already_set();
    }
}

py::object nodeToPython(const Graph& graph, NodeId node) {
    py::list labels;
    py::dict properties;
    if (node < graph.nodeCount() && !graph.nodeDeleted(node)) {
        std::vector<std::string> names;
        for (LabelId label : graph.labels(node)) {
            names.push_back(graph.catalog().labelName(label));
        }
        std::sort(names.begin(), names.end());
        for (const std::string& name : names) {
            labels.append(py::str(name));
        }
        for (const auto& [key, value] : graph.nodeProperties(node)) {
            properties[py::str(key)] = toPython(graph, value);
        }
    }
    return types().node(node, labels, properties);
}

py::object relationshipToPython(const Graph& graph, RelId rel) {
    py::dict properties;
    if (rel >= graph.relCount()) {
        return types().relationship(rel, py::none(), py::none(), py::none(), properties);
    }
    for (const auto& [key, value] : graph.relProperties(rel)) {
        properties[py::str(key)] = toPython(graph, value);
    }
    return types().relationship(rel, graph.catalog().typeName(graph.relType(rel)), graph.relSource(rel),
                                graph.relTarget(rel), properties);
}

py::object toPython(const Graph& graph, const Value& value) {
    switch (value.type()) {
    case ValueType::Null: return py::none();
    case ValueType::Bool: return py::bool_(value.asBool());
    case ValueType::Int: return py::int_(value.asInt());
    case ValueType::Float: return py::float_(value.asFloat());
    case ValueType::String: return py::str(value.asString());
    case ValueType::Date: {
        const Date date = value.asDate();
        checkYear(date.year(), value);
        return check(PyDate_FromDate(date.year(), static_cast<int>(date.month()), static_cast<int>(date.day())));
    }
    case ValueType::LocalTime: {
        const LocalTime time = value.asLocalTime();
        return check(PyTime_FromTime(static_cast<int>(time.hour()), static_cast<int>(time.minute()),
                                     static_cast<int>(time.second()), micros(time.nanosecond())));
    }
    case ValueType::Time: {
        const Time time = value.asTime();
        const LocalTime local = time.local();
        const py::object zone = fixedOffset(time.offsetSeconds());
        return check(PyDateTimeAPI->Time_FromTime(static_cast<int>(local.hour()), static_cast<int>(local.minute()),
                                                  static_cast<int>(local.second()), micros(local.nanosecond()),
                                                  zone.ptr(), PyDateTimeAPI->TimeType));
    }
    case ValueType::LocalDateTime: return localDateTime(value.asLocalDateTime(), value, Py_None, 0);
    case ValueType::DateTime: {
        const DateTime dateTime = value.asDateTime();
        if (dateTime.zone() == kNoZone) {
            return localDateTime(dateTime.local(), value, fixedOffset(dateTime.offsetSeconds()).ptr(), 0);
        }
        // In an overlap (the hour a clock goes back) the same local time has two offsets: fold=1
        // is Python's way of naming the later one.
        const py::object zone = namedZone(dateTime.zone());
        py::object first = localDateTime(dateTime.local(), value, zone.ptr(), 0);
        if (offsetSeconds(first.attr("utcoffset")()) == dateTime.offsetSeconds()) {
            return first;
        }
        return localDateTime(dateTime.local(), value, zone.ptr(), 1);
    }
    case ValueType::Duration: {
        const Duration duration = value.asDuration();
        return types().duration(duration.months(), duration.days(), duration.seconds(), duration.nanos());
    }
    case ValueType::List: {
        const Value::List& items = value.asList();
        py::list out(items.size());
        for (size_t i = 0; i < items.size(); ++i) {
            out[i] = toPython(graph, items[i]);
        }
        return std::move(out);
    }
    case ValueType::Map: {
        py::dict out;
        for (const auto& [key, item] : value.asMap()) {
            out[py::str(key)] = toPython(graph, item);
        }
        return std::move(out);
    }
    case ValueType::Node: return nodeToPython(graph, value.asNode().id);
    case ValueType::Relationship: return relationshipToPython(graph, value.asRelationship().id);
    case ValueType::Path: {
        const PathValue& path = value.asPath();
        py::list nodes;
        py::list rels;
        for (NodeId node : path.nodes) {
            nodes.append(nodeToPython(graph, node));
        }
        for (RelId rel : path.rels) {
            rels.append(relationshipToPython(graph, rel));
        }
        return types().path(nodes, rels);
    }
    }
    return py::none();
}

Value fromPython(const py::handle& object, const std::string& name) {
    PyObject* raw = object.ptr();
    if (object.is_none()) {
        return Value();
    }
    if (PyBool_Check(raw)) {
        return Value(raw == Py_True);
    }
    if (PyLong_Check(raw) || (PyIndex_Check(raw) && !PyFloat_Check(raw))) {
        int overflow = 0;
        const py::object index = check(PyNumber_Index(raw));
        const long long number = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
        if (overflow != 0) {
            throw py::value_error(fmt::format("parameter ${}: {} does not fit in a 64-bit integer", name,
                                              py::str(object).cast<std::string>()));
        }
        return Value(static_cast<int64_t>(number));
    }
    if (PyFloat_Check(raw)) {
        return Value(PyFloat_AS_DOUBLE(raw));
    }
    if (PyUnicode_Check(raw)) {
        return Value(object.cast<std::string>());
    }
    if (PyDateTime_Check(raw)) {
        return fromDateTime(object);
    }
    if (PyDate_Check(raw)) {
        return Value(*Date::fromCivil(PyDateTime_GET_YEAR(raw), PyDateTime_GET_MONTH(raw), PyDateTime_GET_DAY(raw)));
    }
    if (PyTime_Check(raw)) {
        return fromTime(object);
    }
    if (PyDelta_Check(raw)) {
        return Value(Duration::of(0, PyDateTime_DELTA_GET_DAYS(raw), PyDateTime_DELTA_GET_SECONDS(raw),
                                  static_cast<int64_t>(PyDateTime_DELTA_GET_MICROSECONDS(raw)) * kNanosPerMicro));
    }
    if (types().duration && py::isinstance(object, types().duration)) {
        return Value(Duration::of(object.attr("months").cast<int64_t>(), object.attr("days").cast<int64_t>(),
                                  object.attr("seconds").cast<int64_t>(), object.attr("nanoseconds").cast<int64_t>()));
    }
    if (PyList_Check(raw) || PyTuple_Check(raw)) {
        Value::List items;
        for (const py::handle item : object) {
            items.push_back(fromPython(item, name));
        }
        return Value(std::move(items));
    }
    if (PyDict_Check(raw)) {
        Value::Map entries;
        for (const auto& [key, item] : py::reinterpret_borrow<py::dict>(object)) {
            if (!PyUnicode_Check(key.ptr())) {
                throw py::type_error(fmt::format("parameter ${}: map keys must be strings, not {}", name,
                                                 py::str(py::type::handle_of(key).attr("__name__")).cast<std::string>()));
            }
            entries.emplace_back(key.cast<std::string>(), fromPython(item, name));
        }
        return Value::map(std::move(entries));
    }
    if (PyFloat_Check(raw) || py::hasattr(object, "__float__")) {
        const double number = PyFloat_AsDouble(raw);
        if (number == -1.0 && PyErr_Occurred() != nullptr) {
            throw py::error_already_set();
        }
        return Value(number);
    }
    throw py::type_error(fmt::format("parameter ${}: a {} is not a value newsgraph takes (use None, bool, int, float, "
                                     "str, a datetime type, list, tuple or dict)",
                                     name, py::str(py::type::handle_of(object).attr("__name__")).cast<std::string>()));
}

} // namespace newsgraph::python
