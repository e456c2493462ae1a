#!/bin/sh
# Benchmark: the dependency readers on the inputs issue 20 found slow or crashing. Prints the
# wall time of `vantage deps list` on each (targets: every one linear, the Cargo.lock with
# 100,000 packages under 1 s; none may crash).
# Usage: scripts/bench/deps-parsers.sh   (builds the release binary first)
set -eu
cd "$(dirname "$0")/../.."
LOG="${TMPDIR:-/tmp}/vantage-deps-parsers-build.log"
if ! swift build -c release --product vantage >"$LOG" 2>&1; then
    grep -E "error" "$LOG" | head -20
    echo "release build failed; see $LOG" >&2
    exit 1
fi
BIN="$(swift build -c release --show-bin-path)/vantage"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/vantage-deps-parsers.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import os, sys
work = sys.argv[1]
def folder(name):
    path = os.path.join(work, name); os.makedirs(path); return path
with open(os.path.join(folder("cargo-lock-100k"), "Cargo.lock"), "w") as f:
    f.write('version = 3\n\n[[package]]\nname = "app"\nversion = "0.1.0"\ndependencies = ["crate0"]\n')
    for i in range(100_000):
        f.write(f'\n[[package]]\nname = "crate{i}"\nversion = "1.{i % 100}.0"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n')
with open(os.path.join(folder("pom-20k-unclosed"), "pom.xml"), "w") as f:
    f.write("<project>\n<dependencies>\n" + "<dependency>\n" * 20_000)
with open(os.path.join(folder("marker-100k-parens"), "requirements.txt"), "w") as f:
    f.write("six==1.16.0 ; " + "(" * 100_000 + 'python_version < "3.8"' + ")" * 100_000 + "\n")
with open(os.path.join(folder("marker-100k-and"), "requirements.txt"), "w") as f:
    f.write("six==1.16.0 ; " + " and ".join(['os_name == "posix"'] * 100_000) + "\n")
chain = folder("requirements-8000-deep")
with open(os.path.join(chain, "requirements.txt"), "w") as f: f.write("-r r1.txt\n")
for i in range(1, 8_001):
    with open(os.path.join(chain, f"r{i}.txt"), "w") as f: f.write(f"-r r{i + 1}.txt\npkg{i}==1.0\n")
with open(os.path.join(folder("package-lock-9000-deep"), "package-lock.json"), "w") as f:
    f.write('{"lockfileVersion": 1, "dependencies": ' + '{"a": ' * 9_000 + "1" + "}" * 9_000 + "}\n")
PY
for case in cargo-lock-100k pom-20k-unclosed marker-100k-parens marker-100k-and requirements-8000-deep package-lock-9000-deep; do
    start=$(date +%s.%N)
    status=0
    "$BIN" deps list "$WORK/$case" --json >/dev/null 2>"$WORK/$case.err" || status=$?
    end=$(date +%s.%N)
    printf '%-24s %6.3f s  exit %s  %s\n' "$case" "$(echo "$end - $start" | bc)" "$status" "$(head -c 100 "$WORK/$case.err" | tr '\n' ' ')"
    if [ "$status" -gt 2 ]; then echo "  crashed (exit $status)" >&2; fi
done
