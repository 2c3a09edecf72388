"""Many threads on one Database, and Ctrl-C."""

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import newsgraph as ng
from conftest import SANITIZED

QUERIES = [
    "MATCH (a:Person)-[:KNOWS]->(b) RETURN count(*)",
    "MATCH (a:Person)-[:KNOWS*1..2]->(b) RETURN count(DISTINCT b)",
    "MATCH (a:Person) RETURN a.group AS g, count(*) AS n ORDER BY g",
    "MATCH (a:Person)-[:KNOWS]->(b)-[:KNOWS]->(c) WHERE a.group = c.group RETURN count(*)",
]


# Under the sanitizers the pairwise MATCH that makes the graph is 20 times slower: a smaller graph.
PEOPLE = 400 if SANITIZED else 2000


@pytest.fixture(scope="module")
def people():
    db = ng.Database()
    db.execute(f"UNWIND range(0, {PEOPLE - 1}) AS i CREATE (:Person {{id: i, group: i % 7}})")
    db.execute(
        f"MATCH (a:Person), (b:Person) WHERE b.id = (a.id * 7 + 3) % {PEOPLE} OR b.id = (a.id + 1) % {PEOPLE} "
        "CREATE (a)-[:KNOWS]->(b)"
    )
    return db


def test_concurrent_reads_answer_as_one_thread(people):
    expected = {q: people.execute(q).rows() for q in QUERIES}
    rounds = 5 if SANITIZED else 40

    def run(index):
        query = QUERIES[index % len(QUERIES)]
        return query, people.execute(query).rows()

    with ThreadPoolExecutor(max_workers=8) as pool:
        for query, rows in pool.map(run, range(rounds * len(QUERIES))):
            assert rows == expected[query]


def test_reads_run_in_parallel_with_the_gil_released(people):
    # A slow statement on one thread does not stop another thread's Python code.
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.005)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        rows = 200_000 if SANITIZED else 3_000_000
        people.execute(f"UNWIND range(1, {rows}) AS x WITH x WHERE x % 3 = 0 RETURN count(*)")
    finally:
        stop.set()
        ticker.join()
    assert len(ticks) > 5


def test_writes_are_serialized():
    db = ng.Database()
    db.execute("CREATE (:Counter {n: 0})")
    per_thread = 10 if SANITIZED else 50

    def bump(_):
        for _ in range(per_thread):
            db.execute("MATCH (c:Counter) SET c.n = c.n + 1")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(bump, range(4)))
    assert db.execute("MATCH (c:Counter) RETURN c.n").scalar() == 4 * per_thread


def test_reads_see_a_snapshot_while_a_load_runs(tmp_path):
    db = ng.Database()
    nodes = tmp_path / "n.csv"
    nodes.write_text("id:ID,:LABEL\n" + "".join(f"n{i},N\n" for i in range(20000)))
    counts = []
    loader = threading.Thread(target=lambda: db.load(f"nodes:{nodes}"))
    loader.start()
    while loader.is_alive():
        counts.append(db.execute("MATCH (n:N) RETURN count(*)").scalar())
    loader.join()
    assert set(counts) <= {0, 20000}
    assert db.execute("MATCH (n:N) RETURN count(*)").scalar() == 20000


def test_ctrl_c_cancels_the_statement(people):
    before = people.execute("MATCH (n) RETURN count(*)").scalar()
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    start = time.perf_counter()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        people.execute(
            "UNWIND range(1, 1000000) AS x UNWIND range(1, 1000000) AS y "
            "CREATE (:Junk {x: x}) RETURN count(*)"
        )
    elapsed = time.perf_counter() - start
    timer.join()
    assert elapsed < (10 if SANITIZED else 1.5)
    assert people.execute("MATCH (n) RETURN count(*)").scalar() == before
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def _big_nodes_file(tmp_path, rows):
    nodes = tmp_path / "many.csv"
    nodes.write_text("id:ID,name,:LABEL\n" + "".join(f"n{i},name {i},N\n" for i in range(rows)))
    return nodes


def test_load_timeout_and_ctrl_c_change_nothing(tmp_path):
    db = ng.Database()
    db.execute("CREATE (:Kept)")
    nodes = _big_nodes_file(tmp_path, 100_000 if SANITIZED else 1_000_000)
    with pytest.raises(ng.LoadError, match="timeout of 20 ms"):
        db.load(f"nodes:{nodes}", timeout=0.02)
    assert db.node_count == 1
    timer = threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        db.load(f"nodes:{nodes}")
        time.sleep(5)  # the load was too quick to be interrupted: the signal lands here instead
    timer.join()
    assert db.node_count == 1
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
