#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/formatters/formatter.hpp"
#include "cli/formatters/text.hpp"

namespace newsgraph {

namespace {

// Cells wider than this many characters are cut and end with '…'.
constexpr size_t kMaxCellWidth = 64;

struct Cell {
    std::string text;
    bool number = false; // right-aligned
};

std::string pad(const Cell& cell, size_t width) {
    std::string padded;
    const size_t padding = width - displayWidth(cell.text);
    if (cell.number) {
        padded.append(padding, ' ');
    }
    padded += cell.text;
    if (!cell.number) {
        padded.append(padding, ' ');
    }
    return padded;
}

std::string ruler(const std::vector<size_t>& widths) {
    std::string line = "+";
    for (size_t width : widths) {
        line.append(width + 2, '-');
        line += '+';
    }
    line += '\n';
    return line;
}

std::string tableRow(const std::vector<Cell>& cells, const std::vector<size_t>& widths) {
    std::string line = "|";
    for (size_t c = 0; c < cells.size(); ++c) {
        line += ' ';
        line += pad(cells[c], widths[c]);
        line += " |";
    }
    line += '\n';
    return line;
}

std::string rowCount(size_t rows) {
    return fmt::format("{} {}", rows, rows == 1 ? "row" : "rows");
}

} // namespace

void writeTable(std::ostream& out, const Database& database, const QueryResult& result, const ResultDisplay& display) {
    const std::string time = fmt::format("({:.2f} ms)", display.milliseconds);
    const std::string changes = describeStatistics(result.statistics);
    if (result.columns.empty()) {
        out << (changes.empty() ? "no changes, no rows" : changes) << " " << time << "\n";
        return;
    }
    const size_t total = result.rows.size();
    const size_t shown = display.maxRows == 0 ? total : std::min(total, display.maxRows);

    std::vector<size_t> widths;
    std::vector<Cell> header;
    for (const std::string& column : result.columns) {
        header.push_back({truncateToWidth(printable(column), kMaxCellWidth)});
        widths.push_back(displayWidth(header.back().text));
    }
    std::vector<std::vector<Cell>> body;
    body.reserve(shown);
    for (size_t r = 0; r < shown; ++r) {
        std::vector<Cell> cells;
        const std::vector<Value>& row = result.rows[r];
        for (size_t c = 0; c < result.columns.size(); ++c) {
            const Value& value = c < row.size() ? row[c] : Value();
            const bool number = value.type() == ValueType::Int || value.type() == ValueType::Float;
            cells.push_back({truncateToWidth(printable(database.render(value)), kMaxCellWidth), number});
            widths[c] = std::max(widths[c], displayWidth(cells.back().text));
        }
        body.push_back(std::move(cells));
    }

    const std::string line = ruler(widths);
    out << line << tableRow(header, widths) << line;
    for (const std::vector<Cell>& cells : body) {
        out << tableRow(cells, widths);
    }
    if (!body.empty()) {
        out << line;
    }
    if (shown < total) {
        out << fmt::format("showing {} of {} rows {}\n", shown, total, time);
    } else {
        out << rowCount(total) << " " << time << "\n";
    }
    if (!changes.empty()) {
        out << changes << "\n";
    }
}

} // namespace newsgraph
