#pragma once

#include <cstdlib>
#include <thread>

#include "engine/common/cores.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

// The threads a load uses: LoadOptions::threads, else NEWSGRAPH_LOAD_THREADS, else the core
// count; at most two (one parses, one builds the graph).
inline unsigned loadThreads(const LoadOptions& options) {
    unsigned threads = options.threads;
    if (threads == 0) {
        if (const char* text = std::getenv("NEWSGRAPH_LOAD_THREADS"); text != nullptr && *text != '\0') {
            threads = static_cast<unsigned>(std::strtoul(text, nullptr, 10));
        }
    }
    if (threads == 0) {
        threads = availableCores();
    }
    return threads >= 2 ? 2 : 1;
}

} // namespace newsgraph
