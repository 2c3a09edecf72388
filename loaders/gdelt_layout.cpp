// Where the fields of a GDELT row are. Layouts: GDELT 1.0 historical backfile (57 fields, no
// SOURCEURL), GDELT 1.0 daily (58) and GDELT 2.0 (61), detected per row by the number of
// tab-separated fields; the first 35 fields are the same in all three. The comma-separated variant
// with a header (the West Africa extract: 59 columns) has its columns found by name.
#include <algorithm>

#include <fmt/format.h>

#include "loaders/gdelt_rows.hpp"
#include "loaders/load_report.hpp"

namespace newsgraph {

namespace {

constexpr size_t kHistoricalColumns = 57;
constexpr size_t kDailyColumns = 58;
constexpr size_t kV2Columns = 61;
constexpr size_t kDailySourceColumn = 57;
constexpr size_t kV2SourceColumn = 60;
constexpr size_t kV2DateAddedColumn = 59;

} // namespace

void splitGdeltLine(std::string_view line, char delimiter, std::vector<std::string_view>& out) {
    out.clear();
    size_t start = 0;
    while (true) {
        const size_t cut = line.find(delimiter, start);
        out.push_back(line.substr(start, cut == std::string_view::npos ? cut : cut - start));
        if (cut == std::string_view::npos) {
            return;
        }
        start = cut + 1;
    }
}

bool isGdeltTsvColumnCount(size_t count) {
    return count == kHistoricalColumns || count == kDailyColumns || count == kV2Columns;
}

GdeltLayout gdeltTsvLayout(size_t columns) {
    GdeltLayout layout;
    layout.columns = columns;
    if (columns == kDailyColumns) {
        layout.source = kDailySourceColumn;
        layout.hasSource = true;
    } else if (columns == kV2Columns) {
        layout.source = kV2SourceColumn;
        layout.hasSource = true;
        layout.dateAdded = kV2DateAddedColumn;
        layout.hasDateAdded = true;
    }
    return layout;
}

GdeltLayout gdeltCsvLayout(std::string_view header, const std::string& path) {
    std::vector<std::string_view> names;
    splitGdeltLine(header, ',', names);
    GdeltLayout layout;
    layout.csv = true;
    layout.columns = names.size();
    auto column = [&](std::string_view name) -> size_t {
        for (size_t i = 0; i < names.size(); ++i) {
            if (trimText(names[i]) == name) {
                return i;
            }
        }
        throw LoadError(path, 1, fmt::format("the GDELT header has no column '{}'", name));
    };
    layout.eventId = column("GLOBALEVENTID");
    layout.sqlDate = column("SQLDATE");
    const std::array<std::string_view, 5> suffixes{"Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code"};
    for (size_t i = 0; i < suffixes.size(); ++i) {
        layout.actor1[i] = column(fmt::format("Actor1{}", suffixes[i]));
        layout.actor2[i] = column(fmt::format("Actor2{}", suffixes[i]));
    }
    layout.eventCode = column("EventCode");
    layout.baseCode = column("EventBaseCode");
    layout.rootCode = column("EventRootCode");
    layout.quadClass = column("QuadClass");
    layout.goldstein = column("GoldsteinScale");
    layout.mentions = column("NumMentions");
    layout.tone = column("AvgTone");
    for (size_t i = 0; i < names.size(); ++i) {
        if (trimText(names[i]) == "SOURCEURL") {
            layout.source = i;
            layout.hasSource = true;
        }
        if (trimText(names[i]) == "DATEADDED") {
            layout.dateAdded = i;
            layout.hasDateAdded = true;
        }
    }
    return layout;
}

bool isGdeltTsvLine(std::string_view line) {
    return isGdeltTsvColumnCount(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1);
}

} // namespace newsgraph
