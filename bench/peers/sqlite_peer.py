#!/usr/bin/env python3
"""Runs Q1-Q7 on SQLite (python3's sqlite3, in memory) the way peers.mjs runs Kùzu and DuckDB.

    sqlite_peer.py --data DIR --suite FILE [--runs N] [--warmup W] [--load-runs K] [--only Q1,Q4]
                   [--max-seconds S] [--json OUT]

The SQL is queries.mjs's, spelled for SQLite: dates are ISO text (compared as text), starts_with
is substr, and the load builds the indexes a row store needs for joins (event(src, date),
event(dst, date), actor(name)); their build time counts as load time.
"""
import argparse
import csv
import json
import os
import re
import resource
import sqlite3
import sys
import time

QUERIES = {
    "Q1": """SELECT verb, count(*) AS events FROM (
               SELECT e.type AS verb FROM actor a JOIN event e ON e.src = a.id
               WHERE a.name = :who AND e.date >= '2018-03-01' AND e.date < '2018-04-01'
               UNION ALL
               SELECT e.type AS verb FROM actor a JOIN event e ON e.dst = a.id AND e.src <> e.dst
               WHERE a.name = :who AND e.date >= '2018-03-01' AND e.date < '2018-04-01')
             GROUP BY verb ORDER BY events DESC, verb LIMIT 10""",
    "Q2": """SELECT a.name AS accuser, count(*) AS accusations
             FROM event e JOIN actor c ON e.dst = c.id JOIN actor a ON e.src = a.id
             WHERE c.name = :country AND (';' || c.labels || ';') LIKE '%;Country;%' AND substr(e.code, 1, 3) = '112'
               AND e.date >= '2018-01-01' AND e.date < '2019-01-01'
             GROUP BY a.id, a.name ORDER BY accusations DESC, accuser LIMIT 10""",
    "Q3": """SELECT count(DISTINCT e1.src) AS accusers
             FROM event e1 JOIN event e2 ON e1.dst = e2.src JOIN actor c ON e2.dst = c.id
             WHERE c.name = :country AND (';' || c.labels || ';') LIKE '%;Country;%'
               AND substr(e1.code, 1, 3) = '112' AND substr(e2.code, 1, 3) = '112' AND e1.rowid <> e2.rowid""",
    "Q4": "SELECT count(*) AS pairs FROM event e1 JOIN event e2 ON e1.dst = e2.src WHERE e1.date < e2.date",
    "Q5": """WITH RECURSIVE reach(node, depth) AS (
               SELECT id, 0 FROM actor WHERE name = :who
               UNION
               SELECT e.dst, r.depth + 1 FROM reach r JOIN event e ON e.src = r.node WHERE r.depth < 3)
             SELECT count(DISTINCT node) AS reached FROM reach WHERE depth >= 1""",
    "Q6": """WITH RECURSIVE bfs(node, depth) AS (
               SELECT id, 0 FROM actor WHERE name = :from
               UNION
               SELECT e.dst, bfs.depth + 1 FROM bfs JOIN event e ON e.src = bfs.node WHERE bfs.depth < 10
               UNION
               SELECT e.src, bfs.depth + 1 FROM bfs JOIN event e ON e.dst = bfs.node WHERE bfs.depth < 10)
             SELECT min(bfs.depth) AS hops FROM bfs JOIN actor t ON t.id = bfs.node
             WHERE t.name = :to AND bfs.depth >= 1""",
}


def suite_parameters(path):
    """The statements' names and string parameters, from the suite (bench/suite.hpp syntax)."""
    result, parameters, name = {}, {}, None
    with open(path, encoding="utf-8") as suite:
        for line in suite:
            line = line.rstrip("\r\n")
            if m := re.match(r"^-NAME\s+(\S+)", line):
                name = m.group(1)
            elif m := re.match(r"^-PARAM\s+(\w+)\s+'((?:[^'\\]|\\.)*)'\s*$", line):
                parameters = {**parameters, m.group(1): re.sub(r"\\(.)", r"\1", m.group(2))}
            elif line.startswith("-STATEMENT") and name:
                result[name] = parameters
                name = None
    return result


def render(value):
    if value is None:
        return "null"
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return str(value)


def stats(samples):
    s = sorted(samples)
    mid = len(s) // 2
    median = s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
    return {"median_ms": median, "min_ms": s[0], "max_ms": s[-1], "runs": len(s)}


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load(data):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE actor(id INTEGER PRIMARY KEY, labels TEXT, name TEXT, code TEXT, country TEXT)")
    db.execute("CREATE TABLE event(src INTEGER, dst INTEGER, type TEXT, code TEXT, base_code TEXT, root_code TEXT, date TEXT)")

    def rows(file):
        with open(os.path.join(data, file), newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            next(reader)
            for row in reader:
                yield [field if field != "" else None for field in row]

    db.executemany("INSERT INTO actor VALUES (?, ?, ?, ?, ?)", rows("actors.csv"))
    db.executemany("INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?)", rows("events.csv"))
    # (endpoint, date): the 2-hop join of Q4 then counts from the index alone.
    db.execute("CREATE INDEX event_src ON event(src, date)")
    db.execute("CREATE INDEX event_dst ON event(dst, date)")
    db.execute("CREATE INDEX actor_name ON actor(name)")
    db.commit()
    return db


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--suite", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--load-runs", type=int, default=3)
    parser.add_argument("--max-seconds", type=float, default=120)
    parser.add_argument("--only", default="")
    parser.add_argument("--json")
    args = parser.parse_args()
    for file in ("actors.csv", "events.csv"):
        if not os.path.exists(os.path.join(args.data, file)):
            parser.error(f"no {file} in {args.data}")
    if not os.path.exists(args.suite):
        parser.error(f"no suite {args.suite}")

    report = {"system": "sqlite", "version": sqlite3.sqlite_version, "data": args.data, "suite": args.suite, "queries": []}
    load_times = []
    db = None
    for _ in range(args.load_runs):
        db = None
        start = time.perf_counter()
        db = load(args.data)
        load_times.append((time.perf_counter() - start) * 1000)
    relationships = db.execute("SELECT count(*) FROM event").fetchone()[0]
    report["queries"].append({"query": "Q7 load", "status": "ok", "rows": relationships, **stats(load_times),
                              "peak_rss_mib": peak_rss_mib(), "answer": []})

    parameters = suite_parameters(args.suite)
    only = [name for name in args.only.split(",") if name]
    for name, sql in QUERIES.items():
        if only and name not in only:
            continue
        entry = {"query": name, "status": "ok", "rows": 0, "answer": []}
        try:
            samples = []
            for run in range(args.warmup + args.runs):
                start = time.perf_counter()
                rows = db.execute(sql, parameters.get(name, {})).fetchall()
                ms = (time.perf_counter() - start) * 1000
                if run == 0:
                    entry["answer"] = [" | ".join(render(v) for v in row) for row in rows]
                    entry["rows"] = len(rows)
                too_slow = ms > args.max_seconds * 1000
                if run >= args.warmup or too_slow:
                    samples.append(ms)
                if too_slow:
                    entry["detail"] = f"stopped after {run + 1} run(s): over --max-seconds"
                    break
            entry.update(stats(samples))
        except sqlite3.Error as error:
            entry["status"] = "ERROR"
            entry["detail"] = str(error)
        entry["peak_rss_mib"] = peak_rss_mib()
        print(f"sqlite {name}: {entry['status']} {entry.get('median_ms', 0):.3f} ms {' ; '.join(entry['answer'][:3])}",
              file=sys.stderr)
        report["queries"].append(entry)
    text = json.dumps(report) + "\n"
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
