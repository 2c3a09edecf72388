// The TCK runner's test procedures: built from a step's signature and table, then called.
#include <catch2/catch.hpp>

#include "query/database.hpp"
#include "tests/tck/tck_procedure.hpp"

namespace {

using newsgraph::tck::DataTable;
using newsgraph::tck::makeTckProcedure;

} // namespace

TEST_CASE("a TCK procedure yields the outputs of the table rows matching its arguments", "[tck][procedure]") {
    const DataTable table{{{"in", "out"}, {"42.0", "'close enough'"}, {"null", "'nix'"}, {"1", "'one'"}}};
    auto parse = makeTckProcedure("test.my.proc(in :: FLOAT?) :: (out :: STRING?)", table);
    REQUIRE(parse.procedure);
    CHECK(parse.procedure->signature().toString() == "test.my.proc(in :: FLOAT?) :: (out :: STRING?)");
    newsgraph::Database database;
    database.registerProcedure(parse.procedure);
    CHECK(database.execute("CALL test.my.proc(42)").rows.at(0).at(0) == newsgraph::Value("close enough"));
    CHECK(database.execute("CALL test.my.proc(null)").rows.at(0).at(0) == newsgraph::Value("nix"));
    CHECK(database.execute("CALL test.my.proc(7)").rows.empty());
}

TEST_CASE("a void TCK procedure has one empty table row", "[tck][procedure]") {
    auto parse = makeTckProcedure("test.doNothing() :: ()", DataTable{{{}}});
    REQUIRE(parse.procedure);
    CHECK(parse.procedure->signature().outputs.empty());
}

TEST_CASE("malformed TCK procedure declarations are reported, not thrown", "[tck][procedure]") {
    const DataTable one{{{"in", "out"}, {"1", "'x'"}}};
    CHECK(makeTckProcedure("test.my.proc(in :: INTEGER?)", one).error ==
          "malformed procedure signature: test.my.proc(in :: INTEGER?)");
    CHECK(makeTckProcedure("test.my.proc(in INTEGER?) :: (out :: STRING?)", one).error ==
          "a procedure field without '::': in INTEGER?");
    CHECK(makeTckProcedure("test.my.proc(in :: WHOLE?) :: (out :: STRING?)", one).error ==
          "unknown procedure field type: in :: WHOLE?");
    CHECK(makeTckProcedure("test.my.proc(in :: INTEGER?) :: (out :: STRING?)", DataTable{{{"in", "out"}, {"1"}}}).error ==
          "procedure table row 1 has the wrong number of cells");
    CHECK(makeTckProcedure("test.my.proc(in :: INTEGER?) :: (out :: STRING?)", DataTable{{{"in", "out"}, {"1", "'x"}}})
              .error.rfind("procedure table cell ''x': ", 0) == 0);
}
