#!/usr/bin/env bash
# Log mining speed of `vantage analyze logs` in a release build: the four loghub 2k samples
# replicated to at least 1 M lines, mined end to end (read, mine, print the clusters).
# Prints lines per second. usage: scripts/bench/logs-speed.sh [LOGHUB_DIR]
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
done
lines=$(wc -l <"$big")
best=0
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" analyze logs "$big" >/dev/null
  end=$(date +%s.%N)
  rate=$(python3 -c "print(int($lines / ($end - $start)))")
  [ "$rate" -gt "$best" ] && best=$rate
done
echo "lines: $lines"
echo "lines/s: $best (best of 3, one core, end to end)"
