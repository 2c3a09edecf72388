// scan_aggregate: an Aggregate over a scan of the nodes and at most one relationship step --
// `MATCH (a)-[r]->(b) RETURN type(r), count(*)`, `... RETURN a.name, b.name, count(*)`,
// `MATCH (n) RETURN labels(n), count(*)`, `... RETURN r.date.month, count(DISTINCT b)` -- groups by
// codes read straight from the adjacency and the property columns (ScanAggregate), on every
// thread, instead of through rows of values: the aggregates analysts ask first, over the whole graph.
//
// It fires on Aggregate <- [Expand] <- [Filter]* <- NodeScan over the statement's start row, when
// the step is a plain one (a new far node, no relationship to stay distinct from: the pattern's
// only one), every key reads at most one of the pattern's variables, nothing evaluated -- keys,
// arguments, filters, the step's predicates -- runs a sub-plan or is not deterministic. Filters
// above the step are inside it already (filter_into_expand); those below read the start node.
// After the counting rules, which answer their Aggregates without enumerating, and before
// parallel_aggregate, which would take the Aggregate to threads row by row.
#include <algorithm>
#include <cctype>

#include "query/optimizer/plan_properties.hpp"
#include "query/optimizer/rules/rules.hpp"
#include "query/processor/operators/factorized_count.hpp"
#include "query/processor/operators/scan_aggregate.hpp"

namespace newsgraph {

namespace {

using Source = ScanAggregate::Source;

// `r.key op value` (either way round) for the relationship in `relSlot`, value reading no column.
std::optional<ScanAggregate::Bound> boundOf(const ast::Expr& predicate, size_t relSlot, size_t width) {
    using ast::BinaryOp;
    const BinaryOp op = predicate.op;
    if (predicate.kind != ast::ExprKind::Binary || predicate.children.size() != 2 ||
        (op != BinaryOp::Equal && op != BinaryOp::Less && op != BinaryOp::LessEqual && op != BinaryOp::Greater &&
         op != BinaryOp::GreaterEqual)) {
        return std::nullopt;
    }
    for (size_t side = 0; side < 2; ++side) {
        const ast::Expr& property = *predicate.children[side];
        const ast::Expr& value = *predicate.children[1 - side];
        if (!isPropertyOfSlot(property, relSlot)) {
            continue;
        }
        const auto reads = readsOf(value, width);
        if (!reads || !reads->empty() || !isDeterministic(value)) {
            continue;
        }
        // value op r.key is r.key op' value.
        const BinaryOp turned = side == 0                 ? op
                                : op == BinaryOp::Less      ? BinaryOp::Greater
                                : op == BinaryOp::LessEqual ? BinaryOp::GreaterEqual
                                : op == BinaryOp::Greater   ? BinaryOp::Less
                                : op == BinaryOp::GreaterEqual ? BinaryOp::LessEqual
                                                               : op;
        return ScanAggregate::Bound{turned, &value};
    }
    return std::nullopt;
}

// `x.key` of a variable itself (not r.date.month: a property of a property).
bool isPropertyOfVariable(const ast::Expr& expr) {
    return expr.kind == ast::ExprKind::Property && expr.children.size() == 1 &&
           expr.children[0]->kind == ast::ExprKind::Variable;
}

bool runsSubplan(const ast::Expr& expr) {
    ColumnSet read;
    collectColumns(expr, read);
    return read.all();
}

// What `expr` is a function of, among the pattern's columns; nullopt when it cannot be told
// (not deterministic, a sub-plan, a column the pattern does not make).
std::optional<ScanAggregate::Input> inputOf(const ast::Expr& expr, size_t width, size_t start,
                                            const Expand* step) {
    const std::optional<std::vector<size_t>> reads = readsOf(expr, width);
    if (!reads) {
        return std::nullopt;
    }
    ScanAggregate::Input input;
    input.expr = &expr;
    if (reads->empty()) {
        input.source = Source::Constant;
        return input;
    }
    if (reads->size() > 1) {
        input.source = Source::Row;
        // a.country <> b.country: by the pair of stored values.
        if (step != nullptr && reads->size() == 2) {
            const size_t far = step->spec().toSlot;
            const bool ends = (reads->front() == start && reads->back() == far) ||
                              (reads->front() == far && reads->back() == start);
            if (std::optional<std::pair<std::string, std::string>> keys = ends ? soleProperties(expr, start, far) : std::nullopt) {
                input.source = Source::EndsProperties;
                input.key = std::move(keys->first);
                input.farKey = std::move(keys->second);
            }
        }
        return input;
    }
    const size_t column = reads->front();
    const bool variable = expr.kind == ast::ExprKind::Variable;
    input.exact = variable;
    // A node's key by the value of its one property where it reads nothing else (a.name,
    // toLower(b.name)), else by the node.
    auto ofNode = [&](Source node, Source property, Source labels) {
        input.source = node;
        if (std::optional<std::string> key = soleProperty(expr, column)) {
            input.source = property;
            input.key = std::move(*key);
            input.exact = isPropertyOfVariable(expr);
        } else if (!variable && readsOnlyLabels(expr, column)) {
            input.source = labels; // by the label set: labels(n), count(*) reads each set once
        }
        return input;
    };
    if (column == start) {
        return ofNode(Source::Start, Source::StartProperty, Source::StartLabels);
    }
    if (step == nullptr) {
        return std::nullopt;
    }
    if (column == step->spec().toSlot) {
        return ofNode(Source::End, Source::EndProperty, Source::EndLabels);
    }
    if (column != step->spec().relSlot) {
        return std::nullopt;
    }
    std::string name = expr.name;
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (expr.kind == ast::ExprKind::Function && name == "type" && expr.children.size() == 1 &&
        expr.children[0]->kind == ast::ExprKind::Variable) {
        input.source = Source::RelType;
        input.exact = true;
        return input;
    }
    if (std::optional<std::string> key = soleProperty(expr, column)) {
        input.source = Source::RelProperty; // a function of r.key's value alone
        input.key = std::move(*key);
        input.exact = isPropertyOfVariable(expr);
        return input;
    }
    input.source = Source::Rel;
    return input;
}

// What the rewrite of one Aggregate needs: its spec and where its scan and step are.
struct Match {
    ScanAggregate::Spec spec;
    NodeScan* scan = nullptr;
    Expand* step = nullptr;
};

std::optional<Match> match(Aggregate& aggregate) {
    std::vector<Operator*> chain;
    NodeScan* scan = scanUnder(aggregate, chain);
    if (scan == nullptr) {
        return std::nullopt;
    }
    ScanAggregate::Spec spec;
    std::vector<const ast::Expr*> filters;
    Expand* step = nullptr;
    for (size_t i = 0; i + 1 < chain.size(); ++i) {
        Operator* op = chain[i];
        if (auto* expand = dynamic_cast<Expand*>(op); expand != nullptr && i == 0) {
            step = expand;
            continue;
        }
        auto* filter = dynamic_cast<Filter*>(op);
        if (filter == nullptr) {
            return std::nullopt;
        }
        filters.insert(filters.begin(), filter->predicate()); // lowest first
    }
    const size_t width = aggregate.child()->outputWidth();
    spec.rowWidth = width;
    if (step != nullptr) {
        const ExpandSpec& s = step->spec();
        if (!isPlainStep(s) || !s.distinctFrom.empty() || s.fromSlot != scan->slot()) {
            return std::nullopt;
        }
        for (const ast::Expr* predicate : step->predicates()) {
            std::optional<ScanAggregate::Input> input = inputOf(*predicate, width, scan->slot(), step);
            if (!input) {
                return std::nullopt; // not deterministic, or a sub-plan
            }
            if (input->source == Source::RelProperty) {
                input->bound = boundOf(*predicate, s.relSlot, width);
            }
            spec.stepFilters.push_back(std::move(*input));
        }
    }
    for (const ast::Expr* filter : filters) {
        std::optional<ScanAggregate::Input> input = inputOf(*filter, width, scan->slot(), step);
        if (!input || (input->source != Source::Start && input->source != Source::StartProperty &&
                       input->source != Source::StartLabels &&
                       input->source != Source::Constant)) {
            return std::nullopt;
        }
        spec.startFilters.push_back(std::move(*input));
    }
    for (const ast::Expr* key : aggregate.keys()) {
        std::optional<ScanAggregate::Input> input = inputOf(*key, width, scan->slot(), step);
        if (!input || input->source == Source::Row || input->source == Source::EndsProperties) {
            return std::nullopt; // a key over two variables: no code says its group
        }
        spec.keys.push_back(std::move(*input));
    }
    for (const AggregateSpec& call : aggregate.aggregates()) {
        ScanAggregate::Input input;
        input.source = Source::Constant;
        for (size_t c = 0; c < call.call->children.size(); ++c) {
            const std::optional<ScanAggregate::Input> read = inputOf(*call.call->children[c], width, scan->slot(), step);
            if (!read) {
                return std::nullopt;
            }
            if (c == 0) {
                input = *read;
                if (input.source == Source::EndsProperties) {
                    input.source = Source::Row; // evaluated per row
                }
            }
        }
        spec.arguments.push_back(std::move(input));
    }
    return Match{std::move(spec), scan, step};
}

// The statement's main plan only (not the plans Apply runs per row, which would start threads per row).
size_t rewriteTree(std::unique_ptr<Operator>& slot) {
    size_t fired = 0;
    for (size_t i = 0; i < slot->children().size(); ++i) {
        fired += rewriteTree(slot->childSlot(i));
    }
    auto* aggregate = dynamic_cast<Aggregate*>(slot.get());
    if (aggregate == nullptr) {
        return fired;
    }
    std::optional<Match> found = match(*aggregate);
    if (!found) {
        return fired;
    }
    std::unique_ptr<Operator> owned = std::move(slot);
    slot = std::make_unique<ScanAggregate>(std::move(found->spec),
                                           std::unique_ptr<Aggregate>(static_cast<Aggregate*>(owned.release())),
                                           found->scan, found->step);
    return fired + 1;
}

} // namespace

size_t ScanAggregateRule::apply(OptimizerContext& context) {
    const size_t fired = rewriteTree(context.prepared.root);
    if (fired > 0) {
        context.planChanged();
    }
    return fired;
}

} // namespace newsgraph
