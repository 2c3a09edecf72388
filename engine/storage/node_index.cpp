#include "engine/storage/node_index.hpp"

#include <algorithm>

namespace newsgraph {

namespace {
constexpr unsigned kByteBits = 8;
constexpr unsigned kByteMask = 0xFF;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
} // namespace

std::string NodeIndex::normalize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (char c : text) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string NodeIndex::compositeKey(LabelId label, PropertyKeyId key, std::string_view text) {
    std::string composite;
    composite.reserve(kHeaderBytes + text.size());
    composite.push_back(static_cast<char>(label & kByteMask));
    composite.push_back(static_cast<char>(label >> kByteBits));
    composite.push_back(static_cast<char>(key & kByteMask));
    composite.push_back(static_cast<char>(key >> kByteBits));
    composite += normalize(text);
    return composite;
}

uint32_t NodeIndex::decodeId(const std::string& composite, size_t offset) {
    const auto low = static_cast<unsigned char>(composite[offset]);
    const auto high = static_cast<unsigned char>(composite[offset + 1]);
    return low | (static_cast<uint32_t>(high) << kByteBits);
}

void NodeIndex::add(LabelId label, PropertyKeyId key, std::string_view text, NodeId node) {
    std::vector<NodeId>& nodes = postings_[compositeKey(label, key, text)];
    auto it = std::lower_bound(nodes.begin(), nodes.end(), node);
    if (it != nodes.end() && *it == node) {
        return;
    }
    nodes.insert(it, node);
    ++entries_;
}

void NodeIndex::remove(LabelId label, PropertyKeyId key, std::string_view text, NodeId node) {
    auto found = postings_.find(compositeKey(label, key, text));
    if (found == postings_.end()) {
        return;
    }
    std::vector<NodeId>& nodes = found->second;
    auto it = std::lower_bound(nodes.begin(), nodes.end(), node);
    if (it == nodes.end() || *it != node) {
        return;
    }
    nodes.erase(it);
    --entries_;
    if (nodes.empty()) {
        postings_.erase(found);
    }
}

std::span<const NodeId> NodeIndex::find(LabelId label, PropertyKeyId key, std::string_view text) const {
    auto found = postings_.find(compositeKey(label, key, text));
    if (found == postings_.end()) {
        return {};
    }
    return found->second;
}

size_t NodeIndex::bytesUsed() const {
    // Per key: the hash node (string, vector, next pointer, cached hash) and its bucket slot.
    constexpr size_t kPerKey = sizeof(std::string) + sizeof(std::vector<NodeId>) + 3 * sizeof(void*);
    size_t bytes = postings_.bucket_count() * sizeof(void*);
    for (const auto& [composite, nodes] : postings_) {
        bytes += kPerKey + nodes.capacity() * sizeof(NodeId);
        if (composite.capacity() > sizeof(std::string) - 1) {
            bytes += composite.capacity() + 1;
        }
    }
    return bytes;
}

} // namespace newsgraph
