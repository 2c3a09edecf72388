#!/usr/bin/env python3
"""Puts the JSON reports of query_bench (newsgraph) and of the peers side by side.

    compare.py NEWSGRAPH.json PEER.json [PEER.json ...] [--baseline BASELINE.txt] [--markdown]

Checks that every system gave the same answer to every query (the rows as the suites write them)
and prints, per query, each system's median with min-max in milliseconds and the ratio
newsgraph / peer (below 1: newsgraph is faster). Exit status 1 when answers disagree.
"""
import argparse
import json
import re
import sys

QUERIES = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7 load"]


def by_query(report):
    return {entry["query"]: entry for entry in report["queries"]}


def cell(entry):
    if entry is None:
        return "-"
    if entry.get("status") in ("ERROR", "unsupported"):
        return entry["status"].lower()
    return f"{entry['median_ms']:.3f} ({entry['min_ms']:.3f}-{entry['max_ms']:.3f})"


def baseline_times(path):
    """Q4/Q5 medians and answers from baseline's table ("Q4 base  ANSWER  MEDIAN MIN MAX RUNS")."""
    result = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(Q\d) base\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", line)
            if m:
                result[m.group(1)] = {"answer": [m.group(2)], "median_ms": float(m.group(3)),
                                      "min_ms": float(m.group(4)), "max_ms": float(m.group(5)), "status": "ok"}
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("newsgraph")
    parser.add_argument("peers", nargs="*")
    parser.add_argument("--baseline")
    args = parser.parse_args()
    with open(args.newsgraph, encoding="utf-8") as f:
        ours = json.load(f)
    systems = [("newsgraph", by_query(ours))]
    for path in args.peers:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        systems.append((f"{report['system']} {report.get('version', '')}".strip(), by_query(report)))
    baseline = baseline_times(args.baseline) if args.baseline else {}

    header = ["query"] + [name for name, _ in systems]
    if baseline:
        header.append("baseline (C++)")
    header += [f"ng/{name.split()[0]}" for name, _ in systems[1:]]
    if baseline:
        header.append("ng/baseline")
    header.append("answers")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    disagreements = []
    # Q1-Q7 first, then every other statement the peers ran, in newsgraph's order.
    others = [name for name in systems[0][1] if name not in QUERIES and any(name in r for _, r in systems[1:])]
    for query in list(QUERIES) + others:
        entries = [results.get(query) for _, results in systems]
        if all(entry is None for entry in entries):
            continue
        row = [query] + [cell(entry) for entry in entries]
        if baseline:
            row.append(cell(baseline.get(query)))
        ours_entry = entries[0]
        ours_ok = ours_entry is not None and ours_entry.get("status") in ("ok", "unchecked")
        for entry in entries[1:]:
            peer_ok = entry is not None and entry.get("status") == "ok"
            row.append(f"{ours_entry['median_ms'] / entry['median_ms']:.2f}" if ours_ok and peer_ok and entry['median_ms'] > 0 else "-")
        if baseline:
            base = baseline.get(query)
            row.append(f"{ours_entry['median_ms'] / base['median_ms']:.2f}" if ours_ok and base else "-")
        # The answers: load rows are relationship counts, compared like answers.
        answers = {}
        for (name, _), entry in zip(systems, entries):
            if entry is not None and entry.get("status") in ("ok", "unchecked"):
                answer = [str(entry["rows"])] if query == "Q7 load" and name != "newsgraph" else entry.get("answer")
                if query != "Q7 load":
                    answers[name] = tuple(answer)
        if query in baseline and baseline[query]["answer"]:
            answers["baseline"] = tuple(baseline[query]["answer"])
        distinct = set(answers.values())
        if len(distinct) <= 1:
            row.append("same" if answers else "-")
        else:
            row.append("DIFFER")
            disagreements.append((query, answers))
        print("| " + " | ".join(row) + " |")
    rss = [f"{name}: {results['Q7 load']['peak_rss_mib']:.0f} MiB" for name, results in systems if "Q7 load" in results]
    print("\npeak RSS after load: " + ", ".join(rss))
    for query, answers in disagreements:
        print(f"\n{query}: the systems disagree", file=sys.stderr)
        for name, answer in answers.items():
            print(f"  {name}: {' ; '.join(answer[:5])}", file=sys.stderr)
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
