#include "engine/storage/value_vector.hpp"

#include <algorithm>
#include <cassert>

namespace newsgraph {

template <typename Self, typename Op>
void ValueVector::visitStorage(Self& self, Op op) {
    switch (self.kind_) {
    case ColumnKind::Empty: break;
    case ColumnKind::Bool: op(self.bools_); break;
    case ColumnKind::Int: op(self.ints_); break;
    case ColumnKind::Float: op(self.floats_); break;
    case ColumnKind::String: op(self.strings_); break;
    case ColumnKind::Date: op(self.dates_); break;
    case ColumnKind::DateTime: op(self.dateTimes_); break;
    case ColumnKind::Mixed: op(self.mixed_); break;
    }
}

const char* columnKindName(ColumnKind kind) {
    switch (kind) {
    case ColumnKind::Empty: return "empty";
    case ColumnKind::Bool: return "boolean";
    case ColumnKind::Int: return "int";
    case ColumnKind::Float: return "float";
    case ColumnKind::String: return "string";
    case ColumnKind::Date: return "date";
    case ColumnKind::DateTime: return "datetime";
    case ColumnKind::Mixed: return "mixed";
    }
    return "unknown";
}

ColumnKind ValueVector::kindOf(const Value& value) {
    switch (value.type()) {
    case ValueType::Bool: return ColumnKind::Bool;
    case ValueType::Int: return ColumnKind::Int;
    case ValueType::Float: return ColumnKind::Float;
    case ValueType::String: return ColumnKind::String;
    case ValueType::Date: return ColumnKind::Date;
    case ValueType::DateTime: return ColumnKind::DateTime;
    default: return ColumnKind::Mixed;
    }
}

void ValueVector::adopt(const Value& value, const StringPool& pool) {
    const ColumnKind wanted = kindOf(value);
    if (kind_ == wanted || kind_ == ColumnKind::Mixed) {
        return;
    }
    if (kind_ == ColumnKind::Empty) {
        settleKind(wanted);
        return;
    }
    std::vector<Value> values;
    values.reserve(size_ + 1);
    for (size_t i = 0; i < size_; ++i) {
        values.push_back(get(i, pool));
    }
    visitStorage(*this, [](auto& storage) {
        storage.clear();
        storage.shrink_to_fit();
    });
    mixed_ = std::move(values);
    kind_ = ColumnKind::Mixed;
}

void ValueVector::settleKind(ColumnKind kind) {
    kind_ = kind;
    const size_t defaults = pendingDefaults_;
    pendingDefaults_ = 0;
    size_ = 0;
    for (size_t i = 0; i < defaults; ++i) {
        pushDefault();
    }
}

void ValueVector::push(const Value& value, StringPool& pool) {
    adopt(value, pool);
    switch (kind_) {
    case ColumnKind::Bool: bools_.push_back(value.asBool() ? 1 : 0); break;
    case ColumnKind::Int: ints_.push_back(value.asInt()); break;
    case ColumnKind::Float: floats_.push_back(value.asFloat()); break;
    case ColumnKind::String: strings_.push_back(pool.intern(value.asString())); break;
    case ColumnKind::Date: dates_.push_back(value.asDate().days()); break;
    case ColumnKind::DateTime: dateTimes_.push_back(value.asDateTime()); break;
    case ColumnKind::Mixed: mixed_.push_back(value); break;
    case ColumnKind::Empty: assert(false && "adopt() leaves a kind"); break;
    }
    ++size_;
}

bool ValueVector::pushString(StringId id) {
    if (kind_ == ColumnKind::Empty) {
        settleKind(ColumnKind::String);
    }
    if (kind_ != ColumnKind::String) {
        return false;
    }
    strings_.push_back(id);
    ++size_;
    return true;
}

void ValueVector::reserve(size_t count, ColumnKind expected) {
    switch (kind_ == ColumnKind::Empty ? expected : kind_) {
    case ColumnKind::Bool: bools_.reserve(count); break;
    case ColumnKind::Int: ints_.reserve(count); break;
    case ColumnKind::Float: floats_.reserve(count); break;
    case ColumnKind::String: strings_.reserve(count); break;
    case ColumnKind::Date: dates_.reserve(count); break;
    case ColumnKind::DateTime: dateTimes_.reserve(count); break;
    case ColumnKind::Mixed: mixed_.reserve(count); break;
    case ColumnKind::Empty: break;
    }
}

void ValueVector::pushFrom(const ValueVector& other, size_t slot) {
    if (kind_ == ColumnKind::Empty && other.kind_ != ColumnKind::Empty) {
        settleKind(other.kind_);
    }
    assert(kind_ == other.kind_);
    switch (kind_) {
    case ColumnKind::Empty: ++pendingDefaults_; break;
    case ColumnKind::Bool: bools_.push_back(other.bools_[slot]); break;
    case ColumnKind::Int: ints_.push_back(other.ints_[slot]); break;
    case ColumnKind::Float: floats_.push_back(other.floats_[slot]); break;
    case ColumnKind::String: strings_.push_back(other.strings_[slot]); break;
    case ColumnKind::Date: dates_.push_back(other.dates_[slot]); break;
    case ColumnKind::DateTime: dateTimes_.push_back(other.dateTimes_[slot]); break;
    case ColumnKind::Mixed: mixed_.push_back(other.mixed_[slot]); break;
    }
    ++size_;
}

void ValueVector::pushDefault() {
    switch (kind_) {
    case ColumnKind::Empty: ++pendingDefaults_; break;
    case ColumnKind::Bool: bools_.push_back(0); break;
    case ColumnKind::Int: ints_.push_back(0); break;
    case ColumnKind::Float: floats_.push_back(0.0); break;
    case ColumnKind::String: strings_.push_back(0); break;
    case ColumnKind::Date: dates_.push_back(0); break;
    case ColumnKind::DateTime: dateTimes_.emplace_back(); break;
    case ColumnKind::Mixed: mixed_.emplace_back(); break;
    }
    ++size_;
}

void ValueVector::set(size_t slot, const Value& value, StringPool& pool) {
    assert(slot < size_);
    adopt(value, pool);
    switch (kind_) {
    case ColumnKind::Bool: bools_[slot] = value.asBool() ? 1 : 0; break;
    case ColumnKind::Int: ints_[slot] = value.asInt(); break;
    case ColumnKind::Float: floats_[slot] = value.asFloat(); break;
    case ColumnKind::String: strings_[slot] = pool.intern(value.asString()); break;
    case ColumnKind::Date: dates_[slot] = value.asDate().days(); break;
    case ColumnKind::DateTime: dateTimes_[slot] = value.asDateTime(); break;
    case ColumnKind::Mixed: mixed_[slot] = value; break;
    case ColumnKind::Empty: break;
    }
}

void ValueVector::insert(size_t slot, const Value& value, StringPool& pool) {
    assert(slot <= size_);
    push(value, pool);
    visitStorage(*this, [slot](auto& storage) {
        std::rotate(storage.begin() + static_cast<std::ptrdiff_t>(slot), storage.end() - 1, storage.end());
    });
}

void ValueVector::erase(size_t slot) {
    assert(slot < size_);
    visitStorage(*this, [slot](auto& storage) {
        storage.erase(storage.begin() + static_cast<std::ptrdiff_t>(slot));
    });
    if (kind_ == ColumnKind::Empty) {
        --pendingDefaults_;
    }
    --size_;
}

Value ValueVector::get(size_t slot, const StringPool& pool) const {
    switch (kind_) {
    case ColumnKind::Empty: return {};
    case ColumnKind::Bool: return Value(bools_[slot] != 0);
    case ColumnKind::Int: return Value(ints_[slot]);
    case ColumnKind::Float: return Value(floats_[slot]);
    case ColumnKind::String: return Value(std::string(pool.get(strings_[slot])));
    case ColumnKind::Date: return Value(Date::fromDays(dates_[slot]));
    case ColumnKind::DateTime: return Value(dateTimes_[slot]);
    case ColumnKind::Mixed: return mixed_[slot];
    }
    return {};
}

void ValueVector::reserve(size_t count) {
    visitStorage(*this,
               [count](auto& storage) { storage.reserve(count); });
}

void ValueVector::shrinkToFit() {
    visitStorage(*this,
               [](auto& storage) { storage.shrink_to_fit(); });
}

size_t ValueVector::bytesUsed() const {
    size_t bytes = 0;
    visitStorage(*this, [&bytes](auto& storage) { bytes = storage.capacity() * sizeof(storage[0]); });
    return bytes;
}

} // namespace newsgraph
