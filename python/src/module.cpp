// The compiled half of the Python package `newsgraph`: the engine's Database, its results and
// load reports, with values converted at the boundary (values.cpp, columns.cpp). What reads
// better in Python -- the error classes, Node/Relationship/Path/Duration, DataFrames and networkx
// graphs -- lives in python/newsgraph/, which wraps this module.
//
// The GIL is released while a statement or a load runs, so other Python threads go on and may
// query the same Database (which runs concurrent reads on snapshots and serializes writes). On
// the main thread a statement also listens for Ctrl-C: the first SIGINT cancels it and raises
// KeyboardInterrupt once the engine has stopped, leaving the graph as it was.
#include <atomic>
#include <chrono>
#include <csignal>
#include <optional>
#include <thread>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "engine/common/memory_limit.hpp"
#include "loaders/loader.hpp"
#include "query/database.hpp"
#include "query/optimizer/optimizer.hpp"

#include "python/src/columns.hpp"
#include "python/src/values.hpp"

namespace py = pybind11;

namespace newsgraph::python {

namespace {

constexpr double kMillisPerSecond = 1000.0;

// ---- errors ---------------------------------------------------------------------------------

struct ErrorClasses {
    py::dict queryErrors; // kind -> class (QueryError subclasses)
    py::object queryError;
    py::object loadError;
};

ErrorClasses& errorClasses() {
    static auto* const classes = new ErrorClasses(); // never destroyed: see values.cpp
    return *classes;
}

[[noreturn]] void raise(const py::object& cls, const py::object& instance) {
    PyErr_SetObject(cls.ptr(), instance.ptr());
    throw py::error_already_set();
}

// The QueryError subclass named `kind`, or QueryError itself.
py::object queryErrorClass(const std::string& kind) {
    const ErrorClasses& classes = errorClasses();
    const py::str name(kind);
    return classes.queryErrors.contains(name) ? py::object(classes.queryErrors[name]) : classes.queryError;
}

[[noreturn]] void raiseQueryError(const QueryError& error, std::string_view query) {
    const py::object cls = queryErrorClass(error.kind());
    const SourcePosition position = error.position();
    const py::object line = position.known() ? py::object(py::int_(position.line)) : py::object(py::none());
    const py::object column = position.known() ? py::object(py::int_(position.column)) : py::object(py::none());
    raise(cls, cls(error.render(query), error.kind(), error.detail(), phaseName(error.phase()), line, column, error.what()));
}

// Any other error of the engine (a storage limit, say), as a QueryError of its kind.
[[noreturn]] void raiseEngineError(const Exception& error) {
    const py::object cls = queryErrorClass(error.kind());
    raise(cls, cls(error.kind() + ": " + error.what(), error.kind(), "", phaseName(QueryPhase::Runtime), py::none(),
                   py::none(), error.what()));
}

[[noreturn]] void raiseLoadError(const std::string& message, const py::object& file, const py::object& line) {
    const py::object& cls = errorClasses().loadError;
    raise(cls, cls(message, file, line));
}

// ---- Ctrl-C ---------------------------------------------------------------------------------

std::thread::id gMainThread;
std::atomic<bool> gInterrupted{false};
struct sigaction gPythonAction {};

void onInterrupt(int signal) {
    gInterrupted.store(true);
    // Let Python's own handler see it too: it raises KeyboardInterrupt when the GIL comes back.
    if ((gPythonAction.sa_flags & SA_SIGINFO) == 0 && gPythonAction.sa_handler != SIG_DFL &&
        gPythonAction.sa_handler != SIG_IGN && gPythonAction.sa_handler != nullptr) {
        gPythonAction.sa_handler(signal);
    }
}

// While alive on the main thread, SIGINT cancels the statement instead of waiting for it.
class InterruptListener {
public:
    InterruptListener() {
        static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");
        if (std::this_thread::get_id() != gMainThread) {
            return;
        }
        struct sigaction current {};
        sigaction(SIGINT, nullptr, &current);
        if (current.sa_handler == SIG_IGN) {
            return; // the program chose to ignore Ctrl-C
        }
        gInterrupted.store(false);
        struct sigaction action {};
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, &gPythonAction);
        active_ = true;
    }
    InterruptListener(const InterruptListener&) = delete;
    InterruptListener& operator=(const InterruptListener&) = delete;
    ~InterruptListener() {
        if (active_) {
            sigaction(SIGINT, &gPythonAction, nullptr);
        }
    }
    const std::atomic<bool>* flag() const { return active_ ? &gInterrupted : nullptr; }
    bool interrupted() const { return active_ && gInterrupted.load(); }

private:
    bool active_ = false;
};

// After a statement stopped by Ctrl-C: the KeyboardInterrupt Python's handler raises.
[[noreturn]] void raiseInterrupt() {
    if (PyErr_CheckSignals() != 0) {
        throw py::error_already_set();
    }
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    throw py::error_already_set();
}

// ---- the database ---------------------------------------------------------------------------

Parameters toParameters(const py::object& parameters) {
    Parameters out;
    if (parameters.is_none()) {
        return out;
    }
    if (!PyDict_Check(parameters.ptr())) {
        throw py::type_error("parameters must be a dict of name -> value");
    }
    for (const auto& [key, value] : py::reinterpret_borrow<py::dict>(parameters)) {
        if (!PyUnicode_Check(key.ptr())) {
            throw py::type_error("parameter names must be strings");
        }
        std::string name = key.cast<std::string>();
        Value converted = fromPython(value, name);
        out.emplace_back(std::move(name), std::move(converted));
    }
    return out;
}

// None: the default limit (80% of the machine); "off": none; a size such as "500MB"; bytes.
std::optional<uint64_t> toMemoryLimit(const py::object& limit) {
    if (limit.is_none()) {
        return defaultMemoryLimit();
    }
    if (PyUnicode_Check(limit.ptr())) {
        const auto text = limit.cast<std::string>();
        if (text == "off") {
            return std::nullopt;
        }
        if (std::optional<uint64_t> bytes = parseMemorySize(text)) {
            return bytes;
        }
        throw py::value_error("max_memory takes a size such as '500MB', '2GiB' or '50%', a number of bytes, or 'off'");
    }
    if (PyLong_Check(limit.ptr()) && !PyBool_Check(limit.ptr())) {
        const auto bytes = limit.cast<int64_t>();
        if (bytes > 0) {
            return static_cast<uint64_t>(bytes);
        }
    }
    throw py::value_error("max_memory takes a size such as '500MB', '2GiB' or '50%', a number of bytes, or 'off'");
}

ExecuteOptions toOptions(const std::optional<double>& timeout, const std::vector<std::string>& disabledRules,
                         const py::object& maxMemory = py::none()) {
    ExecuteOptions options;
    options.maxMemory = toMemoryLimit(maxMemory);
    if (timeout) {
        if (!(*timeout > 0)) {
            throw py::value_error("timeout must be a positive number of seconds");
        }
        options.timeout = std::chrono::milliseconds(static_cast<int64_t>(*timeout * kMillisPerSecond + 0.5));
    }
    options.disabledRules = disabledRules;
    return options;
}

// The rows of one statement. Values stay engine values until Python reads them.
class Result {
public:
    explicit Result(QueryResult result) : result_(std::move(result)) {}

    const std::vector<std::string>& columns() const { return result_.columns; }
    size_t size() const { return result_.rows.size(); }

    py::tuple row(py::ssize_t index) const {
        const auto count = static_cast<py::ssize_t>(result_.rows.size());
        if (index < 0) {
            index += count;
        }
        if (index < 0 || index >= count) {
            throw py::index_error("result row index out of range");
        }
        const auto& values = result_.rows[static_cast<size_t>(index)];
        py::tuple out(values.size());
        for (size_t c = 0; c < values.size(); ++c) {
            out[c] = toPython(*result_.graph, values[c]);
        }
        return out;
    }

    py::list rows() const {
        py::list out(result_.rows.size());
        for (size_t r = 0; r < result_.rows.size(); ++r) {
            out[r] = row(static_cast<py::ssize_t>(r));
        }
        return out;
    }

    py::list frameColumns() const { return python::frameColumns(result_); }
    py::object node(NodeId id) const { return nodeToPython(*result_.graph, id); }

    py::dict statistics() const {
        const QueryStatistics& s = result_.statistics;
        py::dict out;
        out["nodes_created"] = s.nodesCreated;
        out["nodes_deleted"] = s.nodesDeleted;
        out["relationships_created"] = s.relationshipsCreated;
        out["relationships_deleted"] = s.relationshipsDeleted;
        out["properties_set"] = s.propertiesSet;
        out["properties_removed"] = s.propertiesRemoved;
        out["labels_added"] = s.labelsAdded;
        out["labels_removed"] = s.labelsRemoved;
        return out;
    }

    py::dict timings() const {
        const auto seconds = [](std::chrono::nanoseconds span) { return std::chrono::duration<double>(span).count(); };
        py::dict out;
        out["parse"] = seconds(result_.timings.parse);
        out["plan"] = seconds(result_.timings.plan);
        out["execute"] = seconds(result_.timings.execute);
        return out;
    }

    const std::vector<std::string>& notifications() const { return result_.notifications; }

private:
    QueryResult result_;
};

class PyDatabase {
public:
    Result execute(const std::string& query, const py::object& parameters, const std::optional<double>& timeout,
                   const std::vector<std::string>& disabledRules, const py::object& maxMemory, uint32_t threads) {
        const Parameters values = toParameters(parameters);
        ExecuteOptions options = toOptions(timeout, disabledRules, maxMemory);
        if (threads > 0) {
            options.threads = threads;
        }
        const InterruptListener listener;
        options.cancelled = listener.flag();
        std::optional<QueryResult> result;
        try {
            const py::gil_scoped_release release;
            result = database_.execute(query, values, options);
        } catch (const QueryError& error) {
            if (listener.interrupted() && error.detail() == kCancelledDetail) {
                raiseInterrupt();
            }
            raiseQueryError(error, query);
        } catch (const std::invalid_argument& error) {
            throw py::value_error(error.what());
        } catch (const Exception& error) {
            raiseEngineError(error);
        }
        return Result(std::move(*result));
    }

    std::string explain(const std::string& query, const py::object& parameters,
                        const std::vector<std::string>& disabledRules) {
        const Parameters values = toParameters(parameters);
        const ExecuteOptions options = toOptions(std::nullopt, disabledRules);
        try {
            const py::gil_scoped_release release;
            return database_.explain(query, values, options);
        } catch (const QueryError& error) {
            raiseQueryError(error, query);
        } catch (const std::invalid_argument& error) {
            throw py::value_error(error.what());
        }
    }

    LoadReport load(const std::string& spec, bool strict, size_t rejectsKept, unsigned threads,
                    const std::optional<double>& timeout, const py::object& maxMemory) {
        const ExecuteOptions limits = toOptions(timeout, {}, maxMemory);
        LoadOptions options;
        options.strict = strict;
        options.rejectsKept = rejectsKept;
        options.threads = threads;
        if (limits.timeout) {
            options.timeout = limits.timeout;
            options.deadline = std::chrono::steady_clock::now() + *limits.timeout;
        }
        const InterruptListener listener;
        options.cancelled = listener.flag();
        LoadReport report;
        try {
            const py::gil_scoped_release release;
            database_.update([&](GraphBuilder& builder) { loadSpec(builder, spec, options, report); }, limits);
        } catch (const QueryError& error) {
            raiseQueryError(error, spec); // MemoryLimitError
        } catch (const LoadError& error) {
            if (listener.interrupted()) {
                raiseInterrupt();
            }
            raiseLoadError(error.what(), py::str(error.file()),
                           error.line() == 0 ? py::object(py::none()) : py::object(py::int_(error.line())));
        } catch (const Exception& error) {
            raiseLoadError(error.what(), py::none(), py::none());
        }
        return report;
    }

    uint64_t nodeCount() const { return database_.snapshot()->liveNodeCount(); }
    uint64_t relationshipCount() const { return database_.snapshot()->liveRelCount(); }

private:
    Database database_;
};

void registerErrors(const py::dict& queryErrors, const py::object& queryError, const py::object& loadError) {
    ErrorClasses& classes = errorClasses();
    classes.queryErrors = queryErrors;
    classes.queryError = queryError;
    classes.loadError = loadError;
}

} // namespace

} // namespace newsgraph::python

PYBIND11_MODULE(_newsgraph, module) {
    using namespace newsgraph;
    using namespace newsgraph::python;
    module.doc() = "The compiled core of newsgraph; use the `newsgraph` package, which wraps it.";
    initDatetime();
    gMainThread = std::this_thread::get_id();

    module.def("_register_types", &registerTypes);
    module.def("_register_errors", &registerErrors);
    module.def("optimizer_rules", [] {
        py::list out;
        for (const RuleInfo& rule : optimizerRules()) {
            out.append(py::make_tuple(rule.name, rule.summary));
        }
        return out;
    });
    module.def("memory_limits_enforced", &memoryLimitsEnforced);
    module.def("formats", [] {
        py::list out;
        for (const auto& loader : loaders()) {
            out.append(py::make_tuple(std::string(loader->format()), std::string(loader->description())));
        }
        return out;
    });

    py::class_<Reject>(module, "Reject")
        .def_readonly("file", &Reject::file)
        .def_readonly("line", &Reject::line)
        .def_readonly("reason", &Reject::reason)
        .def("__repr__", [](const Reject& reject) {
            return "Reject(" + formatLocation(reject.file, reject.line, reject.reason) + ")";
        })
        .def("__str__", [](const Reject& reject) { return formatLocation(reject.file, reject.line, reject.reason); });

    py::class_<LoadReport>(module, "LoadReport")
        .def_readonly("rows", &LoadReport::rowsRead)
        .def_readonly("nodes_created", &LoadReport::nodesCreated)
        .def_readonly("relationships_created", &LoadReport::relsCreated)
        .def_readonly("merged", &LoadReport::merged)
        .def_readonly("rejected", &LoadReport::rejected)
        .def_readonly("rejects", &LoadReport::rejects)
        .def_readonly("notes", &LoadReport::notes)
        .def_readonly("seconds", &LoadReport::seconds)
        .def("__str__", &LoadReport::toString)
        .def("__repr__", [](const LoadReport& report) {
            return "<LoadReport rows=" + std::to_string(report.rowsRead) + " rejected=" + std::to_string(report.rejected) +
                   ">";
        });

    py::class_<Result>(module, "Result")
        .def_property_readonly("columns", &Result::columns)
        .def("__len__", &Result::size)
        .def("row", &Result::row)
        .def("rows", &Result::rows)
        .def("frame_columns", &Result::frameColumns)
        .def("node", &Result::node)
        .def_property_readonly("statistics", &Result::statistics)
        .def_property_readonly("timings", &Result::timings)
        .def_property_readonly("notifications", &Result::notifications);

    py::class_<PyDatabase>(module, "Database")
        .def(py::init<>())
        .def("execute", &PyDatabase::execute, py::arg("query"), py::arg("parameters") = py::none(),
             py::arg("timeout") = py::none(), py::arg("disabled_rules") = std::vector<std::string>{},
             py::arg("max_memory") = py::none(), py::arg("threads") = 0)
        .def("explain", &PyDatabase::explain, py::arg("query"), py::arg("parameters") = py::none(),
             py::arg("disabled_rules") = std::vector<std::string>{})
        .def("load", &PyDatabase::load, py::arg("spec"), py::arg("strict") = false, py::arg("rejects_kept") = 10,
             py::arg("threads") = 0, py::arg("timeout") = py::none(), py::arg("max_memory") = py::none())
        .def_property_readonly("node_count", &PyDatabase::nodeCount)
        .def_property_readonly("relationship_count", &PyDatabase::relationshipCount);
}
