#include "cli/formatters/formatter.hpp"

namespace newsgraph {

void writeResult(OutputFormat format, std::ostream& out, const Database& database, const QueryResult& result,
                 const ResultDisplay& display) {
    switch (format) {
    case OutputFormat::Table: writeTable(out, database, result, display); return;
    case OutputFormat::Csv: writeCsv(out, database, result); return;
    case OutputFormat::Json: writeJsonLines(out, database, result); return;
    case OutputFormat::Dot: writeDot(out, database, result); return;
    }
}

} // namespace newsgraph
