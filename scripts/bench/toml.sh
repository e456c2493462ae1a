#!/usr/bin/env bash
# TOML reader speed and limits on hostile sizes (issue 20): 100,000 [[package]] tables (a large
# Cargo.lock, target < 1 s), a theme with 50,000 keys (was 32 s), an 18 KB file of 9,000 nested
# arrays (a located error, not a stack overflow). Uses the release build.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product vantage >/dev/null
bin=$(swift build -c release --show-bin-path)/vantage
dir=$(mktemp -d /tmp/vantage-bench-toml.XXXXXX)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
with open(f"{d}/Cargo.lock", "w") as f:
    f.write("version = 3\n\n")
    for i in range(100_000):
        f.write(f'[[package]]\nname = "crate-{i}"\nversion = "1.{i % 97}.{i % 13}"\n'
                f'source = "registry+https://github.com/rust-lang/crates.io-index"\n'
                f'checksum = "{i:064x}"\ndependencies = [\n "crate-{i + 1}",\n "serde",\n]\n\n')
with open(f"{d}/theme-50000-keys.toml", "w") as f:
    f.write('variant = "dark"\n[colors]\n')
    for i in range(50_000):
        f.write(f'role{i} = "#{i % 0xffffff:06x}"\n')
with open(f"{d}/nested-9000.toml", "w") as f:
    f.write("x = " + "[" * 9000 + "]" * 9000 + "\n")
PY
"$bin" bench toml "$dir/Cargo.lock" "$dir/nested-9000.toml"
"$bin" bench toml --theme "$dir/theme-50000-keys.toml" "$dir/nested-9000.toml"
