// The parsing half of the GDELT loader: records split and checked into compact rows, in batches,
// on whichever thread reads the file; gdelt_loader.cpp applies them to the graph in order.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/common/date.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

// Where the fields a relationship needs sit in a row.
struct GdeltLayout {
    size_t eventId = 0, sqlDate = 1;
    std::array<size_t, 5> actor1{5, 6, 7, 8, 12}; // code, name, country, known group, type 1
    std::array<size_t, 5> actor2{15, 16, 17, 18, 22};
    size_t eventCode = 26, baseCode = 27, rootCode = 28, quadClass = 29, goldstein = 30, mentions = 31, tone = 34;
    size_t source = 0;
    bool hasSource = false;
    size_t dateAdded = 0; // GDELT 2.0's DATEADDED, YYYYMMDDHHMMSS in UTC
    bool hasDateAdded = false;
    size_t columns = 0;
    bool csv = false; // `NA` means empty, codes may have lost leading zeros
};

// The layout of a TSV row with `columns` fields (57, 58 or 61), and whether a count is one of those.
GdeltLayout gdeltTsvLayout(size_t columns);
bool isGdeltTsvColumnCount(size_t count);
// Splits at every `delimiter` (no quoting).
void splitGdeltLine(std::string_view line, char delimiter, std::vector<std::string_view>& out);
// The comma-separated variant's layout from its header line; throws LoadError(path, 1, ...) when a
// column is missing.
GdeltLayout gdeltCsvLayout(std::string_view header, const std::string& path);
// Whether a header-less line has the field count of a GDELT 1.0 or 2.0 TSV row.
bool isGdeltTsvLine(std::string_view line);

// A string of a row: a slice of its batch's text.
struct GdeltText {
    uint32_t offset = 0;
    uint32_t size = 0;
};

// One record, checked: either rejected (reason > 0) or every field a relationship needs.
struct GdeltRow {
    enum Text : uint8_t { kCode, kBase, kRoot, kActor1, kActor2 = kActor1 + 5, kSource = kActor2 + 5, kTexts };
    uint64_t line = 0;
    uint32_t reason = 0; // 1 + index into GdeltBatch::reasons when rejected
    bool hasGoldstein = false, hasTone = false, hasMentions = false, hasAdded = false;
    Date date;
    int64_t addedSeconds = 0; // DATEADDED as seconds since the epoch (UTC)
    int64_t eventId = 0, quad = 0, mentions = 0;
    double goldstein = 0.0, tone = 0.0;
    std::array<GdeltText, kTexts> text{}; // actors: code, name, country, known group, type 1
};

// Consecutive records of one file.
struct GdeltBatch {
    std::vector<GdeltRow> rows;
    std::string text;
    std::vector<std::string> reasons;
    uint64_t bytesDone = 0; // of the file, behind the batch's last row (LineReader::bytesConsumed)

    std::string_view get(GdeltText slice) const { return std::string_view(text).substr(slice.offset, slice.size); }
    const std::string& reason(const GdeltRow& row) const { return reasons[row.reason - 1]; }
};

// Reads the records of one file (after its first line, which the caller read to sniff the format)
// into batches of up to kRows rows. Uses the LineReader exclusively while it fills.
class GdeltRowSource {
public:
    static constexpr size_t kRows = 1024;

    // `csv`: the layout of a file with a header (consumed); otherwise a TSV file whose first line,
    // `firstLine`, is parsed as line 1.
    GdeltRowSource(LineReader& lines, const std::optional<GdeltLayout>& csv, std::string firstLine);

    // The next batch into `batch` (cleared first); false when no record was left.
    bool fill(GdeltBatch& batch);

private:
    void parse(const std::vector<std::string_view>& fields, uint64_t line, std::string_view raw, GdeltBatch& batch);

    LineReader& lines_;
    RecordReader records_;
    std::optional<GdeltLayout> csv_;
    std::string firstLine_;
    std::vector<std::string_view> firstFields_;
};

} // namespace newsgraph
