#!/usr/bin/env bash
# Log grouping accuracy of `vantage analyze logs` on the loghub 2k samples, scored as in the loghub
# benchmark (logs-accuracy.py), with leave-one-out figures beside the plain ones.
#
# Each system is mined twice: the raw log (headers included, so header stripping counts) and the
# ground-truth Content column alone, one message per line (how unseen systems are checked).
# The miner's one tunable setting (--variable-values) is run over a grid; leave-one-out chooses it on
# three systems and scores the fourth with it (logs-leave-one-out.py). "plain" is the shipped default.
# usage: scripts/bench/logs-accuracy.sh [LOGHUB_DIR]   (default: ../shared/data/loghub)
# VANTAGE_BIN=path uses that binary instead of building the release one (accuracy does not depend on
# the build mode).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${1:-$root/../shared/data/loghub}
grid=${GRID:-1 2 3 4 5 6 7 8 10 12 16}
cd "$root"
if [ -n "${VANTAGE_BIN:-}" ]; then
  bin=$VANTAGE_BIN
else
  swift build -c release --product vantage >/dev/null
  bin=$(swift build -c release --show-bin-path)/vantage
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scores="$tmp/scores.tsv"
: >"$scores"
for system in HDFS Apache BGL Zookeeper; do
  structured="$data/$system/${system}_2k.log_structured.csv"
  python3 -c 'import csv,sys; [print(r["Content"]) for r in csv.DictReader(open(sys.argv[1], newline=""))]' \
    "$structured" >"$tmp/$system.content"
  for input in raw content; do
    file="$data/$system/${system}_2k.log"
    [ "$input" = content ] && file="$tmp/$system.content"
    for value in default $grid; do
      option=()
      [ "$value" = default ] || option=(--variable-values "$value")
      "$bin" analyze logs "$file" --assignments "${option[@]}" >"$tmp/out.csv"
      printf '%s\t%s\t%s\t%s\n' "$input" "$value" "$system" \
        "$(python3 "$root/scripts/bench/logs-accuracy.py" "$structured" "$tmp/out.csv")" >>"$scores"
    done
  done
done
python3 "$root/scripts/bench/logs-leave-one-out.py" "$scores"
