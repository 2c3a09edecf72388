#pragma once

// The syntax tree Spirit X3 produces (see grammar_def.hpp). Every node that an error can point at
// derives from position_tagged; the parser's position cache maps it back to line and column.
// The transformer (transformer.hpp) turns this tree into the query stage's own AST.

#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace newsgraph::syntax {

namespace x3 = boost::spirit::x3;

struct ListLiteral;
struct MapLiteral;
struct FunctionCall;
struct CaseExpression;
struct Comprehension;
struct Reduce;
struct PatternComprehension;
struct PatternPredicate;
struct ExistsSubquery;
struct MapProjection;
struct PostfixExpression;
struct PrefixExpression;
struct OperatorChain;
struct Clause;

// null, true or false (lower-cased).
struct KeywordLiteral : x3::position_tagged {
    std::string word;
};
// Raw text of a number (decimal, 0x hex, 0o octal, float); converted by the transformer so
// overflow and bad digits become SyntaxErrors with a position.
struct NumberLiteral : x3::position_tagged {
    std::string text;
};
// Raw text between and including the quotes; escapes are decoded by the transformer.
struct StringLiteral : x3::position_tagged {
    std::string text;
};
struct Parameter : x3::position_tagged {
    std::string name;
};
struct Variable : x3::position_tagged {
    std::string name;
};
struct CountStar : x3::position_tagged {};

struct Expression
    : x3::variant<KeywordLiteral, NumberLiteral, StringLiteral, Parameter, Variable, CountStar,
                  x3::forward_ast<ListLiteral>, x3::forward_ast<MapLiteral>, x3::forward_ast<FunctionCall>,
                  x3::forward_ast<CaseExpression>, x3::forward_ast<Comprehension>, x3::forward_ast<Reduce>,
                  x3::forward_ast<PatternComprehension>, x3::forward_ast<PatternPredicate>,
                  x3::forward_ast<ExistsSubquery>, x3::forward_ast<MapProjection>,
                  x3::forward_ast<PostfixExpression>, x3::forward_ast<PrefixExpression>,
                  x3::forward_ast<OperatorChain>>,
      x3::position_tagged {
    using base_type::base_type;
    using base_type::operator=;
};

struct ListLiteral : x3::position_tagged {
    std::vector<Expression> items;
};
struct MapEntry : x3::position_tagged {
    std::string key;
    Expression value;
};
struct MapLiteral : x3::position_tagged {
    std::vector<MapEntry> entries;
};
struct FunctionCall : x3::position_tagged {
    std::vector<std::string> name; // namespace parts then the name: ["algo", "pagerank"]
    bool distinct = false;
    std::vector<Expression> args;
};
struct CaseAlternative : x3::position_tagged {
    Expression when;
    Expression then;
};
struct CaseExpression : x3::position_tagged {
    boost::optional<Expression> subject;
    std::vector<CaseAlternative> alternatives;
    boost::optional<Expression> otherwise;
};
// [x IN list WHERE p | e] (kind "list") and the quantifiers all/any/none/single(x IN list WHERE p).
struct Comprehension : x3::position_tagged {
    std::string kind;
    Variable variable;
    Expression list;
    boost::optional<Expression> where;
    boost::optional<Expression> projection;
};
struct Reduce : x3::position_tagged {
    Variable accumulator;
    Expression init;
    Variable variable;
    Expression list;
    Expression expression;
};

// Patterns.
struct Properties : x3::variant<x3::forward_ast<MapLiteral>, Parameter>, x3::position_tagged {
    using base_type::base_type;
    using base_type::operator=;
};
struct NodePattern : x3::position_tagged {
    boost::optional<Variable> variable;
    std::vector<std::string> labels;
    boost::optional<Properties> properties;
};
// `*min..max`. Lenient: star may be missing ("" instead of "*") and the bounds may carry a '-', so
// that the transformer reports such ranges as InvalidRelationshipPattern.
struct RangeLiteral : x3::position_tagged {
    std::string star;
    boost::optional<std::string> min;
    boost::optional<std::string> dots; // ".." present
    boost::optional<std::string> max;
};
struct RelationshipDetail : x3::position_tagged {
    boost::optional<Variable> variable;
    std::vector<std::string> types;
    boost::optional<RangeLiteral> range;
    boost::optional<Properties> properties;
};
struct RelationshipPattern : x3::position_tagged {
    bool leftArrow = false;
    boost::optional<RelationshipDetail> detail;
    bool rightArrow = false;
};
struct PatternElementChain : x3::position_tagged {
    RelationshipPattern relationship;
    NodePattern node;
};
struct PatternElement : x3::position_tagged {
    NodePattern first;
    std::vector<PatternElementChain> chain;
};
struct PatternPart : x3::position_tagged {
    boost::optional<Variable> pathVariable;
    std::string function; // shortestPath / allShortestPaths, empty for a plain pattern
    PatternElement element;
};
struct Pattern : x3::position_tagged {
    std::vector<PatternPart> parts;
};

struct PatternComprehension : x3::position_tagged {
    boost::optional<Variable> pathVariable;
    PatternElement element;
    boost::optional<Expression> where;
    Expression projection;
};
struct PatternPredicate : x3::position_tagged {
    PatternElement element;
};
// EXISTS { pattern WHERE ... } or, when clauses is not empty, EXISTS { MATCH ... RETURN ... }.
struct ExistsSubquery : x3::position_tagged {
    Pattern pattern;
    boost::optional<Expression> where;
    std::vector<Clause> clauses;
};

struct MapProjectionItem : x3::position_tagged {
    std::string kind; // ".": property selector, ".*": all properties, ":": literal entry, "v": variable
    std::string key;
    boost::optional<Expression> value;
};
struct MapProjection : x3::position_tagged {
    Variable variable;
    std::vector<MapProjectionItem> items;
};

struct PropertyLookup : x3::position_tagged {
    std::string key;
};
struct IndexOrSlice : x3::position_tagged {
    boost::optional<Expression> from;
    boost::optional<std::string> dots; // present for a slice
    boost::optional<Expression> to;
};
struct PostfixOp : x3::variant<PropertyLookup, IndexOrSlice>, x3::position_tagged {
    using base_type::base_type;
    using base_type::operator=;
};
struct PostfixExpression : x3::position_tagged {
    Expression primary;
    std::vector<PostfixOp> ops;
    std::vector<std::string> labels; // a trailing label check: n:Person:Actor
};
// Prefix operators, outermost first: "NOT", or "+" / "-".
struct PrefixExpression : x3::position_tagged {
    std::vector<std::string> ops;
    Expression operand;
};
// One step of a left-associative chain: `+ operand`, `STARTS WITH operand`, `IS NULL` (no operand).
struct Operation : x3::position_tagged {
    std::string op;
    boost::optional<Expression> operand;
};
struct OperatorChain : x3::position_tagged {
    std::string level; // or, xor, and, comparison, predicate, add, multiply, power
    Expression first;
    std::vector<Operation> rest;
};

// Clauses.
struct ProjectionItem : x3::position_tagged {
    Expression expression;
    boost::optional<Variable> alias;
};
struct SortItem : x3::position_tagged {
    Expression expression;
    boost::optional<std::string> direction;
};
struct ProjectionItems : x3::position_tagged {
    std::string star; // "*" for RETURN *, ...
    std::vector<ProjectionItem> items;
};
struct ProjectionBody : x3::position_tagged {
    bool distinct = false;
    ProjectionItems items;
    std::vector<SortItem> order;
    boost::optional<Expression> skip;
    boost::optional<Expression> limit;
};
struct Match : x3::position_tagged {
    bool optional = false;
    Pattern pattern;
    boost::optional<Expression> where;
};
struct Unwind : x3::position_tagged {
    Expression expression;
    Variable variable;
};
struct With : x3::position_tagged {
    ProjectionBody body;
    boost::optional<Expression> where;
};
struct Return : x3::position_tagged {
    ProjectionBody body;
};
struct Create : x3::position_tagged {
    Pattern pattern;
};
struct SetProperty : x3::position_tagged {
    Expression target; // a property expression: n.key
    Expression value;
};
struct SetVariable : x3::position_tagged {
    Variable variable;
    std::string op; // "=" replaces all properties, "+=" adds
    Expression value;
};
struct SetLabels : x3::position_tagged {
    Variable variable;
    std::vector<std::string> labels;
};
struct SetItem : x3::variant<SetProperty, SetVariable, SetLabels>, x3::position_tagged {
    using base_type::base_type;
    using base_type::operator=;
};
struct Set : x3::position_tagged {
    std::vector<SetItem> items;
};
struct RemoveLabels : x3::position_tagged {
    Variable variable;
    std::vector<std::string> labels;
};
// REMOVE items: `v:L` or a property expression `n.key`.
struct RemoveItem : x3::variant<RemoveLabels, Expression>, x3::position_tagged {
    using base_type::base_type;
    using base_type::operator=;
};
struct Remove : x3::position_tagged {
    std::vector<RemoveItem> items;
};
struct Delete : x3::position_tagged {
    bool detach = false;
    std::vector<Expression> expressions;
};
struct MergeAction : x3::position_tagged {
    std::string on; // "create" / "match"
    std::vector<SetItem> items;
};
struct Merge : x3::position_tagged {
    PatternPart part;
    std::vector<MergeAction> actions;
};
struct YieldItem : x3::position_tagged {
    Variable field;
    boost::optional<Variable> alias;
};
struct YieldClause : x3::position_tagged {
    std::string star; // "*" for YIELD *
    std::vector<YieldItem> items;
    boost::optional<Expression> where;
};
struct Call : x3::position_tagged {
    std::vector<std::string> procedure;
    boost::optional<std::vector<Expression>> args; // absent: implicit arguments
    boost::optional<YieldClause> yield;
};
struct Clause : x3::variant<Match, Unwind, With, Return, Create, Set, Remove, Delete, Merge, Call>,
                x3::position_tagged {
    using base_type::base_type;
    using base_type::operator=;
};
struct SingleQuery : x3::position_tagged {
    std::vector<Clause> clauses;
};
struct UnionPart : x3::position_tagged {
    bool all = false;
    SingleQuery query;
};
struct Query : x3::position_tagged {
    bool explain = false;
    SingleQuery first;
    std::vector<UnionPart> unions;
};

} // namespace newsgraph::syntax
