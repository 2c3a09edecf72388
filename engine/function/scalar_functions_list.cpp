// List functions: size (List6), head / last / tail (List7-9), range (List11), reverse (List10,
// String3), coalesce (Conditional1), isEmpty.
#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "engine/function/function_support.hpp"
#include "engine/function/scalar_functions_impl.hpp"

namespace newsgraph::scalarfn {

namespace {

using fnsupport::argAt;
using fnsupport::argumentTypeError;

// The longest list range() builds; beyond it the query is refused rather than the memory exhausted.
constexpr uint64_t kMaxRangeLength = uint64_t{1} << 25U;
constexpr size_t kRangeStartArg = 0;
constexpr size_t kRangeEndArg = 1;
constexpr size_t kRangeStepArg = 2;

const Value::List* listArgument(std::string_view function, const Value& argument) {
    if (argument.isNull()) {
        return nullptr;
    }
    if (argument.type() != ValueType::List) {
        throw argumentTypeError(function, argument);
    }
    return &argument.asList();
}

// range() wants integers: anything else is an ArgumentError InvalidArgumentType (List11 [5]).
int64_t rangeArgument(const Value& argument, std::string_view role) {
    if (argument.type() != ValueType::Int) {
        throw argumentError(fnsupport::kInvalidArgumentType,
                            fmt::format("range(): the {} must be an INTEGER, not {}", role,
                                        valueTypeName(argument.type())));
    }
    return argument.asInt();
}

} // namespace

Value size(Args args, const EntityAccessor& /*entities*/) {
    const Value& target = argAt(args, 0);
    switch (target.type()) {
    case ValueType::Null: return Value();
    case ValueType::List: return Value(static_cast<int64_t>(target.asList().size()));
    case ValueType::String: return Value(static_cast<int64_t>(fnsupport::codePointCount(target.asString())));
    default: throw argumentTypeError("size", target);
    }
}

Value head(Args args, const EntityAccessor& /*entities*/) {
    const Value::List* items = listArgument("head", argAt(args, 0));
    if (items == nullptr || items->empty()) {
        return Value();
    }
    return items->front();
}

Value last(Args args, const EntityAccessor& /*entities*/) {
    const Value::List* items = listArgument("last", argAt(args, 0));
    if (items == nullptr || items->empty()) {
        return Value();
    }
    return items->back();
}

Value tail(Args args, const EntityAccessor& /*entities*/) {
    const Value::List* items = listArgument("tail", argAt(args, 0));
    if (items == nullptr) {
        return Value();
    }
    if (items->empty()) {
        return Value(Value::List{});
    }
    return Value(Value::List(items->begin() + 1, items->end()));
}

Value range(Args args, const EntityAccessor& /*entities*/) {
    const Value& startArg = argAt(args, kRangeStartArg);
    const Value& endArg = argAt(args, kRangeEndArg);
    const Value stepArg = args.size() > kRangeStepArg ? args[kRangeStepArg] : Value(int64_t{1});
    if (startArg.isNull() || endArg.isNull() || stepArg.isNull()) {
        return Value();
    }
    const int64_t start = rangeArgument(startArg, "start");
    const int64_t end = rangeArgument(endArg, "end");
    const int64_t step = rangeArgument(stepArg, "step");
    if (step == 0) {
        throw argumentError(fnsupport::kNumberOutOfRange, "range(): the step must not be zero");
    }
    if ((step > 0 && start > end) || (step < 0 && start < end)) {
        return Value(Value::List{});
    }
    // Distance and step as unsigned magnitudes: exact even across the whole int64 range.
    const uint64_t distance = step > 0 ? static_cast<uint64_t>(end) - static_cast<uint64_t>(start)
                                       : static_cast<uint64_t>(start) - static_cast<uint64_t>(end);
    const uint64_t stride = step > 0 ? static_cast<uint64_t>(step) : uint64_t{0} - static_cast<uint64_t>(step);
    const uint64_t steps = distance / stride;
    if (steps >= kMaxRangeLength) {
        throw argumentError(fnsupport::kNumberOutOfRange,
                            fmt::format("range(): more than {} elements", kMaxRangeLength));
    }
    Value::List out;
    out.reserve(steps + 1);
    for (uint64_t i = 0; i <= steps; ++i) {
        // Stays within [start, end], so the wrapped unsigned sum is the exact signed value.
        out.emplace_back(static_cast<int64_t>(static_cast<uint64_t>(start) + i * static_cast<uint64_t>(step)));
    }
    return Value(std::move(out));
}

Value reverse(Args args, const EntityAccessor& /*entities*/) {
    const Value& target = argAt(args, 0);
    switch (target.type()) {
    case ValueType::Null: return Value();
    case ValueType::String: {
        std::u32string codePoints = fnsupport::decodeUtf8(target.asString());
        std::reverse(codePoints.begin(), codePoints.end());
        return Value(fnsupport::encodeUtf8(codePoints));
    }
    case ValueType::List: return Value(Value::List(target.asList().rbegin(), target.asList().rend()));
    default: throw argumentTypeError("reverse", target);
    }
}

Value coalesce(Args args, const EntityAccessor& /*entities*/) {
    const auto found = std::find_if(args.begin(), args.end(), [](const Value& value) { return !value.isNull(); });
    return found != args.end() ? *found : Value();
}

Value isEmpty(Args args, const EntityAccessor& /*entities*/) {
    const Value& target = argAt(args, 0);
    switch (target.type()) {
    case ValueType::Null: return Value();
    case ValueType::List: return Value(target.asList().empty());
    case ValueType::Map: return Value(target.asMap().empty());
    case ValueType::String: return Value(target.asString().empty());
    default: throw argumentTypeError("isEmpty", target);
    }
}

} // namespace newsgraph::scalarfn
