// The command line.
#include <catch2/catch.hpp>

#include "cli/options.hpp"

using newsgraph::CliOptions;
using newsgraph::parseCliOptions;
using newsgraph::ScriptArgument;
using newsgraph::UsageError;

TEST_CASE("options in any order, -e and -f kept in order", "[cli][options]") {
    const CliOptions options = parseCliOptions({"-e", "RETURN 1", "--format", "csv", "-f", "a.cypher", "--param",
                                                "who='APT31'", "--timing", "--continue", "--strict", "-e",
                                                "RETURN 2", "--format=json", "--load=nodes:x.csv"});
    REQUIRE(options.scripts.size() == 3);
    CHECK(options.scripts[0].kind == ScriptArgument::Kind::Statements);
    CHECK(options.scripts[1].kind == ScriptArgument::Kind::File);
    CHECK(options.scripts[1].text == "a.cypher");
    CHECK(options.scripts[2].text == "RETURN 2");
    CHECK(options.format == newsgraph::OutputFormat::Json);
    REQUIRE(options.parameters.size() == 1);
    CHECK(options.parameters[0].name == "who");
    CHECK(options.parameters[0].literal == "'APT31'");
    CHECK(options.timing);
    CHECK(options.continueOnError);
    CHECK(options.loadOptions.strict);
    CHECK(options.loads == std::vector<std::string>{"nodes:x.csv"});
}

TEST_CASE("the seed dataset loads unless --load or --empty", "[cli][options]") {
    CHECK(parseCliOptions({}).loads == std::vector<std::string>{newsgraph::seedDatasetSpec()});
    CHECK(parseCliOptions({"--empty"}).loads.empty());
}

TEST_CASE("bad command lines are usage errors", "[cli][options]") {
    CHECK_THROWS_AS(parseCliOptions({"--format", "xml"}), UsageError);
    CHECK_THROWS_AS(parseCliOptions({"--format"}), UsageError);
    CHECK_THROWS_AS(parseCliOptions({"-e"}), UsageError);
    CHECK_THROWS_AS(parseCliOptions({"--param", "noequals"}), UsageError);
    CHECK_THROWS_AS(parseCliOptions({"--param", "1x=1"}), UsageError);
    CHECK_THROWS_AS(parseCliOptions({"--param", "=1"}), UsageError);
    CHECK_THROWS_AS(parseCliOptions({"--bogus"}), UsageError);
    CHECK_THROWS_WITH(parseCliOptions({"--format", "xml"}), Catch::Contains("unknown format 'xml'"));
}
