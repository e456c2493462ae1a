#!/bin/sh
# Prints what monitoring /proc costs, on the release binary:
#   - µs (wall and CPU) per sampling tick, every process read, the projects under ROOT attributed;
#   - the Monitor actor's CPU share over SECONDS at a 1 s refresh (target: ≤ 0.5 % of a core
#     for the whole of Vantage at idle, so the monitor alone must stay well below it).
# Usage: scripts/bench/proc-sample.sh [ROOT] [SECONDS]   (defaults: examples, 30)
set -eu
cd "$(dirname "$0")/../.."
ROOT="${1:-examples}"
SECONDS_TO_RUN="${2:-30}"
[ -d "$ROOT" ] || ROOT=.
swift build -c release --product vantage >/dev/null
BIN="$(swift build -c release --show-bin-path)/vantage"
"$BIN" bench monitor --root "$ROOT" --ticks 500 --seconds "$SECONDS_TO_RUN" --refresh 1
