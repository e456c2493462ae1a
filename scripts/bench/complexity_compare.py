#!/usr/bin/env python3
"""Compare `vantage analyze quality --csv` with lizard 1.24.3 (and complexipy for
cognitive complexity) on one directory; print per-language agreement.

Functions are keyed by (file, start line). lizard's output is cached beside the corpus
(.lizard-LANGUAGE.csv) until a file or lizard's version changes. CCN agreement is the share of lizard's
functions for which vantage reports a function at the same key with the same CCN.
"""
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict


def read_csv(text):
    rows = {}
    for row in csv.reader(io.StringIO(text)):
        if len(row) < 11 or row[0] == "NLOC":
            continue
        nloc, ccn, token, param, length, _loc, path, name, long_name, start, end = row[:11]
        rows[(os.path.normpath(path), int(start))] = dict(
            nloc=int(nloc), ccn=int(ccn), token=int(token), param=int(param), end=int(end),
            name=name, long_name=long_name)
    return rows


def run(cmd):
    started = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    return out.stdout, time.time() - started


def lizard_csv(directory):
    """lizard's CSV for `directory`, cached beside it while no file changed (lizard is slow)."""
    digest = hashlib.sha1()
    for root, _dirs, files in sorted(os.walk(directory)):
        for name in sorted(files):
            st = os.stat(os.path.join(root, name))
            digest.update(f"{root}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    version = subprocess.run(["lizard", "--version"], capture_output=True, text=True).stdout.strip()
    digest.update(version.encode())
    cache = os.path.join(os.path.dirname(os.path.abspath(directory)), f".lizard-{os.path.basename(directory)}.csv")
    key = digest.hexdigest()
    if os.path.exists(cache):
        with open(cache, errors="replace") as handle:
            if handle.readline().strip() == key:
                return handle.read(), 0.0
    text, seconds = run(["lizard", "--csv", directory])
    with open(cache, "w") as handle:
        handle.write(key + "\n" + text)
    return text, seconds


def main():
    vantage, corpus = sys.argv[1], sys.argv[2]
    languages = sys.argv[3].split(",") if len(sys.argv) > 3 else sorted(os.listdir(corpus))
    show = int(os.environ.get("SHOW_DIFFS", "0"))
    summary = []
    for language in languages:
        directory = os.path.join(corpus, language)
        if not os.path.isdir(directory) or not os.listdir(directory):
            print(f"{language:11s} no corpus (nothing available offline)")
            continue
        lizard_text, lizard_time = lizard_csv(directory)
        vantage_text, vantage_time = run([vantage, "analyze", "quality", "--csv", "--all-directories", directory])
        expected, actual = read_csv(lizard_text), read_csv(vantage_text)
        if not expected:
            print(f"{language:11s} lizard found no functions")
            continue
        same = Counter()
        diffs = []
        for key, want in expected.items():
            got = actual.get(key)
            if got is None:
                diffs.append((key, want, None))
                continue
            same["found"] += 1
            for field in ("ccn", "nloc", "token", "param", "end", "name"):
                if got[field] == want[field]:
                    same[field] += 1
            if got["ccn"] != want["ccn"]:
                diffs.append((key, want, got))
        n = len(expected)
        pct = lambda k: 100.0 * same[k] / n
        print(f"{language:11s} {n:6d} functions  CCN agree {pct('ccn'):6.2f}%  "
              f"(found {pct('found'):.2f}%, name {pct('name'):.2f}%, NLOC {pct('nloc'):.2f}%, "
              f"tokens {pct('token'):.2f}%, params {pct('param'):.2f}%, end {pct('end'):.2f}%)  "
              f"extra {len(set(actual) - set(expected))}  lizard {lizard_time:.1f}s vantage {vantage_time:.2f}s")
        summary.append((language, pct("ccn")))
        for key, want, got in diffs[:show]:
            print("   ", key, "lizard:", want["name"], want["ccn"], "vantage:", (got or {}).get("name"), (got or {}).get("ccn"))
        if language == "python" and os.environ.get("COGNITIVE", "1") == "1":
            compare_cognitive(vantage, directory)
    return summary


def compare_cognitive(vantage, directory):
    """complexipy reports functions by file and name (no line): compare where a bare
    name occurs once in its file on both sides."""
    output = "/tmp/vantage-complexipy.json"
    try:
        subprocess.run(["complexipy", os.path.abspath(directory), "--output-format", "json", "--output", output,
                        "--quiet"], capture_output=True, text=True)
    except FileNotFoundError:
        print("    complexipy not installed (pip install complexipy); cognitive comparison skipped")
        return
    if not os.path.exists(output):
        print("    complexipy produced no JSON")
        return
    with open(output) as handle:
        data = json.load(handle)
    os.remove(output)
    bare = lambda name: name.replace("::", ".").split(".")[-1]
    expected = defaultdict(list)
    for entry in data:
        expected[(os.path.normpath(os.path.abspath(entry["path"])), bare(entry["function_name"]))].append(entry["complexity"])
    report = json.loads(subprocess.run([vantage, "analyze", "quality", "--json", "--no-duplicates", "--all-directories", directory],
                                       capture_output=True, text=True).stdout)
    actual = defaultdict(list)
    for f in report["files"]:
        for fn in f["functions"]:
            actual[(os.path.normpath(os.path.abspath(f["path"])), bare(fn["name"]))].append(fn["cognitiveComplexity"])
    agree = compared = 0
    diffs = []
    for key, values in expected.items():
        mine = actual.get(key)
        if len(values) != 1 or not mine or len(mine) != 1:
            continue
        compared += 1
        if mine[0] == values[0]:
            agree += 1
        else:
            diffs.append((key, values[0], mine[0]))
    if compared:
        print(f"    cognitive vs complexipy: {100.0 * agree / compared:.2f}% of {compared} functions agree "
              f"(functions whose name is unique in their file; complexipy lists {len(data)})")
    for key, want, got in diffs[:int(os.environ.get("SHOW_DIFFS", "0"))]:
        print("     ", key, "complexipy:", want, "vantage:", got)


if __name__ == "__main__":
    main()
