#include <algorithm>

#include <fmt/format.h>

#include "engine/function/scalar_functions.hpp"
#include "engine/function/value_ops.hpp"
#include "query/processor/evaluator.hpp"
#include "query/processor/operators/read_operators.hpp"

namespace newsgraph {

namespace {

void appendExtended(const Chunk& input, size_t row, size_t slot, Value value, Chunk& out) {
    std::vector<Value> values;
    input.readRow(row, values);
    values.resize(out.width());
    values[slot] = std::move(value);
    out.append(std::move(values));
}

} // namespace

std::string NodeScan::describe() const {
    return label_ ? fmt::format("NodeByLabelScan :{} -> #{}", *label_, slot_) : fmt::format("AllNodesScan -> #{}", slot_);
}

void NodeScan::nodesToScan(const Graph& graph, std::vector<NodeId>& nodes) const {
    nodes.clear();
    if (label_) {
        if (auto id = graph.catalog().findLabel(*label_)) {
            auto labelled = graph.nodesWithLabel(*id);
            nodes.assign(labelled.begin(), labelled.end());
        }
        return;
    }
    nodes.reserve(graph.liveNodeCount());
    for (NodeId node = 0; node < graph.nodeCount(); ++node) {
        if (!graph.nodeDeleted(node)) {
            nodes.push_back(node);
        }
    }
}

void NodeScan::startRow(ExecutionContext& context, const Chunk& /*input*/, size_t /*row*/) {
    position_ = 0;
    if (given_) {
        candidates_.assign(given_->begin(), given_->end());
        return;
    }
    nodesToScan(*context.graph, candidates_);
}

bool NodeScan::produce(ExecutionContext& /*context*/, const Chunk& input, size_t row, Chunk& out) {
    while (position_ < candidates_.size()) {
        if (out.full()) {
            return false;
        }
        appendExtended(input, row, slot_, Value(NodeRef{candidates_[position_++]}), out);
    }
    return true;
}

std::string IndexSeek::describe() const {
    if (!label_) {
        return fmt::format("NodeIndexSeek ({}) -> #{}", key_, slot_);
    }
    return fmt::format("NodeIndexSeek :{}({}) -> #{}", *label_, key_, slot_);
}

void seekNodes(const Graph& graph, const std::optional<std::string>& labelName, const std::string& keyName,
               const Value& wanted, std::vector<NodeId>& out) {
    out.clear();
    std::optional<LabelId> label;
    if (labelName && !(label = graph.catalog().findLabel(*labelName))) {
        return;
    }
    auto key = graph.catalog().findKey(keyName);
    if (!key || wanted.isNull()) {
        return; // `= null` is never true
    }
    auto keepEqual = [&](NodeId node) {
        const Value same = equals(graph.nodeProperty(node, *key), wanted);
        if (same.type() == ValueType::Bool && same.asBool()) {
            out.push_back(node);
        }
    };
    if (wanted.type() != ValueType::String) {
        // The index holds texts only: read the key of every candidate.
        if (label) {
            std::for_each(graph.nodesWithLabel(*label).begin(), graph.nodesWithLabel(*label).end(), keepEqual);
            return;
        }
        for (NodeId node = 0; node < graph.nodeCount(); ++node) {
            if (!graph.nodeDeleted(node)) {
                keepEqual(node);
            }
        }
        return;
    }
    // The index is normalized: keep only exact matches.
    const std::string& text = wanted.asString();
    if (label) {
        std::for_each(graph.lookup(*label, *key, text).begin(), graph.lookup(*label, *key, text).end(), keepEqual);
        return;
    }
    for (LabelId each = 0; each < graph.catalog().labelCount(); ++each) {
        const auto found = graph.lookup(each, *key, text);
        std::for_each(found.begin(), found.end(), keepEqual);
    }
    std::for_each(graph.unlabeledNodes().begin(), graph.unlabeledNodes().end(), keepEqual);
    // A node with several labels is in several postings; the scan it replaces visits it once, in id order.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

void IndexSeek::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    position_ = 0;
    seekNodes(*context.graph, label_, key_, evaluate(*value_, RowRef{&input, row}, context), candidates_);
}

bool IndexSeek::produce(ExecutionContext& /*context*/, const Chunk& input, size_t row, Chunk& out) {
    while (position_ < candidates_.size()) {
        if (out.full()) {
            return false;
        }
        appendExtended(input, row, slot_, Value(NodeRef{candidates_[position_++]}), out);
    }
    return true;
}

bool Filter::produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) {
    if (evaluatePredicate(*predicate_, RowRef{&input, row}, context)) {
        out.appendFrom(input, row);
    }
    return true;
}

std::string Filter::describe() const {
    return fmt::format("Filter {}", predicate_->text.empty() ? std::string("(predicate)") : predicate_->text);
}

bool Project::produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) {
    input.readRow(row, scratch_);
    scratch_.resize(out.width());
    for (size_t i = 0; i < expressions_.size(); ++i) {
        scratch_[slots_[i]] = evaluate(*expressions_[i], RowRef{&input, row}, context);
    }
    out.append(scratch_);
    return true;
}

std::string Project::describe() const {
    std::string out = "Project";
    for (size_t i = 0; i < expressions_.size(); ++i) {
        out += fmt::format("{} {} -> #{}", i == 0 ? "" : ",", expressions_[i]->text, slots_[i]);
    }
    return out;
}

bool Select::next(ExecutionContext& context, Chunk& out) {
    out.reset(outputWidth());
    if (!child()->next(context, input_)) {
        return false;
    }
    std::vector<Value> row(slots_.size());
    for (size_t r = 0; r < input_.rows(); ++r) {
        for (size_t i = 0; i < slots_.size(); ++i) {
            row[i] = input_.at(slots_[i], r);
        }
        out.append(row);
    }
    return true;
}

std::string Select::describe() const {
    std::string out = "Select";
    for (size_t slot : slots_) {
        out += fmt::format(" #{}", slot);
    }
    return out;
}

void Unwind::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    position_ = 0;
    lazyCount_ = 0;
    if (startLazyRange(context, RowRef{&input, row})) {
        items_ = Value();
        return;
    }
    items_ = evaluate(*list_, RowRef{&input, row}, context);
    if (!items_.isNull() && items_.type() != ValueType::List) {
        items_ = Value(Value::List{std::move(items_)}); // UNWIND 5: one row
    }
}

bool Unwind::startLazyRange(ExecutionContext& context, const RowRef& row) {
    static const ScalarFunction* const range = findScalarFunction("range");
    if (list_->kind != ast::ExprKind::Function || list_->function != range || list_->children.size() < 2) {
        return false;
    }
    int64_t arguments[3] = {0, 0, 1};
    for (size_t i = 0; i < list_->children.size() && i < 3; ++i) {
        const Value argument = evaluate(*list_->children[i], row, context);
        if (argument.type() != ValueType::Int) {
            return false; // null, or an error the function reports
        }
        arguments[i] = argument.asInt();
    }
    const auto [start, end, step] = arguments;
    if (step == 0) {
        return false;
    }
    lazyStart_ = start;
    lazyStep_ = step;
    if ((step > 0 && start > end) || (step < 0 && start < end)) {
        return true; // empty
    }
    // As range() counts: unsigned magnitudes, exact across the whole int64 range.
    const uint64_t distance = step > 0 ? static_cast<uint64_t>(end) - static_cast<uint64_t>(start)
                                       : static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
    const uint64_t stride = step > 0 ? static_cast<uint64_t>(step) : uint64_t{0} - static_cast<uint64_t>(step);
    lazyCount_ = distance / stride + 1;
    if (lazyCount_ == 0) {
        lazyCount_ = UINT64_MAX; // 2^64 values (the whole int64 range by 1): one short, never reached
    }
    return true;
}

bool Unwind::produce(ExecutionContext& /*context*/, const Chunk& input, size_t row, Chunk& out) {
    if (items_.isNull()) {
        // A lazy range(): its values one by one, no list built (UNWIND range(1, 1000000000)).
        while (position_ < lazyCount_) {
            if (out.full()) {
                return false;
            }
            const uint64_t offset = static_cast<uint64_t>(position_++) * static_cast<uint64_t>(lazyStep_);
            appendExtended(input, row, slot_, Value(static_cast<int64_t>(static_cast<uint64_t>(lazyStart_) + offset)), out);
        }
        return true;
    }
    const Value::List& items = items_.asList();
    while (position_ < items.size()) {
        if (out.full()) {
            return false;
        }
        appendExtended(input, row, slot_, items[position_++], out);
    }
    return true;
}

bool BuildPath::produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) {
    PathValue path;
    const Value& start = input.at(startSlot_, row);
    if (start.isNull()) {
        appendExtended(input, row, slot_, Value(), out);
        return true;
    }
    path.nodes.push_back(start.asNode().id);
    const Graph& graph = *context.graph;
    for (const Step& step : steps_) {
        const Value& value = input.at(step.slot, row);
        if (value.isNull()) {
            appendExtended(input, row, slot_, Value(), out);
            return true;
        }
        std::vector<RelId> rels;
        if (step.relationshipList) {
            for (const Value& rel : value.asList()) {
                rels.push_back(rel.asRelationship().id);
            }
        } else {
            rels.push_back(value.asRelationship().id);
        }
        for (RelId rel : rels) {
            const NodeId last = path.nodes.back();
            path.rels.push_back(rel);
            path.nodes.push_back(graph.relSource(rel) == last ? graph.relTarget(rel) : graph.relSource(rel));
        }
    }
    appendExtended(input, row, slot_, Value(std::move(path)), out);
    return true;
}

void Apply::open(ExecutionContext& context) {
    RowOperator::open(context);
}

std::unique_ptr<Operator> Apply::cloneAlone() const {
    std::unique_ptr<Operator> plan = plan_->cloneTree();
    if (!plan) {
        return nullptr;
    }
    // The per-row plan is a chain down to its Argument: the copy's leaf is the copy's Argument.
    Operator* leaf = plan.get();
    const Operator* original = plan_.get();
    while (!leaf->children().empty()) {
        if (leaf->children().size() != 1) {
            return nullptr;
        }
        leaf = leaf->child();
        original = original->child();
    }
    auto* argument = dynamic_cast<ArgumentOperator*>(leaf);
    if (argument == nullptr || original != argument_) {
        return nullptr;
    }
    return std::make_unique<Apply>(std::move(plan), argument, optional_);
}

void Apply::startRow(ExecutionContext& context, const Chunk& input, size_t row) {
    argument_->setRow(RowRef{&input, row});
    plan_->open(context);
    position_ = 0;
    any_ = false;
    planDone_ = false;
    results_.reset(0);
}

bool Apply::produce(ExecutionContext& context, const Chunk& input, size_t row, Chunk& out) {
    while (true) {
        while (position_ < results_.rows()) {
            if (out.full()) {
                return false;
            }
            out.appendFrom(results_, position_++);
        }
        if (planDone_) {
            break;
        }
        position_ = 0;
        if (!plan_->next(context, results_)) {
            planDone_ = true;
            results_.reset(0);
            break;
        }
        any_ = true;
    }
    if (!any_ && optional_) {
        if (out.full()) {
            return false;
        }
        std::vector<Value> values;
        input.readRow(row, values);
        values.resize(out.width());
        out.append(std::move(values));
        any_ = true;
    }
    return true;
}

} // namespace newsgraph
