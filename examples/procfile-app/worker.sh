#!/bin/sh
# The Procfile's worker process: pretends to drain a queue every 5 seconds.
echo "procfile-app worker started"
n=0
while true; do
  n=$((n + 1))
  echo "worker: processed batch $n"
  sleep 5
done
