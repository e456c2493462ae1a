#!/bin/sh
# Benchmark: import all of the shared OSV data into a fresh SQLite database, then match 1,000
# dependencies against it. Prints import time (target < 2 s) and match time (target < 200 ms).
# Usage: scripts/bench/deps-osv.sh [OSV_DIR]   (builds the release binary first)
set -eu
cd "$(dirname "$0")/../.."
OSV_DIR="${1:-/work/shared/data/osv}"
LOG="${TMPDIR:-/tmp}/vantage-deps-bench-build.log"
if ! swift build -c release --product vantage >"$LOG" 2>&1; then
    grep -E "error" "$LOG" | head -20
    echo "release build failed; see $LOG" >&2
    exit 1
fi
"$(swift build -c release --show-bin-path)/vantage" deps bench-osv "$OSV_DIR" --count 1000 --rounds 3
