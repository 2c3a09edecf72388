// GDELT records to checked rows (see gdelt_layout.cpp for where the fields are). The CSV variant
// writes `NA` for empty and lost the leading zeros of numeric codes, restored from the root code.
#include "loaders/gdelt_rows.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "loaders/cameo.hpp"
#include "loaders/load_report.hpp"
#include "loaders/news_load.hpp"

namespace newsgraph {

namespace {

constexpr std::string_view kMissing = "NA";
constexpr size_t kRootDigits = 2;
constexpr size_t kBaseDigits = 3;
constexpr size_t kMaxCodeDigits = 4;
constexpr double kMaxGoldstein = 10.0;

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// CSV exports lost the leading zero of codes under root 01-09 ("43" for "043").
void restoreLeadingZeros(std::string& root, std::string& base, std::string& code) {
    if (root.size() == 1) {
        root.insert(root.begin(), '0');
    }
    if (root.empty() || root[0] != '0') {
        return;
    }
    if (!code.empty() && code[0] != '0') {
        code.insert(code.begin(), '0');
    }
    if (!base.empty() && base[0] != '0') {
        base.insert(base.begin(), '0');
    }
}

std::string_view field(const std::vector<std::string_view>& fields, size_t index, bool csv) {
    std::string_view text = fields[index];
    if (csv) {
        text = trimText(text);
        if (text == kMissing) {
            return {};
        }
    }
    return text;
}

GdeltText keep(GdeltBatch& batch, std::string_view text) {
    const GdeltText slice{static_cast<uint32_t>(batch.text.size()), static_cast<uint32_t>(text.size())};
    batch.text.append(text);
    return slice;
}

// The row is rejected: it keeps only its line and why.
void reject(GdeltBatch& batch, GdeltRow& row, std::string reason) {
    batch.reasons.push_back(std::move(reason));
    row.reason = static_cast<uint32_t>(batch.reasons.size());
}

} // namespace

GdeltRowSource::GdeltRowSource(LineReader& lines, const std::optional<GdeltLayout>& csv, std::string firstLine)
    : lines_(lines), records_(lines, csv ? RecordDialect{',', true} : RecordDialect{'\t', false}), csv_(csv),
      firstLine_(std::move(firstLine)) {}

bool GdeltRowSource::fill(GdeltBatch& batch) {
    batch.rows.clear();
    batch.text.clear();
    batch.reasons.clear();
    if (!firstLine_.empty()) {
        // The sniffed first line of a TSV file.
        splitGdeltLine(firstLine_, '\t', firstFields_);
        parse(firstFields_, 1, firstLine_, batch);
        firstFields_.clear();
        firstLine_.clear();
    }
    while (batch.rows.size() < kRows && records_.next()) {
        if (records_.error()) {
            GdeltRow& row = batch.rows.emplace_back();
            row.line = records_.line();
            reject(batch, row, *records_.error());
            continue;
        }
        parse(records_.fields(), records_.line(), records_.raw(), batch);
    }
    batch.bytesDone = lines_.bytesConsumed();
    return !batch.rows.empty();
}

void GdeltRowSource::parse(const std::vector<std::string_view>& fields, uint64_t line, std::string_view raw,
                           GdeltBatch& batch) {
    GdeltRow& row = batch.rows.emplace_back();
    row.line = line;
    GdeltLayout tsv;
    const GdeltLayout* layout = csv_ ? &*csv_ : nullptr;
    if (layout == nullptr) {
        if (!isGdeltTsvColumnCount(fields.size())) {
            return reject(batch, row,
                          fmt::format("expected 57, 58 or 61 tab-separated fields (GDELT 1.0 or 2.0), found {}",
                                      fields.size()));
        }
        tsv = gdeltTsvLayout(fields.size());
        layout = &tsv;
    } else if (fields.size() != layout->columns) {
        return reject(batch, row,
                      fmt::format("expected {} comma-separated fields, found {}", layout->columns, fields.size()));
    }
    // An ASCII line is valid UTF-8 in every field; a multi-line CSV record has no single raw line
    // (raw is empty) and is checked field by field.
    if (raw.empty() || !isAscii(raw)) {
        if (const size_t bad = firstInvalidUtf8Field(fields)) {
            return reject(batch, row, fmt::format("invalid UTF-8 in field {}", bad));
        }
    }
    const bool csv = layout->csv;
    const std::string_view idText = field(fields, layout->eventId, csv);
    const std::optional<int64_t> eventId = parseInteger(idText);
    if (!eventId || *eventId <= 0) {
        return reject(batch, row, fmt::format("GLOBALEVENTID '{}' is not a positive integer", idText));
    }
    const std::string_view dateText = field(fields, layout->sqlDate, csv);
    const std::optional<Date> date = parseCompactDate(dateText);
    if (!date) {
        return reject(batch, row, fmt::format("SQLDATE '{}' is not a date (YYYYMMDD)", dateText));
    }
    std::optional<int64_t> added;
    if (layout->hasDateAdded) {
        const std::string_view addedText = field(fields, layout->dateAdded, csv);
        // GDELT 1.0's DATEADDED is a day (YYYYMMDD); 2.0's a UTC time (YYYYMMDDHHMMSS).
        if (addedText.size() == kTimestampDigits) {
            added = parseCompactTimestamp(addedText);
            if (!added) {
                return reject(batch, row, fmt::format("DATEADDED '{}' is not a time (YYYYMMDDHHMMSS)", addedText));
            }
        } else if (!addedText.empty() && addedText.size() != kCompactDateDigits) {
            return reject(batch, row, fmt::format("DATEADDED '{}' is not a time (YYYYMMDDHHMMSS)", addedText));
        }
    }
    std::string root(field(fields, layout->rootCode, csv));
    std::string base(field(fields, layout->baseCode, csv));
    std::string code(field(fields, layout->eventCode, csv));
    if (!allDigits(code) || code.size() > kMaxCodeDigits) {
        return reject(batch, row, fmt::format("EventCode '{}' is not a CAMEO code", code));
    }
    if (csv) {
        restoreLeadingZeros(root, base, code);
    }
    if (root.empty()) {
        root = code.substr(0, kRootDigits);
    }
    if (base.empty()) {
        base = code.substr(0, std::min(code.size(), kBaseDigits));
    }
    if (!allDigits(root) || !allDigits(base)) {
        return reject(batch, row,
                      fmt::format("EventBaseCode '{}' or EventRootCode '{}' is not a CAMEO code", base, root));
    }
    const std::string_view quadText = field(fields, layout->quadClass, csv);
    const std::optional<int64_t> quad =
        quadText.empty() ? std::optional<int64_t>(cameoQuadClass(root)) : parseInteger(quadText);
    if (!quad) {
        return reject(batch, row, fmt::format("QuadClass '{}' is not an integer", quadText));
    }
    const std::string_view goldsteinText = field(fields, layout->goldstein, csv);
    const std::optional<double> goldstein = parseNumber(goldsteinText);
    if (!goldsteinText.empty() && (!goldstein || std::abs(*goldstein) > kMaxGoldstein)) {
        return reject(batch, row, fmt::format("GoldsteinScale '{}' is not a number in [-10, 10]", goldsteinText));
    }
    const std::string_view mentionsText = field(fields, layout->mentions, csv);
    const std::optional<int64_t> mentions = parseInteger(mentionsText);
    if (!mentionsText.empty() && (!mentions || *mentions < 0)) {
        return reject(batch, row, fmt::format("NumMentions '{}' is not a count", mentionsText));
    }
    const std::string_view toneText = field(fields, layout->tone, csv);
    const std::optional<double> tone = parseNumber(toneText);
    if (!toneText.empty() && !tone) {
        return reject(batch, row, fmt::format("AvgTone '{}' is not a number", toneText));
    }
    row.eventId = *eventId;
    row.date = *date;
    row.hasAdded = added.has_value();
    row.addedSeconds = added.value_or(0);
    row.quad = *quad;
    row.hasGoldstein = goldstein.has_value();
    row.goldstein = goldstein.value_or(0.0);
    row.hasMentions = mentions.has_value();
    row.mentions = mentions.value_or(0);
    row.hasTone = tone.has_value();
    row.tone = tone.value_or(0.0);
    row.text[GdeltRow::kCode] = keep(batch, code);
    row.text[GdeltRow::kBase] = keep(batch, base);
    row.text[GdeltRow::kRoot] = keep(batch, root);
    for (size_t i = 0; i < layout->actor1.size(); ++i) {
        row.text[GdeltRow::kActor1 + i] = keep(batch, field(fields, layout->actor1[i], csv));
        row.text[GdeltRow::kActor2 + i] = keep(batch, field(fields, layout->actor2[i], csv));
    }
    if (layout->hasSource) {
        row.text[GdeltRow::kSource] = keep(batch, field(fields, layout->source, csv));
    }
}

} // namespace newsgraph
