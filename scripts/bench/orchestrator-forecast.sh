#!/usr/bin/env bash
# Forecast benchmark: Holt double exponential smoothing against the naive last-value forecast, scored
# by MASE (rolling origin, 20 steps ahead = 5 s at the 0.25 s sampling) on series recorded from real
# processes on this machine (scripts/bench/orchestrator-series, re-record with
# orchestrator-record-series.py). Target: MASE < 0.9.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift test --filter 'ForecastTests' 2>&1 | grep -E "forecast MASE|passed|failed" | grep -v "^Test Suite" | sed -E 's/^.*(forecast MASE)/\1/'
