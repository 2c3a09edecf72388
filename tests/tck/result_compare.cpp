#include "tests/tck/result_compare.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace newsgraph::tck {

namespace {

constexpr size_t kMaxRowsShown = 20;

bool floatEquals(double expected, double actual) {
    if (std::isnan(expected) || std::isnan(actual)) {
        return std::isnan(expected) && std::isnan(actual);
    }
    return expected == actual;
}

bool entriesEqual(const TckValue::Entries& expected, const TckValue::Entries& actual, ListOrder lists) {
    if (expected.size() != actual.size()) {
        return false;
    }
    // Both sides are sorted by key (normalizeEntries), so entries pair up positionally.
    for (size_t i = 0; i < expected.size(); ++i) {
        if (expected[i].first != actual[i].first || !tckEquals(expected[i].second, actual[i].second, lists)) {
            return false;
        }
    }
    return true;
}

// Multiset equality by greedy matching: equality is an equivalence, so any match is as good.
bool unorderedEqual(const std::vector<TckValue>& expected, const std::vector<TckValue>& actual, ListOrder lists) {
    if (expected.size() != actual.size()) {
        return false;
    }
    std::vector<bool> used(actual.size(), false);
    for (const TckValue& item : expected) {
        bool found = false;
        for (size_t i = 0; i < actual.size() && !found; ++i) {
            if (!used[i] && tckEquals(item, actual[i], lists)) {
                used[i] = true;
                found = true;
            }
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

bool pathEqual(const TckValue& expected, const TckValue& actual, ListOrder lists) {
    if (expected.items.size() != actual.items.size()) {
        return false;
    }
    for (size_t i = 0; i < expected.items.size(); ++i) {
        const TckValue& lhs = expected.items[i];
        const TckValue& rhs = actual.items[i];
        if (!tckEquals(lhs, rhs, lists)) {
            return false;
        }
        const bool directionMatters = lhs.kind == TckKind::Relationship && !lhs.selfLoop && !rhs.selfLoop;
        if (directionMatters && lhs.forward != rhs.forward) {
            return false;
        }
    }
    return true;
}

std::string writeRow(const std::vector<TckValue>& row) {
    std::string out = "|";
    for (const TckValue& value : row) {
        out += ' ';
        out += value.toString();
        out += " |";
    }
    return out;
}

std::string writeRows(const std::vector<std::vector<TckValue>>& rows) {
    std::string out;
    for (size_t i = 0; i < rows.size() && i < kMaxRowsShown; ++i) {
        out += "\n      " + writeRow(rows[i]);
    }
    if (rows.size() > kMaxRowsShown) {
        out += "\n      ... (" + std::to_string(rows.size() - kMaxRowsShown) + " more)";
    }
    return out;
}

std::string writeColumns(const std::vector<std::string>& columns) {
    std::string out = "|";
    for (const std::string& column : columns) {
        out += " " + column + " |";
    }
    return out;
}

// For each expected column, the index of the actual column with its name; nullopt when the
// names differ as sets (or repeat).
std::optional<std::vector<size_t>> mapColumns(const std::vector<std::string>& expected,
                                              const std::vector<std::string>& actual) {
    if (expected.size() != actual.size()) {
        return std::nullopt;
    }
    if (expected == actual) {
        std::vector<size_t> identity(expected.size());
        for (size_t i = 0; i < identity.size(); ++i) {
            identity[i] = i;
        }
        return identity;
    }
    std::vector<size_t> mapping;
    std::vector<bool> used(actual.size(), false);
    for (const std::string& name : expected) {
        const auto found = std::find(actual.begin(), actual.end(), name);
        if (found == actual.end()) {
            return std::nullopt;
        }
        const size_t index = static_cast<size_t>(found - actual.begin());
        if (used[index]) {
            return std::nullopt;
        }
        used[index] = true;
        mapping.push_back(index);
    }
    return mapping;
}

bool rowEquals(const std::vector<TckValue>& expected, const std::vector<TckValue>& actual, ListOrder lists) {
    if (expected.size() != actual.size()) {
        return false;
    }
    for (size_t i = 0; i < expected.size(); ++i) {
        if (!tckEquals(expected[i], actual[i], lists)) {
            return false;
        }
    }
    return true;
}

} // namespace

bool tckEquals(const TckValue& expected, const TckValue& actual, ListOrder lists) {
    if (expected.kind != actual.kind) {
        return false;
    }
    switch (expected.kind) {
    case TckKind::Null: return true;
    case TckKind::Bool: return expected.boolean == actual.boolean;
    case TckKind::Int: return expected.integer == actual.integer;
    case TckKind::Float: return floatEquals(expected.real, actual.real);
    case TckKind::String: return expected.text == actual.text;
    case TckKind::List:
        if (lists == ListOrder::Ignored) {
            return unorderedEqual(expected.items, actual.items, lists);
        }
        return rowEquals(expected.items, actual.items, lists);
    case TckKind::Map: return entriesEqual(expected.entries, actual.entries, lists);
    case TckKind::Node: return expected.labels == actual.labels && entriesEqual(expected.entries, actual.entries, lists);
    case TckKind::Relationship:
        return expected.text == actual.text && entriesEqual(expected.entries, actual.entries, lists);
    case TckKind::Path: return pathEqual(expected, actual, lists);
    }
    return false;
}

CompareOutcome compareResults(const ExpectedResult& expected, const ActualResult& actual, RowOrder rows,
                              ListOrder lists) {
    CompareOutcome outcome;
    const std::optional<std::vector<size_t>> mapping = mapColumns(expected.columns, actual.columns);
    if (!mapping) {
        outcome.message = "columns differ: expected " + writeColumns(expected.columns) + ", got " +
                          writeColumns(actual.columns);
        return outcome;
    }
    // Actual rows reordered into the expected column order.
    std::vector<std::vector<TckValue>> actualRows;
    actualRows.reserve(actual.rows.size());
    for (const std::vector<TckValue>& row : actual.rows) {
        if (row.size() != mapping->size()) {
            outcome.message = "an actual row has " + std::to_string(row.size()) + " values for " +
                              std::to_string(mapping->size()) + " columns";
            return outcome;
        }
        std::vector<TckValue> reordered;
        reordered.reserve(row.size());
        for (const size_t index : *mapping) {
            reordered.push_back(row[index]);
        }
        actualRows.push_back(std::move(reordered));
    }
    const std::string both = "\n    expected " + std::to_string(expected.rows.size()) + " rows:" +
                             writeRows(expected.rows) + "\n    actual " + std::to_string(actualRows.size()) +
                             " rows:" + writeRows(actualRows);
    if (expected.rows.size() != actualRows.size()) {
        outcome.message = "row count differs" + both;
        return outcome;
    }
    if (rows == RowOrder::Ordered) {
        for (size_t i = 0; i < expected.rows.size(); ++i) {
            if (!rowEquals(expected.rows[i], actualRows[i], lists)) {
                outcome.message = "row " + std::to_string(i + 1) + " differs: expected " +
                                  writeRow(expected.rows[i]) + ", got " + writeRow(actualRows[i]) + both;
                return outcome;
            }
        }
        outcome.matched = true;
        return outcome;
    }
    std::vector<bool> used(actualRows.size(), false);
    for (const std::vector<TckValue>& row : expected.rows) {
        bool found = false;
        for (size_t i = 0; i < actualRows.size() && !found; ++i) {
            if (!used[i] && rowEquals(row, actualRows[i], lists)) {
                used[i] = true;
                found = true;
            }
        }
        if (!found) {
            outcome.message = "expected row not found: " + writeRow(row) + both;
            return outcome;
        }
    }
    outcome.matched = true;
    return outcome;
}

CompareOutcome compareSideEffects(const SideEffects& expected, const SideEffects& actual) {
    CompareOutcome outcome;
    outcome.matched = expected == actual;
    if (!outcome.matched) {
        outcome.message = "side effects differ: expected " + expected.toString() + ", got " + actual.toString();
    }
    return outcome;
}

} // namespace newsgraph::tck
