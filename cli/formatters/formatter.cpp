#include "cli/formatters/formatter.hpp"

#include <fmt/format.h>

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

std::string describeStatistics(const QueryStatistics& statistics) {
    const std::pair<const char*, uint64_t> counts[] = {
        {"nodes created", statistics.nodesCreated},
        {"nodes deleted", statistics.nodesDeleted},
        {"relationships created", statistics.relationshipsCreated},
        {"relationships deleted", statistics.relationshipsDeleted},
        {"properties set", statistics.propertiesSet},
        {"properties removed", statistics.propertiesRemoved},
        {"labels added", statistics.labelsAdded},
        {"labels removed", statistics.labelsRemoved},
    };
    std::string out;
    for (const auto& [name, count] : counts) {
        if (count == 0) {
            continue;
        }
        out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", name, count);
    }
    return out;
}

} // namespace newsgraph
