#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "engine/common/date.hpp"
#include "engine/common/temporal.hpp"
#include "engine/common/types.hpp"

namespace newsgraph {

enum class ValueType : uint8_t {
    Null,
    Bool,
    Int,
    Float,
    String,
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
    List,
    Map,
    Node,
    Relationship,
    Path
};

// Whether values of `type` are one of the temporal types (DATE ... DURATION).
constexpr bool isTemporal(ValueType type) { return type >= ValueType::Date && type <= ValueType::Duration; }

const char* valueTypeName(ValueType type);

// A reference to a node or relationship of a graph, as a query result carries it.
struct NodeRef {
    NodeId id;
    bool operator==(const NodeRef&) const = default;
};
struct RelRef {
    RelId id;
    bool operator==(const RelRef&) const = default;
};

// A path: nodes[0], rels[0], nodes[1], ..., rels[n-1], nodes[n]. A path of length 0 has one node.
struct PathValue {
    std::vector<NodeId> nodes;
    std::vector<RelId> rels;
    bool operator==(const PathValue&) const = default;
};

// An immutable heap cell that copies share: a Value never changes what it holds, so a copy (a row
// carrying a collected list through WITH, a list read out of a property) costs a reference count,
// not the list. Safe to share across threads, as the reference count is atomic.
template <typename T>
class Shared {
public:
    explicit Shared(T value) : ptr_(std::make_shared<const T>(std::move(value))) {}
    const T& get() const { return *ptr_; }

private:
    std::shared_ptr<const T> ptr_;
};

// A dynamically typed value: null, bool, int64, double, string, a temporal value (date, local time,
// time, local datetime, datetime, duration), list, map, node, relationship or path.
class Value {
public:
    using List = std::vector<Value>;
    // Map entries are kept sorted by key, each key once.
    using Map = std::vector<std::pair<std::string, Value>>;

    Value() = default;
    Value(bool value) : data_(value) {}                       // NOLINT(google-explicit-constructor)
    Value(int64_t value) : data_(value) {}                    // NOLINT(google-explicit-constructor)
    Value(int value) : data_(static_cast<int64_t>(value)) {}  // NOLINT(google-explicit-constructor)
    Value(double value) : data_(value) {}                     // NOLINT(google-explicit-constructor)
    Value(std::string value) : data_(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Value(const char* value) : data_(std::string(value)) {}  // NOLINT(google-explicit-constructor)
    Value(Date value) : data_(value) {}                       // NOLINT(google-explicit-constructor)
    Value(LocalTime value) : data_(value) {}                  // NOLINT(google-explicit-constructor)
    Value(Time value) : data_(value) {}                       // NOLINT(google-explicit-constructor)
    Value(LocalDateTime value) : data_(value) {}              // NOLINT(google-explicit-constructor)
    Value(DateTime value) : data_(value) {}                   // NOLINT(google-explicit-constructor)
    Value(Duration value) : data_(value) {}                   // NOLINT(google-explicit-constructor)
    Value(List value) : data_(Shared<List>(std::move(value))) {} // NOLINT(google-explicit-constructor)
    Value(NodeRef value) : data_(value) {}                    // NOLINT(google-explicit-constructor)
    Value(RelRef value) : data_(value) {}                     // NOLINT(google-explicit-constructor)
    Value(PathValue value) : data_(Shared<PathValue>(std::move(value))) {} // NOLINT(google-explicit-constructor)
    // Builds a map; later duplicates of a key replace earlier ones.
    static Value map(Map entries);

    ValueType type() const { return static_cast<ValueType>(data_.index()); }
    bool isNull() const { return type() == ValueType::Null; }

    bool asBool() const { return std::get<bool>(data_); }
    int64_t asInt() const { return std::get<int64_t>(data_); }
    double asFloat() const { return std::get<double>(data_); }
    const std::string& asString() const { return std::get<std::string>(data_); }
    Date asDate() const { return std::get<Date>(data_); }
    LocalTime asLocalTime() const { return std::get<LocalTime>(data_); }
    Time asTime() const { return std::get<Time>(data_); }
    LocalDateTime asLocalDateTime() const { return std::get<LocalDateTime>(data_); }
    DateTime asDateTime() const { return std::get<DateTime>(data_); }
    Duration asDuration() const { return std::get<Duration>(data_); }
    // A temporal value as ISO 8601 (2025-05-28, 10:00Z, P7D, ...); the empty string for other types.
    std::string temporalString() const;
    const List& asList() const { return std::get<Shared<List>>(data_).get(); }
    const Map& asMap() const { return std::get<Shared<Map>>(data_).get(); }
    NodeRef asNode() const { return std::get<NodeRef>(data_); }
    RelRef asRelationship() const { return std::get<RelRef>(data_); }
    const PathValue& asPath() const { return std::get<Shared<PathValue>>(data_).get(); }
    // The value of `key` in a map, or nullptr.
    const Value* find(const std::string& key) const;

    // The value written as a Cypher literal: null, true, 42, 1.0, 'it\'s', date('2025-05-28'),
    // duration('P7D'), [1, 2], {a: 1}.
    std::string toString() const;

    // Structural equality (same type, same content). Cypher's three-valued `=` lives in the query stage.
    friend bool operator==(const Value& lhs, const Value& rhs);
    size_t hash() const;

private:
    struct MapTag {};
    Value(MapTag /*tag*/, Map entries) : data_(Shared<Map>(std::move(entries))) {}

    std::variant<std::monostate, bool, int64_t, double, std::string, Date, LocalTime, Time, LocalDateTime, DateTime,
                 Duration, Shared<List>, Shared<Map>, NodeRef, RelRef,
                 Shared<PathValue>>
        data_;
};

// Writes `text` as a single-quoted Cypher string literal with escapes.
std::string quoteString(const std::string& text);
// Writes a double the way Cypher prints floats: always with a decimal point or exponent (1.0, 1e+300, NaN).
std::string formatFloat(double value);

// Properties of one entity as (key, value) pairs.
using PropertyList = std::vector<std::pair<std::string, Value>>;

struct ValueHash {
    size_t operator()(const Value& value) const { return value.hash(); }
};

} // namespace newsgraph
