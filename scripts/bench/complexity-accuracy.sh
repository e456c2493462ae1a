#!/usr/bin/env bash
# CCN agreement of `vantage analyze quality --csv` with lizard 1.24.3 on real open-source code,
# per language, keyed by (file, start line); Python cognitive complexity against complexipy.
# Usage: scripts/bench/complexity-accuracy.sh [languages, e.g. python,swift]   (SHOW_DIFFS=N lists disagreements)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
command -v lizard >/dev/null || pip install --quiet lizard==1.24.3
lizard --version 2>/dev/null | grep -q '^1.24.3' || pip install --quiet lizard==1.24.3
"$ROOT/scripts/bench/complexity-corpus.sh" >/dev/null
# SCRATCH_PATH: build in another folder than .build (e.g. while a debug build or test run holds .build).
SCRATCH=()
[ -n "${SCRATCH_PATH:-}" ] && SCRATCH=(--scratch-path "$SCRATCH_PATH")
swift build -c release --product vantage "${SCRATCH[@]}" >/dev/null
BIN="$(swift build -c release "${SCRATCH[@]}" --show-bin-path)/vantage"
python3 "$ROOT/scripts/bench/complexity_compare.py" "$BIN" "$ROOT/.bench-cache/complexity-corpus" "${1:-python,swift,c,java,javascript,rust,go}"
