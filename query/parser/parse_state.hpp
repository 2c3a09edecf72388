#pragma once

// What the X3 grammar keeps while it parses one query (grammar.cpp only): the furthest failure
// and what was expected there (for error messages), the memos of `expression` and `atom` results
// (so that backtracking never re-parses a sub-expression more than twice), and the expression
// nesting depth.

#include <array>
#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "query/parser/ast.hpp"

namespace newsgraph::syntax::grammar {

using Iterator = std::string_view::const_iterator;

struct parse_state_tag;

// Thrown from inside the grammar when expressions nest deeper than the limit.
struct NestingTooDeep {
    size_t offset = 0;
};

class ParseState {
public:
    ParseState(Iterator begin, size_t maxNesting) : begin_(begin), maxNesting_(maxNesting) {}

    size_t offsetOf(Iterator where) const { return static_cast<size_t>(where - begin_); }
    Iterator at(size_t offset) const { return begin_ + static_cast<std::ptrdiff_t>(offset); }

    // ---- Furthest failure ----
    struct Mark {
        bool failed = false;
        size_t furthest = 0;
        size_t count = 0;
    };
    Mark mark() const { return Mark{failed_, furthest_, expected_.size()}; }

    // A labelled parser that started (after skipping) at `offset` failed. When nothing inside it got
    // further than `offset`, its label replaces what its insides expected there.
    void fail(const Mark& before, size_t offset, const char* label) {
        if (failed_ && furthest_ > offset) {
            return;
        }
        if (before.failed && before.furthest == offset) {
            expected_.resize(before.count);
        } else {
            expected_.clear();
        }
        failed_ = true;
        furthest_ = offset;
        for (const char* existing : expected_) {
            if (std::string_view(existing) == label) {
                return;
            }
        }
        expected_.push_back(label);
    }

    struct Snapshot {
        bool failed = false;
        size_t furthest = 0;
        std::vector<const char*> expected;
    };
    Snapshot snapshot() const { return Snapshot{failed_, furthest_, expected_}; }

    // Drops what was expected since `before` unless something got further than `offset`.
    void forget(Snapshot before, size_t offset) {
        if (failed_ && furthest_ > offset) {
            return;
        }
        failed_ = before.failed;
        furthest_ = before.furthest;
        expected_ = std::move(before.expected);
    }

    bool failed() const { return failed_; }
    size_t furthest() const { return furthest_; }
    const std::vector<const char*>& expected() const { return expected_; }

    // ---- Memos of expression and atom results, by offset ----
    enum class MemoTable : unsigned char { Expression, Atom };
    enum class MemoState : unsigned char { Seen, Failed, Parsed };
    struct MemoEntry {
        MemoState state = MemoState::Seen;
        size_t end = 0;
        Expression value;
    };
    MemoEntry* memo(MemoTable table, size_t offset) {
        auto& memo = memos_[static_cast<size_t>(table)];
        const auto found = memo.find(offset);
        return found == memo.end() ? nullptr : &found->second;
    }
    MemoEntry& memoSlot(MemoTable table, size_t offset) { return memos_[static_cast<size_t>(table)][offset]; }

    // ---- Nesting ----
    void enter(size_t offset) {
        if (depth_ >= maxNesting_) {
            throw NestingTooDeep{offset};
        }
        ++depth_;
    }
    void leave() { --depth_; }

private:
    Iterator begin_;
    bool failed_ = false;
    size_t furthest_ = 0;
    std::vector<const char*> expected_;
    std::array<std::unordered_map<size_t, MemoEntry>, 2> memos_;
    size_t depth_ = 0;
    size_t maxNesting_;
};

} // namespace newsgraph::syntax::grammar
