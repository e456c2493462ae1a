#!/usr/bin/env bash
# The daemon and an attached console side by side (issue 15's targets): event -> changed cell
# p50/p99 over the unix socket and over SSH on loopback while 12 projects each log 1,000 lines/s,
# the console's first full frame after attach, idle CPU of both, RSS/PSS/USS of both after
# MINUTES, and RSS growth over a SOAK-minute run. Each figure is printed on its own line.
# Usage: scripts/bench/daemon.sh [MINUTES=2] [SOAK_MINUTES=10] [IDLE_SECONDS=30] [CHANGES=40]
# VANTAGE_BIN=PATH measures that binary instead of the release build. Needs pyte (pip install
# pyte); the SSH figure needs openssh-server and openssh-client.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${VANTAGE_BIN:-}" ]; then
  swift build -c release --product vantage >/dev/null
  VANTAGE_BIN="$(swift build -c release --show-bin-path)/vantage"
fi
python3 -c 'import pyte' 2>/dev/null || python3 -m pip install -q pyte 2>/dev/null || python3 -m pip install -q --break-system-packages pyte
exec python3 scripts/bench/daemon.py --bin "$VANTAGE_BIN" --minutes "${1:-2}" --soak "${2:-10}" --idle "${3:-30}" --cycles "${4:-40}"
