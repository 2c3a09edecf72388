#!/usr/bin/python3
"""Side by side: newsgraph's graph algorithms (bench/algo_bench) and python-igraph on ICEWS18.

    /usr/bin/python3 bench/igraph_compare.py [--bench build/algo/bench/algo_bench] [--runs 5] [--dir /tmp/algo_export] [--exact]

Runs algo_bench --export DIR, which times our algorithms and writes the simple edge list (one edge per
(source, target) pair, self-loops dropped: the graph our whole-graph algorithms run on) plus our
results. igraph then runs on exactly that edge list, timed the same way (a warm-up, then the median,
min and max of N runs), and the results are checked:
  pagerank      both with uniform redistribution of dangling rank; ours run to convergence (the
                20-iteration figure is timed separately), igraph's PRPACK solves exactly; |diff| <= 1e-6
  components    the same partition (weak and strong), hence the same counts
  betweenness   exact, on the one-week window graph (2018-01-01..07), relative diff <= 1e-9 (with
                --exact on the whole graph too: minutes on both sides)
  communities   both Louvain; partitions differ, so both modularities are shown (computed by igraph)
Needs the Debian package python3-igraph (hence /usr/bin/python3, which sees Debian's packages).
"""
import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

import igraph

DAMPING = 0.85  # AlgoConfig::damping, the default algo_bench uses
PAGERANK_TOLERANCE = 1e-6
BETWEENNESS_RELATIVE_TOLERANCE = 1e-9


def load_edges(path):
    with open(path) as handle:
        n = int(handle.readline())
        edges = [tuple(map(int, line.split("\t"))) for line in handle]
    return igraph.Graph(n=n, edges=edges, directed=True)


def read_values(path, kind=float):
    with open(path) as handle:
        return [kind(line) for line in handle]


def timed(runs, fn):
    result = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return result, (statistics.median(times), times[0], times[-1])


def canonical(labels):
    """Component labels renumbered by each component's smallest node, as newsgraph numbers them."""
    seen = {}
    return [seen.setdefault(label, len(seen)) for label in labels]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bench", default="build/algo/bench/algo_bench")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="/tmp/algo_export")
    parser.add_argument("--exact", action="store_true", help="also time exact betweenness on the whole graph")
    args = parser.parse_args()

    command = [args.bench, "--runs", str(args.runs), "--export", args.dir] + (["--exact"] if args.exact else [])
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)
    out = Path(args.dir)
    ours = {}
    for line in open(out / "timings.tsv"):
        name, median, low, high = line.rstrip("\n").split("\t")
        ours[name] = (float(median), float(low), float(high))

    graph = load_edges(out / "graph.tsv")
    window = load_edges(out / "window.tsv")
    undirected = graph.as_undirected(mode="collapse")
    source, target, hops = map(int, open(out / "path.txt").read().split())
    rows = []

    def row(label, our_name, igraph_times, agreement):
        rows.append((label, ours.get(our_name), igraph_times, agreement))

    rank, t = timed(args.runs, lambda: graph.pagerank(damping=DAMPING, directed=True))
    ours_rank = read_values(out / "pagerank.txt")
    diff = max(abs(a - b) for a, b in zip(rank, ours_rank))
    row("pagerank (ours: 20 iterations; igraph: PRPACK exact)", "pagerank (20 iterations)", t, "")
    row("pagerank (ours converged)", "pagerank (converged, tol 1e-15)", t,
        f"max |diff| {diff:.1e} {'OK' if diff <= PAGERANK_TOLERANCE else 'MISMATCH'}")

    for mode, name, file in (("weak", "weak components", "wcc.txt"), ("strong", "strong components", "scc.txt")):
        components, t = timed(args.runs, lambda: graph.connected_components(mode=mode))
        same = canonical(components.membership) == read_values(out / file, int)
        row(name, name, t, f"{len(components)} components, partition {'OK' if same else 'MISMATCH'}")

    degree, t = timed(args.runs, lambda: graph.degree(mode="out"))
    row("degree (out; igraph on pairs, ours counts relationships)", "degree (out)", t, "")

    between, t = timed(args.runs, lambda: window.betweenness(directed=True))
    ours_between = read_values(out / "betweenness_window.txt")
    worst = max(abs(a - b) / max(1.0, abs(b)) for a, b in zip(ours_between, between))
    row("betweenness exact, one-week window", "betweenness exact, one-week window", t,
        f"max rel diff {worst:.1e} {'OK' if worst <= BETWEENNESS_RELATIVE_TOLERANCE else 'MISMATCH'}")
    if args.exact:
        between, t = timed(1, lambda: graph.betweenness(directed=True))
        ours_between = read_values(out / "betweenness.txt")
        worst = max(abs(a - b) / max(1.0, abs(b)) for a, b in zip(ours_between, between))
        row("betweenness exact, whole graph (ours on 2 threads)", "betweenness exact (whole graph, 2 thr.)", t,
            f"max rel diff {worst:.1e} {'OK' if worst <= BETWEENNESS_RELATIVE_TOLERANCE else 'MISMATCH'}")

    louvain, t = timed(args.runs, lambda: undirected.community_multilevel())
    ours_q = undirected.modularity(read_values(out / "communities.txt", int))
    row("communities (Louvain)", "communities (Louvain)", t,
        f"Q ours {ours_q:.4f} ({max(read_values(out / 'communities.txt', int)) + 1}) "
        f"vs igraph {louvain.modularity:.4f} ({len(louvain)})")

    distance, t = timed(args.runs, lambda: graph.distances(source=source, target=target)[0][0])
    row("shortestPath", "shortestPath (bidirectional BFS)", t,
        f"{hops} vs {distance} hops {'OK' if hops == distance else 'MISMATCH'}")
    paths, t = timed(args.runs, lambda: graph.get_all_shortest_paths(source, to=target))
    row("allShortestPaths (igraph: node paths of the simple graph)", "allShortestPaths", t, f"igraph {len(paths)} paths")

    print(f"\n{'algorithm':<58} {'newsgraph ms (median/min/max)':>30} {'igraph ms (median/min/max)':>30}  agreement")
    for label, mine, theirs, agreement in rows:
        fmt = lambda t: "-" if t is None else f"{t[0]:9.2f} {t[1]:9.2f} {t[2]:9.2f}"
        print(f"{label:<58} {fmt(mine):>30} {fmt(theirs):>30}  {agreement}")
    return 1 if any("MISMATCH" in r[3] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
