#include "loaders/claim_support.hpp"

#include <algorithm>
#include <array>

#include "loaders/cameo.hpp"
#include "loaders/record_reader.hpp"

namespace newsgraph {

namespace {

constexpr size_t kMinMentionLength = 4; // shorter names (US, UK, PRC) are too ambiguous in free text
constexpr std::array<std::string_view, 6> kDroppedPhrases = {"also known as", "believed to be the work of",
                                                             "believed to be", "suspected to be", "possibly",
                                                             "the work of"};

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

} // namespace

ClaimWriter::ClaimWriter(GraphBuilder& builder, const NewsSchema& schema)
    : builder_(builder), schema_(schema), urlKey_(builder.catalog().internKey("url")),
      outletKey_(builder.catalog().internKey("outlet")) {}

RelId ClaimWriter::link(NodeId from, std::string_view type, NodeId to) {
    const TypeId typeId = builder_.catalog().internType(type);
    if (!edges_.insert({from, typeId, to}).second) {
        return kInvalidRel;
    }
    return builder_.addRelationship(from, typeId, to);
}

NodeId ClaimWriter::keyed(LabelId label, const std::string& id, const std::string& name, bool& created) {
    auto result = builder_.findOrCreateNode(label, schema_.idKey, id);
    created = result.created;
    if (created && !name.empty()) {
        builder_.setNodeProperty(result.node, schema_.nameKey, Value(name));
    }
    return result.node;
}

NodeId ClaimWriter::article(const std::string& url) {
    bool created = false;
    const NodeId node = keyed(schema_.article, url, "", created);
    if (created) {
        builder_.setNodeProperty(node, urlKey_, Value(url));
        std::string_view host = url;
        if (const size_t scheme = host.find("://"); scheme != std::string_view::npos) {
            host.remove_prefix(scheme + 3);
        }
        host = host.substr(0, host.find('/'));
        if (host.substr(0, 4) == "www.") {
            host.remove_prefix(4);
        }
        if (!host.empty()) {
            builder_.setNodeProperty(node, outletKey_, Value(std::string(host)));
        }
    }
    return node;
}

void ClaimWriter::setIfAbsent(NodeId node, std::string_view key, const Value& value) {
    const PropertyKeyId id = builder_.catalog().internKey(key);
    if (builder_.nodeProperty(node, id).isNull()) {
        builder_.setNodeProperty(node, id, value);
    }
}

std::vector<std::string> splitNames(std::string_view text) {
    std::string clean;
    int depth = 0;
    for (char c : text) {
        if (c == '(') {
            ++depth;
        } else if (c == ')') {
            depth = std::max(0, depth - 1);
        } else if (depth == 0) {
            clean.push_back(c == ';' || c == '/' || c == '<' ? ',' : c);
        }
    }
    std::string lower = lowerAscii(clean);
    for (std::string_view phrase : kDroppedPhrases) {
        for (size_t at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase)) {
            lower.replace(at, phrase.size(), phrase.size(), '\x01');
            clean.replace(at, phrase.size(), phrase.size(), '\x01');
        }
    }
    for (std::string_view separator : {" and ", " fka ", " aka "}) {
        for (size_t at = lower.find(separator); at != std::string::npos; at = lower.find(separator, at + 1)) {
            lower.replace(at, separator.size(), separator.size(), ',');
            clean.replace(at, separator.size(), separator.size(), ',');
        }
    }
    std::vector<std::string> names;
    size_t start = 0;
    while (start <= clean.size()) {
        const size_t cut = std::min(clean.find(',', start), clean.size());
        std::string piece(clean.substr(start, cut - start));
        piece.erase(std::remove(piece.begin(), piece.end(), '\x01'), piece.end());
        std::string_view trimmed = trimText(piece);
        while (!trimmed.empty() && (trimmed.back() == '.' || trimmed.back() == ',')) {
            trimmed.remove_suffix(1);
        }
        trimmed = trimText(trimmed);
        if (!trimmed.empty() && std::find(names.begin(), names.end(), trimmed) == names.end()) {
            names.emplace_back(trimmed);
        }
        start = cut + 1;
    }
    return names;
}

std::vector<std::string> countriesMentioned(std::string_view text) {
    std::string key(1, ' ');
    key += looseKey(text);
    key += ' ';
    std::vector<std::pair<size_t, std::string>> found;
    for (const auto& [name, code] : countryNames()) {
        if (name.size() < kMinMentionLength) {
            continue;
        }
        std::string needle(1, ' ');
        needle += looseKey(name);
        needle += ' ';
        if (const size_t at = key.find(needle); at != std::string::npos) {
            found.emplace_back(at, std::string(code));
        }
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> codes;
    for (const auto& [at, code] : found) {
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) {
            codes.push_back(code);
        }
    }
    return codes;
}

} // namespace newsgraph
