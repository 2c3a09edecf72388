#include "tests/tck/scenario_runner.hpp"

#include <fstream>
#include <new>
#include <optional>
#include <sstream>

#include "query/database.hpp"
#include "tests/tck/result_compare.hpp"
#include "tests/tck/tck_procedure.hpp"
#include "tests/tck/tck_steps.hpp"
#include "tests/tck/value_conversion.hpp"

namespace newsgraph::tck {

namespace {

struct CapturedError {
    std::string kind;
    QueryPhase phase = QueryPhase::CompileTime;
    std::string detail;
    std::string message;
};

SideEffects sideEffectsOf(const QueryStatistics& statistics) {
    SideEffects effects;
    effects.nodesCreated = static_cast<int64_t>(statistics.nodesCreated);
    effects.nodesDeleted = static_cast<int64_t>(statistics.nodesDeleted);
    effects.relationshipsCreated = static_cast<int64_t>(statistics.relationshipsCreated);
    effects.relationshipsDeleted = static_cast<int64_t>(statistics.relationshipsDeleted);
    effects.propertiesSet = static_cast<int64_t>(statistics.propertiesSet);
    effects.propertiesRemoved = static_cast<int64_t>(statistics.propertiesRemoved);
    effects.labelsAdded = static_cast<int64_t>(statistics.labelsAdded);
    effects.labelsRemoved = static_cast<int64_t>(statistics.labelsRemoved);
    return effects;
}

bool phaseMatches(ErrorPhase expected, QueryPhase actual) {
    switch (expected) {
    case ErrorPhase::CompileTime: return actual == QueryPhase::CompileTime;
    case ErrorPhase::Runtime: return actual == QueryPhase::Runtime;
    case ErrorPhase::AnyTime: return true;
    }
    return false;
}

std::string oneLine(std::string text) {
    for (char& c : text) {
        if (c == '\n') {
            c = ' ';
        }
    }
    return text;
}

// The state of one scenario while its steps run. Each step method returns false after
// recording why the scenario failed.
class ScenarioExecution {
public:
    ScenarioExecution(const std::filesystem::path& graphsDir, ScenarioOutcome& outcome)
        : graphsDir_(graphsDir), outcome_(outcome) {}

    bool runStep(const Step& step) {
        const StepInfo info = classifyStep(step.text);
        switch (info.kind) {
        case StepKind::EmptyGraph:
        case StepKind::AnyGraph: return true;
        case StepKind::NamedGraph: return loadNamedGraph(info.argument);
        case StepKind::HavingExecuted:
            if (!step.docString) {
                return fail("'having executed' without a doc string");
            }
            return executeSetup(*step.docString, "setup query");
        case StepKind::Parameters: return setParameters(step);
        case StepKind::Procedure: return declareProcedure(step, info.argument);
        case StepKind::ExecuteQuery:
        case StepKind::ExecuteControlQuery: return executeQuery(step);
        case StepKind::ExpectResult: return expectResult(step, info);
        case StepKind::ExpectEmpty: return expectEmpty();
        case StepKind::ExpectError: return expectError(info.error);
        case StepKind::NoSideEffects: return expectSideEffects(SideEffects{});
        case StepKind::SideEffects: return expectSideEffectsTable(step);
        case StepKind::Unknown: break;
        }
        return fail("unsupported step: " + step.keyword + " " + step.text);
    }

    bool finish() {
        if (!executed_) {
            return fail("the scenario executes no query");
        }
        return checkNoUnexpectedError();
    }

private:
    bool fail(std::string message) {
        outcome_.message = std::move(message);
        return false;
    }

    bool checkNoUnexpectedError() {
        if (error_ && !errorChecked_) {
            return fail("the query raised an error no step expects: " + error_->message);
        }
        return true;
    }

    bool requireResult() {
        if (!executed_) {
            return fail("no query was executed before this step");
        }
        if (error_) {
            errorChecked_ = true;
            return fail("expected a result, but the query raised " + error_->message);
        }
        if (!conversionError_.empty()) {
            return fail("cannot read the result: " + conversionError_);
        }
        return true;
    }

    bool loadNamedGraph(const std::string& name) {
        const std::filesystem::path file = graphsDir_ / name / (name + ".cypher");
        std::ifstream in(file, std::ios::binary);
        if (name.empty() || !in.is_open()) {
            return fail("named graph '" + name + "' is not available (no " + file.string() + ")");
        }
        std::ostringstream text;
        text << in.rdbuf();
        return executeSetup(text.str(), "named graph '" + name + "'");
    }

    bool executeSetup(const std::string& query, const std::string& what) {
        try {
            database_.execute(query, parameters_);
            return true;
        } catch (const QueryError& error) {
            return fail(what + " failed: " + error.kind() + ": " + oneLine(error.what()));
        } catch (const std::bad_alloc&) {
            return fail(what + " ran out of memory");
        } catch (const std::exception& error) {
            return fail(what + " threw an unexpected exception: " + oneLine(error.what()));
        }
    }

    bool declareProcedure(const Step& step, const std::string& signature) {
        if (!step.table) {
            return fail("'there exists a procedure' without a table");
        }
        TckProcedureParse parse = makeTckProcedure(signature, *step.table);
        if (!parse.procedure) {
            return fail(parse.error);
        }
        database_.registerProcedure(std::move(parse.procedure));
        return true;
    }

    bool setParameters(const Step& step) {
        if (!step.table) {
            return fail("'parameters are' without a table");
        }
        ParametersParse parse = parseParameters(*step.table);
        if (!parse.parameters) {
            return fail("bad parameters: " + parse.error);
        }
        Parameters parameters;
        for (const auto& [name, literal] : *parse.parameters) {
            ParameterConversion converted = toEngineValue(literal);
            if (!converted.value) {
                return fail("parameter '" + name + "': " + converted.error);
            }
            parameters.emplace_back(name, std::move(*converted.value));
        }
        parameters_ = std::move(parameters);
        return true;
    }

    bool executeQuery(const Step& step) {
        if (!step.docString) {
            return fail("query step without a doc string");
        }
        if (!checkNoUnexpectedError()) {
            return false;
        }
        executed_ = true;
        error_.reset();
        errorChecked_ = false;
        result_ = ActualResult{};
        effects_ = SideEffects{};
        conversionError_.clear();
        const std::string& query = *step.docString;
        try {
            QueryResult result = database_.execute(query, parameters_);
            effects_ = sideEffectsOf(result.statistics);
            readResult(result);
            return true;
        } catch (const QueryError& error) {
            error_ = CapturedError{error.kind(), error.phase(), error.detail(), oneLine(error.render(query))};
            return true;
        } catch (const std::bad_alloc&) {
            return fail("the query ran out of memory");
        } catch (const std::exception& error) {
            return fail("the query threw an unexpected exception: " + oneLine(error.what()));
        }
    }

    // Converts now: node and relationship ids are only valid until the next write statement.
    void readResult(const QueryResult& result) {
        result_.columns = result.columns;
        result_.rows.reserve(result.rows.size());
        for (const std::vector<Value>& row : result.rows) {
            std::vector<TckValue> converted;
            converted.reserve(row.size());
            for (const Value& value : row) {
                ConversionResult tck = toTckValue(value, database_);
                if (!tck.value && conversionError_.empty()) {
                    conversionError_ = tck.error;
                }
                converted.push_back(tck.value ? std::move(*tck.value) : TckValue::null());
            }
            result_.rows.push_back(std::move(converted));
        }
    }

    bool expectResult(const Step& step, const StepInfo& info) {
        if (!requireResult()) {
            return false;
        }
        if (!step.table) {
            return fail("result step without a table");
        }
        ExpectedResultParse expected = parseExpectedResult(*step.table);
        if (!expected.result) {
            return fail("bad expected result: " + expected.error);
        }
        CompareOutcome compared = compareResults(*expected.result, result_, info.rowOrder, info.listOrder);
        return compared.matched || fail(compared.message);
    }

    bool expectEmpty() {
        if (!requireResult()) {
            return false;
        }
        if (!result_.rows.empty()) {
            return fail("expected no rows, got " + std::to_string(result_.rows.size()));
        }
        return true;
    }

    bool expectError(const ErrorExpectation& expected) {
        if (!executed_) {
            return fail("no query was executed before this step");
        }
        const std::string wanted =
            expected.kind + " at " + errorPhaseName(expected.phase) + (expected.detail.empty() ? "" : ": ") +
            expected.detail;
        if (!error_) {
            return fail("expected " + wanted + ", but the query succeeded with " +
                        std::to_string(result_.rows.size()) + " rows");
        }
        errorChecked_ = true;
        if (error_->kind != expected.kind || !phaseMatches(expected.phase, error_->phase)) {
            return fail("expected " + wanted + ", got " + error_->kind + " at " + phaseName(error_->phase) + ": " +
                        error_->detail + " (" + error_->message + ")");
        }
        if (!expected.detail.empty() && expected.detail != "*" && expected.detail != error_->detail) {
            outcome_.notes.push_back("error detail: expected " + expected.detail + ", got " + error_->detail);
        }
        return true;
    }

    bool expectSideEffects(const SideEffects& expected) {
        if (!executed_) {
            return fail("no query was executed before this step");
        }
        // A failed statement changes nothing, so its side effects stay zero.
        CompareOutcome compared = compareSideEffects(expected, effects_);
        return compared.matched || fail(compared.message);
    }

    bool expectSideEffectsTable(const Step& step) {
        if (!step.table) {
            return fail("side-effects step without a table");
        }
        SideEffectsParse parse = parseSideEffects(*step.table);
        if (!parse.effects) {
            return fail("bad side-effects table: " + parse.error);
        }
        return expectSideEffects(*parse.effects);
    }

    const std::filesystem::path& graphsDir_;
    ScenarioOutcome& outcome_;
    Database database_;
    Parameters parameters_;
    bool executed_ = false;
    std::optional<CapturedError> error_;
    bool errorChecked_ = false;
    ActualResult result_;
    std::string conversionError_;
    SideEffects effects_;
};

} // namespace

namespace {

std::filesystem::path graphsDirBeside(const std::filesystem::path& featuresDir) {
    std::filesystem::path dir = featuresDir.lexically_normal();
    if (dir.filename().empty()) {
        dir = dir.parent_path(); // "features/" -> "features"
    }
    return dir.parent_path() / "graphs";
}

} // namespace

ScenarioRunner::ScenarioRunner(const std::filesystem::path& featuresDir) : graphsDir_(graphsDirBeside(featuresDir)) {}

ScenarioOutcome ScenarioRunner::run(const Scenario& scenario) const noexcept {
    ScenarioOutcome outcome;
    try {
        ScenarioExecution execution(graphsDir_, outcome);
        for (const Step& step : scenario.steps) {
            if (!execution.runStep(step)) {
                outcome.message = "line " + std::to_string(step.line) + " (" + step.keyword + " " + step.text +
                                  "): " + outcome.message;
                return outcome;
            }
        }
        if (!execution.finish()) {
            return outcome;
        }
        outcome.passed = true;
        return outcome;
    } catch (const std::bad_alloc&) {
        outcome.passed = false;
        outcome.message = "out of memory";
    } catch (const std::exception& error) {
        outcome.passed = false;
        outcome.message = std::string("unexpected exception: ") + error.what();
    } catch (...) {
        outcome.passed = false;
        outcome.message = "unexpected non-standard exception";
    }
    return outcome;
}

} // namespace newsgraph::tck
