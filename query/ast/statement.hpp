#pragma once

#include <string>
#include <utility>
#include <vector>

#include "query/ast/pattern.hpp"

namespace newsgraph::ast {

enum class ClauseKind : uint8_t { Match, Unwind, With, Return, Create, Merge, Set, Remove, Delete, Call };

struct ProjectionItem {
    ExprPtr expression;
    std::string alias;   // the column name: the alias, or the expression's text
    bool aliased = false;
    SourcePosition position;
};

struct SortItem {
    ExprPtr expression;
    bool descending = false;
};

struct Projection {
    bool distinct = false;
    bool star = false; // RETURN * (plus items)
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order;
    ExprPtr skip;
    ExprPtr limit;
};

enum class SetKind : uint8_t {
    Property,          // target (a Property expression) = value
    ReplaceProperties, // variable = value (a map, node or relationship)
    MergeProperties,   // variable += value
    Labels,            // variable:labels
};

struct SetItem {
    SetKind kind = SetKind::Property;
    ExprPtr target;
    std::string variable;
    std::vector<std::string> labels;
    ExprPtr value;
    SourcePosition position;
};

enum class RemoveKind : uint8_t { Property, Labels };

struct RemoveItem {
    RemoveKind kind = RemoveKind::Property;
    ExprPtr target; // a Property expression
    std::string variable;
    std::vector<std::string> labels;
    SourcePosition position;
};

struct YieldItem {
    std::string field;
    std::string alias; // equal to field when not renamed
    SourcePosition position;
};

// One clause; which members are used depends on kind.
struct Clause {
    ClauseKind kind = ClauseKind::Match;
    SourcePosition position;
    bool optional = false;            // OPTIONAL MATCH
    std::vector<PatternPart> pattern; // MATCH, CREATE, MERGE (one part)
    ExprPtr where;                    // MATCH, WITH, CALL ... YIELD ... WHERE
    ExprPtr expression;               // UNWIND
    std::string variable;             // UNWIND ... AS variable
    Projection projection;            // WITH, RETURN
    std::vector<SetItem> setItems;    // SET
    std::vector<SetItem> onCreate;    // MERGE ... ON CREATE SET
    std::vector<SetItem> onMatch;     // MERGE ... ON MATCH SET
    std::vector<RemoveItem> removeItems;
    bool detach = false;              // DETACH DELETE
    std::vector<ExprPtr> deleteExpressions;
    std::string procedure;            // CALL: dotted name
    bool implicitArguments = false;   // CALL proc (no parentheses)
    std::vector<ExprPtr> arguments;
    bool yieldStar = false;
    bool hasYield = false;
    std::vector<YieldItem> yields;

    Clause clone() const; // deep copy
};

struct SingleQuery {
    std::vector<Clause> clauses;

    SingleQuery clone() const; // deep copy
};

// A statement: EXPLAIN flag, then one query or several joined by UNION [ALL].
struct Statement {
    bool explain = false;
    std::vector<SingleQuery> queries;
    std::vector<bool> unionAll; // between queries[i] and queries[i+1]
};

} // namespace newsgraph::ast
