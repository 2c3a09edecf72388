"""Loads: reports, rejects, errors, and a real news load."""

import pytest

import newsgraph as ng
from conftest import DATASETS, shared


def test_seed_dataset(db):
    report = db.load("dataset", DATASETS / "czech-apt31", strict=True)
    assert isinstance(report, ng.LoadReport)
    assert report.rejected == 0 and report.rows > 0
    assert report.nodes_created == db.node_count
    assert "rows" in str(report)
    rows = db.execute("MATCH (a)<-[:BY]-(c:Claim {kind: 'attribution'})-[:TO]->(g) RETURN a.name, g.name").rows()
    assert rows == [("Czech government", "APT31")]


def test_rejects_are_reported(db, tmp_path):
    nodes = tmp_path / "people.csv"
    nodes.write_text("id:ID,name,born:date,:LABEL\np1,Ana,2001-02-03,Person\np2,Bo,not-a-date,Person\n")
    report = db.load(f"nodes:{nodes}")
    assert report.rejected == 1
    reject = report.rejects[0]
    assert reject.file.endswith("people.csv") and reject.line == 3 and "date" in reject.reason
    assert db.node_count == 1


def test_strict_load_fails_and_changes_nothing(db, tmp_path):
    db.execute("CREATE (:Kept)")
    nodes = tmp_path / "people.csv"
    nodes.write_text("id:ID,name,born:date,:LABEL\np1,Ana,2001-02-03,Person\np2,Bo,not-a-date,Person\n")
    with pytest.raises(ng.LoadError) as raised:
        db.load(f"nodes:{nodes}", strict=True)
    assert raised.value.file.endswith("people.csv") and raised.value.line == 3
    assert db.node_count == 1
    assert db.execute("MATCH (n) RETURN labels(n)").scalar() == ["Kept"]


def test_bad_specs(db, tmp_path):
    with pytest.raises(ng.LoadError, match="unknown format"):
        db.load("nosuchformat:/tmp/x")
    with pytest.raises(ng.LoadError):
        db.load(f"gdelt:{tmp_path / 'missing.CSV'}")
    assert db.node_count == 0
    assert ("gdelt" in dict(ng.formats())) and ("icews" in dict(ng.formats()))


def test_icews18_and_cameo():
    db = ng.Database()
    db.load("cameo", shared("cameo_lookups"))
    report = db.load("icews", shared("icews18_tkg/regcn_full/named"))
    assert report.rows > 100_000 and report.rejected == 0
    accusers = db.execute(
        "MATCH (a)-[e]->(c:Country {name: $c}) WHERE e.code STARTS WITH '112' "
        "RETURN a.name AS accuser, count(*) AS n ORDER BY n DESC, accuser LIMIT 5",
        {"c": "China"},
    ).df()
    assert list(accusers.columns) == ["accuser", "n"]
    assert len(accusers) == 5 and accusers["n"].dtype == "int64"
    assert accusers["n"].is_monotonic_decreasing
