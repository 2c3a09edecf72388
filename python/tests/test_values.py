"""Every value type, out of a result and in as a parameter."""

import datetime
import zoneinfo

import pytest

import newsgraph as ng


def one(db, query, parameters=None):
    return db.execute(query, parameters).scalar()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("RETURN null", None),
        ("RETURN true", True),
        ("RETURN 42", 42),
        ("RETURN -9223372036854775807 - 1", -(2**63)),
        ("RETURN 1.5", 1.5),
        ("RETURN 'Lipavský'", "Lipavský"),
        ("RETURN [1, 'a', null, [2]]", [1, "a", None, [2]]),
        ("RETURN {b: 1, a: [true]}", {"a": [True], "b": 1}),
        ("RETURN date('2025-05-28')", datetime.date(2025, 5, 28)),
        ("RETURN localtime('10:15:30.123456789')", datetime.time(10, 15, 30, 123456)),
        ("RETURN localdatetime('2025-05-28T10:15')", datetime.datetime(2025, 5, 28, 10, 15)),
    ],
)
def test_scalars(db, query, expected):
    value = one(db, query)
    assert value == expected
    assert type(value) is type(expected)


def test_time_with_offset(db):
    value = one(db, "RETURN time('10:15+02:00')")
    assert value == datetime.time(10, 15, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert value.utcoffset() == datetime.timedelta(hours=2)


def test_datetime_with_offset_and_zone(db):
    fixed = one(db, "RETURN datetime('2025-05-28T10:00-05:30')")
    assert fixed.utcoffset() == -datetime.timedelta(hours=5, minutes=30)
    assert fixed == datetime.datetime(2025, 5, 28, 15, 30, tzinfo=datetime.timezone.utc)
    named = one(db, "RETURN datetime('2025-05-28T10:00[Europe/Prague]')")
    assert named.tzinfo == zoneinfo.ZoneInfo("Europe/Prague")
    assert named.utcoffset() == datetime.timedelta(hours=2)


def test_datetime_in_an_overlap_keeps_its_offset(db):
    # 2025-10-26 02:30 happens twice in Prague; +01:00 is the second time (fold=1).
    value = one(db, "RETURN datetime('2025-10-26T02:30+01:00[Europe/Prague]')")
    assert value.fold == 1
    assert value.utcoffset() == datetime.timedelta(hours=1)


def test_duration(db):
    value = one(db, "RETURN duration('P1Y2M3DT4H5M6.5S')")
    assert value == ng.Duration(months=14, days=3, seconds=4 * 3600 + 5 * 60 + 6, nanoseconds=500_000_000)
    for text in ["P1Y2M3DT4H5M6.5S", "PT-1.999S", "PT0S", "P-1Y-2M", "P10DT0.000000001S"]:
        engine = one(db, f"RETURN toString(duration('{text}'))")
        assert str(one(db, f"RETURN duration('{text}')")) == engine
    assert one(db, "RETURN duration('P2DT3H')").to_timedelta() == datetime.timedelta(days=2, hours=3)
    with pytest.raises(ValueError):
        one(db, "RETURN duration('P1M')").to_timedelta()


def test_years_python_cannot_hold(db):
    with pytest.raises(ValueError, match="outside the years"):
        one(db, "RETURN date('-0044-03-15')")
    assert one(db, "RETURN toString(date('-0044-03-15'))") == "-0044-03-15"


def test_nodes_relationships_paths(db):
    db.execute(
        "CREATE (:Country:Actor {name: 'Czechia', code: 'CZE'})<-[:TARGETED {date: date('2025-05-28')}]-"
        "(:ThreatGroup {name: 'APT31'})"
    )
    a, r, b, p = db.execute("MATCH p = (a)-[r]->(b) RETURN a, r, b, p").rows()[0]
    assert isinstance(a, ng.Node) and a.labels == ["ThreatGroup"] and a["name"] == "APT31"
    assert b.labels == ["Actor", "Country"] and b.properties == {"code": "CZE", "name": "Czechia"}
    assert isinstance(r, ng.Relationship)
    assert (r.type, r.start, r.end) == ("TARGETED", a.id, b.id)
    assert r["date"] == datetime.date(2025, 5, 28) and r.get("absent") is None and a.get("name") == "APT31"
    assert isinstance(p, ng.Path) and len(p) == 1
    assert p.start == a and p.end == b and p.relationships == [r]
    assert {a, b} == {db.execute("MATCH (n) RETURN n").rows()[i][0] for i in range(2)}


@pytest.mark.parametrize(
    "value, literal",
    [
        (True, "true"),
        (7, "7"),
        (2**63 - 1, "9223372036854775807"),
        (0.25, "0.25"),
        ("x", "'x'"),
        ([1, 2], "[1, 2]"),
        ((1, "a"), "[1, 'a']"),
        ({"k": 1}, "{k: 1}"),
        (datetime.date(2025, 5, 28), "date('2025-05-28')"),
        (datetime.datetime(2025, 5, 28, 10, 0, 0, 250000), "localdatetime('2025-05-28T10:00:00.25')"),
        (datetime.datetime(2025, 5, 28, 10, 0, tzinfo=datetime.timezone.utc), "datetime('2025-05-28T10:00Z')"),
        (datetime.time(10, 0), "localtime('10:00')"),
        (datetime.time(10, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-3))), "time('10:00-03:00')"),
        (datetime.timedelta(days=1, microseconds=5), "duration('P1DT0.000005S')"),
        (ng.Duration(months=1, nanoseconds=1), "duration('P1MT0.000000001S')"),
    ],
)
def test_parameters_are_the_cypher_values(db, value, literal):
    assert one(db, f"RETURN $v = {literal}", {"v": value}) is True
    back = one(db, "RETURN $v", {"v": value})
    if isinstance(value, tuple):
        assert back == list(value)
    elif isinstance(value, datetime.timedelta):
        assert back == ng.Duration(days=1, nanoseconds=5000)
    else:
        assert back == value


def test_null_parameter(db):
    assert one(db, "RETURN $v IS NULL", {"v": None}) is True


def test_parameter_with_named_zone(db):
    value = datetime.datetime(2025, 3, 30, 12, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Prague"))
    assert one(db, "RETURN $v.timezone", {"v": value}) == "Europe/Prague"
    assert one(db, "RETURN $v.offset", {"v": value}) == "+02:00"


def test_parameters_filter_a_match(db):
    db.execute("UNWIND range(1, 5) AS i CREATE (:N {i: i, day: date('2025-01-01') + duration({days: i})})")
    count = one(db, "MATCH (n:N) WHERE n.day > $d AND n.i IN $ids RETURN count(*)",
                {"d": datetime.date(2025, 1, 3), "ids": [1, 4, 5]})
    assert count == 2


def test_bad_parameters(db):
    with pytest.raises(TypeError, match=r"\$v: a set"):
        db.execute("RETURN $v", {"v": {1, 2}})
    with pytest.raises(TypeError, match="map keys must be strings"):
        db.execute("RETURN $v", {"v": {1: 2}})
    with pytest.raises(ValueError, match="64-bit"):
        db.execute("RETURN $v", {"v": 2**64})
    with pytest.raises(TypeError):
        db.execute("RETURN $v", [1])
    with pytest.raises(ng.ParameterMissing) as missing:
        db.execute("RETURN $absent")
    assert missing.value.kind == "ParameterMissing"
