#include "engine/storage/graph.hpp"

#include <algorithm>
#include <exception>
#include <numeric>
#include <optional>
#include <thread>

#include "engine/common/cores.hpp"
#include "engine/storage/graph_builder.hpp"

namespace newsgraph {

namespace {

// Stable counting sort of `items` by key(item) in [0, keyCount).
template <typename KeyFn>
std::vector<uint32_t> countingSort(const std::vector<uint32_t>& items, size_t keyCount, KeyFn key,
                                   std::vector<uint32_t>* offsetsOut = nullptr) {
    std::vector<uint32_t> offsets(keyCount + 1, 0);
    for (uint32_t item : items) {
        ++offsets[key(item) + 1];
    }
    std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
    std::vector<uint32_t> sorted(items.size());
    std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (uint32_t item : items) {
        sorted[next[key(item)]++] = item;
    }
    if (offsetsOut != nullptr) {
        *offsetsOut = std::move(offsets);
    }
    return sorted;
}

} // namespace

Graph::Graph() : Graph(GraphBuilder()) {}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

Graph::Graph(GraphBuilder&& builder)
    : catalog_(std::move(builder.catalog_)), strings_(std::move(builder.strings_)),
      nodeLabels_(std::move(builder.nodeLabels_)), relSource_(std::move(builder.relSource_)),
      relTarget_(std::move(builder.relTarget_)), relType_(std::move(builder.relType_)),
      nodeDeleted_(std::move(builder.nodeDeleted_)), relDeleted_(std::move(builder.relDeleted_)),
      nodeColumns_(std::move(builder.nodeColumns_)), relColumns_(std::move(builder.relColumns_)),
      index_(std::move(builder.index_)), externalIds_(std::move(builder.externalIds_)) {
    builder = GraphBuilder();
    deletedNodes_ = static_cast<uint64_t>(std::count(nodeDeleted_.begin(), nodeDeleted_.end(), 1));
    deletedRels_ = static_cast<uint64_t>(std::count(relDeleted_.begin(), relDeleted_.end(), 1));
    nodeLabels_.shrink_to_fit();
    relSource_.shrink_to_fit();
    relTarget_.shrink_to_fit();
    relType_.shrink_to_fit();
    // The incoming CSR is built on a second thread while this one freezes the columns and builds
    // the outgoing CSR: the three read the same immutable arrays and write disjoint ones.
    std::exception_ptr inError;
    std::optional<std::thread> in;
    if (availableCores() > 1) {
        in.emplace([this, &inError] {
            try {
                buildCsr(Direction::In);
            } catch (...) {
                inError = std::current_exception();
            }
        });
    }
    try {
        for (PropertyColumn& column : nodeColumns_) {
            column.freeze(nodeCount());
        }
        for (PropertyColumn& column : relColumns_) {
            column.freeze(relCount());
        }
        buildCsr(Direction::Out);
    } catch (...) {
        if (in) {
            in->join();
        }
        throw;
    }
    if (in) {
        in->join();
        if (inError) {
            std::rethrow_exception(inError);
        }
    } else {
        buildCsr(Direction::In);
    }
    buildIndexes();
    statistics_.gather(*this);
}

std::vector<uint32_t> Graph::liveRels() const {
    std::vector<uint32_t> rels;
    rels.reserve(relCount() - deletedRels_);
    for (RelId rel = 0; rel < relCount(); ++rel) {
        if (!relDeleted(rel)) {
            rels.push_back(rel);
        }
    }
    return rels;
}

void Graph::buildCsr(Direction direction) {
    const std::vector<NodeId>& from = direction == Direction::Out ? relSource_ : relTarget_;
    const std::vector<NodeId>& to = direction == Direction::Out ? relTarget_ : relSource_;
    std::vector<uint32_t> rels = liveRels();
    // Two stable passes (by type, then by node) order the edges by (node, type, relationship id).
    rels = countingSort(rels, catalog_.typeCount(), [this](uint32_t rel) { return relType_[rel]; });
    std::vector<uint32_t> offsets;
    rels = countingSort(rels, nodeCount(), [&from](uint32_t rel) { return from[rel]; }, &offsets);

    // The sorted edges are written straight into Boost's CSR arrays (row starts, columns, bundled
    // slots), which is what its edges_are_sorted constructor would do from a temporary edge list.
    Csr& csr = direction == Direction::Out ? out_ : in_;
    csr = Csr();
    csr.m_forward.m_rowstart.assign(offsets.begin(), offsets.end());
    csr.m_forward.m_column.resize(rels.size());
    csr.m_forward.m_edge_properties.resize(rels.size());
    for (size_t i = 0; i < rels.size(); ++i) {
        const RelId rel = rels[i];
        csr.m_forward.m_column[i] = to[rel];
        csr.m_forward.m_edge_properties[i] = EdgeSlot{rel, relType_[rel]};
    }
}

void Graph::buildIndexes() {
    std::vector<uint32_t> counts(catalog_.labelCount() + 1, 0);
    for (NodeId node = 0; node < nodeCount(); ++node) {
        if (nodeDeleted(node)) {
            continue;
        }
        for (LabelId label : labels(node)) {
            ++counts[label + 1U];
        }
    }
    std::partial_sum(counts.begin(), counts.end(), counts.begin());
    labelOffsets_ = counts;
    labelNodes_.resize(labelOffsets_.back());
    unlabeledNodes_.clear();
    for (NodeId node = 0; node < nodeCount(); ++node) {
        if (nodeDeleted(node)) {
            continue;
        }
        if (labels(node).empty()) {
            unlabeledNodes_.push_back(node);
        }
        for (LabelId label : labels(node)) {
            labelNodes_[counts[label]++] = node;
        }
    }
    const std::vector<uint32_t> rels = liveRels();
    typeRels_ = countingSort(rels, catalog_.typeCount(), [this](uint32_t rel) { return relType_[rel]; }, &typeOffsets_);
}

Value Graph::nodeProperty(NodeId node, PropertyKeyId key) const {
    if (key >= nodeColumns_.size()) {
        return {};
    }
    return nodeColumns_[key].get(node, strings_);
}

Value Graph::relProperty(RelId rel, PropertyKeyId key) const {
    if (key >= relColumns_.size()) {
        return {};
    }
    return relColumns_[key].get(rel, strings_);
}

Value Graph::nodeProperty(NodeId node, std::string_view key) const {
    auto id = catalog_.findKey(key);
    return id ? nodeProperty(node, *id) : Value();
}

Value Graph::relProperty(RelId rel, std::string_view key) const {
    auto id = catalog_.findKey(key);
    return id ? relProperty(rel, *id) : Value();
}

const PropertyColumn* Graph::nodeColumn(PropertyKeyId key) const {
    return key < nodeColumns_.size() && nodeColumns_[key].count() > 0 ? &nodeColumns_[key] : nullptr;
}

const PropertyColumn* Graph::relColumn(PropertyKeyId key) const {
    return key < relColumns_.size() && relColumns_[key].count() > 0 ? &relColumns_[key] : nullptr;
}

namespace {

PropertyList collectProperties(const std::vector<PropertyColumn>& columns, uint32_t entity, const Catalog& catalog,
                               const StringPool& strings) {
    PropertyList out;
    for (size_t key = 0; key < columns.size(); ++key) {
        if (auto slot = columns[key].slot(entity)) {
            out.emplace_back(catalog.keyName(static_cast<PropertyKeyId>(key)), columns[key].values().get(*slot, strings));
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& lhs, const auto& rhs) { return lhs.first < rhs.first; });
    return out;
}

} // namespace

PropertyList Graph::nodeProperties(NodeId node) const {
    return collectProperties(nodeColumns_, node, catalog_, strings_);
}

PropertyList Graph::relProperties(RelId rel) const {
    return collectProperties(relColumns_, rel, catalog_, strings_);
}

std::span<const NodeId> Graph::nodesWithLabel(LabelId label) const {
    if (label + 1U >= labelOffsets_.size()) {
        return {};
    }
    return std::span<const NodeId>(labelNodes_).subspan(labelOffsets_[label], labelOffsets_[label + 1U] - labelOffsets_[label]);
}

std::span<const RelId> Graph::relsOfType(TypeId type) const {
    if (type + 1U >= typeOffsets_.size()) {
        return {};
    }
    return std::span<const RelId>(typeRels_).subspan(typeOffsets_[type], typeOffsets_[type + 1U] - typeOffsets_[type]);
}

std::span<const NodeId> Graph::lookup(LabelId label, PropertyKeyId key, std::string_view value) const {
    return index_.find(label, key, value);
}

std::vector<NodeId> Graph::resolve(std::string_view label, std::string_view text) const {
    std::vector<NodeId> out;
    auto labelId = catalog_.findLabel(label);
    if (!labelId) {
        return out;
    }
    for (std::string_view keyName : {"name", "code", "aliases", "id"}) {
        if (auto key = catalog_.findKey(keyName)) {
            auto found = lookup(*labelId, *key, text);
            out.insert(out.end(), found.begin(), found.end());
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<NodeId> Graph::findExternalId(std::string_view space, std::string_view id) const {
    std::string key(space);
    key.push_back('\x1f');
    key.append(id);
    if (auto it = externalIds_.find(key); it != externalIds_.end()) {
        return it->second;
    }
    return std::nullopt;
}

Adjacency Graph::adjacency(NodeId node, Direction direction) const {
    const auto& forward = csr(direction).m_forward;
    const uint32_t begin = forward.m_rowstart[node];
    const uint32_t end = forward.m_rowstart[node + 1U];
    return Adjacency{forward.m_column.data() + begin, forward.m_edge_properties.data() + begin, end - begin};
}

Adjacency Graph::adjacency(NodeId node, Direction direction, TypeId type) const {
    const Adjacency all = adjacency(node, direction);
    const EdgeSlot* first = std::lower_bound(all.slots, all.slots + all.size, type,
                                             [](const EdgeSlot& slot, TypeId t) { return slot.type < t; });
    const EdgeSlot* last = std::upper_bound(first, all.slots + all.size, type,
                                            [](TypeId t, const EdgeSlot& slot) { return t < slot.type; });
    const auto offset = static_cast<uint32_t>(first - all.slots);
    return Adjacency{all.neighbors + offset, first, static_cast<uint32_t>(last - first)};
}

} // namespace newsgraph
