// `gdelt`: GDELT event rows as CAMEO-typed relationships between actor nodes. Each file is read and
// its records checked into rows (gdelt_rows.cpp), on a second thread when the load may use two;
// the calling thread applies the rows to the graph (gdelt_graph.cpp) in file order and reports
// the rejected ones, so both ways give the same graph and the same report.
#include <algorithm>
#include <filesystem>

#include "loaders/gdelt_graph.hpp"
#include "loaders/load_threads.hpp"
#include "loaders/gdelt_rows.hpp"
#include "loaders/news_load.hpp"
#include "loaders/news_loaders.hpp"
#include "loaders/progress.hpp"
#include "loaders/read_ahead.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kHeaderStart = "GLOBALEVENTID";
constexpr uint64_t kProgressEvery = 4096;
constexpr size_t kBatchesAhead = 4;
constexpr size_t kPrefetchRows = 8;
constexpr uint64_t kMinReserve = 65536;
constexpr double kReserveMargin = 1.25;

class GdeltLoad {
public:
    GdeltLoad(GraphBuilder& builder, const LoadOptions& options, LoadReport& report, GdeltStats& stats)
        : builder_(builder), options_(options), report_(report), graph_(builder, stats),
          threads_(loadThreads(options)) {}

    unsigned threads() const { return threads_; }

    // Loads one file; false when `sniff` is set and the file is not a GDELT event file. `bytesAhead`:
    // the size of this file and the ones after it.
    bool loadFile(const std::string& path, bool sniff, uint64_t bytesAhead, Progress& progress) {
        // No read-ahead thread: with two threads the parsing thread reads and decompresses too.
        LineReader lines(path, false);
        std::string_view first;
        if (!lines.next(first)) {
            if (lines.error()) {
                report_.reject(options_, path, lines.errorLine(), *lines.error());
                return true;
            }
            if (sniff) {
                return false;
            }
            throw LoadError(path, 0, "the file is empty");
        }
        path_ = &path;
        std::optional<GdeltLayout> csv;
        std::string firstLine;
        if (first.substr(0, kHeaderStart.size()) == kHeaderStart) {
            csv = gdeltCsvLayout(first, path);
        } else {
            if (sniff && !isGdeltTsvLine(first)) {
                return false;
            }
            firstLine = std::string(first); // the first row, parsed with the others
        }
        GdeltRowSource source(lines, csv, std::move(firstLine));
        reserved_ = false;
        GdeltBatch batch;
        if (threads_ > 1) {
            // Joined at the end of this block (also when a strict reject throws): the reader's
            // error is read after it.
            ReadAhead<GdeltBatch> ahead([&source](GdeltBatch& next) { return source.fill(next); }, kBatchesAhead);
            while (ahead.take(batch)) {
                apply(batch, bytesAhead, progress);
            }
        } else {
            while (source.fill(batch)) {
                apply(batch, bytesAhead, progress);
            }
        }
        if (lines.error()) {
            report_.reject(options_, path, lines.errorLine(), *lines.error());
        }
        return true;
    }

    void finish() { report_.merged += graph_.finish(); }

private:
    void apply(const GdeltBatch& batch, uint64_t bytesAhead, Progress& progress) {
        if (!reserved_) {
            reserve(batch, bytesAhead);
        }
        const std::vector<GdeltRow>& rows = batch.rows;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (i + kPrefetchRows < rows.size()) {
                graph_.prefetch(rows[i + kPrefetchRows]);
            }
            const GdeltRow& row = rows[i];
            report_.countRow(options_, *path_);
            if (report_.rowsRead % kProgressEvery == 0) {
                progress.update(batch.bytesDone, report_.rowsRead);
            }
            if (row.reason != 0) {
                report_.reject(options_, *path_, row.line, batch.reason(row));
            } else if (!graph_.add(batch, row)) {
                ++report_.merged; // a repeated GLOBALEVENTID
            }
        }
    }

    // The rows of a large file (or of the rest of a folder), estimated from the first batch, get
    // their room at once: the columns then do not grow and copy in steps. Only when that at least
    // doubles the room: many small files must not make one exact reallocation each.
    void reserve(const GdeltBatch& first, uint64_t bytesAhead) {
        reserved_ = true;
        if (first.bytesDone == 0 || first.bytesDone >= bytesAhead) {
            return;
        }
        // A margin, as room not touched costs address space only.
        const double estimate = kReserveMargin * static_cast<double>(first.rows.size()) *
                                static_cast<double>(bytesAhead) / static_cast<double>(first.bytesDone);
        if (estimate >= static_cast<double>(std::max<uint64_t>(kMinReserve, builder_.relCount()))) {
            graph_.reserve(static_cast<uint64_t>(estimate));
        }
    }

    GraphBuilder& builder_;
    const LoadOptions& options_;
    LoadReport& report_;
    GdeltGraph graph_;
    unsigned threads_;
    bool reserved_ = false;
    const std::string* path_ = nullptr;
};

} // namespace

void loadGdelt(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report,
               GdeltStats& stats) {
    const bool folder = isDirectory(path);
    const std::vector<std::string> files = listInputFiles(path, {});
    const uint64_t total = totalFileSize(files);
    GdeltStats local;
    runNewsLoad(builder, report, [&] {
        GdeltLoad load(builder, options, report, local);
        Progress progress("gdelt", total);
        uint64_t bytesAhead = total;
        for (const std::string& file : files) {
            if (!load.loadFile(file, folder, bytesAhead, progress)) {
                ++local.filesSkipped;
            }
            const uint64_t size = std::filesystem::file_size(file);
            progress.addDone(size);
            bytesAhead -= std::min(bytesAhead, size);
        }
        load.finish();
        local.threads = load.threads();
    });
    stats.events += local.events;
    stats.duplicates += local.duplicates;
    stats.standInEndpoints += local.standInEndpoints;
    stats.filesSkipped += local.filesSkipped;
    stats.threads = std::max(stats.threads, local.threads);
}

void loadGdelt(GraphBuilder& builder, const std::string& path, const LoadOptions& options, LoadReport& report) {
    GdeltStats stats;
    loadGdelt(builder, path, options, report, stats);
}

} // namespace newsgraph
