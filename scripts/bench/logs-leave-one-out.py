#!/usr/bin/env python3
"""Leave-one-out over the labelled log systems, for scripts/bench/logs-accuracy.sh.

usage: logs-leave-one-out.py SCORES_TSV
  SCORES_TSV  rows "input<TAB>setting<TAB>system<TAB>accuracy"; setting "default" is the shipped one,
              the others are the grid of --variable-values.
For each input and each system, the setting with the best mean accuracy on the other systems is chosen
(ties: the smallest setting) and the held-out system is scored with it. Prints, per input, the plain
(shipped default) and the leave-one-out accuracy of each system and their means, and the setting the
same rule chooses on all systems, which should be the shipped default.
"""
import sys
from collections import defaultdict


def choose(scores, systems, grid):
    def mean(setting):
        return sum(scores[setting][s] for s in systems) / len(systems)
    return max(grid, key=lambda g: (round(mean(g), 9), -g))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    table = defaultdict(lambda: defaultdict(dict))
    for row in open(sys.argv[1]):
        inp, setting, system, acc = row.rstrip("\n").split("\t")
        table[inp][setting][system] = float(acc)
    for inp in table:
        scores = table[inp]
        systems = list(scores["default"])
        grid = sorted(int(g) for g in scores if g != "default")
        scores = {**{int(g): v for g, v in scores.items() if g != "default"}, "default": scores["default"]}
        print(f"input: {inp} ({'raw log lines' if inp == 'raw' else 'Content column only'})")
        print(f"  {'system':<10} {'plain':>6} {'leave-one-out':>14}  (setting chosen on the other three)")
        plain, loo = [], []
        for held in systems:
            rest = [s for s in systems if s != held]
            g = choose(scores, rest, grid)
            plain.append(scores["default"][held])
            loo.append(scores[g][held])
            print(f"  {held:<10} {plain[-1]:>6.4f} {loo[-1]:>14.4f}  (--variable-values {g})")
        print(f"  {'mean':<10} {sum(plain) / len(plain):>6.4f} {sum(loo) / len(loo):>14.4f}")
        print(f"  chosen on all {len(systems)}: --variable-values {choose(scores, systems, grid)}")
        print("  grid:", "  ".join(f"{g}:{sum(scores[g].values()) / len(systems):.4f}" for g in grid))


if __name__ == "__main__":
    main()
