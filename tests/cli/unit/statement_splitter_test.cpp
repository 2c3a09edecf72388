// Cutting scripts into statements: ';' outside strings and comments, shell commands, positions.
#include <catch2/catch.hpp>

#include "cli/statement_splitter.hpp"

using newsgraph::ScriptStatement;
using newsgraph::splitStatements;
using newsgraph::StatementSplitter;

TEST_CASE("statements end with ; and keep where they start", "[cli][splitter]") {
    const auto statements = splitStatements("RETURN 1;\n  MATCH (n)\n  RETURN n;\nRETURN 3");
    REQUIRE(statements.size() == 3);
    CHECK(statements[0].text == "RETURN 1");
    CHECK(statements[0].line == 1);
    CHECK(statements[0].column == 1);
    CHECK(statements[1].text == "MATCH (n)\n  RETURN n");
    CHECK(statements[1].line == 2);
    CHECK(statements[1].column == 3);
    CHECK(statements[2].text == "RETURN 3"); // the last one needs no ';'
    CHECK(statements[2].line == 4);
}

TEST_CASE("; inside strings, escaped names and comments does not end a statement", "[cli][splitter]") {
    const auto statements = splitStatements(
        "RETURN 'a;b' AS `x;y`, \"c\\\";d\" /* ; */ AS z; // ;\n"
        "/* leading\n comment; */ RETURN 'it\\'s;' AS w;");
    REQUIRE(statements.size() == 2);
    CHECK(statements[0].text == "RETURN 'a;b' AS `x;y`, \"c\\\";d\" /* ; */ AS z");
    CHECK(statements[1].text == "RETURN 'it\\'s;' AS w");
    CHECK(statements[1].line == 3);
    CHECK(statements[1].column == 14);
}

TEST_CASE("comments and blank statements alone produce nothing", "[cli][splitter]") {
    CHECK(splitStatements("// just a comment\n;;  ;\n/* and another */\n").empty());
    CHECK(splitStatements("").empty());
}

TEST_CASE("a trailing comment is not part of the statement", "[cli][splitter]") {
    const auto statements = splitStatements("RETURN 1 // one\n;");
    REQUIRE(statements.size() == 1);
    CHECK(statements[0].text == "RETURN 1");
}

TEST_CASE("a line starting with ':' is a shell command", "[cli][splitter]") {
    const auto statements = splitStatements(":format csv;\nRETURN 1;\n  :schema\nMATCH (n)\n:notacommand\nRETURN n;");
    REQUIRE(statements.size() == 4);
    CHECK(statements[0].kind == ScriptStatement::Kind::Command);
    CHECK(statements[0].text == ":format csv");
    CHECK(statements[1].kind == ScriptStatement::Kind::Query);
    CHECK(statements[2].kind == ScriptStatement::Kind::Command);
    CHECK(statements[2].text == ":schema");
    CHECK(statements[2].line == 3);
    // Inside a statement a ':' line is Cypher (a label on its own line).
    CHECK(statements[3].kind == ScriptStatement::Kind::Query);
    CHECK(statements[3].text == "MATCH (n)\n:notacommand\nRETURN n");
}

TEST_CASE("the splitter says when a statement is under way", "[cli][splitter]") {
    StatementSplitter splitter;
    CHECK_FALSE(splitter.pending());
    CHECK(splitter.feedLine("MATCH (n)").empty());
    CHECK(splitter.pending());
    const auto done = splitter.feedLine("RETURN n; RETURN");
    REQUIRE(done.size() == 1);
    CHECK(done[0].text == "MATCH (n)\nRETURN n");
    CHECK(splitter.pending());
    splitter.reset();
    CHECK_FALSE(splitter.pending());
    CHECK(splitter.feedLine("/* open").empty());
    CHECK(splitter.pending());
    CHECK(splitter.feedLine("close */").empty());
    CHECK_FALSE(splitter.pending());
    CHECK(splitter.feedLine("RETURN 'multi").empty());
    CHECK(splitter.feedLine("line;'").empty());
    CHECK(splitter.pending());
    const auto string = splitter.feedLine(";");
    REQUIRE(string.size() == 1);
    CHECK(string[0].text == "RETURN 'multi\nline;'");
}

TEST_CASE("unterminated input is handed to the parser", "[cli][splitter]") {
    const auto string = splitStatements("RETURN 'open");
    REQUIRE(string.size() == 1);
    CHECK(string[0].text == "RETURN 'open\n");
    const auto comment = splitStatements("RETURN 1;\n  /* never closed\n");
    REQUIRE(comment.size() == 2);
    CHECK(comment[1].text == "/*");
    CHECK(comment[1].line == 2);
    CHECK(comment[1].column == 3);
}

TEST_CASE("columns count code points and CRLF line ends are accepted", "[cli][splitter]") {
    const auto statements = splitStatements("RETURN 'é'; RETURN 2;\r\nRETURN 3;\r\n");
    REQUIRE(statements.size() == 3);
    CHECK(statements[1].column == 13);
    CHECK(statements[2].text == "RETURN 3");
}
