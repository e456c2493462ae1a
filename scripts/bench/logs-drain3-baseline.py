#!/usr/bin/env python3
"""Baseline for scripts/bench/logs-accuracy.sh: Drain3 (pip install drain3==0.9.11) with its default
configuration, fed the same raw loghub lines, scored with the same grouping accuracy.

usage: logs-drain3-baseline.py [LOGHUB_DIR]   (default: ../shared/data/loghub from the repo root)
"""
import csv
import importlib.util
import os
import sys

from drain3 import TemplateMiner
from drain3.template_miner_config import TemplateMinerConfig

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("accuracy", os.path.join(here, "logs-accuracy.py"))
accuracy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(accuracy)

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared", "data", "loghub")
total = 0.0
systems = ["HDFS", "Apache", "BGL", "Zookeeper"]
for system in systems:
    config = TemplateMinerConfig()
    config.profiling_enabled = False
    miner = TemplateMiner(config=config)
    with open(os.path.join(data, system, f"{system}_2k.log_structured.csv"), newline="") as f:
        truth = {int(r["LineId"]): r["EventId"] for r in csv.DictReader(f)}
    predicted = {}
    with open(os.path.join(data, system, f"{system}_2k.log"), errors="replace") as f:
        for number, line in enumerate(f, 1):
            predicted[number] = miner.add_log_message(line.rstrip("\n"))["cluster_id"]
    score = accuracy.grouping_accuracy(truth, predicted)
    total += score
    print(f"{system:<10} {score:.4f}")
print(f"{'mean':<10} {total / len(systems):.4f}   (Drain3 defaults, raw lines)")
