#!/usr/bin/env bash
# The daemon's HTTP API under load (issue 16's targets): GET /api/v1/projects and
# GET /api/v1/orchestration/resources/{id} with 12 running projects, wrk for SECONDS each
# (2 threads, 10 connections), then the daemon's RSS growth over both runs. Prints each figure on
# its own line (wrk's latency distribution: p50, p90, p99; requests per second).
# Usage: scripts/bench/api.sh [SECONDS=30]
# VANTAGE_BIN=PATH measures that binary instead of the release build. Needs wrk (Debian's package).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
if [ -z "${VANTAGE_BIN:-}" ]; then
  swift build -c release --product vantage >/dev/null
  VANTAGE_BIN="$(swift build -c release --show-bin-path)/vantage"
fi
work=$(mktemp -d /tmp/vantage-bench-api-XXXXXX)
daemon=
finish() { [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null; rm -rf "$work"; }
trap finish EXIT
mkdir -p "$work/home" "$work/projects"
for i in $(seq -w 1 12); do
  mkdir -p "$work/projects/svc$i"
  echo 'command = "sleep 100000"' > "$work/projects/svc$i/.vantage.toml"
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
VANTAGE_HOME="$work/home" "$VANTAGE_BIN" daemon --root "$work/projects" --listen "127.0.0.1:$port" --stop-timeout 2 >"$work/daemon.log" 2>&1 &
daemon=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.1; done
token=$(VANTAGE_HOME="$work/home" "$VANTAGE_BIN" api token)
for i in $(seq -w 1 12); do curl -sf -X POST -H "Authorization: Bearer $token" "$url/api/v1/orchestration/launch/svc$i" >/dev/null; done
rss() { awk '/VmRSS/ {print $2}' "/proc/$daemon/status"; }
rss_before=$(rss)
measure() {
  local label=$1 path=$2 out
  out=$(wrk -t2 -c10 -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url$path")
  echo "$label p50: $(echo "$out" | awk '$1 == "50%" {print $2}')"
  echo "$label p90: $(echo "$out" | awk '$1 == "90%" {print $2}')"
  echo "$label p99: $(echo "$out" | awk '$1 == "99%" {print $2}')"
  echo "$label requests/s: $(echo "$out" | awk '/Requests\/sec/ {print $2}')"
  echo "$label non-2xx: $(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0)"
}
measure "GET /api/v1/projects" /api/v1/projects
measure "GET /api/v1/orchestration/resources/svc01" /api/v1/orchestration/resources/svc01
rss_after=$(rss)
echo "daemon RSS before: $((rss_before / 1024)) MB, after: $((rss_after / 1024)) MB, growth: $(( (rss_after - rss_before) / 1024 )) MB"
