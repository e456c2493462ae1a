#!/usr/bin/env bash
# Log mining speed of `vantage analyze logs` in a release build: the four loghub 2k samples
# replicated to at least 1 M lines, mined end to end (read, mine, group, print the clusters).
# Prints lines per second of CPU time (user + system, one core: the miner is single-threaded), so
# that other work on the machine does not count, and the wall-clock rate beside it.
# usage: scripts/bench/logs-speed.sh [LOGHUB_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/data/loghub}
cd "$root"
swift build -c release --product vantage >/dev/null
bin=$(swift build -c release --show-bin-path)/vantage
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
big="$tmp/big.log"
: >"$big"
while [ "$(wc -l <"$big")" -lt 1000000 ]; do
  cat "$data"/{HDFS,Apache,BGL,Zookeeper}/*_2k.log >>"$big"
  echo >>"$big"   # three samples end without a newline
done
python3 - "$bin" "$big" <<'PY'
import resource, subprocess, sys, time
binary, log = sys.argv[1], sys.argv[2]
lines = sum(1 for _ in open(log, "rb"))
best_cpu = best_wall = 0
for run in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run([binary, "analyze", "logs", log], stdout=subprocess.DEVNULL, check=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best_cpu = max(best_cpu, int(lines / cpu))
    best_wall = max(best_wall, int(lines / wall))
print(f"lines: {lines}")
print(f"lines/s: {best_cpu} (best of 3, CPU time of one core, end to end)")
print(f"lines/s wall clock: {best_wall}")
PY
