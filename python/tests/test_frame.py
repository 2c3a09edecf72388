"""Results as pandas DataFrames and networkx graphs."""

import datetime
import time

import numpy as np
import pandas as pd

import newsgraph as ng
from conftest import SANITIZED


def test_dtypes(db):
    frame = db.execute(
        "UNWIND [1, 2, 3] AS i RETURN i, "
        "CASE WHEN i = 2 THEN null ELSE i * 10 END AS maybe, "
        "i / 2.0 AS f, CASE WHEN i = 2 THEN null ELSE i / 2.0 END AS fnull, "
        "i > 1 AS b, CASE WHEN i = 2 THEN null ELSE i > 1 END AS bnull, "
        "'s' + toString(i) AS s, "
        "date('2025-05-27') + duration({days: i}) AS d, "
        "CASE WHEN i = 2 THEN null ELSE localdatetime('2025-05-28T10:00') END AS ldt, "
        "datetime('2025-05-28T10:00+02:00') AS dt, [i] AS l"
    ).df()
    assert list(frame.columns) == ["i", "maybe", "f", "fnull", "b", "bnull", "s", "d", "ldt", "dt", "l"]
    assert frame["i"].dtype == np.int64 and frame["i"].tolist() == [1, 2, 3]
    assert frame["maybe"].dtype == pd.Int64Dtype()
    assert frame["maybe"].isna().tolist() == [False, True, False] and frame["maybe"][2] == 30
    assert frame["f"].dtype == np.float64 and np.isnan(frame["fnull"][1])
    assert frame["b"].dtype == np.bool_ and frame["bnull"].dtype == pd.BooleanDtype()
    assert frame["s"].tolist() == ["s1", "s2", "s3"]
    assert frame["d"].dtype == "datetime64[ns]"
    assert frame["d"][0] == pd.Timestamp("2025-05-28")
    assert frame["ldt"].isna().tolist() == [False, True, False]
    assert str(frame["dt"].dtype) == "datetime64[ns, UTC]"
    assert frame["dt"][0] == pd.Timestamp("2025-05-28T08:00Z")
    assert frame["l"].tolist() == [[1], [2], [3]]


def test_mixed_and_empty_columns(db):
    frame = db.execute("UNWIND [1, 'a', null] AS v RETURN v").df()
    assert frame["v"].dtype == object and frame["v"].tolist() == [1, "a", None]
    empty = db.execute("MATCH (n:Nothing) RETURN n.name AS name, count(*) AS c").df()
    assert list(empty.columns) == ["name", "c"]
    none = db.execute("MATCH (n:Nothing) RETURN n").df()
    assert len(none) == 0 and list(none.columns) == ["n"]
    old = db.execute("RETURN date('1500-01-01') AS d").df()
    assert old["d"][0] == datetime.date(1500, 1, 1)


def test_nodes_in_a_frame(db):
    db.execute("CREATE (:Country {name: 'Czechia'})")
    frame = db.execute("MATCH (c) RETURN c").df()
    assert isinstance(frame["c"][0], ng.Node) and frame["c"][0]["name"] == "Czechia"


def test_networkx(db):
    db.execute(
        "CREATE (cz:Country {name: 'Czechia'}), (cn:Country {name: 'China'}), (g:ThreatGroup {name: 'APT31'}), "
        "(cz)-[:ACCUSE {date: date('2025-05-28')}]->(cn), (cz)-[:ATTRIBUTE]->(g), (g)-[:ASSOCIATED_WITH]->(cn)"
    )
    graph = db.execute("MATCH (a:Country {name: 'Czechia'})-[r]->(b) RETURN r").to_networkx()
    assert graph.number_of_nodes() == 3 and graph.number_of_edges() == 2
    names = {data["name"]: node for node, data in graph.nodes(data=True)}
    assert set(names) == {"Czechia", "China", "APT31"}
    assert graph.nodes[names["APT31"]]["labels"] == ["ThreatGroup"]
    (key, data), = graph.get_edge_data(names["Czechia"], names["China"]).items()
    assert data == {"type": "ACCUSE", "date": datetime.date(2025, 5, 28)}
    paths = db.execute("MATCH p = (:Country {name: 'Czechia'})-[*2]->(:Country) RETURN p").to_networkx()
    assert sorted(d["type"] for _, _, d in paths.edges(data=True)) == ["ASSOCIATED_WITH", "ATTRIBUTE"]
    nested = db.execute("MATCH (a)-[r]->(b) RETURN collect({from: a, to: b}) AS pairs").to_networkx()
    assert nested.number_of_nodes() == 3 and nested.number_of_edges() == 0


def test_million_rows_to_a_frame(db):
    rows = 100_000 if SANITIZED else 1_000_000
    start = time.perf_counter()
    result = db.execute(
        f"UNWIND range(1, {rows}) AS i "
        "RETURN i, i * 0.5 AS half, 'actor_' + toString(i % 1000) AS actor, "
        "date('2020-01-01') + duration({days: i % 2000}) AS day"
    )
    executed = time.perf_counter()
    frame = result.df()
    framed = time.perf_counter()
    assert len(frame) == rows
    assert frame["i"].dtype == np.int64 and frame["i"].sum() == rows * (rows + 1) // 2
    assert frame["day"].dtype == "datetime64[ns]" and frame["actor"][999] == "actor_0"
    print(f"\n{rows} rows: execute {executed - start:.3f} s, df() {framed - executed:.3f} s")
