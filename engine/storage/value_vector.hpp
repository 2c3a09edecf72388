#pragma once

#include <cstdint>
#include <vector>

#include "engine/catalog/string_pool.hpp"
#include "engine/common/value.hpp"

namespace newsgraph {

// How a column stores its values: one typed array while every value has the same scalar type
// (datetimes, as GDELT's `added`, in 24 bytes each rather than a 40-byte Value), a vector of
// Values once types mix or values are lists or other temporal types.
enum class ColumnKind : uint8_t { Empty, Bool, Int, Float, String, Date, DateTime, Mixed };

const char* columnKindName(ColumnKind kind);

// A growable array of property values stored by type (strings as StringPool ids).
class ValueVector {
public:
    ColumnKind kind() const { return kind_; }
    size_t size() const { return size_; }

    void push(const Value& value, StringPool& pool);
    void set(size_t slot, const Value& value, StringPool& pool);
    void insert(size_t slot, const Value& value, StringPool& pool);
    void erase(size_t slot);
    // Appends slot `slot` of `other`, which has the same kind or is Empty (strings stay pool ids).
    void pushFrom(const ValueVector& other, size_t slot);
    // Appends an already interned string; false (nothing appended) unless the vector is empty or
    // holds strings -- the caller then goes through push() with the string's value.
    bool pushString(StringId id);
    void reserve(size_t count, ColumnKind expected);
    // Appends a placeholder (of the column's type) for an absent entry of a dense column.
    void pushDefault();
    Value get(size_t slot, const StringPool& pool) const;
    void reserve(size_t count);
    void shrinkToFit();
    size_t bytesUsed() const;

    // Typed access for operators that read a whole column; valid only for the matching kind().
    const std::vector<uint8_t>& bools() const { return bools_; }
    const std::vector<int64_t>& ints() const { return ints_; }
    const std::vector<double>& floats() const { return floats_; }
    const std::vector<StringId>& strings() const { return strings_; }
    const std::vector<int32_t>& dates() const { return dates_; }
    const std::vector<DateTime>& dateTimes() const { return dateTimes_; }
    const std::vector<Value>& mixed() const { return mixed_; }

private:
    static ColumnKind kindOf(const Value& value);
    // Applies `op` to whichever typed vector is in use.
    template <typename Self, typename Op>
    static void visitStorage(Self& self, Op op);
    // Gives an Empty column its kind, turning pending placeholders into typed ones.
    void settleKind(ColumnKind kind);
    // Makes the storage able to hold `value`, turning typed storage into Values when types differ.
    void adopt(const Value& value, const StringPool& pool);

    ColumnKind kind_ = ColumnKind::Empty;
    size_t size_ = 0;
    size_t pendingDefaults_ = 0; // placeholders pushed while the column was still Empty
    std::vector<uint8_t> bools_;
    std::vector<int64_t> ints_;
    std::vector<double> floats_;
    std::vector<StringId> strings_;
    std::vector<int32_t> dates_;
    std::vector<DateTime> dateTimes_;
    std::vector<Value> mixed_;
};

} // namespace newsgraph
