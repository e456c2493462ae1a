"""Reads TOML files with Python's tomllib and prints, as one JSON object keyed by path, each
document in a tagged form the Swift tests compare with TOMLParser's: every value is a one-key
object naming its kind ({"table": {...}}, {"array": [...]}, {"string": "..."}, {"integer": "42"},
{"float": "0.5"}, {"bool": "true"}, {"datetime": ...}, {"datetime-local": ...},
{"date-local": ...}, {"time-local": ...}); a file tomllib refuses is {"error": "message"}.
Dates and times are written like TOMLValue.datetime: 'T', the fraction as 6 digits (tomllib
keeps microseconds) or none when it is zero, a zero offset as 'Z'."""
import datetime
import json
import sys
import tomllib


def time_text(t):
    text = f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    return text + (f".{t.microsecond:06d}" if t.microsecond else "")


def tag(v):
    if isinstance(v, bool):
        return {"bool": "true" if v else "false"}
    if isinstance(v, int):
        return {"integer": str(v)}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, str):
        return {"string": v}
    if isinstance(v, datetime.datetime):
        text = f"{v.year:04d}-{v.month:02d}-{v.day:02d}T" + time_text(v)
        if v.tzinfo is None:
            return {"datetime-local": text}
        minutes = int(v.utcoffset().total_seconds() // 60)
        if minutes == 0:
            return {"datetime": text + "Z"}
        sign = "+" if minutes > 0 else "-"
        return {"datetime": text + f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"}
    if isinstance(v, datetime.date):
        return {"date-local": f"{v.year:04d}-{v.month:02d}-{v.day:02d}"}
    if isinstance(v, datetime.time):
        return {"time-local": time_text(v)}
    if isinstance(v, list):
        return {"array": [tag(x) for x in v]}
    if isinstance(v, dict):
        return {"table": {k: tag(x) for k, x in v.items()}}
    raise TypeError(f"unexpected value {v!r}")


out = {}
for path in sys.argv[1:]:
    try:
        with open(path, "rb") as f:
            out[path] = tag(tomllib.load(f))
    except Exception as e:  # TOMLDecodeError, UnicodeDecodeError, RecursionError
        out[path] = {"error": f"{type(e).__name__}: {e}"}
print(json.dumps(out))
