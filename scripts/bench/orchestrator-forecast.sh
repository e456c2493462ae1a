#!/usr/bin/env bash
# Forecast benchmark: the forecaster (Holt double exponential smoothing, or a level-only model when a
# hold-out inside the history says the trend does not help) against the naive last-value forecast,
# out of sample on a rolling origin, 4 and 20 steps ahead (1 s and 5 s at the 0.25 s sampling), on
# series recorded from real processes on this machine (scripts/bench/orchestrator-series, re-record
# with orchestrator-record-series.py). Prints the error relative to naive (target < 0.9) and the
# Hyndman-Koehler MASE (in-sample one-step naive scale) of the model and of naive.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift test --filter 'ForecastTests' 2>&1 | grep -E "forecast MASE|passed|failed" | grep -v "^Test Suite" | sed -E 's/^.*(forecast MASE)/\1/'
