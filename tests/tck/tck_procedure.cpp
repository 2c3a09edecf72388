#include "tests/tck/tck_procedure.hpp"

#include <utility>

#include "engine/function/value_ops.hpp"
#include "tests/tck/tck_value.hpp"
#include "tests/tck/value_conversion.hpp"

namespace newsgraph::tck {

namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// "name :: TYPE?, other :: TYPE?" -> fields; false on a malformed field.
bool parseFields(std::string_view text, std::vector<ProcedureField>& fields, std::string& error) {
    text = trimmed(text);
    while (!text.empty()) {
        const size_t comma = text.find(',');
        const std::string_view field = trimmed(text.substr(0, comma));
        const size_t colons = field.find("::");
        if (colons == std::string_view::npos) {
            error = "a procedure field without '::': " + std::string(field);
            return false;
        }
        const auto type = parseProcedureType(trimmed(field.substr(colons + 2)));
        if (!type) {
            error = "unknown procedure field type: " + std::string(field);
            return false;
        }
        fields.push_back(ProcedureField{std::string(trimmed(field.substr(0, colons))), *type, std::nullopt});
        text = comma == std::string_view::npos ? std::string_view() : trimmed(text.substr(comma + 1));
    }
    return true;
}

// Yields the outputs of every table row whose inputs are equivalent to the arguments (null
// matching null, 42 matching 42.0 -- the TCK declares FLOAT inputs with float cells).
class TableProcedure final : public Procedure {
public:
    TableProcedure(ProcedureSignature signature, std::vector<std::vector<Value>> rows)
        : Procedure(std::move(signature)), rows_(std::move(rows)) {}

    std::vector<std::vector<Value>> call(const ProcedureContext& /*context*/,
                                         const std::vector<Value>& arguments) const override {
        const size_t inputs = signature().inputs.size();
        std::vector<std::vector<Value>> out;
        for (const std::vector<Value>& row : rows_) {
            bool matches = true;
            for (size_t i = 0; i < inputs && matches; ++i) {
                matches = equivalent(row[i], arguments[i]);
            }
            if (matches) {
                out.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(inputs), row.end());
            }
        }
        return out;
    }

private:
    std::vector<std::vector<Value>> rows_;
};

} // namespace

TckProcedureParse makeTckProcedure(std::string_view signature, const DataTable& table) {
    TckProcedureParse parse;
    const size_t open = signature.find('(');
    const size_t close = signature.find(')', open);
    const size_t colons = signature.find("::", close);
    const size_t outputsOpen = signature.find('(', colons);
    const size_t outputsClose = signature.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || colons == std::string_view::npos ||
        outputsOpen == std::string_view::npos || outputsClose < outputsOpen) {
        parse.error = "malformed procedure signature: " + std::string(signature);
        return parse;
    }
    ProcedureSignature declared;
    declared.name = std::string(trimmed(signature.substr(0, open)));
    if (!parseFields(signature.substr(open + 1, close - open - 1), declared.inputs, parse.error) ||
        !parseFields(signature.substr(outputsOpen + 1, outputsClose - outputsOpen - 1), declared.outputs,
                     parse.error)) {
        return parse;
    }
    const size_t width = declared.inputs.size() + declared.outputs.size();
    std::vector<std::vector<Value>> rows;
    // The first table row is the header; a void procedure's table is one empty row.
    for (size_t r = 1; r < table.rows.size(); ++r) {
        if (table.rows[r].size() != width) {
            parse.error = "procedure table row " + std::to_string(r) + " has the wrong number of cells";
            return parse;
        }
        std::vector<Value> values;
        for (const std::string& cell : table.rows[r]) {
            TckParseResult literal = parseTckValue(cell);
            if (!literal.value) {
                parse.error = "procedure table cell '" + cell + "': " + literal.error;
                return parse;
            }
            ParameterConversion converted = toEngineValue(*literal.value);
            if (!converted.value) {
                parse.error = "procedure table cell '" + cell + "': " + converted.error;
                return parse;
            }
            values.push_back(std::move(*converted.value));
        }
        rows.push_back(std::move(values));
    }
    parse.procedure = std::make_shared<TableProcedure>(std::move(declared), std::move(rows));
    return parse;
}

} // namespace newsgraph::tck
