// Fuzz target: one Cypher statement (reads and writes) through parse, plan, optimize and execute
// on the seed article's graph. Anything the engine refuses must be a newsgraph::Exception (a
// QueryError with kind and position); a crash, a hang past the timeout or UB is a finding.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/common/exception.hpp"
#include "query/database.hpp"

namespace {

constexpr size_t kMaxQueryBytes = 4096;
constexpr std::chrono::milliseconds kTimeout{200};

// A small graph with every kind of value, made anew for each input (writes do not accumulate).
constexpr const char* kSetup =
    "CREATE (cz:Actor:Country {name: 'Czech Republic', code: 'CZE', founded: date('1993-01-01')}), "
    "(cn:Actor:Country {name: 'China', code: 'CHN', aliases: ['PRC']}), "
    "(apt:Actor:Group {name: 'APT31', score: 9.5}), "
    "(c:Claim {kind: 'attribution', made: datetime('2025-05-28T10:00[Europe/Prague]'), window: duration('P7D')}), "
    "(c)-[:BY]->(cz), (c)-[:TO]->(apt), (apt)-[:ASSOCIATED_WITH {since: 2010}]->(cn), "
    "(cz)-[:ACCUSE {date: date('2025-05-28'), code: '112'}]->(cn), (cn)-[:DENY {date: date('2025-05-29')}]->(cz)";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > kMaxQueryBytes) {
        return 0;
    }
    const std::string query(reinterpret_cast<const char*>(data), size);
    newsgraph::ExecuteOptions options;
    options.timeout = kTimeout;
    newsgraph::Database database;
    database.execute(kSetup);
    try {
        (void)database.execute(query, {}, options);
    } catch (const newsgraph::Exception&) {
        // a reported error: the expected outcome for most inputs
    }
    return 0;
}
