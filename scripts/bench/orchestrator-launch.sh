#!/usr/bin/env bash
# Launch benchmark: 12 quick servers (some preferring the same port) launched through the daemon and
# the CLI, timed from the `vantage launch --all` command to all ready; then `vantage stop --all`
# timed until it returns (it returns only when every process is gone and every port is free).
# Targets: launch <= 2 s, stop <= 1 s.  Usage: [LOAD=N] scripts/bench/orchestrator-launch.sh [runs]
# LOAD=N runs N busy loops (one per core is "a loaded machine") for the whole measurement.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
swift build -c release --product vantage >/dev/null
BIN="${VANTAGE_BIN:-$(swift build -c release --show-bin-path)/vantage}"
WORK=$(mktemp -d /tmp/vantage-bench.XXXXXX)
export VANTAGE_HOME="$WORK/home"
BASE=$(( (RANDOM % 2000) * 10 + 30000 ))
for i in $(seq 0 11); do
  mkdir -p "$WORK/root/srv$i"
  PORT=$(( BASE + (i < 4 ? 0 : i * 3) ))
  cat > "$WORK/root/srv$i/.vantage.toml" <<TOML
command = "python3 -S -c 'import os,socket,signal,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((\"127.0.0.1\", int(os.environ[\"PORT\"]))); s.listen(16); signal.signal(signal.SIGTERM, lambda *a: sys.exit(0)); [s.accept()[0].close() for _ in iter(int, 1)]'"
ports = [$PORT]
[readiness]
type = "tcp"
interval = 0.02
TOML
done
"$BIN" daemon --root "$WORK/root" >"$WORK/daemon.log" 2>&1 &
DAEMON=$!
LOADERS=""
for _ in $(seq "${LOAD:-0}"); do ( while :; do :; done ) & LOADERS="$LOADERS $!"; done
trap 'kill $DAEMON $LOADERS 2>/dev/null; wait $DAEMON 2>/dev/null; [ -n "${KEEP:-}" ] && cp -r "$WORK/home/logs" /tmp/bench-logs; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do "$BIN" ps >/dev/null 2>&1 && break; sleep 0.05; done
now() { date +%s.%N; }
for run in $(seq "$RUNS"); do
  t0=$(now)
  # --wait polls the daemon over its socket from inside the CLI: no process per poll competing
  # with the servers for the CPU.
  "$BIN" launch --all --wait >/dev/null
  t1=$(now)
  # When the last project became ready, from the supervisor's own timestamped notes (no polling lag).
  tr=$(python3 - "$VANTAGE_HOME/logs" "$t0" <<'PY'
import datetime, glob, sys
t0 = float(sys.argv[2]); last = 0.0
for f in glob.glob(sys.argv[1] + "/*.log"):
    for line in open(f):
        if "state running → ready" in line:
            t = datetime.datetime.fromisoformat(line.split(" ")[0].replace("Z", "+00:00")).timestamp()
            if t >= t0 - 1: last = max(last, t)
print(f"{last:.3f}")
PY
)
  PORTS=$("$BIN" ps --json | python3 -c 'import json,sys; print(" ".join(str(p) for x in json.load(sys.stdin) for p in x["ports"]))')
  t2=$(now)
  "$BIN" stop --all >/dev/null
  t3=$(now)
  python3 - "$PORTS" <<'PY'
import socket, sys
ports = [int(p) for p in sys.argv[1].split()]
assert len(set(ports)) == 12, f"12 distinct ports expected: {ports}"
for p in ports:
    s = socket.socket(socket.AF_INET6); s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try: s.bind(("::", p))
    except OSError: sys.exit(f"port {p} is still in use after stop")
    s.close()
PY
  printf 'run %d: launch 12 to all ready %.3f s (target <= 2 s; %.3f s until `launch --wait` returned); stop all, ports free %.3f s (target <= 1 s)\n' \
    "$run" "$(echo "$tr - $t0" | bc)" "$(echo "$t1 - $t0" | bc)" "$(echo "$t3 - $t2" | bc)"
done
