#pragma once

// What the factorized counts (FactorizedTwoHopCount, FactorizedChainCount) share: reading a
// compared property as a sortable key, Cypher's comparison where keys are not of one kind, and
// the labels of the nodes they count through.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/storage/graph.hpp"
#include "query/ast/expression.hpp"
#include "query/processor/execution_context.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

enum class KeyKind : uint8_t { None, Integer, Float, String, Generic };

KeyKind keyKindOf(const PropertyColumn* column);

// How two compared properties are read when counting pairs with `op`: as int64 (dates and integers
// stored alike, or strings under `=` by their pooled ids), as doubles (numbers of mixed storage),
// pair by pair with Cypher's operators (Generic), or never comparable (None: a side lacks the key).
enum class KeyMode : uint8_t { None, Integers, Numbers, Generic };
KeyMode keyModeOf(const PropertyColumn* left, const PropertyColumn* right, ast::BinaryOp op);

// Dates and integers as themselves, strings as their (deduplicated) pool ids: equal ids, equal text.
int64_t integerKey(const ValueVector& values, size_t slot);
double numericKey(const ValueVector& values, size_t slot);

// A compared property of every relationship read once, in id order, into a flat array: the
// counts then look a key up with one load instead of a presence test and a typed read.
// Integer keys as integerKey gives them, floating-point ones as numericKey (NaN left out: it
// compares false with everything).
template <typename Key>
struct KeyArray {
    std::vector<Key> keys;
    std::vector<uint8_t> present;
    bool has(RelId rel) const { return present[rel] != 0; }
    Key at(RelId rel) const { return keys[rel]; }
};
void fillKeys(const PropertyColumn& column, size_t count, KeyArray<int64_t>& out);
void fillKeys(const PropertyColumn& column, size_t count, KeyArray<double>& out);

// x op y with Cypher's comparison operators (Less, LessEqual, Greater, GreaterEqual, Equal).
Value compareValues(ast::BinaryOp op, const Value& x, const Value& y);
inline bool isTrue(const Value& value) {
    return value.type() == ValueType::Bool && value.asBool();
}

// Which bit of a relationship's pass flags a step uses when it meets `rel` at `node`: 1 when the
// node is its source along the step, 2 when it is the target. A self-loop gives the same row either way.
uint8_t orientation(const Graph& graph, const ExpandSpec& step, RelId rel, NodeId node);

// The one property key through which `expr` reads the column `slot` (every use of the variable
// is `slot.key`, nothing else of the row is read, no sub-plans or local variables): then its value
// over an entity depends only on that property's value. nullopt otherwise.
std::optional<std::string> soleProperty(const ast::Expr& expr, size_t slot);
// The same for two columns: `expr` reads `first.key1` and `second.key2` and nothing else of the
// row (both read). nullopt otherwise.
std::optional<std::pair<std::string, std::string>> soleProperties(const ast::Expr& expr, size_t first, size_t second);
// Whether `expr` reads the node in `slot` (if at all) only through labels(n) and label checks
// (n:Label): a function of its label set.
bool readsOnlyLabels(const ast::Expr& expr, size_t slot);

// A filter over one entity: its expression and the columns of the row that hold the entity.
struct EntityFilter {
    const ast::Expr* expr = nullptr;
    std::vector<size_t> columns;
};
// The filters over every relationship (or node) for which candidate(id) holds, in id order (the
// property columns read in sequence, not in adjacency order); a filter that reads its entity only
// through one string property runs once per distinct string (pooled ids). `row` is scratch of the
// filters' row width. 1 where all hold.
std::vector<uint8_t> evaluateInIdOrder(ExecutionContext& context, const std::vector<EntityFilter>& filters,
                                       bool relationships, const std::function<bool(uint32_t)>& candidate,
                                       std::vector<Value>& row);

// Runs work(begin, end) over the nodes [0, count), split into one range per thread (at most
// `threads`, ExecutionContext::threads) when `items`
// (what the work reads, e.g. relationships) pays for starting threads, else on this thread. The
// ranges must be safe to run at once (they write disjoint data, evaluate no expressions, check
// cancellation with checkCancelledConcurrently). The first exception is rethrown once all stopped.
void forNodeRanges(uint32_t threads, uint32_t count, uint64_t items, const std::function<void(uint32_t, uint32_t)>& work);

// The ids of `names`; nullopt when the graph lacks one of them (nothing can carry it).
std::optional<std::vector<LabelId>> resolveLabels(const Graph& graph, const std::vector<std::string>& names);
bool hasAll(const Graph& graph, NodeId node, const std::vector<LabelId>& labels);

} // namespace newsgraph
