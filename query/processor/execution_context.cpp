#include "query/processor/execution_context.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace newsgraph {

std::vector<std::string> GraphEntityAccessor::nodeLabels(NodeId node) const {
    std::vector<std::string> out;
    if (node >= (*graph_)->nodeCount()) {
        return out;
    }
    for (LabelId label : (*graph_)->labels(node)) {
        out.push_back((*graph_)->catalog().labelName(label));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Entities created by the running clause are not in the graph yet: they read as empty.
PropertyList GraphEntityAccessor::nodeProperties(NodeId node) const {
    return node < (*graph_)->nodeCount() ? (*graph_)->nodeProperties(node) : PropertyList();
}
Value GraphEntityAccessor::nodeProperty(NodeId node, const std::string& key) const {
    if (node >= (*graph_)->nodeCount()) {
        const std::optional<GraphBuilder>& builder = *builder_;
        if (builder && node < builder->nodeCount()) {
            const std::optional<PropertyKeyId> id = builder->catalog().findKey(key);
            return id ? builder->nodeProperty(node, *id) : Value();
        }
        return Value();
    }
    return (*graph_)->nodeProperty(node, key);
}
std::string GraphEntityAccessor::relType(RelId rel) const {
    return rel < (*graph_)->relCount() ? (*graph_)->catalog().typeName((*graph_)->relType(rel)) : std::string();
}
PropertyList GraphEntityAccessor::relProperties(RelId rel) const {
    return rel < (*graph_)->relCount() ? (*graph_)->relProperties(rel) : PropertyList();
}
Value GraphEntityAccessor::relProperty(RelId rel, const std::string& key) const {
    if (rel >= (*graph_)->relCount()) {
        const std::optional<GraphBuilder>& builder = *builder_;
        if (builder && rel < builder->relCount()) {
            const std::optional<PropertyKeyId> id = builder->catalog().findKey(key);
            return id ? builder->relProperty(rel, *id) : Value();
        }
        return Value();
    }
    return (*graph_)->relProperty(rel, key);
}
NodeId GraphEntityAccessor::relSource(RelId rel) const {
    return rel < (*graph_)->relCount() ? (*graph_)->relSource(rel) : kInvalidNode;
}
NodeId GraphEntityAccessor::relTarget(RelId rel) const {
    return rel < (*graph_)->relCount() ? (*graph_)->relTarget(rel) : kInvalidNode;
}
bool GraphEntityAccessor::nodeDeleted(NodeId node) const { return (*graph_)->nodeDeleted(node); }
bool GraphEntityAccessor::relDeleted(RelId rel) const { return (*graph_)->relDeleted(rel); }

GraphBuilder& ExecutionContext::beginWrite() {
    if (!builder) {
        builder.emplace(GraphBuilder::thaw(*graph));
    }
    return *builder;
}

void ExecutionContext::endWrite() {
    if (!builder) {
        return;
    }
    written = std::make_unique<Graph>(std::move(*builder).freeze());
    builder.reset();
    graph = written.get();
    ++graphVersion;
}

void ExecutionContext::checkCancelled() const {
    // Operators check once per chunk (or per node in the counting operators): the clock, some 20 ns
    // a read, every 16 checks stops a statement within a few thousand rows of its deadline, even
    // in a Debug+ASan build where a row costs tens of microseconds.
    constexpr uint32_t kChecksPerClockRead = 16;
    if ((cancelled != nullptr && cancelled->load(std::memory_order_relaxed)) ||
        (abandoned != nullptr && abandoned->load(std::memory_order_relaxed))) {
        throwStopped(false);
    }
    if (!deadline || checksUntilClock-- > 0) {
        return;
    }
    checksUntilClock = kChecksPerClockRead;
    if (std::chrono::steady_clock::now() > *deadline) {
        throwStopped(true);
    }
}

void ExecutionContext::checkCancelledConcurrently() const {
    if ((cancelled != nullptr && cancelled->load(std::memory_order_relaxed)) ||
        (abandoned != nullptr && abandoned->load(std::memory_order_relaxed))) {
        throwStopped(false);
    }
    if (deadline && std::chrono::steady_clock::now() > *deadline) {
        throwStopped(true);
    }
}

void ExecutionContext::throwStopped(bool timedOut) const {
    if (!timedOut) {
        throw QueryError("TransactionError", QueryPhase::Runtime, std::string(kCancelledDetail), "the query was cancelled");
    }
    throw QueryError("TimeoutError", QueryPhase::Runtime, "Timeout",
                     fmt::format("the statement ran longer than its timeout of {} ms and was stopped; the graph is "
                                 "unchanged",
                                 timeout.count()));
}

} // namespace newsgraph
