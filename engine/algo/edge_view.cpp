#include "engine/algo/edge_view.hpp"

#include <cmath>
#include <string>

#include "engine/common/query_error.hpp"

namespace newsgraph::algo {

void checkCancelled(const AlgoConfig& config) {
    if (config.cancelled != nullptr && config.cancelled->load(std::memory_order_relaxed)) {
        // The same error the query engine raises when a statement is cancelled.
        throw QueryError("TransactionError", QueryPhase::Runtime, std::string(kCancelledDetail), "the query was cancelled");
    }
}

void throwArgumentError(const std::string& message) {
    throw argumentError("InvalidArgumentValue", message);
}

EdgeView::EdgeView(const Graph& graph, const AlgoConfig& config) : graph_(graph), config_(config) {
    const uint32_t typeCount = graph.catalog().typeCount();
    for (TypeId type : config.types) {
        if (type < typeCount) {
            types_.push_back(type);
        }
    }
    std::sort(types_.begin(), types_.end());
    types_.erase(std::unique(types_.begin(), types_.end()), types_.end());
    if (config.from || config.to) {
        windowed_ = true;
        fromDay_ = config.from ? config.from->days() : INT32_MIN;
        toDay_ = config.to ? config.to->days() : INT32_MAX;
        if (auto key = graph.catalog().findKey(config.dateKey)) {
            dateColumn_ = graph.relColumn(*key);
        }
    }
    if (config.weightKey) {
        if (auto key = graph.catalog().findKey(*config.weightKey)) {
            weightColumn_ = graph.relColumn(*key);
        }
    }
    if (config.minEdgeCount == 0) {
        throwArgumentError("minEdgeCount must be at least 1");
    }
}

bool EdgeView::inWindow(RelId rel) const {
    if (dateColumn_ == nullptr) {
        return false;
    }
    const auto slot = dateColumn_->slot(rel);
    if (!slot) {
        return false;
    }
    const ValueVector& values = dateColumn_->values();
    int32_t day = 0;
    if (values.kind() == ColumnKind::Date) {
        day = values.dates()[*slot];
    } else if (values.kind() == ColumnKind::Mixed && values.mixed()[*slot].type() == ValueType::Date) {
        day = values.mixed()[*slot].asDate().days();
    } else {
        return false;
    }
    return day >= fromDay_ && day <= toDay_;
}

double EdgeView::checkedWeight(RelId rel) const {
    const auto fail = [&](const std::string& what) {
        throwArgumentError("weight property '" + *config_.weightKey + "' of relationship " + std::to_string(rel) +
                           " " + what);
    };
    const auto slot = weightColumn_ != nullptr ? weightColumn_->slot(rel) : std::nullopt;
    if (!slot) {
        fail("is missing");
    }
    const ValueVector& values = weightColumn_->values();
    double weight = 0.0;
    switch (values.kind()) {
    case ColumnKind::Int: weight = static_cast<double>(values.ints()[*slot]); break;
    case ColumnKind::Float: weight = values.floats()[*slot]; break;
    case ColumnKind::Mixed: {
        const Value& value = values.mixed()[*slot];
        if (value.type() == ValueType::Int) {
            weight = static_cast<double>(value.asInt());
        } else if (value.type() == ValueType::Float) {
            weight = value.asFloat();
        } else {
            fail("is not a number");
        }
        break;
    }
    default: fail("is not a number");
    }
    if (!std::isfinite(weight)) {
        fail("is not finite");
    }
    if (weight < 0.0) {
        fail("is negative (" + std::to_string(weight) + ")");
    }
    return weight;
}

} // namespace newsgraph::algo
