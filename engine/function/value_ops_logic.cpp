// Three-valued logic (Boolean1-5, Null3): false AND anything is false, true OR anything is true,
// XOR and NOT are null when an operand is null. A non-boolean operand that got past compile-time
// checking is a runtime TypeError InvalidArgumentType.
#include "engine/function/function_support.hpp"
#include "engine/function/value_ops.hpp"

namespace newsgraph {

namespace {

enum class Truth : uint8_t { False, True, Unknown };

Truth truthOf(std::string_view op, const Value& operand, const Value& other) {
    switch (operand.type()) {
    case ValueType::Null: return Truth::Unknown;
    case ValueType::Bool: return operand.asBool() ? Truth::True : Truth::False;
    default: throw fnsupport::operandTypeError(op, operand, other);
    }
}

} // namespace

Value logicalAnd(const Value& lhs, const Value& rhs) {
    const Truth left = truthOf("AND", lhs, rhs);
    const Truth right = truthOf("AND", rhs, lhs);
    if (left == Truth::False || right == Truth::False) {
        return Value(false);
    }
    if (left == Truth::Unknown || right == Truth::Unknown) {
        return Value();
    }
    return Value(true);
}

Value logicalOr(const Value& lhs, const Value& rhs) {
    const Truth left = truthOf("OR", lhs, rhs);
    const Truth right = truthOf("OR", rhs, lhs);
    if (left == Truth::True || right == Truth::True) {
        return Value(true);
    }
    if (left == Truth::Unknown || right == Truth::Unknown) {
        return Value();
    }
    return Value(false);
}

Value logicalXor(const Value& lhs, const Value& rhs) {
    const Truth left = truthOf("XOR", lhs, rhs);
    const Truth right = truthOf("XOR", rhs, lhs);
    if (left == Truth::Unknown || right == Truth::Unknown) {
        return Value();
    }
    return Value(left != right);
}

Value logicalNot(const Value& operand) {
    switch (operand.type()) {
    case ValueType::Null: return Value();
    case ValueType::Bool: return Value(!operand.asBool());
    default: throw fnsupport::operandTypeError("NOT", operand);
    }
}

} // namespace newsgraph
