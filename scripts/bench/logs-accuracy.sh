#!/usr/bin/env bash
# Log grouping accuracy of `vantage analyze logs` (one default configuration) on the loghub
# 2k samples, scored as in the loghub benchmark. Prints the accuracy per system and the mean.
# usage: scripts/bench/logs-accuracy.sh [LOGHUB_DIR]   (default: ../shared/data/loghub)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/data/loghub}
cd "$root"
swift build -c release --product vantage >/dev/null
bin=$(swift build -c release --show-bin-path)/vantage
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sum=0
n=0
for system in HDFS Apache BGL Zookeeper; do
  "$bin" analyze logs "$data/$system/${system}_2k.log" --assignments >"$tmp/$system.csv"
  acc=$(python3 "$root/scripts/bench/logs-accuracy.py" "$data/$system/${system}_2k.log_structured.csv" "$tmp/$system.csv")
  printf '%-10s %s\n' "$system" "$acc"
  sum=$(python3 -c "print($sum + $acc)")
  n=$((n + 1))
done
python3 -c "print(f\"{'mean':<10} {$sum / $n:.4f}   (tuned Drain: 0.9816)\")"
