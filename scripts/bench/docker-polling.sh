#!/usr/bin/env bash
# What polling costs the Docker engine: twenty running containers, a 1 s refresh. Measures the CPU
# of dockerd (and its containerd) while nothing polls, while Vantage polls, and while a
# `docker stats --no-stream` loop runs once a second; and Vantage's own CPU.
#   scripts/bench/docker-polling.sh [SECONDS]     (as root; starts a private engine if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${1:-30}
out=$(BASE=/tmp/vantage-docker SKIP_SMOKE=1 bash scripts/docker-engine.sh start)
export DOCKER_HOST=$(echo "$out" | sed -n 's/^DOCKER_HOST=//p' | tail -1)
swift build -c release --product vantage >/dev/null
bin=$(swift build -c release --show-bin-path)/vantage
pid=$(cat /tmp/vantage-docker/engine/dockerd.pid)
engine_cpu() {  # dockerd + its containerd, in clock ticks
  local total=0
  for p in $pid $(pgrep -P "$pid" containerd || true); do
    total=$((total + $(awk '{print $14 + $15}' /proc/$p/stat)))
  done
  echo $total
}
measure() {  # label, then a command to run in the background during the phase
  local label=$1; shift
  local bg=""
  if [ $# -gt 0 ]; then "$@" >/dev/null 2>&1 & bg=$!; fi
  sleep 1
  local t0 c0; t0=$(date +%s.%N); c0=$(engine_cpu)
  sleep "$SECONDS_PER_PHASE"
  local c1 t1; c1=$(engine_cpu); t1=$(date +%s.%N)
  if [ -n "$bg" ]; then kill "$bg" 2>/dev/null || true; wait "$bg" 2>/dev/null || true; fi
  awk -v c=$((c1 - c0)) -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" -v l="$label" \
    'BEGIN { printf "%s: dockerd CPU %.2f %% of a core\n", l, c / hz / (b - a) * 100 }'
}
ids=()
echo "starting 20 containers"
for i in $(seq 1 20); do
  ids+=("$(docker run -d --pull=never --network none --label vantage.bench=1 localhost/busybox:latest sh -c 'while :; do sleep 1; done')")
done
trap 'docker rm -f "${ids[@]}" >/dev/null 2>&1 || true' EXIT
stats_loop() { while :; do docker stats --no-stream >/dev/null 2>&1; sleep 1; done; }
measure "idle (nothing polls)" | tee /tmp/vantage-bench-idle
measure "vantage polling" "$bin" bench docker --seconds "$((SECONDS_PER_PHASE + 2))" | tee /tmp/vantage-bench-vantage
measure "docker stats loop" stats_loop | tee /tmp/vantage-bench-stats
echo "Vantage's own CPU while polling 20 containers:"
"$bin" bench docker --seconds 10 | sed 's/^/  /'
idle=$(awk '{print $(NF-4)}' /tmp/vantage-bench-idle)
v=$(awk '{print $(NF-4)}' /tmp/vantage-bench-vantage)
s=$(awk '{print $(NF-4)}' /tmp/vantage-bench-stats)
awk -v i="$idle" -v v="$v" -v s="$s" 'BEGIN {
  dv = v - i; ds = s - i; if (dv < 0) dv = 0
  printf "engine CPU caused: vantage %.2f %%, docker stats %.2f %%, ratio %.3f (target <= 0.2)\n", dv, ds, (ds > 0 ? dv / ds : 0) }'
