#include "query/processor/operators/scan_aggregate.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <numeric>
#include <atomic>
#include <span>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/common/utf8.hpp"
#include "engine/function/aggregate_functions.hpp"
#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/expand_support.hpp"
#include "query/processor/operators/parallel_support.hpp"

namespace newsgraph {

namespace {

// Work items (nodes and relationships) between two looks at the clock and the cancel flag.
constexpr uint32_t kItemsPerCheck = 4096;
constexpr uint32_t kNoEntry = UINT32_MAX;
// How many bits of a distinct-set word hold the aggregate's index (the group takes the rest).
constexpr unsigned kAggregateBits = 8;
// The largest array of groups indexed by a node's or type's id (4 bytes an entry).
constexpr uint64_t kMaxDirectEntries = uint64_t{1} << 24U;
// Dates memoized in an array by their day number up to this (1970-01-01 + 2^16 days, in 2149).
constexpr uint64_t kDirectDays = uint64_t{1} << 16U;
// The bits of a packed entry.
constexpr unsigned kWordBits = 64;
// A direct array of groups this small is always worth clearing (4 bytes an entry).
constexpr uint64_t kSmallDirectEntries = uint64_t{1} << 16U;
// A group's witness: the start node, relationship and far node of its first row.
constexpr size_t kWitnessWidth = 3;

uint64_t mix(uint64_t hash, uint64_t word) {
    constexpr uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;
    hash = (hash ^ word) * kMultiplier;
    return hash ^ (hash >> 29U);
}

// A set of fixed-width rows of 64-bit codes, each numbered in order of insertion: open addressing,
// with the last row found kept aside (a node's relationships often repeat it: same start, same
// type run), and a direct array instead of the hash when a row is one code below a known bound
// (one word, or one word and a zero word: one key, not null).
class CodeTable {
public:
    explicit CodeTable(size_t width) : width_(width), last_(width, 0) {}

    // Rows (code) or (code, 0) with code < bound go to an array of `bound` entries.
    void useDirect(uint64_t bound) { direct_.assign(bound, kNoEntry); }

    // The number of `codes` (width words), and whether it was new.
    std::pair<uint32_t, bool> insert(const uint64_t* codes) {
        if (lastEntry_ != kNoEntry && same(codes, last_.data())) {
            return {lastEntry_, false};
        }
        const std::pair<uint32_t, bool> found = find(codes);
        lastEntry_ = found.first;
        std::copy(codes, codes + width_, last_.begin());
        return found;
    }

private:
    bool same(const uint64_t* lhs, const uint64_t* rhs) const {
        for (size_t i = 0; i < width_; ++i) {
            if (lhs[i] != rhs[i]) {
                return false;
            }
        }
        return true;
    }
    std::pair<uint32_t, bool> find(const uint64_t* codes) {
        if (codes[0] < direct_.size() && (width_ == 1 || (width_ == 2 && codes[1] == 0))) {
            uint32_t& entry = direct_[codes[0]];
            if (entry != kNoEntry) {
                return {entry, false};
            }
            entry = count_;
            return {count_++, true};
        }
        if ((hashed_ + 1) * 4 > capacity_ * 3) {
            grow();
        }
        // A slot is its entry's number plus one (0: empty) and the codes, in one cache line or two.
        const size_t stride = width_ + 1;
        const size_t mask = capacity_ - 1;
        for (size_t at = hash(codes) & mask;; at = (at + 1) & mask) {
            uint64_t* slot = &slots_[at * stride];
            if (slot[0] == 0) {
                slot[0] = uint64_t{count_} + 1;
                std::copy(codes, codes + width_, slot + 1);
                ++hashed_;
                return {count_++, true};
            }
            if (same(codes, slot + 1)) {
                return {static_cast<uint32_t>(slot[0] - 1), false};
            }
        }
    }
    size_t hash(const uint64_t* codes) const {
        uint64_t h = 0;
        for (size_t i = 0; i < width_; ++i) {
            h = mix(h, codes[i]);
        }
        return static_cast<size_t>(h);
    }
    void grow() {
        constexpr size_t kInitialSlots = 64;
        const size_t stride = width_ + 1;
        std::vector<uint64_t> old = std::move(slots_);
        const size_t oldCapacity = capacity_;
        capacity_ = std::max(kInitialSlots, capacity_ * 2);
        slots_.assign(capacity_ * stride, 0);
        const size_t mask = capacity_ - 1;
        for (size_t from = 0; from < oldCapacity; ++from) {
            const uint64_t* slot = &old[from * stride];
            if (slot[0] == 0) {
                continue;
            }
            size_t at = hash(slot + 1) & mask;
            while (slots_[at * stride] != 0) {
                at = (at + 1) & mask;
            }
            std::copy(slot, slot + stride, &slots_[at * stride]);
        }
    }

    size_t width_;
    uint32_t count_ = 0;
    uint32_t hashed_ = 0; // entries in slots_
    size_t capacity_ = 0; // slots
    std::vector<uint64_t> slots_;
    std::vector<uint32_t> direct_;
    std::vector<uint64_t> last_;
    uint32_t lastEntry_ = kNoEntry;
};

// Relationships below which a thread of its own does not pay.
constexpr size_t kRelationshipsPerPart = size_t{1} << 16;

// The ends of at most `threads` ranges of relationship ids, each a whole number of zone blocks.
std::vector<size_t> splitRelationships(size_t relationships, uint32_t threads) {
    const size_t parts = std::clamp<size_t>(relationships / kRelationshipsPerPart, 1, std::max<uint32_t>(threads, 1));
    const size_t block = PropertyColumn::kZoneEntities;
    const size_t each = ((relationships + parts - 1) / parts + block - 1) / block * block;
    std::vector<size_t> ends;
    for (size_t end = each; ends.size() + 1 < parts && end < relationships; end += each) {
        ends.push_back(end);
    }
    ends.push_back(relationships);
    return ends;
}

// The values of an integer or date column that a step filter `r.key op value` admits.
struct ZoneRange {
    const std::vector<PropertyColumn::Zone>* zones = nullptr;
    int64_t low = 0;
    int64_t high = 0;
};

// Whether some filter admits no value that zone `block` of its column holds.
bool excluded(const std::vector<ZoneRange>& ranges, size_t block) {
    return std::any_of(ranges.begin(), ranges.end(), [&](const ZoneRange& range) {
        if (block >= range.zones->size()) {
            return false;
        }
        const PropertyColumn::Zone& zone = (*range.zones)[block];
        return zone.empty() || zone.max < range.low || zone.min > range.high;
    });
}

// The indexes of `values` that come no later, under `earlier` (x before y in the order), than
// the bound-th value in that order (bound >= 1, at most values.size()), ties included, in index order.
template <typename T, typename Earlier>
void keepNoLaterThanNth(const std::vector<T>& values, uint64_t bound, Earlier earlier, std::vector<uint32_t>& out) {
    std::vector<T> ordered = values;
    const auto nth = ordered.begin() + static_cast<std::ptrdiff_t>(bound - 1);
    std::nth_element(ordered.begin(), nth, ordered.end(), earlier);
    for (uint32_t index = 0; index < values.size(); ++index) {
        if (!earlier(*nth, values[index])) {
            out.push_back(index);
        }
    }
}

bool codedByValue(ColumnKind kind) {
    return kind == ColumnKind::Bool || kind == ColumnKind::Int || kind == ColumnKind::String || kind == ColumnKind::Date;
}

} // namespace

// How one key or argument is read into a code on this graph.
struct ScanAggregate::Reader {
    Source source = Source::Row;
    const PropertyColumn* column = nullptr; // RelProperty: nullptr when no relationship has the key
    const PropertyColumn* farColumn = nullptr; // EndsProperties: the far node's (column: the start's)
};

// One thread's groups: codes -> group through `entries`; groups stored flat (keys, counts and
// states side by side, no allocation per group but the key values'), found by their key values
// when codes do not say them alone.
struct ScanAggregate::Table {
    static constexpr uint32_t kProbe = UINT32_MAX; // the group index of `probe` in byKey
    struct KeyHash {
        const Table* table;
        size_t operator()(uint32_t group) const {
            size_t seed = table->keyCount;
            for (size_t k = 0; k < table->keyCount; ++k) {
                seed = mix(seed, equivalenceHash(table->keyAt(group, k)));
            }
            return seed;
        }
    };
    struct KeyEqual {
        const Table* table;
        bool operator()(uint32_t lhs, uint32_t rhs) const {
            for (size_t k = 0; k < table->keyCount; ++k) {
                if (!equivalent(table->keyAt(lhs, k), table->keyAt(rhs, k))) {
                    return false;
                }
            }
            return true;
        }
    };
    // `entryWidth`: the words of an entry's codes (the keys' and a null mask, or one packed word).
    Table(size_t keys, size_t aggregates, size_t entryWidth)
        : keyCount(keys), aggregateCount(aggregates), entries(entryWidth), seen(2) {}
    const Value& keyAt(uint32_t group, size_t k) const {
        return group == kProbe ? probe[k] : keys[group * keyCount + k];
    }
    uint32_t groups() const { return static_cast<uint32_t>(rows.size()); }

    size_t keyCount;
    size_t aggregateCount;
    CodeTable entries;                  // the keys' codes and a mask of the null ones
    std::vector<uint32_t> groupOfEntry; // per entry
    CodeTable seen;                     // (group, aggregate, null flag; code) of the coded arguments
    std::vector<Value> keys;            // group g's keys at g * keyCount ...
    std::vector<int64_t> rows;          // per group
    std::vector<std::unique_ptr<AggregateState>> states; // g * aggregateCount + a; null for count(*)
    std::vector<Value> probe;           // the key being looked up
    std::vector<uint64_t> codes;        // per group, when an entry is a group: its entry's codes
    // Counted aggregates (count(DISTINCT x) of a group per start node, see run()): no state, a
    // count per group and aggregate (aggregateCount each).
    std::vector<uint8_t> counted;
    std::vector<int64_t> counts;
    // Lazy keys (top groups whose codes say the keys): per group, the start, relationship and far
    // node of its first row, from which the kept groups' keys are evaluated.
    bool lazyKeys = false;
    std::vector<uint32_t> witnesses;
    // Top groups: which groups to emit, in order; their keys when lazy (keyCount each); the sort
    // aggregate's finished value per group when it is not count(*).
    bool selected = false;
    std::vector<uint32_t> emitted;
    std::vector<Value> emittedKeys;
    std::vector<Value> finished;
    std::unordered_set<uint32_t, KeyHash, KeyEqual> byKey{0, KeyHash{this}, KeyEqual{this}};
};

ScanAggregate::ScanAggregate(Spec spec, std::unique_ptr<Aggregate> aggregate, NodeScan* scan, Expand* step)
    : spec_(std::move(spec)), aggregate_(std::move(aggregate)), scan_(scan), step_(step) {
    setOutputWidth(aggregate_->outputWidth());
    addChild(aggregate_->releaseChild(0));
}

ScanAggregate::~ScanAggregate() = default;

bool ScanAggregate::byRelationships() const {
    if (step_ == nullptr || step_->spec().bothDirections || scan_->label() || !spec_.startFilters.empty()) {
        return false;
    }
    // Groups of start nodes that gather DISTINCT values (WITH a, count(DISTINCT b)) fill their
    // sets one start node after another in node order, and at random in relationship order: 2x.
    const bool perStart = std::any_of(spec_.keys.begin(), spec_.keys.end(), [](const Input& key) {
        return key.source == Source::Start || key.source == Source::StartProperty || key.source == Source::StartLabels;
    });
    const bool distinct = std::any_of(aggregate_->aggregates().begin(), aggregate_->aggregates().end(),
                                      [](const AggregateSpec& spec) { return spec.distinct; });
    if (perStart && distinct) {
        return false;
    }
    // collect() keeps the order rows come in: the order of the nodes then.
    return std::none_of(aggregate_->aggregates().begin(), aggregate_->aggregates().end(), [](const AggregateSpec& spec) {
        return asciiLowered(spec.name) == "collect";
    });
}

std::string ScanAggregate::describe() const {
    std::string text = "Scan" + aggregate_->describe() + (byRelationships() ? " by relationship" : "");
    if (top_) {
        text += fmt::format(", top groups by #{}{}", aggregate_->aggregates()[top_->aggregate].slot,
                            top_->descending ? " desc" : "");
    }
    return text;
}

ColumnUsage ScanAggregate::usage() const {
    return aggregate_->usage();
}

void ScanAggregate::open(ExecutionContext& /*context*/) {
    // The pattern kept as child is not pulled: run() reads its scan and step.
    done_ = false;
    result_.reset();
    position_ = 0;
}

bool ScanAggregate::next(ExecutionContext& context, Chunk& out) {
    if (!done_) {
        done_ = true;
        run(context);
    }
    out.reset(outputWidth());
    if (!result_) {
        return false;
    }
    const std::vector<size_t>& keySlots = aggregate_->keySlots();
    const std::vector<AggregateSpec>& aggregates = aggregate_->aggregates();
    Table& table = *result_;
    std::vector<Value>& row = scratch_;
    const size_t total = table.selected ? table.emitted.size() : table.groups();
    const size_t keyCount = keySlots.size();
    while (position_ < total && !out.full()) {
        const size_t at = position_++;
        const uint32_t group = table.selected ? table.emitted[at] : static_cast<uint32_t>(at);
        row.assign(outputWidth(), Value());
        for (size_t k = 0; k < keyCount; ++k) {
            row[keySlots[k]] = std::move(table.lazyKeys ? table.emittedKeys[at * keyCount + k]
                                                        : table.keys[group * keyCount + k]);
        }
        for (size_t a = 0; a < aggregates.size(); ++a) {
            if (aggregates[a].countStar) {
                row[aggregates[a].slot] = Value(table.rows[group]);
            } else if (table.counted[a] != 0) {
                row[aggregates[a].slot] = Value(table.counts[group * aggregates.size() + a]);
            } else if (!table.finished.empty() && a == top_->aggregate) {
                row[aggregates[a].slot] = std::move(table.finished[group]);
            } else {
                row[aggregates[a].slot] = table.states[group * aggregates.size() + a]->finish();
            }
        }
        out.append(std::move(row));
    }
    if (position_ >= total) {
        result_.reset();
    }
    return !out.empty();
}

void ScanAggregate::run(ExecutionContext& context) {
    const Graph& graph = *context.graph;
    const std::vector<const ast::Expr*>& keyExprs = aggregate_->keys();
    const std::vector<AggregateSpec>& aggregates = aggregate_->aggregates();
    std::vector<NodeId> nodes;
    scan_->nodesToScan(graph, nodes);

    // The step as this graph has it (types narrowed by the predicates inside it), its labels resolved.
    ExpandSpec step;
    if (step_ != nullptr) {
        step = step_->activeSpec(context);
        if (!step.toLabels.empty() && graph.nodeCount() > 0) {
            labelsMatch(graph, 0, step); // fills step.toLabelIds before the threads read them
        }
    }
    const size_t startSlot = scan_->slot();

    // Property keys looked up once, so that the threads only read the expressions' caches.
    auto resolve = [&](const ast::Expr* expr) {
        if (expr != nullptr) {
            resolveCatalogIds(*expr, graph);
        }
    };
    for (const ast::Expr* expr : keyExprs) {
        resolve(expr);
    }
    for (const AggregateSpec& spec : aggregates) {
        for (const auto& child : spec.call->children) {
            resolve(child.get());
        }
    }
    for (const Input& filter : spec_.startFilters) {
        resolve(filter.expr);
    }
    for (const Input& filter : spec_.stepFilters) {
        resolve(filter.expr);
    }
    auto readerOf = [&](const Input& input) {
        Reader reader{input.source, nullptr};
        if (input.source == Source::EndsProperties) {
            const std::optional<PropertyKeyId> key = graph.catalog().findKey(input.key);
            const std::optional<PropertyKeyId> farKey = graph.catalog().findKey(input.farKey);
            reader.column = key ? graph.nodeColumn(*key) : nullptr;
            reader.farColumn = farKey ? graph.nodeColumn(*farKey) : nullptr;
            const auto coded = [](const PropertyColumn* column) {
                return column == nullptr || codedByValue(column->values().kind());
            };
            if (!coded(reader.column) || !coded(reader.farColumn)) {
                reader = Reader{Source::Row, nullptr}; // per row
            }
            return reader;
        }
        const bool ofRel = input.source == Source::RelProperty;
        if (!ofRel && input.source != Source::StartProperty && input.source != Source::EndProperty) {
            return reader;
        }
        const std::optional<PropertyKeyId> key = graph.catalog().findKey(input.key);
        reader.column = !key ? nullptr : ofRel ? graph.relColumn(*key) : graph.nodeColumn(*key);
        if (reader.column != nullptr && !codedByValue(reader.column->values().kind())) {
            // Floats, datetimes, mixed kinds: by the entity.
            reader.source = ofRel ? Source::Rel : input.source == Source::StartProperty ? Source::Start : Source::End;
            reader.column = nullptr;
        }
        return reader;
    };
    std::vector<Reader> keyReaders;
    for (const Input& input : spec_.keys) {
        keyReaders.push_back(readerOf(input));
    }
    // Arguments read through codes: of DISTINCT aggregates, min and max (duplicates do not
    // matter), over one entity or r.key; the rest are evaluated per row.
    std::vector<std::optional<Reader>> argumentReaders;
    for (size_t a = 0; a < aggregates.size(); ++a) {
        const AggregateSpec& spec = aggregates[a];
        const Source source = spec_.arguments[a].source;
        const std::string name = asciiLowered(spec.name);
        const bool absorbs = spec.distinct || name == "min" || name == "max";
        // (The distinct-set word holds the aggregate's index in kAggregateBits.)
        const bool coded = source != Source::Rel && source != Source::Row &&
                           aggregates.size() <= (size_t{1} << kAggregateBits);
        if (!spec.countStar && absorbs && coded && spec.call->children.size() == 1) {
            argumentReaders.emplace_back(readerOf(spec_.arguments[a]));
        } else {
            argumentReaders.emplace_back(std::nullopt);
        }
    }

    // Filters that read one property of one entity alone: their result memoized per stored value.
    auto filterReaders = [&](const std::vector<Input>& filters) {
        std::vector<std::optional<Reader>> readers;
        for (const Input& filter : filters) {
            const Reader reader = readerOf(filter);
            const bool byValue = reader.source == Source::StartProperty || reader.source == Source::EndProperty ||
                                 reader.source == Source::StartLabels || reader.source == Source::EndLabels ||
                                 reader.source == Source::RelProperty || reader.source == Source::EndsProperties;
            readers.push_back(byValue ? std::optional<Reader>(reader) : std::nullopt);
        }
        return readers;
    };
    const std::vector<std::optional<Reader>> startFilterReaders = filterReaders(spec_.startFilters);
    const std::vector<std::optional<Reader>> stepFilterReaders = filterReaders(spec_.stepFilters);
    // Every relationship once in id order, for a directed step from every node with no start filter.
    const bool byRelationships = this->byRelationships() && !step.impossible;
    std::vector<uint8_t> typeAllowed;
    if (byRelationships && !step.types.empty()) {
        typeAllowed.assign(graph.catalog().typeCount(), 0);
        for (TypeId type : step.types) {
            if (type < typeAllowed.size()) {
                typeAllowed[type] = 1;
            }
        }
    }
    // The step filters r.key op value on a column with a zone map, as ranges of its codes.
    std::vector<ZoneRange> zoneRanges;
    for (size_t f = 0; byRelationships && f < spec_.stepFilters.size(); ++f) {
        const std::optional<Bound>& bound = spec_.stepFilters[f].bound;
        const PropertyColumn* column = stepFilterReaders[f] ? stepFilterReaders[f]->column : nullptr;
        if (!bound || column == nullptr || column->zones().empty()) {
            continue;
        }
        std::vector<Value> nulls(spec_.rowWidth);
        const Value value = evaluate(*bound->value, RowRef{nullptr, 0, &nulls}, context);
        const ColumnKind kind = column->values().kind();
        int64_t code = 0;
        if (kind == ColumnKind::Int && value.type() == ValueType::Int) {
            code = value.asInt();
        } else if (kind == ColumnKind::Date && value.type() == ValueType::Date) {
            code = value.asDate().days();
        } else {
            continue; // another kind of value (a float against integers, null): no blocks skipped
        }
        constexpr int64_t kLeast = std::numeric_limits<int64_t>::min();
        constexpr int64_t kGreatest = std::numeric_limits<int64_t>::max();
        ZoneRange range{&column->zones(), kLeast, kGreatest};
        switch (bound->op) {
        case ast::BinaryOp::Equal: range.low = range.high = code; break;
        case ast::BinaryOp::LessEqual: range.high = code; break;
        case ast::BinaryOp::GreaterEqual: range.low = code; break;
        case ast::BinaryOp::Less: range.high = code == kLeast ? kLeast : code - 1; break;
        case ast::BinaryOp::Greater: range.low = code == kGreatest ? kGreatest : code + 1; break;
        default: continue;
        }
        if ((bound->op == ast::BinaryOp::Less && code == kLeast) || (bound->op == ast::BinaryOp::Greater && code == kGreatest)) {
            range.low = kGreatest; // nothing is below the least integer or above the greatest: no value passes
            range.high = kLeast;
        }
        zoneRanges.push_back(range);
    }
    const std::vector<size_t> ends = byRelationships ? splitRelationships(graph.relCount(), context.threads)
                                                     : splitNodesByWork(graph, nodes, context.threads);
    const auto parts = static_cast<uint32_t>(ends.size());
    const bool mergeable = parts > 1;
    // Whether two entries may hold equal key values: some key is not its code's value itself
    // (labels(a) by node, r.key by relationship). Otherwise an entry is a group, and the parts
    // merge by codes.
    bool byValue = false;
    for (size_t k = 0; k < spec_.keys.size(); ++k) {
        const Source source = keyReaders[k].source;
        // (An r.key read by relationship, its column not of one scalar kind, does not.)
        const bool saysValue = spec_.keys[k].exact && source == spec_.keys[k].source;
        byValue = byValue || !(saysValue || source == Source::Constant);
    }
    // How many codes `reader` may give (each below it), when that is known: nullopt for integers
    // and dates, which take 64 bits.
    const auto codeCount = [&](const Reader& reader) -> std::optional<uint64_t> {
        switch (reader.source) {
        case Source::Constant: return 1;
        case Source::Start:
        case Source::End: return graph.nodeCount();
        case Source::StartLabels:
        case Source::EndLabels: return graph.catalog().labelSetCount();
        case Source::RelType: return graph.catalog().typeCount();
        case Source::Rel:
        case Source::Row: return graph.relCount();
        case Source::EndsProperties: return std::nullopt;
        case Source::StartProperty:
        case Source::EndProperty:
        case Source::RelProperty: {
            const ColumnKind kind = reader.column != nullptr ? reader.column->values().kind() : ColumnKind::Empty;
            return reader.column == nullptr     ? std::optional<uint64_t>(1)
                   : kind == ColumnKind::String ? std::optional<uint64_t>(graph.strings().size())
                   : kind == ColumnKind::Bool   ? std::optional<uint64_t>(2)
                                                : std::nullopt;
        }
        }
        return std::nullopt;
    };
    // count(DISTINCT x) of groups that are each one start node (a key is the start node itself,
    // the others functions of it), scanned in node order: a group's rows come together, in one
    // part, so a value is new to it when the array of last groups per code says another group.
    // No state, no set per group. x by its code, when the code says its value.
    const auto ofStart = [](Source source) {
        return source == Source::Start || source == Source::StartProperty || source == Source::StartLabels ||
               source == Source::Constant;
    };
    bool groupPerStart = !byRelationships && !spec_.keys.empty();
    bool startKey = false;
    for (size_t k = 0; k < spec_.keys.size(); ++k) {
        groupPerStart = groupPerStart && ofStart(spec_.keys[k].source);
        startKey = startKey || (spec_.keys[k].source == Source::Start && spec_.keys[k].exact &&
                                keyReaders[k].source == Source::Start);
    }
    groupPerStart = groupPerStart && startKey;
    std::vector<uint8_t> counted(aggregates.size(), 0);
    for (size_t a = 0; a < aggregates.size() && groupPerStart; ++a) {
        const AggregateSpec& spec = aggregates[a];
        const Input& argument = spec_.arguments[a];
        if (!spec.distinct || spec.countStar || asciiLowered(spec.name) != "count" || !argumentReaders[a] ||
            !argument.exact || argumentReaders[a]->source != argument.source) {
            continue;
        }
        const std::optional<uint64_t> codes = codeCount(*argumentReaders[a]);
        counted[a] = codes && *codes <= kMaxDirectEntries ? 1 : 0;
    }
    const bool anyCounted = std::any_of(counted.begin(), counted.end(), [](uint8_t c) { return c != 0; });

    // The keys' codes packed into one word where the number of codes each may take allows (a
    // node id below the node count, a pooled string below the pool's size, and a null bit for a
    // property): half the table's memory and one comparison a probe. A direct array when the
    // word is small.
    std::vector<unsigned> shifts; // per key: where its code starts in the word
    std::vector<unsigned> widths; // per key: its code's bits
    unsigned packedBits = 0;
    bool packed = true;
    for (size_t k = 0; k < keyReaders.size() && packed; ++k) {
        const Reader& reader = keyReaders[k];
        const std::optional<uint64_t> codes = codeCount(reader);
        const bool nullable = reader.source == Source::StartProperty || reader.source == Source::EndProperty ||
                              reader.source == Source::RelProperty;
        if (!codes) {
            packed = false;
            break;
        }
        const auto bits = static_cast<unsigned>(std::bit_width(std::max<uint64_t>(*codes, 1) - 1));
        shifts.push_back(packedBits);
        widths.push_back(bits);
        packedBits += bits + (nullable ? 1U : 0U);
        packed = packedBits <= kWordBits;
    }
    const size_t entryWidth = packed ? 1 : spec_.keys.size() + 1;
    // A direct array costs its size to clear: worth it below a small size or the work's.
    const uint64_t items = byRelationships ? graph.relCount() : nodes.size() + graph.relCount();
    const uint64_t directEntries = packed && packedBits < kWordBits ? uint64_t{1} << packedBits : 0;
    const bool direct = directEntries > 0 && directEntries <= kMaxDirectEntries &&
                        (directEntries <= kSmallDirectEntries || directEntries <= items);

    // Keys evaluated only for the groups kept (see the header) when codes say them.
    const bool lazyKeys = top_.has_value() && !byValue;
    std::vector<std::unique_ptr<Table>> tables;
    std::vector<ExecutionContext> contexts(parts);
    for (uint32_t part = 0; part < parts; ++part) {
        tables.push_back(std::make_unique<Table>(spec_.keys.size(), aggregates.size(), entryWidth));
        tables.back()->lazyKeys = lazyKeys;
    }

    runParts(parts, [&](uint32_t part, const std::atomic<bool>& stop) {
        ExecutionContext& own = contexts[part];
        initWorkerContext(context, own, parts > 1 ? &stop : context.abandoned);
        Table& table = *tables[part];
        if (direct) {
            table.entries.useDirect(directEntries);
        }
        table.counted = counted;
        // Counted aggregates: per code, the last group (plus one) that counted it.
        std::vector<std::vector<uint32_t>> marks(aggregates.size());
        for (size_t a = 0; a < aggregates.size(); ++a) {
            if (counted[a] != 0) {
                marks[a].assign(*codeCount(*argumentReaders[a]), 0);
            }
        }
        std::vector<Value> row(spec_.rowWidth);
        const RowRef rowRef{nullptr, 0, &row};
        std::vector<uint64_t> codes(spec_.keys.size() + 1);
        uint64_t word = 0;
        std::array<uint64_t, 2> seenCodes{};
        uint32_t untilCheck = kItemsPerCheck;
        auto tick = [&] {
            if (--untilCheck == 0) {
                untilCheck = kItemsPerCheck;
                own.checkCancelled();
            }
        };

        // The code of `reader`'s source for the current row; sets `null` for a missing r.key.
        auto codeOf = [&](const Reader& reader, NodeId start, RelId rel, NodeId end, bool& null) -> uint64_t {
            switch (reader.source) {
            case Source::Constant:
                return 0;
            case Source::Start:
                return start;
            case Source::End:
                return end;
            case Source::RelType:
                return graph.relType(rel);
            case Source::StartLabels:
                return graph.labelSet(start);
            case Source::EndLabels:
                return graph.labelSet(end);
            case Source::StartProperty:
            case Source::EndProperty:
            case Source::RelProperty: {
                const uint32_t entity = reader.source == Source::RelProperty ? rel
                                        : reader.source == Source::StartProperty ? start
                                                                                 : end;
                const std::optional<size_t> slot = reader.column != nullptr ? reader.column->slot(entity) : std::nullopt;
                if (!slot) {
                    null = true;
                    return 0;
                }
                const ValueVector& values = reader.column->values();
                switch (values.kind()) {
                case ColumnKind::Bool:
                    return values.bools()[*slot];
                case ColumnKind::Int:
                    return static_cast<uint64_t>(values.ints()[*slot]);
                case ColumnKind::String:
                    return values.strings()[*slot];
                case ColumnKind::Date:
                    return static_cast<uint64_t>(static_cast<int64_t>(values.dates()[*slot]));
                default:
                    null = true; // an Empty column
                    return 0;
                }
            }
            case Source::EndsProperties: // (two codes: see passes())
            case Source::Rel:
            case Source::Row:
                return rel;
            }
            return 0;
        };

        // Each filter's results by the code of the one property it reads (when it reads one).
        // (A filter of the start's and the far node's properties: by the pair of codes.)
        struct Memo {
            explicit Memo(size_t width) : values(width) {}
            CodeTable values;
            std::vector<uint8_t> results;
        };
        auto makeMemos = [&](const std::vector<std::optional<Reader>>& readers) {
            std::vector<Memo> memos;
            for (size_t f = 0; f < readers.size(); ++f) {
                const bool pair = readers[f] && readers[f]->source == Source::EndsProperties;
                memos.emplace_back(pair ? 3 : 2);
                if (readers[f] && !pair && readers[f]->column != nullptr) {
                    const ColumnKind kind = readers[f]->column->values().kind();
                    const uint64_t bound = kind == ColumnKind::String ? graph.strings().size()
                                           : kind == ColumnKind::Date ? kDirectDays
                                           : kind == ColumnKind::Bool ? 2
                                                                      : 0;
                    if (bound > 0 && bound <= kMaxDirectEntries) {
                        memos[f].values.useDirect(bound);
                    }
                }
            }
            return memos;
        };
        std::vector<Memo> startMemos = makeMemos(startFilterReaders);
        std::vector<Memo> stepMemos = makeMemos(stepFilterReaders);
        auto passes = [&](const Input& filter, const std::optional<Reader>& reader, Memo& memo, NodeId start,
                          RelId rel, NodeId end, auto&& fill) {
            if (!reader) {
                fill();
                return evaluatePredicate(*filter.expr, rowRef, own);
            }
            if (reader->source == Source::EndsProperties) {
                bool startNull = false;
                bool farNull = false;
                std::array<uint64_t, 3> pair{};
                pair[0] = codeOf(Reader{Source::StartProperty, reader->column}, start, rel, end, startNull);
                pair[1] = codeOf(Reader{Source::EndProperty, reader->farColumn}, start, rel, end, farNull);
                pair[2] = (startNull ? 1U : 0U) | (farNull ? 2U : 0U);
                const auto [entry, added] = memo.values.insert(pair.data());
                if (added) {
                    fill();
                    memo.results.push_back(evaluatePredicate(*filter.expr, rowRef, own) ? 1 : 0);
                }
                return memo.results[entry] != 0;
            }
            bool null = false;
            std::array<uint64_t, 2> value{};
            value[0] = codeOf(*reader, start, rel, end, null);
            value[1] = null ? 1 : 0;
            const auto [entry, added] = memo.values.insert(value.data());
            if (added) {
                fill();
                memo.results.push_back(evaluatePredicate(*filter.expr, rowRef, own) ? 1 : 0);
            }
            return memo.results[entry] != 0;
        };

        // A group for the key values in table.probe, or the one that has them already.
        auto groupOfProbe = [&]() -> uint32_t {
            if (!byValue) {
                // Codes say the values: a new entry is a new group.
            } else if (const auto known = table.byKey.find(Table::kProbe); known != table.byKey.end()) {
                return *known;
            }
            const uint32_t group = table.groups();
            for (Value& value : table.probe) {
                table.keys.push_back(std::move(value));
            }
            table.rows.push_back(0);
            for (size_t a = 0; a < aggregates.size(); ++a) {
                const AggregateSpec& spec = aggregates[a];
                const bool stateless = spec.countStar || counted[a] != 0;
                table.states.push_back(stateless ? nullptr : makeAggregate(spec.name, spec.distinct));
                if (mergeable && table.states.back()) {
                    table.states.back()->recordForMerge();
                }
            }
            if (anyCounted) {
                table.counts.resize(table.counts.size() + aggregates.size(), 0);
            }
            if (byValue) {
                table.byKey.insert(group);
            }
            return group;
        };

        auto update = [&](uint32_t group, size_t a, const Value& argument, const Value& parameter) {
            try {
                table.states[group * aggregates.size() + a]->update(argument, parameter);
            } catch (QueryError& error) {
                if (!error.position().known()) {
                    error.setPosition(aggregates[a].call->position);
                }
                throw;
            }
        };

        // One row of the pattern: start, and (with a step) rel and end, whose columns `fill` writes.
        auto accumulate = [&](NodeId start, RelId rel, NodeId end, auto&& fill) {
            codes.back() = 0;
            word = 0;
            for (size_t k = 0; k < keyReaders.size(); ++k) {
                bool null = false;
                codes[k] = codeOf(keyReaders[k], start, rel, end, null);
                if (null) {
                    codes.back() |= uint64_t{1} << k;
                }
                if (packed) {
                    word |= null ? uint64_t{1} << (shifts[k] + widths[k]) : codes[k] << shifts[k];
                }
            }
            const uint64_t* entryCodes = packed ? &word : codes.data();
            const auto [entry, added] = table.entries.insert(entryCodes);
            if (added) {
                table.probe.clear();
                if (lazyKeys) {
                    table.witnesses.insert(table.witnesses.end(), {start, rel, end});
                } else {
                    fill();
                    for (const ast::Expr* expr : keyExprs) {
                        table.probe.push_back(evaluate(*expr, rowRef, own));
                    }
                }
                table.groupOfEntry.push_back(groupOfProbe());
                if (!byValue) {
                    table.codes.insert(table.codes.end(), entryCodes, entryCodes + entryWidth);
                }
            }
            const uint32_t group = table.groupOfEntry[entry];
            ++table.rows[group];
            for (size_t a = 0; a < aggregates.size(); ++a) {
                const AggregateSpec& spec = aggregates[a];
                if (spec.countStar) {
                    continue;
                }
                const ast::Expr* call = spec.call;
                if (counted[a] != 0) {
                    bool null = false;
                    const uint64_t code = codeOf(*argumentReaders[a], start, rel, end, null);
                    uint32_t& mark = marks[a][code];
                    if (!null && mark != group + 1) {
                        mark = group + 1; // the group's first row with this value
                        ++table.counts[size_t{group} * aggregates.size() + a];
                    }
                    continue;
                }
                if (argumentReaders[a]) {
                    bool null = false;
                    seenCodes[1] = codeOf(*argumentReaders[a], start, rel, end, null);
                    seenCodes[0] = ((uint64_t{group} << kAggregateBits | a) << 1U) | (null ? 1U : 0U);
                    if (!table.seen.insert(seenCodes.data()).second) {
                        continue; // this group saw the value already
                    }
                }
                fill();
                const Value argument = evaluate(*call->children[0], rowRef, own);
                const Value parameter = call->children.size() > 1 ? evaluate(*call->children[1], rowRef, own) : Value();
                update(group, a, argument, parameter);
            }
        };

        // One relationship of the step, from `start`.
        auto visitEdge = [&](NodeId start, RelId rel, NodeId end) {
            if (!labelsMatch(graph, end, step)) {
                return;
            }
            bool filled = false;
            auto fill = [&] {
                if (!filled) {
                    filled = true;
                    row[startSlot] = Value(NodeRef{start});
                    row[step.relSlot] = Value(RelRef{rel});
                    row[step.toSlot] = Value(NodeRef{end});
                }
            };
            for (size_t f = 0; f < spec_.stepFilters.size(); ++f) {
                if (!passes(spec_.stepFilters[f], stepFilterReaders[f], stepMemos[f], start, rel, end, fill)) {
                    return;
                }
            }
            accumulate(start, rel, end, fill);
        };

        const size_t begin = part == 0 ? 0 : ends[part - 1];
        if (byRelationships) {
            const bool out = step.direction == Direction::Out;
            for (size_t block = begin; block < ends[part]; block += PropertyColumn::kZoneEntities) {
                if (excluded(zoneRanges, block / PropertyColumn::kZoneEntities)) {
                    continue;
                }
                const size_t blockEnd = std::min(ends[part], block + PropertyColumn::kZoneEntities);
                for (size_t id = block; id < blockEnd; ++id) {
                    tick();
                    const auto rel = static_cast<RelId>(id);
                    if (graph.relDeleted(rel) || (!typeAllowed.empty() && typeAllowed[graph.relType(rel)] == 0)) {
                        continue;
                    }
                    const NodeId source = graph.relSource(rel);
                    const NodeId target = graph.relTarget(rel);
                    if (!graph.nodeDeleted(out ? source : target)) {
                        visitEdge(out ? source : target, rel, out ? target : source);
                    }
                }
            }
            return;
        }
        for (size_t i = begin; i < ends[part]; ++i) {
            tick();
            const NodeId start = nodes[i];
            row[startSlot] = Value(NodeRef{start});
            bool startPasses = true;
            for (size_t f = 0; f < spec_.startFilters.size() && startPasses; ++f) {
                startPasses = passes(spec_.startFilters[f], startFilterReaders[f], startMemos[f], start, 0, start, [] {});
            }
            if (!startPasses) {
                continue;
            }
            if (step_ == nullptr) {
                accumulate(start, 0, start, [] {});
                continue;
            }
            forEachEdge(graph, start, step, [&](RelId rel, NodeId end) {
                tick();
                visitEdge(start, rel, end);
            });
        }
    });

    // The parts merge in range order: groups keep the order one thread finds them in.
    Table& merged = *tables.front();
    const size_t width = aggregates.size();
    for (uint32_t part = 1; part < parts; ++part) {
        Table& later = *tables[part];
        const size_t codeWidth = entryWidth;
        for (uint32_t group = 0; group < later.groups(); ++group) {
            // The group of the same keys in `merged`, by codes or by values; nullopt: none yet.
            std::optional<uint32_t> into;
            if (!byValue) {
                const uint64_t* codes = &later.codes[group * codeWidth];
                const auto [entry, added] = merged.entries.insert(codes);
                if (!added) {
                    into = entry;
                } else {
                    merged.codes.insert(merged.codes.end(), codes, codes + codeWidth);
                }
            } else {
                merged.probe.assign(later.keys.begin() + group * keyExprs.size(),
                                    later.keys.begin() + (group + 1) * keyExprs.size());
                if (const auto known = merged.byKey.find(Table::kProbe); known != merged.byKey.end()) {
                    into = *known;
                }
            }
            if (!into) {
                const uint32_t added = merged.groups();
                if (lazyKeys) {
                    merged.witnesses.insert(merged.witnesses.end(), later.witnesses.begin() + size_t{group} * kWitnessWidth,
                                            later.witnesses.begin() + (size_t{group} + 1) * kWitnessWidth);
                } else {
                    merged.keys.insert(merged.keys.end(),
                                       std::make_move_iterator(later.keys.begin() + group * keyExprs.size()),
                                       std::make_move_iterator(later.keys.begin() + (group + 1) * keyExprs.size()));
                }
                merged.rows.push_back(later.rows[group]);
                for (size_t a = 0; a < width; ++a) {
                    merged.states.push_back(std::move(later.states[group * width + a]));
                }
                if (anyCounted) {
                    merged.counts.insert(merged.counts.end(), later.counts.begin() + group * width,
                                         later.counts.begin() + (group + 1) * width);
                }
                if (byValue) {
                    merged.byKey.insert(added);
                }
                continue;
            }
            // (Counted aggregates never get here: a group is one start node, scanned by one part.)
            merged.rows[*into] += later.rows[group];
            for (size_t a = 0; a < width; ++a) {
                if (merged.states[*into * width + a]) {
                    merged.states[*into * width + a]->merge(*later.states[group * width + a]);
                }
            }
        }
        tables[part].reset();
        context.checkCancelled();
    }
    if (merged.groups() == 0 && keyExprs.empty()) {
        merged.rows.push_back(0); // no input: one row all the same (count(*) = 0)
        for (const AggregateSpec& spec : aggregates) {
            merged.states.push_back(spec.countStar ? nullptr : makeAggregate(spec.name, spec.distinct));
        }
        merged.counted.assign(aggregates.size(), 0); // (no keys: nothing is counted)
    }
    result_ = std::move(tables.front());
    selectTopGroups(context, *result_, lazyKeys);
}

void ScanAggregate::selectTopGroups(ExecutionContext& context, Table& table, bool lazyKeys) {
    if (!top_) {
        return;
    }
    const uint64_t skip = top_->skip != nullptr ? evaluateCount(*top_->skip, context, "SKIP") : 0;
    const uint64_t limit = evaluateCount(*top_->limit, context, "LIMIT");
    const uint64_t bound = limit > UINT64_MAX - skip ? UINT64_MAX : skip + limit;
    const uint32_t groups = table.groups();
    table.selected = true;
    table.emitted.clear();
    const std::vector<AggregateSpec>& aggregates = aggregate_->aggregates();
    const size_t a = top_->aggregate;
    const bool descending = top_->descending;
    if (bound >= groups) {
        table.emitted.resize(groups);
        std::iota(table.emitted.begin(), table.emitted.end(), 0U);
    } else if (bound > 0 && (aggregates[a].countStar || table.counted[a] != 0)) {
        std::vector<int64_t> counts(groups);
        for (uint32_t group = 0; group < groups; ++group) {
            counts[group] = aggregates[a].countStar ? table.rows[group] : table.counts[group * aggregates.size() + a];
        }
        keepNoLaterThanNth(counts, bound, [&](int64_t x, int64_t y) { return descending ? x > y : x < y; },
                           table.emitted);
    } else if (bound > 0) {
        table.finished.resize(groups);
        for (uint32_t group = 0; group < groups; ++group) {
            table.finished[group] = table.states[group * aggregates.size() + a]->finish();
        }
        keepNoLaterThanNth(
            table.finished, bound,
            [&](const Value& x, const Value& y) {
                const int cmp = compareForOrder(x, y);
                return descending ? cmp > 0 : cmp < 0;
            },
            table.emitted);
    }
    if (!lazyKeys) {
        return;
    }
    // The kept groups' keys, from the row each was found by.
    const std::vector<const ast::Expr*>& keyExprs = aggregate_->keys();
    std::vector<Value> row(spec_.rowWidth);
    const RowRef rowRef{nullptr, 0, &row};
    table.emittedKeys.clear();
    for (const uint32_t group : table.emitted) {
        if (keyExprs.empty()) {
            break; // (and the one group of no input has no row to read)
        }
        const uint32_t* witness = &table.witnesses[size_t{group} * kWitnessWidth];
        row[scan_->slot()] = Value(NodeRef{witness[0]});
        if (step_ != nullptr) {
            row[step_->spec().relSlot] = Value(RelRef{witness[1]});
            row[step_->spec().toSlot] = Value(NodeRef{witness[2]});
        }
        for (const ast::Expr* expr : keyExprs) {
            table.emittedKeys.push_back(evaluate(*expr, rowRef, context));
        }
    }
}

} // namespace newsgraph
