#pragma once

// The transformer's state and its parts (transformer.hpp is the interface). Implemented in
// transformer.cpp (positions, statement), transform_expression.cpp, transform_expression_forms.cpp,
// transform_pattern.cpp and transform_clause.cpp.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "query/ast/statement.hpp"
#include "query/parser/ast.hpp"
#include "query/parser/grammar.hpp"
#include "query/parser/transformer.hpp"

namespace newsgraph::parser::detail {

namespace x3 = boost::spirit::x3;

// Line and column of byte offsets, in O(log lines + block) each.
class PositionIndex {
public:
    explicit PositionIndex(std::string_view text);
    SourcePosition at(size_t offset) const;

private:
    static constexpr size_t kBlock = 64;
    size_t codePointsBefore(size_t offset) const;

    std::string_view text_;
    std::vector<size_t> lineStarts_;
    std::vector<uint32_t> blockCodePoints_; // code points before each block of kBlock bytes
};

class Transformer {
public:
    Transformer(const syntax::PositionTable& positions, std::string_view text);

    ast::Statement statement(const syntax::Query& query);

    // ---- Clauses (transform_clause.cpp) ----
    ast::SingleQuery singleQuery(const std::vector<syntax::Clause>& clauses, uint32_t depth);
    ast::Clause clause(const syntax::Clause& clause, uint32_t depth);

    // ---- Expressions (transform_expression.cpp, transform_expression_forms.cpp) ----
    // `depth` is the depth of the produced node in the whole expression tree (1 for a clause's
    // expression); deeper than kMaxExpressionDepth is a SyntaxError.
    ast::ExprPtr expression(const syntax::Expression& expr, uint32_t depth);
    ast::ExprPtr optionalExpression(const boost::optional<syntax::Expression>& expr, uint32_t depth);
    // The condition of a WHERE (of a clause, comprehension or EXISTS): the one place where pattern
    // predicates such as (a)-->(b) are allowed.
    ast::ExprPtr whereExpression(const boost::optional<syntax::Expression>& expr, uint32_t depth);
    ast::ExprPtr mapLiteral(const syntax::MapLiteral& map, uint32_t depth);
    ast::ExprPtr parameter(const syntax::Parameter& parameter);

    ast::ExprPtr keywordLiteral(const syntax::KeywordLiteral& literal);
    ast::ExprPtr numberLiteral(const syntax::NumberLiteral& literal, bool negative, size_t start);
    ast::ExprPtr stringLiteral(const syntax::StringLiteral& literal);
    ast::ExprPtr variable(const syntax::Variable& variable);
    ast::ExprPtr countStar(const syntax::CountStar& countStar);
    ast::ExprPtr listLiteral(const syntax::ListLiteral& list, uint32_t depth);
    ast::ExprPtr functionCall(const syntax::FunctionCall& call, uint32_t depth);
    ast::ExprPtr caseExpression(const syntax::CaseExpression& expr, uint32_t depth);
    ast::ExprPtr comprehension(const syntax::Comprehension& expr, uint32_t depth);
    ast::ExprPtr reduce(const syntax::Reduce& expr, uint32_t depth);
    ast::ExprPtr patternComprehension(const syntax::PatternComprehension& expr, uint32_t depth);
    ast::ExprPtr patternPredicate(const syntax::PatternPredicate& expr, uint32_t depth);
    ast::ExprPtr existsSubquery(const syntax::ExistsSubquery& expr, uint32_t depth);
    ast::ExprPtr mapProjection(const syntax::MapProjection& expr, uint32_t depth);
    ast::ExprPtr postfix(const syntax::PostfixExpression& expr, uint32_t depth);
    ast::ExprPtr prefix(const syntax::PrefixExpression& expr, uint32_t depth);
    ast::ExprPtr operatorChain(const syntax::OperatorChain& chain, uint32_t depth);

    // ---- Patterns (transform_pattern.cpp) ----
    std::vector<ast::PatternPart> pattern(const syntax::Pattern& pattern, uint32_t depth);
    ast::PatternPart patternPart(const syntax::PatternPart& part, uint32_t depth);
    ast::PatternPart patternElement(const syntax::PatternElement& element, uint32_t depth);

    // ---- Positions and text (transformer.cpp) ----
    size_t start(const x3::position_tagged& node) const { return positions_.start(node); }
    size_t end(const x3::position_tagged& node) const { return positions_.end(node); }
    SourcePosition position(size_t offset) const { return index_.at(offset); }
    SourcePosition position(const x3::position_tagged& node) const { return index_.at(start(node)); }
    // The source text in [from, to), without surrounding white space.
    std::string textBetween(size_t from, size_t to) const;
    std::string textOf(const x3::position_tagged& node) const { return textBetween(start(node), end(node)); }
    // The offset of the next token at or after `offset` (white space and comments skipped).
    size_t skipSpace(size_t offset) const;
    // A new node of `kind` spanning [from, to).
    ast::ExprPtr makeNode(ast::ExprKind kind, size_t from, size_t to) const;

    [[noreturn]] void fail(std::string detail, const std::string& message, size_t offset) const;
    void checkDepth(uint32_t depth, size_t offset) const;

private:
    const syntax::PositionTable& positions_;
    std::string_view text_;
    PositionIndex index_;
    uint32_t whereNesting_ = 0; // how many WHERE conditions enclose the expression being transformed
};

} // namespace newsgraph::parser::detail
