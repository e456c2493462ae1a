#!/usr/bin/env python3
"""Grouping accuracy as defined by the loghub benchmark (Zhu et al., ICSE-SEIP 2019).

A line counts as parsed correctly only if the predicted cluster it belongs to holds exactly the
same set of lines as its ground-truth event group.

usage: logs-accuracy.py STRUCTURED_CSV ASSIGNMENTS_CSV
  STRUCTURED_CSV   loghub's *_2k.log_structured.csv (columns LineId ... EventId)
  ASSIGNMENTS_CSV  `vantage analyze logs FILE --assignments` output (line,cluster,template)
Prints the accuracy as a number between 0 and 1.
"""
import csv
import sys
from collections import Counter, defaultdict


def grouping_accuracy(truth, predicted):
    truth_sizes = Counter(truth.values())
    members = defaultdict(list)
    for line, cluster in predicted.items():
        members[cluster].append(line)
    correct = 0
    for lines in members.values():
        events = {truth.get(line) for line in lines}
        if len(events) == 1:
            event = events.pop()
            if event is not None and truth_sizes[event] == len(lines):
                correct += len(lines)
    return correct / len(truth)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    with open(sys.argv[1], newline="") as f:
        truth = {int(r["LineId"]): r["EventId"] for r in csv.DictReader(f)}
    with open(sys.argv[2], newline="") as f:
        predicted = {int(r["line"]): r["cluster"] for r in csv.DictReader(f)}
    missing = set(truth) - set(predicted)
    if missing:
        sys.exit(f"{sys.argv[2]}: no assignment for {len(missing)} lines (first: {min(missing)})")
    print(f"{grouping_accuracy(truth, predicted):.4f}")


if __name__ == "__main__":
    main()
