#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "cli/output_format.hpp"
#include "query/database.hpp"

namespace newsgraph {

// How one result is shown.
struct ResultDisplay {
    double milliseconds = 0.0; // the table footer's time
    size_t maxRows = 0;        // table rows shown at most (0: all); a footer says how many were shown
};

// Aligned columns with a header, values as Cypher literals (Database::render), long cells cut
// with '…', and a footer: "3 rows (0.42 ms)" or "showing 100 of 2345 rows (12.30 ms)".
void writeTable(std::ostream& out, const Database& database, const QueryResult& result, const ResultDisplay& display);
// RFC 4180: a header row, then one record per row, CRLF line ends, fields with ',', '"', CR or LF
// quoted. Strings are written as they are, null as an empty field, '' as "", dates in ISO 8601,
// lists, maps and graph entities as Cypher literals.
void writeCsv(std::ostream& out, const Database& database, const QueryResult& result);
// JSON Lines: one object per row, keyed by column name, in column order.
void writeJsonLines(std::ostream& out, const Database& database, const QueryResult& result);
// The nodes and relationships anywhere in the result (paths, lists and maps included) as one
// Graphviz digraph; nodes are labelled by name, relationships by type.
void writeDot(std::ostream& out, const Database& database, const QueryResult& result);

void writeResult(OutputFormat format, std::ostream& out, const Database& database, const QueryResult& result,
                 const ResultDisplay& display);

// "nodes created: 1, properties set: 2", or "" when the statement changed nothing.
std::string describeStatistics(const QueryStatistics& statistics);

} // namespace newsgraph
