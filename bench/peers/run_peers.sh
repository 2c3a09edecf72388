#!/usr/bin/env bash
# Runs one suite on newsgraph, Kùzu, DuckDB and SQLite over the same graph and compares them
# (bench/README.md). Not part of CI: it installs npm packages into bench/peers/node_modules.
#
#   bench/peers/run_peers.sh BUILD_DIR DATA_DIR SUITE [NEWSGRAPH_LOAD] [-- extra runner options]
#
# BUILD_DIR  a Release build with the bench targets (query_bench, baseline)
# DATA_DIR   actors.csv + events.csv + manifest.txt (gen_events or export_native)
# SUITE      bench/suites/*.bench; its -PARAM lines give every system the same parameters
# NEWSGRAPH_LOAD  what newsgraph loads (default dataset:DATA_DIR; icews:PATH for the real files)
# Environment: RUNS (5), WARMUP (2), LOAD_RUNS (3), MAX_SECONDS (10: a statement slower than that
# runs once), OUT (a results folder),
# SYSTEMS ("newsgraph baseline kuzu duckdb sqlite"), BASELINE_ACTOR (the Q5 actor).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -lt 3 ]]; then
  sed -n '2,15p' "$0" >&2
  exit 2
fi
build=$1 data=$2 suite=$3 load=${4:-dataset:$2}
runs=${RUNS:-5} warmup=${WARMUP:-2} load_runs=${LOAD_RUNS:-3} max_seconds=${MAX_SECONDS:-10}
systems=${SYSTEMS:-"newsgraph baseline kuzu duckdb sqlite"}
out=${OUT:-$(mktemp -d /tmp/newsgraph-peers.XXXXXX)}
mkdir -p "$out"
for file in actors.csv events.csv; do
  [[ -f $data/$file ]] || { echo "run_peers: no $data/$file" >&2; exit 2; }
done
[[ -f $suite ]] || { echo "run_peers: no suite $suite" >&2; exit 2; }
[[ -x $build/bench/query_bench ]] || { echo "run_peers: no $build/bench/query_bench (build the bench targets)" >&2; exit 2; }

if [[ ! -d $here/node_modules/kuzu || ! -d $here/node_modules/@duckdb/node-api ]]; then
  command -v npm >/dev/null || { echo "run_peers: needs node and npm (apt-get install -y nodejs npm)" >&2; exit 2; }
  (cd "$here" && npm install --no-audit --no-fund)
fi

echo "machine: $(nproc) x $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/{print $2}') GiB RAM" | tee "$out/machine.txt"
common=(--runs "$runs" --warmup "$warmup" --load-runs "$load_runs" --max-seconds "$max_seconds")
peers=()
for system in $systems; do
  echo "== $system (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/machine.txt"
  case $system in
    newsgraph)
      "$build/bench/query_bench" --load "$load" --suite "$suite" "${common[@]}" --json "$out/newsgraph.json" \
        | tee "$out/newsgraph.txt" || true ;;
    baseline)
      actor=${BASELINE_ACTOR:-$(sed -n "/^-NAME Q5/,/^-STATEMENT/s/^-PARAM who '\(.*\)'$/\1/p" "$suite" | tail -1)}
      "$build/bench/baseline" --load "$load" --actor "$actor" --direction out --runs "$runs" --warmup "$warmup" \
        | tee "$out/baseline.txt" ;;
    kuzu | duckdb)
      node "$here/peers.mjs" --system "$system" --data "$data" --suite "$suite" "${common[@]}" --json "$out/$system.json"
      peers+=("$out/$system.json") ;;
    sqlite)
      python3 "$here/sqlite_peer.py" --data "$data" --suite "$suite" "${common[@]}" --json "$out/sqlite.json"
      peers+=("$out/sqlite.json") ;;
    *) echo "run_peers: unknown system $system" >&2; exit 2 ;;
  esac
done
baseline=()
[[ -f $out/baseline.txt ]] && baseline=(--baseline "$out/baseline.txt")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
python3 "$here/compare.py" "$out/newsgraph.json" "${peers[@]}" "${baseline[@]}" | tee "$out/comparison.md"
echo "results in $out"
