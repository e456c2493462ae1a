#!/bin/sh
# Prints the terminal runtime's figures for a run of Vantage at 120x40 in a private tmux server:
# time to the first full frame, bytes of the first frame, and bytes written per refresh after it
# (measured by the runtime around each ncurses refresh, from /proc/thread-self/io), plus the
# process's CPU over the run.
#
# Usage: scripts/bench/tui-frames.sh [SECONDS] [VANTAGE ARGS...]
#   default: 30 seconds of `vantage render-check --tick 1` (a test screen redrawn once a second).
#   e.g.     scripts/bench/tui-frames.sh 30 --root examples     (the real dashboard, once wired)
# Build first: swift build -c release (falls back to the debug binary).
set -eu
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-30}
[ $# -gt 0 ] && shift
[ $# -eq 0 ] && set -- render-check --tick 1
BIN=$(swift build -c release --show-bin-path 2>/dev/null)/vantage
[ -x "$BIN" ] || BIN=$(swift build --show-bin-path)/vantage
[ -x "$BIN" ] || { echo "build vantage first (swift build -c release)"; exit 2; }
SOCK="vantage-bench-$$"
STATS=$(mktemp /tmp/vantage-stats.XXXXXX)
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -f "$STATS" "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"' EXIT
tmux -L "$SOCK" -f /dev/null new-session -d -s S -x 120 -y 40 \
  "env TERM=tmux-256color LANG=C.UTF-8 VANTAGE_STATS_FILE=$STATS $BIN $*; sleep 30"
sleep 1
PANE=$(tmux -L "$SOCK" display -p -t S '#{pane_pid}')
PID=$(pgrep -P "$PANE" | head -1)
TICKS=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
C0=$(cpu "$PID"); T0=$(date +%s.%N)
sleep "$SECONDS_TO_RUN"
C1=$(cpu "$PID"); T1=$(date +%s.%N)
RSS=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
tmux -L "$SOCK" send-keys -t S q
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -s "$STATS" ] && break; sleep 0.3; done
python3 - "$STATS" "$C0" "$C1" "$T0" "$T1" "$TICKS" "$RSS" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
c0, c1, t0, t1, hz, rss = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
print(f"time to first full frame   {s.get('firstFrameMilliseconds', float('nan')):.1f} ms from main() (RuntimeOptions.startedAt); {s.get('firstFrameSinceExecMilliseconds', float('nan')):.0f} ms from exec (10 ms granularity)")
print(f"first frame bytes          {s.get('firstFrameBytes')}")
avg = s.get('averageRefreshBytes')
print(f"bytes per refresh          {avg:.0f} average, {s['maxRefreshBytes']} max over {s['framesPainted'] - 1} refreshes" if avg is not None else "bytes per refresh          (no refresh after the first frame)")
print(f"CPU over {t1 - t0:.0f} s              {100 * (c1 - c0) / hz / (t1 - t0):.2f} % of a core")
print(f"RSS                        {rss / 1024:.1f} MB")
print(f"frames painted / unchanged {s['framesPainted']} / {s['unchangedFrames']}")
PY
