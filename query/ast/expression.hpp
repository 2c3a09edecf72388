#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/query_error.hpp"
#include "engine/common/value.hpp"

namespace newsgraph {
struct ScalarFunction;
} // namespace newsgraph

namespace newsgraph::ast {

struct PatternPart;
struct SingleQuery;
struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : uint8_t {
    Literal,              // value
    Parameter,            // name
    Variable,             // name
    Property,             // children[0].name
    Subscript,            // children[0][children[1]]
    Slice,                // children[0][children[1]..children[2]] (either bound may be nullptr)
    List,                 // [children...]
    Map,                  // {keys[i]: children[i]}
    MapProjection,        // name {mapItems}
    Not,                  // NOT children[0]
    Negate,               // -children[0]
    Binary,               // children[0] op children[1]
    IsNull,               // children[0] IS NULL
    IsNotNull,            // children[0] IS NOT NULL
    Function,             // name(distinct? children...)
    CountStar,            // count(*)
    Case,                 // see caseHasSubject / caseHasElse
    ListComprehension,    // [name IN children[0] WHERE children[1] | children[2]] (1 and 2 may be nullptr)
    Quantifier,           // quantifier(name IN children[0] WHERE children[1])
    Reduce,               // reduce(name = children[0], name2 IN children[1] | children[2])
    PatternPredicate,     // pattern (a relationship pattern used as a boolean)
    PatternComprehension, // [name = pattern WHERE children[0] | children[1]] (children[0] may be nullptr)
    Exists,               // EXISTS { pattern WHERE children[0] } (children[0] may be nullptr), or
                          // EXISTS { subquery } when subquery is set (pattern and children empty)
    LabelCheck,           // children[0]:labels
};

enum class BinaryOp : uint8_t {
    Or, Xor, And,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
    StartsWith, EndsWith, Contains, RegexMatch, In,
    Add, Subtract, Multiply, Divide, Modulo, Power,
};

const char* binaryOpText(BinaryOp op);

enum class QuantifierKind : uint8_t { All, Any, None, Single };

enum class MapItemKind : uint8_t {
    Property,      // .key
    AllProperties, // .*
    Literal,       // key: expression
    Variable,      // a variable: its name as key, its value as value
};

struct MapProjectionItem {
    MapItemKind kind = MapItemKind::Property;
    std::string key;
    ExprPtr value; // Literal items: the expression; Variable items: the variable
};

// A node of the query stage's expression tree. One struct for every kind keeps the tree simple
// to walk; what each field means for a kind is listed at ExprKind.
struct Expr {
    ExprKind kind = ExprKind::Literal;
    SourcePosition position;
    std::string text; // the expression as written (RETURN column names)
    Value value;
    std::string name;
    std::string name2;
    BinaryOp op = BinaryOp::And;
    QuantifierKind quantifier = QuantifierKind::All;
    bool distinct = false;
    bool caseHasSubject = false; // CASE subject WHEN ...: children[0] is the subject
    bool caseHasElse = false;    // ... ELSE: the last child; in between when/then pairs
    std::vector<ExprPtr> children;
    std::vector<std::string> keys;   // Map
    std::vector<std::string> labels; // LabelCheck
    std::vector<MapProjectionItem> mapItems;
    std::vector<PatternPart> pattern; // PatternPredicate, PatternComprehension (one part), Exists
    std::unique_ptr<SingleQuery> subquery; // Exists with a full query body (MATCH ... RETURN ...)

    // Set by the planner (not by the parser, not copied by clone()):
    int32_t slot = -1;                      // Variable: column (>= 0) or local (<= -2: local -2 - slot);
                                            // comprehensions, quantifiers, reduce: their variable's local
    int32_t slot2 = -1;                     // Reduce: the accumulator's local
    const ScalarFunction* function = nullptr; // Function: the scalar function called
    int32_t aggregate = -1;                 // an aggregate call: its column after aggregation
    int32_t subplan = -1;                   // PatternPredicate / PatternComprehension / Exists
    // Property: the key's id once the executor found it in the catalog. Only found ids are kept:
    // ids never change, but a key unknown now may be created by a write later in the statement.
    mutable int32_t propertyKey = -1;
    // LabelCheck: the labels' ids, once every one of them is in the catalog (same reasoning).
    mutable std::vector<LabelId> labelIds;

    Expr();
    Expr(const Expr&) = delete;
    Expr& operator=(const Expr&) = delete;
    Expr(Expr&&) noexcept;
    Expr& operator=(Expr&&) noexcept;
    ~Expr();

    ExprPtr clone() const;
};

ExprPtr makeLiteral(Value value, SourcePosition position = {});
ExprPtr makeVariable(std::string name, SourcePosition position = {});
ExprPtr makeBinary(BinaryOp op, ExprPtr lhs, ExprPtr rhs, SourcePosition position = {});

} // namespace newsgraph::ast
