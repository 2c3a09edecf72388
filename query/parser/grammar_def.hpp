#pragma once

// The openCypher grammar as Spirit X3 rules. Included by grammar.cpp only (X3 grammars are slow
// to compile: one translation unit instantiates them).

#include <type_traits>

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>

#include "query/parser/ast.hpp"
#include "query/parser/ast_adapted.hpp"
#include "query/parser/parse_state.hpp"
#include "query/parser/unicode_chars.hpp"

namespace newsgraph::syntax::grammar {

namespace x3 = boost::spirit::x3;

// ---- Parser components ----------------------------------------------------------------------

// Records, when its subject fails, that `label` was expected where the subject started (see
// ParseState::fail). Tokens and rules that an error message should name are wrapped in it.
template <typename Subject>
struct labeled_parser : x3::unary_parser<Subject, labeled_parser<Subject>> {
    using base_type = x3::unary_parser<Subject, labeled_parser<Subject>>;
    static bool const is_pass_through_unary = true;

    constexpr labeled_parser(Subject const& subject, const char* label) : base_type(subject), label(label) {}

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& context, RContext& rcontext, Attribute& attr) const {
        x3::skip_over(first, last, context);
        auto& state = x3::get<parse_state_tag>(context).get();
        const auto before = state.mark();
        if (this->subject.parse(first, last, context, rcontext, attr)) {
            return true;
        }
        state.fail(before, state.offsetOf(first), label);
        return false;
    }

    const char* label;
};

// Forgets, whether its subject succeeds or fails, what the subject expected at its start (keeps
// what it expected further on): for alternatives that should not show in error messages.
template <typename Subject>
struct quiet_parser : x3::unary_parser<Subject, quiet_parser<Subject>> {
    using base_type = x3::unary_parser<Subject, quiet_parser<Subject>>;
    static bool const is_pass_through_unary = true;

    constexpr explicit quiet_parser(Subject const& subject) : base_type(subject) {}

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& context, RContext& rcontext, Attribute& attr) const {
        x3::skip_over(first, last, context);
        auto& state = x3::get<parse_state_tag>(context).get();
        auto before = state.snapshot();
        const size_t offset = state.offsetOf(first);
        const bool ok = this->subject.parse(first, last, context, rcontext, attr);
        state.forget(std::move(before), offset);
        return ok;
    }
};

template <typename P>
constexpr auto quiet(P const& p) {
    using Subject = std::decay_t<decltype(x3::as_parser(p))>;
    return quiet_parser<Subject>(x3::as_parser(p));
}

template <typename P>
constexpr auto named(const char* label, P const& p) {
    using Subject = std::decay_t<decltype(x3::as_parser(p))>;
    return labeled_parser<Subject>(x3::as_parser(p), label);
}

// Parses an Expression through its subject, remembering the outcome at each offset in `table`:
// when backtracking comes back to the same offset the second time, the result is stored, so no
// expression or atom is parsed more than twice whatever the nesting. With `guard`, also bounds
// the nesting depth (the parser is recursive).
template <typename Subject, ParseState::MemoTable table, bool guard>
struct expression_memo_parser : x3::unary_parser<Subject, expression_memo_parser<Subject, table, guard>> {
    using base_type = x3::unary_parser<Subject, expression_memo_parser<Subject, table, guard>>;
    using attribute_type = Expression;
    static bool const has_attribute = true;

    constexpr explicit expression_memo_parser(Subject const& subject) : base_type(subject) {}

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& context, RContext& rcontext, Attribute& attr) const {
        static_assert(std::is_same_v<Attribute, Expression>, "expression_memo_parser parses into an Expression");
        x3::skip_over(first, last, context);
        auto& state = x3::get<parse_state_tag>(context).get();
        const size_t offset = state.offsetOf(first);
        auto* entry = state.memo(table, offset);
        if (entry != nullptr && entry->state == ParseState::MemoState::Failed) {
            return false;
        }
        if (entry != nullptr && entry->state == ParseState::MemoState::Parsed) {
            attr = entry->value;
            first = state.at(entry->end);
            return true;
        }
        const bool seenBefore = entry != nullptr;
        Expression value;
        It i = first;
        if constexpr (guard) {
            state.enter(offset);
        }
        bool ok = false;
        try {
            ok = this->subject.parse(i, last, context, rcontext, value);
        } catch (...) {
            if constexpr (guard) {
                state.leave();
            }
            throw;
        }
        if constexpr (guard) {
            state.leave();
        }
        auto& slot = state.memoSlot(table, offset);
        if (!ok) {
            slot.state = ParseState::MemoState::Failed;
            return false;
        }
        slot.end = state.offsetOf(i);
        if (seenBefore) {
            slot.state = ParseState::MemoState::Parsed;
            slot.value = value;
        } else {
            slot.state = ParseState::MemoState::Seen;
        }
        attr = std::move(value);
        first = i;
        return true;
    }
};

template <ParseState::MemoTable table, bool guard, typename P>
constexpr auto memoized(P const& p) {
    using Subject = std::decay_t<decltype(x3::as_parser(p))>;
    return expression_memo_parser<Subject, table, guard>(x3::as_parser(p));
}

// One character of a name: an ASCII letter, '_', a digit (unless `first`), or a non-ASCII letter.
struct name_char_parser : x3::parser<name_char_parser> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    constexpr explicit name_char_parser(bool first) : first_(first) {}

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, It const& last, Context const& context, RContext& /*rcontext*/, Attribute& /*attr*/) const {
        x3::skip_over(first, last, context);
        if (first == last) {
            return false;
        }
        const char c = *first;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (!first_ && c >= '0' && c <= '9')) {
            ++first;
            return true;
        }
        if (static_cast<unsigned char>(c) < 0x80U) {
            return false;
        }
        const char* begin = &*first;
        char32_t codePoint = 0;
        const size_t length = decodeUtf8(begin, begin + (last - first), codePoint);
        if (length == 0 || !isUnicodeNameChar(codePoint)) {
            return false;
        }
        first += static_cast<std::ptrdiff_t>(length);
        return true;
    }

    bool first_;
};

// ---- Lexical pieces -------------------------------------------------------------------------

const auto identStart = name_char_parser(true);
const auto identChar = name_char_parser(false);

// A case-insensitive keyword that is not the prefix of a longer identifier. kw() is silent in
// error messages; KW() names the keyword (write it in upper case) when it was expected.
inline auto kw(const char* word) {
    return x3::lexeme[x3::no_case[x3::lit(word)] >> !identChar];
}
inline auto KW(const char* word) {
    return named(word, kw(word));
}

struct ReservedWords : x3::symbols<x3::unused_type> {
    ReservedWords() {
        for (const char* word :
             {"all", "and", "as", "asc", "ascending", "by", "call", "case", "contains", "create", "delete", "desc",
              "descending", "detach", "distinct", "else", "end", "ends", "exists", "false", "in", "is", "limit",
              "match", "merge", "not", "null", "on", "optional", "or", "order", "remove", "return", "set", "skip",
              "starts", "then", "true", "union", "unwind", "when", "where", "with", "xor", "yield"}) {
            add(word);
        }
    }
};
const ReservedWords reservedWords;
const auto reserved = x3::lexeme[x3::no_case[reservedWords] >> !identChar];

const auto plainName = x3::raw[x3::lexeme[identStart >> *identChar]];
const auto escapedName = x3::lexeme['`' >> *((x3::lit("``") >> x3::attr('`')) | ~x3::char_('`')) >> '`'];

// Punctuation an error message names when it is missing.
const auto openParen = named("'('", x3::lit('('));
const auto closeParen = named("')'", x3::lit(')'));
const auto closeBracket = named("']'", x3::lit(']'));
const auto closeBrace = named("'}'", x3::lit('}'));
const auto colon = named("':'", x3::lit(':'));
const auto comma = named("','", x3::lit(','));
const auto equalsSign = named("'='", x3::lit('='));
const auto bar = named("'|'", x3::lit('|'));
const auto dash = named("'-'", x3::lit('-'));

// ---- Rules ----------------------------------------------------------------------------------

#define NG_RULE(name, Attribute)                                                                   \
    struct name##_class;                                                                           \
    const x3::rule<name##_class, Attribute> name = #name;

NG_RULE(symbolic_name, std::string)
NG_RULE(schema_name, std::string)
NG_RULE(variable, Variable)
NG_RULE(path_binding, Variable)
NG_RULE(expression, Expression)
NG_RULE(or_expression, OperatorChain)
NG_RULE(xor_expression, OperatorChain)
NG_RULE(and_expression, OperatorChain)
NG_RULE(not_expression, PrefixExpression)
NG_RULE(comparison_expression, OperatorChain)
NG_RULE(predicate_expression, OperatorChain)
NG_RULE(add_expression, OperatorChain)
NG_RULE(multiply_expression, OperatorChain)
NG_RULE(power_expression, OperatorChain)
NG_RULE(unary_expression, PrefixExpression)
NG_RULE(postfix_expression, PostfixExpression)
NG_RULE(atom, Expression)
NG_RULE(number_literal, NumberLiteral)
NG_RULE(string_literal, StringLiteral)
NG_RULE(keyword_literal, KeywordLiteral)
NG_RULE(parameter, Parameter)
NG_RULE(count_star, CountStar)
NG_RULE(list_literal, ListLiteral)
NG_RULE(map_entry, MapEntry)
NG_RULE(map_literal, MapLiteral)
NG_RULE(function_call, FunctionCall)
NG_RULE(case_alternative, CaseAlternative)
NG_RULE(case_expression, CaseExpression)
NG_RULE(list_comprehension, Comprehension)
NG_RULE(quantifier, Comprehension)
NG_RULE(reduce_expression, Reduce)
NG_RULE(pattern_comprehension, PatternComprehension)
NG_RULE(pattern_predicate, PatternPredicate)
NG_RULE(exists_subquery, ExistsSubquery)
NG_RULE(exists_query, ExistsSubquery)
NG_RULE(exists_pattern, ExistsSubquery)
NG_RULE(map_projection_item, MapProjectionItem)
NG_RULE(map_projection, MapProjection)
NG_RULE(property_lookup, PropertyLookup)
NG_RULE(index_or_slice, IndexOrSlice)
NG_RULE(postfix_op, PostfixOp)
NG_RULE(comparison_op, Operation)
NG_RULE(predicate_op, Operation)
NG_RULE(or_op, Operation)
NG_RULE(xor_op, Operation)
NG_RULE(and_op, Operation)
NG_RULE(add_op, Operation)
NG_RULE(multiply_op, Operation)
NG_RULE(power_op, Operation)
NG_RULE(starts_with_op, Operation)
NG_RULE(ends_with_op, Operation)
NG_RULE(contains_op, Operation)
NG_RULE(regex_op, Operation)
NG_RULE(in_op, Operation)
NG_RULE(is_null_op, Operation)
NG_RULE(is_not_null_op, Operation)
NG_RULE(xor_operand, Expression)
NG_RULE(and_operand, Expression)
NG_RULE(not_operand, Expression)
NG_RULE(comparison_operand, Expression)
NG_RULE(predicate_operand, Expression)
NG_RULE(add_operand, Expression)
NG_RULE(multiply_operand, Expression)
NG_RULE(power_operand, Expression)
NG_RULE(unary_operand, Expression)
NG_RULE(postfix_operand, Expression)
NG_RULE(property_expression, Expression)
NG_RULE(map_projection_all, MapProjectionItem)
NG_RULE(map_projection_property, MapProjectionItem)
NG_RULE(map_projection_literal, MapProjectionItem)
NG_RULE(map_projection_variable, MapProjectionItem)
NG_RULE(shortest_part, PatternPart)
NG_RULE(plain_part, PatternPart)
NG_RULE(star_items, ProjectionItems)
NG_RULE(plain_items, ProjectionItems)
NG_RULE(projection_items, ProjectionItems)
NG_RULE(yield_star, YieldClause)
NG_RULE(yield_list, YieldClause)
NG_RULE(call_arguments, std::vector<Expression>)
NG_RULE(sort_direction, std::string)
NG_RULE(quantifier_word, std::string)
NG_RULE(shortest_word, std::string)
NG_RULE(properties, Properties)
NG_RULE(node_pattern, NodePattern)
NG_RULE(range_literal, RangeLiteral)
NG_RULE(relationship_detail, RelationshipDetail)
NG_RULE(relationship_pattern, RelationshipPattern)
NG_RULE(pattern_element_chain, PatternElementChain)
NG_RULE(pattern_element, PatternElement)
NG_RULE(relationships_pattern, PatternElement)
NG_RULE(pattern_part, PatternPart)
NG_RULE(pattern, Pattern)
NG_RULE(projection_item, ProjectionItem)
NG_RULE(sort_item, SortItem)
NG_RULE(projection_body, ProjectionBody)
NG_RULE(match_clause, Match)
NG_RULE(unwind_clause, Unwind)
NG_RULE(with_clause, With)
NG_RULE(return_clause, Return)
NG_RULE(create_clause, Create)
NG_RULE(set_item, SetItem)
NG_RULE(set_property, SetProperty)
NG_RULE(set_variable, SetVariable)
NG_RULE(set_labels, SetLabels)
NG_RULE(set_clause, Set)
NG_RULE(remove_labels, RemoveLabels)
NG_RULE(remove_item, RemoveItem)
NG_RULE(remove_clause, Remove)
NG_RULE(delete_clause, Delete)
NG_RULE(merge_action, MergeAction)
NG_RULE(merge_clause, Merge)
NG_RULE(yield_item, YieldItem)
NG_RULE(call_clause, Call)
NG_RULE(clause, Clause)
NG_RULE(single_query, SingleQuery)
NG_RULE(union_part, UnionPart)
NG_RULE(query, Query)

#undef NG_RULE

template <typename T>
inline auto attrOf(T value) {
    return x3::attr(std::move(value));
}

// Names.
const auto symbolic_name_def = named("a name", escapedName | (plainName - reserved));
const auto schema_name_def = named("a name", escapedName | plainName);
const auto variable_def = symbolic_name;
// `p =` before a pattern. A rule of its own: X3 would leak the variable into an optional
// Variable attribute when the '=' does not follow.
const auto path_binding_def = variable >> '=';

// Literals.
const auto digits = +x3::char_("0-9");
const auto exponent = x3::char_("eE") >> -x3::char_("+-") >> digits;
// Letters glued to a number are kept in its text, so that the transformer rejects `12ab` and
// `0x1z` as one invalid number literal.
const auto number_literal_def = x3::raw[x3::lexeme[(x3::no_case[x3::lit("0x")] >> *identChar) |
                                                   (x3::no_case[x3::lit("0o")] >> *identChar) |
                                                   (digits >> '.' >> digits >> -exponent >> *identChar) |
                                                   ('.' >> digits >> -exponent >> *identChar) |
                                                   (digits >> exponent >> *identChar) | (digits >> *identChar)]];
const auto quoted = [](char quote) {
    return x3::lexeme[x3::lit(quote) >> *((x3::lit('\\') >> x3::char_) | ~x3::char_(quote)) >> x3::lit(quote)];
};
const auto string_literal_def = x3::raw[quoted('\'') | quoted('"')];
const auto keyword_literal_def = (kw("true") >> attrOf(std::string("true"))) |
                                 (kw("false") >> attrOf(std::string("false"))) |
                                 (kw("null") >> attrOf(std::string("null")));
const auto parameter_def = x3::lexeme['$' >> (symbolic_name | x3::raw[+x3::char_("0-9")])];
const auto count_star_def = kw("count") >> '(' >> '*' >> closeParen;
const auto list_literal_def = '[' >> -(expression % ',') >> closeBracket;
const auto map_entry_def = schema_name >> colon >> expression;
const auto map_literal_def = '{' >> -(map_entry % ',') >> closeBrace;

// Expressions, loosest binding first. Every operand is named "an expression" in error messages.
const auto expression_def =
    named("an expression", memoized<ParseState::MemoTable::Expression, true>(or_expression));
const auto xor_operand_def = named("an expression", xor_expression);
const auto and_operand_def = named("an expression", and_expression);
const auto not_operand_def = named("an expression", not_expression);
const auto comparison_operand_def = named("an expression", comparison_expression);
const auto predicate_operand_def = named("an expression", predicate_expression);
const auto add_operand_def = named("an expression", add_expression);
const auto multiply_operand_def = named("an expression", multiply_expression);
const auto power_operand_def = named("an expression", power_expression);
const auto unary_operand_def = named("an expression", unary_expression);
const auto postfix_operand_def = named("an expression", postfix_expression);
const auto noOperand = attrOf(boost::optional<Expression>());

const auto or_op_def = kw("or") >> attrOf(std::string("OR")) >> xor_operand;
const auto or_expression_def = attrOf(std::string("or")) >> xor_operand >> *or_op;
const auto xor_op_def = kw("xor") >> attrOf(std::string("XOR")) >> and_operand;
const auto xor_expression_def = attrOf(std::string("xor")) >> and_operand >> *xor_op;
const auto and_op_def = kw("and") >> attrOf(std::string("AND")) >> not_operand;
const auto and_expression_def = attrOf(std::string("and")) >> not_operand >> *and_op;
const auto not_expression_def = *(kw("not") >> attrOf(std::string("NOT"))) >> comparison_operand;
const auto comparison_op_def = (x3::string("=") | x3::string("<>") | x3::string("<=") | x3::string(">=") |
                                x3::string("<") | x3::string(">")) >>
                               predicate_operand;
const auto comparison_expression_def = attrOf(std::string("comparison")) >> predicate_operand >> *comparison_op;
const auto starts_with_op_def = kw("starts") >> KW("WITH") >> attrOf(std::string("STARTS WITH")) >> add_operand;
const auto ends_with_op_def = kw("ends") >> KW("WITH") >> attrOf(std::string("ENDS WITH")) >> add_operand;
const auto contains_op_def = kw("contains") >> attrOf(std::string("CONTAINS")) >> add_operand;
const auto regex_op_def = x3::lit("=~") >> attrOf(std::string("=~")) >> add_operand;
const auto in_op_def = kw("in") >> attrOf(std::string("IN")) >> add_operand;
const auto is_null_op_def = kw("is") >> kw("null") >> attrOf(std::string("IS NULL")) >> noOperand;
const auto is_not_null_op_def = kw("is") >> kw("not") >> kw("null") >> attrOf(std::string("IS NOT NULL")) >> noOperand;
const auto predicate_op_def =
    starts_with_op | ends_with_op | contains_op | regex_op | in_op | is_not_null_op | is_null_op;
const auto predicate_expression_def = attrOf(std::string("predicate")) >> add_operand >> *predicate_op;
const auto add_op_def = (x3::string("+") | x3::string("-")) >> multiply_operand;
const auto add_expression_def = attrOf(std::string("add")) >> multiply_operand >> *add_op;
const auto multiply_op_def = (x3::string("*") | x3::string("/") | x3::string("%")) >> power_operand;
const auto multiply_expression_def = attrOf(std::string("multiply")) >> power_operand >> *multiply_op;
const auto power_op_def = x3::string("^") >> unary_operand;
const auto power_expression_def = attrOf(std::string("power")) >> unary_operand >> *power_op;
const auto unary_expression_def = *(x3::string("+") | x3::string("-")) >> postfix_operand;
const auto property_expression_def = postfix_expression;
const auto property_lookup_def = '.' >> schema_name;
const auto index_or_slice_def = '[' >> -expression >> -x3::string("..") >> -expression >> closeBracket;
const auto postfix_op_def = property_lookup | index_or_slice;
const auto postfix_expression_def = atom >> *postfix_op >> *(':' >> schema_name);

const auto case_alternative_def = KW("WHEN") >> expression >> KW("THEN") >> expression;
const auto case_expression_def = kw("case") >> -(!kw("when") >> expression) >> +case_alternative >>
                                 -(KW("ELSE") >> expression) >> KW("END");
const auto list_comprehension_def = '[' >> attrOf(std::string("list")) >> quiet(variable) >> kw("in") >> expression >>
                                    -(KW("WHERE") >> expression) >> -(bar >> expression) >> closeBracket;
const auto quantifier_kind = x3::no_case[x3::lit("all") | x3::lit("any") | x3::lit("none") | x3::lit("single")];
const auto quantifier_word_def = x3::raw[x3::lexeme[quantifier_kind >> !identChar]];
const auto quantifier_def = quantifier_word >> '(' >> variable >> KW("IN") >> expression >>
                            -(KW("WHERE") >> expression) >> attrOf(boost::optional<Expression>()) >> closeParen;
const auto reduce_expression_def = kw("reduce") >> '(' >> variable >> equalsSign >> expression >> comma >> variable >>
                                   KW("IN") >> expression >> bar >> expression >> closeParen;
const auto pattern_comprehension_def = '[' >> quiet(-path_binding) >> quiet(relationships_pattern) >>
                                       -(KW("WHERE") >> expression) >> bar >> expression >> closeBracket;
const auto pattern_predicate_def = relationships_pattern;
const auto exists_query_def = kw("exists") >> '{' >> attrOf(Pattern()) >> attrOf(boost::optional<Expression>()) >>
                              +clause >> closeBrace;
const auto exists_pattern_def = kw("exists") >> '{' >> -kw("match") >> pattern >> -(KW("WHERE") >> expression) >>
                                attrOf(std::vector<Clause>()) >> closeBrace;
const auto exists_subquery_def = exists_query | exists_pattern;
const auto map_projection_all_def = '.' >> x3::string("*") >> attrOf(std::string()) >> noOperand;
const auto map_projection_property_def = '.' >> attrOf(std::string(".")) >> schema_name >> noOperand;
// The lookahead keeps a key followed by no ':' out of the item (a failed alternative would leave
// it in the shared attribute, and the next alternative would append to it).
const auto map_projection_literal_def =
    &(schema_name >> ':') >> attrOf(std::string(":")) >> schema_name >> colon >> expression;
const auto map_projection_variable_def = attrOf(std::string("v")) >> symbolic_name >> noOperand;
const auto map_projection_item_def =
    map_projection_all | map_projection_property | map_projection_literal | map_projection_variable;
const auto map_projection_def = variable >> '{' >> -(map_projection_item % ',') >> closeBrace;
const auto function_call_def =
    (schema_name % '.') >> '(' >> x3::matches[kw("distinct")] >> -(expression % ',') >> closeParen;

const auto atom_alternatives = number_literal | string_literal | parameter | keyword_literal | count_star |
                      case_expression | list_comprehension | pattern_comprehension | list_literal | quantifier |
                      reduce_expression | exists_subquery | pattern_predicate | ('(' >> expression >> closeParen) |
                      function_call | map_projection | map_literal | variable;
const auto atom_def = memoized<ParseState::MemoTable::Atom, false>(atom_alternatives);

// Patterns.
const auto properties_def = map_literal | parameter;
const auto node_pattern_def = openParen >> -variable >> *(colon >> schema_name) >> -properties >> closeParen;
const auto hopCount = x3::raw[x3::lexeme[-x3::char_('-') >> +x3::char_("0-9")]];
const auto range_literal_def = &(x3::lit('*') | "..") >> (x3::string("*") | attrOf(std::string())) >> -hopCount >>
                               -x3::string("..") >> -hopCount;
const auto relationship_types = ':' >> (schema_name % ('|' >> -x3::lit(':')));
const auto relationship_detail_def =
    '[' >> -variable >> -relationship_types >> -range_literal >> -properties >> closeBracket;
const auto relationship_pattern_def = x3::matches['<'] >> '-' >> -relationship_detail >> dash >> x3::matches['>'];
const auto pattern_element_chain_def = relationship_pattern >> node_pattern;
const auto pattern_element_def = node_pattern >> *pattern_element_chain;
const auto relationships_pattern_def = node_pattern >> +pattern_element_chain;
const auto shortest_name =
    x3::raw[x3::lexeme[x3::no_case[x3::lit("shortestPath") | x3::lit("allShortestPaths")] >> !identChar]];
const auto shortest_word_def = shortest_name;
const auto shortest_part_def = -path_binding >> shortest_word >> openParen >> pattern_element >> closeParen;
const auto plain_part_def = -path_binding >> attrOf(std::string()) >> pattern_element;
const auto pattern_part_def = named("a pattern", shortest_part | plain_part);
const auto pattern_def = pattern_part % ',';

// Clauses.
const auto projection_item_def = expression >> -(kw("as") >> variable);
const auto direction = x3::raw[x3::lexeme[x3::no_case[x3::lit("ascending") | x3::lit("asc") | x3::lit("descending") |
                                                      x3::lit("desc")] >>
                                          !identChar]];
const auto sort_direction_def = direction;
const auto sort_item_def = expression >> -sort_direction;
const auto star_items_def = x3::string("*") >> *(',' >> projection_item);
const auto plain_items_def = attrOf(std::string()) >> (projection_item % ',');
const auto projection_items_def = star_items | plain_items;
const auto projection_body_def = x3::matches[kw("distinct")] >> projection_items >>
                                 -(kw("order") >> KW("BY") >> (sort_item % ',')) >> -(kw("skip") >> expression) >>
                                 -(kw("limit") >> expression);
const auto match_clause_def = x3::matches[kw("optional")] >> KW("MATCH") >> pattern >> -(kw("where") >> expression);
const auto unwind_clause_def = kw("unwind") >> expression >> KW("AS") >> variable;
const auto with_clause_def = kw("with") >> projection_body >> -(kw("where") >> expression);
const auto return_clause_def = kw("return") >> projection_body;
const auto create_clause_def = kw("create") >> pattern;
const auto set_property_def = property_expression >> equalsSign >> expression;
const auto set_variable_def = variable >> (x3::string("+=") | x3::string("=")) >> expression;
const auto set_labels_def = variable >> +(':' >> schema_name);
const auto set_item_def = set_labels | set_variable | set_property;
const auto set_clause_def = kw("set") >> (set_item % ',');
const auto remove_labels_def = variable >> +(':' >> schema_name);
const auto remove_item_def = remove_labels | property_expression;
const auto remove_clause_def = kw("remove") >> (remove_item % ',');
const auto delete_clause_def = x3::matches[kw("detach")] >> KW("DELETE") >> (expression % ',');
const auto merge_action_def = kw("on") >>
                              ((KW("MATCH") >> attrOf(std::string("match"))) |
                               (KW("CREATE") >> attrOf(std::string("create")))) >>
                              KW("SET") >> (set_item % ',');
const auto merge_clause_def = kw("merge") >> pattern_part >> *merge_action;
const auto yield_item_def = variable >> -(kw("as") >> variable);
const auto call_arguments_def = '(' >> ((expression % ',') | attrOf(std::vector<Expression>())) >> closeParen;
const auto yield_star_def = kw("yield") >> x3::string("*") >> attrOf(std::vector<YieldItem>()) >>
                            -(kw("where") >> expression);
const auto yield_list_def = kw("yield") >> attrOf(std::string()) >> (yield_item % ',') >>
                            -(kw("where") >> expression);
const auto call_clause_def = kw("call") >> (schema_name % '.') >> -call_arguments >> -(yield_star | yield_list);
const auto clause_def = named("a clause", match_clause | unwind_clause | with_clause | return_clause |
                                              create_clause | set_clause | remove_clause | delete_clause |
                                              merge_clause | call_clause);
const auto single_query_def = +clause;
const auto union_part_def = kw("union") >> x3::matches[kw("all")] >> single_query;
const auto query_def = x3::matches[kw("explain")] >> single_query >> *union_part;

BOOST_SPIRIT_DEFINE(symbolic_name, schema_name, variable, expression, or_expression, xor_expression, and_expression, not_expression, comparison_expression, predicate_expression, add_expression, multiply_expression)
BOOST_SPIRIT_DEFINE(power_expression, unary_expression, postfix_expression, atom, number_literal, string_literal, keyword_literal, parameter, count_star, list_literal, map_entry, map_literal)
BOOST_SPIRIT_DEFINE(function_call, case_alternative, case_expression, list_comprehension, quantifier, reduce_expression, pattern_comprehension, pattern_predicate, exists_subquery, map_projection_item, map_projection, property_lookup)
BOOST_SPIRIT_DEFINE(index_or_slice, postfix_op, comparison_op, predicate_op, properties, node_pattern, range_literal, relationship_detail, relationship_pattern, pattern_element_chain, pattern_element, relationships_pattern)
BOOST_SPIRIT_DEFINE(pattern_part, pattern, projection_item, sort_item, projection_body, match_clause, unwind_clause, with_clause, return_clause, create_clause, set_item, set_property)
BOOST_SPIRIT_DEFINE(set_variable, set_labels, set_clause, remove_labels, remove_item, remove_clause, delete_clause, merge_action, merge_clause, yield_item, call_clause, clause)
BOOST_SPIRIT_DEFINE(single_query, union_part, query)

BOOST_SPIRIT_DEFINE(or_op, xor_op, and_op, add_op, multiply_op, power_op, starts_with_op, ends_with_op, contains_op, regex_op, in_op, is_null_op)
BOOST_SPIRIT_DEFINE(is_not_null_op, xor_operand, and_operand, not_operand, comparison_operand, predicate_operand, add_operand, multiply_operand, power_operand, unary_operand, postfix_operand, property_expression)
BOOST_SPIRIT_DEFINE(map_projection_all, map_projection_property, map_projection_literal, map_projection_variable, shortest_part, plain_part, star_items, plain_items, projection_items, yield_star, yield_list, call_arguments)

BOOST_SPIRIT_DEFINE(sort_direction, quantifier_word, shortest_word, exists_query, exists_pattern, path_binding)

// Every rule records where its node starts (position_tagged) through the annotation handler.
#define NG_ANNOTATE(name)                                                                          \
    struct name##_class : x3::annotate_on_success {};
NG_ANNOTATE(variable)
NG_ANNOTATE(path_binding)
NG_ANNOTATE(expression)
NG_ANNOTATE(or_expression)
NG_ANNOTATE(xor_expression)
NG_ANNOTATE(and_expression)
NG_ANNOTATE(not_expression)
NG_ANNOTATE(comparison_expression)
NG_ANNOTATE(predicate_expression)
NG_ANNOTATE(add_expression)
NG_ANNOTATE(multiply_expression)
NG_ANNOTATE(power_expression)
NG_ANNOTATE(unary_expression)
NG_ANNOTATE(postfix_expression)
NG_ANNOTATE(atom)
NG_ANNOTATE(number_literal)
NG_ANNOTATE(string_literal)
NG_ANNOTATE(keyword_literal)
NG_ANNOTATE(parameter)
NG_ANNOTATE(count_star)
NG_ANNOTATE(list_literal)
NG_ANNOTATE(map_entry)
NG_ANNOTATE(map_literal)
NG_ANNOTATE(function_call)
NG_ANNOTATE(case_alternative)
NG_ANNOTATE(case_expression)
NG_ANNOTATE(list_comprehension)
NG_ANNOTATE(quantifier)
NG_ANNOTATE(reduce_expression)
NG_ANNOTATE(pattern_comprehension)
NG_ANNOTATE(pattern_predicate)
NG_ANNOTATE(exists_subquery)
NG_ANNOTATE(exists_query)
NG_ANNOTATE(exists_pattern)
NG_ANNOTATE(map_projection_item)
NG_ANNOTATE(map_projection)
NG_ANNOTATE(property_lookup)
NG_ANNOTATE(index_or_slice)
NG_ANNOTATE(postfix_op)
NG_ANNOTATE(comparison_op)
NG_ANNOTATE(predicate_op)
NG_ANNOTATE(properties)
NG_ANNOTATE(node_pattern)
NG_ANNOTATE(range_literal)
NG_ANNOTATE(relationship_detail)
NG_ANNOTATE(relationship_pattern)
NG_ANNOTATE(pattern_element_chain)
NG_ANNOTATE(pattern_element)
NG_ANNOTATE(relationships_pattern)
NG_ANNOTATE(pattern_part)
NG_ANNOTATE(pattern)
NG_ANNOTATE(projection_item)
NG_ANNOTATE(sort_item)
NG_ANNOTATE(projection_body)
NG_ANNOTATE(match_clause)
NG_ANNOTATE(unwind_clause)
NG_ANNOTATE(with_clause)
NG_ANNOTATE(return_clause)
NG_ANNOTATE(create_clause)
NG_ANNOTATE(set_item)
NG_ANNOTATE(set_property)
NG_ANNOTATE(set_variable)
NG_ANNOTATE(set_labels)
NG_ANNOTATE(set_clause)
NG_ANNOTATE(remove_labels)
NG_ANNOTATE(remove_item)
NG_ANNOTATE(remove_clause)
NG_ANNOTATE(delete_clause)
NG_ANNOTATE(merge_action)
NG_ANNOTATE(merge_clause)
NG_ANNOTATE(yield_item)
NG_ANNOTATE(call_clause)
NG_ANNOTATE(clause)
NG_ANNOTATE(single_query)
NG_ANNOTATE(union_part)
NG_ANNOTATE(query)
NG_ANNOTATE(or_op)
NG_ANNOTATE(xor_op)
NG_ANNOTATE(and_op)
NG_ANNOTATE(add_op)
NG_ANNOTATE(multiply_op)
NG_ANNOTATE(power_op)
NG_ANNOTATE(starts_with_op)
NG_ANNOTATE(ends_with_op)
NG_ANNOTATE(contains_op)
NG_ANNOTATE(regex_op)
NG_ANNOTATE(in_op)
NG_ANNOTATE(is_null_op)
NG_ANNOTATE(is_not_null_op)
NG_ANNOTATE(xor_operand)
NG_ANNOTATE(and_operand)
NG_ANNOTATE(not_operand)
NG_ANNOTATE(comparison_operand)
NG_ANNOTATE(predicate_operand)
NG_ANNOTATE(add_operand)
NG_ANNOTATE(multiply_operand)
NG_ANNOTATE(power_operand)
NG_ANNOTATE(unary_operand)
NG_ANNOTATE(postfix_operand)
NG_ANNOTATE(property_expression)
NG_ANNOTATE(map_projection_all)
NG_ANNOTATE(map_projection_property)
NG_ANNOTATE(map_projection_literal)
NG_ANNOTATE(map_projection_variable)
NG_ANNOTATE(shortest_part)
NG_ANNOTATE(plain_part)
NG_ANNOTATE(star_items)
NG_ANNOTATE(plain_items)
NG_ANNOTATE(projection_items)
NG_ANNOTATE(yield_star)
NG_ANNOTATE(yield_list)
NG_ANNOTATE(call_arguments)
#undef NG_ANNOTATE
struct symbolic_name_class {};
struct sort_direction_class {};
struct quantifier_word_class {};
struct shortest_word_class {};
struct schema_name_class {};

} // namespace newsgraph::syntax::grammar
