"""Errors raise the QueryError subclass of their kind, with position and caret."""

import time

import pytest

import newsgraph as ng
from conftest import DATASETS

# A trillion rows: runs for hours unless stopped.
RUNAWAY = "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y WITH x, y WHERE x % 7 = y RETURN count(*)"


@pytest.mark.parametrize(
    "query, cls, detail",
    [
        ("MATCH (n RETURN n", ng.SyntaxError, None),
        ("RETURN undefined_variable", ng.SyntaxError, "UndefinedVariable"),
        ("OPTIONAL MATCH (a:Nothing) CREATE (a)-[:R]->(:B)", ng.SemanticError, "InvalidArgumentType"),
        ("UNWIND ['a', 1] AS s RETURN s - 1", ng.TypeError, None),
        ("RETURN $missing", ng.ParameterMissing, None),
        ("CALL no.such.procedure()", ng.ProcedureError, None),
    ],
)
def test_kinds(db, query, cls, detail):
    with pytest.raises(cls) as raised:
        db.execute(query)
    error = raised.value
    assert isinstance(error, ng.QueryError) and isinstance(error, ng.Error)
    assert error.kind == cls.__name__
    if detail is not None:
        assert error.detail == detail


def test_position_and_caret(db):
    with pytest.raises(ng.SyntaxError) as raised:
        db.execute("MATCH (a)\nRETURN b")
    error = raised.value
    assert (error.line, error.column) == (2, 8)
    assert error.phase == "compile time"
    lines = str(error).splitlines()
    assert lines[0].startswith("SyntaxError:") and "(line 2, column 8)" in lines[0]
    assert lines[1] == "  RETURN b"
    assert lines[2] == "         ^"
    assert "line" not in error.reason


def test_runtime_error_leaves_the_graph_unchanged(db):
    db.execute("CREATE (:A {x: 1})")
    with pytest.raises(ng.QueryError):
        db.execute("MATCH (a:A) SET a.x = 2 WITH a RETURN a.x / 0")
    assert db.execute("MATCH (a:A) RETURN a.x").scalar() == 1


def test_constraint_error(db):
    db.execute("CREATE (:A)-[:R]->(:B)")
    with pytest.raises(ng.ConstraintVerificationFailed):
        db.execute("MATCH (a:A) DELETE a")
    assert db.node_count == 2


def test_unknown_rule_is_a_value_error(db):
    with pytest.raises(ValueError, match="unknown optimizer rule"):
        db.execute("RETURN 1", disabled_rules=["NoSuchRule"])


def test_timeout(db):
    start = time.perf_counter()
    with pytest.raises(ng.TimeoutError) as raised:
        db.execute(RUNAWAY, timeout=0.2)
    assert time.perf_counter() - start < 5
    assert raised.value.kind == "TimeoutError"
    assert db.execute("RETURN 1").scalar() == 1
    with pytest.raises(ValueError):
        db.execute("RETURN 1", timeout=0)


def test_notifications(seed):
    result = seed.execute("MATCH (a:Country) RETURN a.nmae LIMIT 1")
    assert any("nmae" in note and "name" in note for note in result.notifications)
    assert seed.execute("MATCH (a:Country) RETURN a.name LIMIT 1").notifications == []


def test_database_files_are_not_there_yet():
    with pytest.raises(NotImplementedError):
        ng.Database("events.ngdb")


@pytest.mark.skipif(not ng.memory_limits_enforced(), reason="the sanitizers' allocator is not counted")
def test_memory_limit(db):
    db.execute("UNWIND range(1, 2000) AS i CREATE (:A {name: 'actor ' + toString(i)})")
    with pytest.raises(ng.MemoryLimitError) as raised:
        db.execute("MATCH (a), (b) RETURN collect(a.name + b.name)", max_memory="64MB")
    assert raised.value.kind == "MemoryLimitError" and "64 MiB" in str(raised.value)
    with pytest.raises(ng.MemoryLimitError):
        db.load(f"dataset:{DATASETS / 'czech-apt31'}", max_memory=4096)
    assert db.node_count == 2000
    assert len(db.execute("MATCH (a), (b) RETURN a.name + b.name", max_memory="off")) == 4_000_000
    with pytest.raises(ValueError):
        db.execute("RETURN 1", max_memory="a lot")
