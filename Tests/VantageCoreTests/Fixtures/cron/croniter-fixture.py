#!/usr/bin/env python3
"""Writes croniter-next.json: 500 generated cron expressions, 20 start times in six zones (several
right before or inside a daylight-saving change, month and year ends, leap days), and the next 3
fire times croniter gives for each. CronExpressionCroniterTests compares VantageCore's reader with
this file, and with the script's fresh output when croniter is installed. Deterministic: the same
croniter gives the same file.

    python3 croniter-fixture.py > croniter-next.json     (pip install croniter==7.0.0)

The generator writes only what both readers define the same way (see docs/DECISIONS.md,
"cron expressions"): no equal ranges such as 5-5 (croniter reads them as the whole field), no
stepped range that goes round the end of a field (croniter skips one value too many), no step
longer than the field, and none of croniter's extensions (L, W, #, H, R, seconds, years).
"""
import json
import random
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from importlib.metadata import version
from croniter import croniter, CroniterBadDateError

FIELDS = [  # name, low, high (as written), cycle high, names
    ("minute", 0, 59, 59, []),
    ("hour", 0, 23, 23, []),
    ("day", 1, 31, 31, []),
    ("month", 1, 12, 12, "jan feb mar apr may jun jul aug sep oct nov dec".split()),
    ("weekday", 0, 7, 6, "sun mon tue wed thu fri sat".split()),
]
ALIASES = ["@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually"]

STARTS = [  # zone, local time, fold (1: the second of two equal wall times)
    ("Europe/Berlin", (2026, 3, 29, 0, 50, 0), 0),     # before clocks jump 02:00 -> 03:00
    ("Europe/Berlin", (2026, 3, 29, 1, 59, 30), 0),
    ("Europe/Berlin", (2026, 10, 25, 0, 50, 0), 0),    # before clocks go back 03:00 -> 02:00
    ("Europe/Berlin", (2026, 10, 25, 2, 40, 0), 0),    # inside the repeated hour, first time
    ("Europe/Berlin", (2026, 10, 25, 2, 10, 0), 1),    # inside the repeated hour, second time
    ("Europe/Berlin", (2026, 12, 31, 23, 59, 59), 0),
    ("Europe/Berlin", (2027, 2, 28, 12, 0, 0), 0),
    ("America/New_York", (2026, 3, 8, 1, 30, 0), 0),   # before 02:00 -> 03:00
    ("America/New_York", (2026, 11, 1, 1, 30, 0), 0),  # 01:xx happens twice
    ("America/New_York", (2026, 11, 1, 1, 30, 0), 1),
    ("America/New_York", (2028, 2, 28, 23, 30, 0), 0), # leap year
    ("America/New_York", (2026, 1, 31, 23, 59, 0), 0),
    ("America/New_York", (2026, 4, 30, 22, 0, 0), 0),
    ("Australia/Lord_Howe", (2026, 10, 4, 1, 50, 0), 0),  # half-hour jump 02:00 -> 02:30
    ("Australia/Lord_Howe", (2026, 4, 5, 1, 40, 0), 0),   # half-hour back 02:00 -> 01:30
    ("Pacific/Chatham", (2026, 9, 27, 2, 30, 0), 0),      # 02:45 -> 03:45 at +12:45
    ("Asia/Kolkata", (2026, 7, 31, 23, 45, 0), 0),
    ("UTC", (2024, 2, 29, 10, 0, 0), 0),
    ("UTC", (2026, 6, 15, 12, 34, 56), 0),
    ("UTC", (2099, 12, 31, 23, 58, 0), 0),
]


def value(rng, f, low, high):
    name, flow, fhigh, cycle, names = f
    v = rng.randint(low, high)
    if names and rng.random() < 0.35 and v - flow < len(names):
        word = names[v - flow]
        return rng.choice([word, word.upper(), word.capitalize()])
    return str(v)


def item(rng, f):
    name, low, high, cycle, names = f
    span = cycle - low + 1
    kind = rng.choices(["value", "range", "star-step", "range-step", "start-step", "wrap"],
                       [30, 25, 15, 15, 8, 7])[0]
    if kind == "value":
        return value(rng, f, low, high)
    if kind == "star-step":
        return "*/" + str(rng.randint(1, span))
    if kind == "start-step":
        return value(rng, f, low, cycle) + "/" + str(rng.randint(1, span))
    a = rng.randint(low, cycle - 1)
    b = rng.randint(a + 1, high)
    if kind == "range":
        return value(rng, f, a, a) + "-" + value(rng, f, b, b)
    if kind == "range-step":
        return value(rng, f, a, a) + "-" + value(rng, f, b, b) + "/" + str(rng.randint(1, span))
    # wrap: start after end, no step
    if name == "weekday":
        a, b = rng.randint(2, 6), rng.randint(0, 1)
        if b == 0:
            b = 1
    else:
        a, b = rng.randint(low + 1, cycle), rng.randint(low, cycle - 1)
        if a <= b:
            a, b = b + 1, a
            if a > cycle:
                return value(rng, f, low, cycle)
    return value(rng, f, a, a) + "-" + value(rng, f, b, b)


def field(rng, f):
    r = rng.random()
    if r < 0.35 if f[0] not in ("minute",) else r < 0.1:
        return "*"
    count = rng.choices([1, 2, 3, 4], [60, 25, 10, 5])[0]
    return ",".join(item(rng, f) for _ in range(count))


def expression(rng):
    if rng.random() < 0.03:
        return rng.choice(ALIASES)
    return " ".join(field(rng, f) for f in FIELDS)


def starts():
    out = []
    for zone, (y, mo, d, h, mi, s), fold in STARTS:
        local = datetime(y, mo, d, h, mi, s, fold=fold, tzinfo=ZoneInfo(zone))
        out.append({"zone": zone, "local": local.isoformat(), "epoch": int(local.timestamp())})
    return out


def fire_times(expr, start):
    it = croniter(expr, datetime.fromtimestamp(start["epoch"], ZoneInfo(start["zone"])))
    return [int(it.get_next(datetime).timestamp()) for _ in range(3)]


def main():
    rng = random.Random(20261126)
    all_starts = starts()
    expressions, seen = [], set()
    while len(expressions) < 500:
        expr = expression(rng)
        if expr in seen:
            continue
        seen.add(expr)
        try:
            nexts = [fire_times(expr, s) for s in all_starts]
        except CroniterBadDateError:
            continue  # never runs: VantageCore refuses those (tested on their own)
        expressions.append({"expression": expr, "next": nexts})
    json.dump({"croniter": version("croniter"),
               "starts": all_starts, "expressions": expressions}, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
