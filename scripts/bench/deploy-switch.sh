#!/usr/bin/env bash
# Deploy switch (issue 17 §2): a reader loops on current/index.html while `current` is switched
# 2,000 times between two releases; prints the failed reads with rename(2) (the deploy's way,
# target 0) and with rm then ln (for comparison). Uses the release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product vantage >/dev/null
bin=$(swift build -c release --show-bin-path)/vantage
"$bin" bench deploy-switch --switches "${SWITCHES:-2000}"
