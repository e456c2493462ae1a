#!/usr/bin/env bash
# Lines per second of `vantage analyze quality` on one core (release build) over the
# complexity corpus (see complexity-corpus.sh). Prints the figure per language and overall.
# Usage: [SCRATCH_PATH=.build-release] scripts/bench/complexity-speed.sh [runs=3]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"
"$ROOT/scripts/bench/complexity-corpus.sh" >/dev/null
# SCRATCH_PATH: build in another folder than .build (e.g. while a debug build or test run holds .build).
SCRATCH=()
[ -n "${SCRATCH_PATH:-}" ] && SCRATCH=(--scratch-path "$SCRATCH_PATH")
swift build -c release --product vantage "${SCRATCH[@]}" >/dev/null
BIN="$(swift build -c release "${SCRATCH[@]}" --show-bin-path)/vantage"
CORPUS="$ROOT/.bench-cache/complexity-corpus"
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

best_time() {  # best CPU time (user+sys; the machine is shared, so wall time is noisy) of RUNS runs
  python3 - "$RUNS" "$@" <<'PY'
import resource, subprocess, sys
# getrusage gives the children's CPU time to the microsecond; os.times() counts 10 ms ticks,
# too coarse for runs of a tenth of a second.
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    d = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best = d if best is None else min(best, d)
print(f"{best:.4f}")
PY
}

measure() {  # measure LABEL ARGS...: lines/s per language and overall for one kind of run
  local label="$1"; shift
  local total_lines=0 total_time=0
  echo "== $label"
  for lang in python swift c java javascript rust go; do
    dir="$CORPUS/$lang"
    [ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] || continue
    lines=$(find "$dir" -type f -print0 | xargs -0 cat | wc -l)
    t=$(best_time $PIN "$BIN" analyze quality "$@" --all-directories "$dir")
    [ "$(echo "$t < 0.001" | bc -l)" = 1 ] && t=0.001  # an empty corpus
    printf "%-11s %9d lines  %7.3f s  %10.0f lines/s\n" "$lang" "$lines" "$t" "$(echo "$lines / $t" | bc -l)"
    total_lines=$((total_lines + lines))
    total_time=$(echo "$total_time + $t" | bc -l)
  done
  printf "%-11s %9d lines  %7.3f s  %10.0f lines/s (one core, CPU seconds incl. process start and reading files)\n" \
    "all" "$total_lines" "$total_time" "$(echo "$total_lines / $total_time" | bc -l)"
}

measure "lizard's columns (--csv): units, CCN, NLOC, tokens, parameters" --csv
measure "full analysis (default report): plus cognitive complexity, nesting, documentation, smells, duplicates" --top 5
