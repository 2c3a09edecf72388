#include "python/src/columns.hpp"

#include <limits>

#include <pybind11/numpy.h>

#include "python/src/values.hpp"

namespace newsgraph::python {

namespace {

// pandas keeps datetimes as int64 nanoseconds: about +-292 years around 1970.
constexpr int64_t kMaxNanoSeconds = std::numeric_limits<int64_t>::max() / kNanosPerSecond - 1;

enum class ColumnShape { Empty, Int, Float, Bool, Date, LocalDateTime, DateTime, Object };

ColumnShape shapeOf(const Value& value) {
    switch (value.type()) {
    case ValueType::Int: return ColumnShape::Int;
    case ValueType::Float: return ColumnShape::Float;
    case ValueType::Bool: return ColumnShape::Bool;
    case ValueType::Date: {
        const int64_t seconds = static_cast<int64_t>(value.asDate().days()) * kSecondsPerDay;
        return seconds > -kMaxNanoSeconds && seconds < kMaxNanoSeconds ? ColumnShape::Date : ColumnShape::Object;
    }
    case ValueType::LocalDateTime: {
        const int64_t seconds = value.asLocalDateTime().epochSeconds();
        return seconds > -kMaxNanoSeconds && seconds < kMaxNanoSeconds ? ColumnShape::LocalDateTime : ColumnShape::Object;
    }
    case ValueType::DateTime: {
        const int64_t seconds = value.asDateTime().epochSeconds();
        return seconds > -kMaxNanoSeconds && seconds < kMaxNanoSeconds ? ColumnShape::DateTime : ColumnShape::Object;
    }
    default: return ColumnShape::Object;
    }
}

// The shape every non-null value of column `c` shares, Object when they differ.
ColumnShape columnShape(const QueryResult& result, size_t c, bool& hasNull) {
    ColumnShape shape = ColumnShape::Empty;
    hasNull = false;
    for (const auto& row : result.rows) {
        const Value& value = row[c];
        if (value.isNull()) {
            hasNull = true;
            continue;
        }
        const ColumnShape each = shapeOf(value);
        if (shape == ColumnShape::Empty) {
            shape = each;
        } else if (shape != each) {
            return ColumnShape::Object;
        }
    }
    return shape;
}

// The column as an array of T (`nullValue` where null), with a null mask when `withMask`.
template <typename T, typename Read>
py::tuple numeric(const char* kind, const QueryResult& result, size_t c, bool withMask, T nullValue, Read read) {
    const size_t rows = result.rows.size();
    py::array_t<T> values(static_cast<py::ssize_t>(rows));
    T* out = values.mutable_data();
    py::object mask = py::none();
    bool* nulls = nullptr;
    if (withMask) {
        py::array_t<bool> array(static_cast<py::ssize_t>(rows));
        nulls = array.mutable_data();
        mask = std::move(array);
    }
    for (size_t r = 0; r < rows; ++r) {
        const Value& value = result.rows[r][c];
        const bool isNull = value.isNull();
        out[r] = isNull ? nullValue : read(value);
        if (nulls != nullptr) {
            nulls[r] = isNull;
        }
    }
    return py::make_tuple(kind, values, mask);
}

} // namespace

py::list frameColumns(const QueryResult& result) {
    py::list columns;
    const Graph& graph = *result.graph;
    for (size_t c = 0; c < result.columns.size(); ++c) {
        bool hasNull = false;
        switch (columnShape(result, c, hasNull)) {
        case ColumnShape::Int:
            columns.append(numeric<int64_t>("int", result, c, hasNull, 0, [](const Value& v) { return v.asInt(); }));
            break;
        case ColumnShape::Float:
            columns.append(numeric<double>("float", result, c, false, std::numeric_limits<double>::quiet_NaN(),
                                           [](const Value& v) { return v.asFloat(); }));
            break;
        case ColumnShape::Bool:
            columns.append(numeric<bool>("bool", result, c, hasNull, false, [](const Value& v) { return v.asBool(); }));
            break;
        case ColumnShape::Date:
            columns.append(numeric<int64_t>("date", result, c, hasNull, 0,
                                            [](const Value& v) { return static_cast<int64_t>(v.asDate().days()); }));
            break;
        case ColumnShape::LocalDateTime:
            columns.append(numeric<int64_t>("localdatetime", result, c, hasNull, 0, [](const Value& v) {
                const LocalDateTime local = v.asLocalDateTime();
                return local.epochSeconds() * kNanosPerSecond + local.nanos();
            }));
            break;
        case ColumnShape::DateTime:
            columns.append(numeric<int64_t>("datetime", result, c, hasNull, 0, [](const Value& v) {
                const DateTime instant = v.asDateTime();
                return instant.epochSeconds() * kNanosPerSecond + instant.nanos();
            }));
            break;
        case ColumnShape::Empty:
        case ColumnShape::Object: {
            py::list values(result.rows.size());
            for (size_t r = 0; r < result.rows.size(); ++r) {
                values[r] = toPython(graph, result.rows[r][c]);
            }
            columns.append(py::make_tuple("object", values, py::none()));
            break;
        }
        }
    }
    return columns;
}

} // namespace newsgraph::python
