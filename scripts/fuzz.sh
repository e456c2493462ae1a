#!/usr/bin/env bash
# Fuzzes every parser and decoder of Vantage with libFuzzer (issue 20 §5).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# Builds the fuzz targets (Fuzz/Targets, one binary `vantage-fuzz`, declared in Package.swift
# only when VANTAGE_FUZZ_BUILD=1) in their own scratch folder, .build-fuzz, with every Swift
# module compiled with -sanitize=fuzzer, so the normal build is never touched. Then runs each
# target (all of them, or the ones named) for SECONDS (default 30) with libFuzzer's
# -timeout=10 -rss_limit_mb=2048, and prints per target its runs, executions per second,
# coverage and whether it found a crash, a hang or a memory blow-up.
#
# Corpora grow across runs in .build-fuzz/corpus/TARGET, seeded from the test fixtures each
# target names (`VANTAGE_FUZZ_TARGET=list`) and from the committed regression corpus
# (Tests/*/Fixtures/fuzz-regressions/TARGET). What a target finds is kept in
# .build-fuzz/findings/TARGET (crash-*, timeout-*, oom-*); replay one with
#   VANTAGE_FUZZ_TARGET=TARGET .build-fuzz/release/vantage-fuzz FILE
# Exits 1 if any target found something, 2 if the build failed.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number of seconds, not '$seconds'" >&2; exit 2 ;; esac
scratch=.build-fuzz
jobs=$(nproc 2>/dev/null || echo 2)
say() { echo "[vantage-fuzz] $*"; }

say "building the fuzz targets in $scratch (release, -sanitize=fuzzer)"
build() {
  VANTAGE_FUZZ_BUILD=1 swift build -c release --scratch-path "$scratch" --product vantage-fuzz -j "$jobs" "$@"
}
# Progress lines and the dependencies' own warnings are left out.
noise="^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Write|Linking|Merging|Applying)|^(Creating working copy|Working copy of|Fetching|Fetched|Computing|Computed)"
noise+="|^warning: '[^']*': found [0-9]+ file\(s\) which are unhandled|^ +/.*/checkouts/"
build 2>&1 | grep -Ev "$noise" || true
bin=$(VANTAGE_FUZZ_BUILD=1 swift build -c release --scratch-path "$scratch" --show-bin-path)/vantage-fuzz
[ -x "$bin" ] || { say "ERROR: the fuzz build failed (see above); $bin was not made"; exit 2; }

mapfile -t listing < <(VANTAGE_FUZZ_TARGET=list "$bin")
declare -A seeds=()
all=()
for line in "${listing[@]}"; do
  name=${line%%$'\t'*}
  all+=("$name")
  seeds[$name]=${line#"$name"}
done
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [ -n "${seeds[$t]+set}" ] || { say "ERROR: no fuzz target '$t'; the targets are: ${all[*]}"; exit 2; }
done

# Copies the seed files of one target into its corpus (named by content, so reruns add nothing twice).
seed_corpus() {
  local t=$1 corpus=$2 spec folder pattern f
  local specs
  IFS=$'\t' read -r -a specs <<<"${seeds[$t]#$'\t'}"
  specs+=(Tests/*/Fixtures/fuzz-regressions/"$t")
  for spec in "${specs[@]}"; do
    [ -n "$spec" ] || continue
    folder=${spec%%:*}; pattern='*'
    [ "$folder" = "$spec" ] || pattern=${spec#*:}
    [ -d "$folder" ] || continue
    while IFS= read -r -d '' f; do
      cp "$f" "$corpus/seed-$(sha1sum <"$f" | cut -c1-16)"
    done < <(find "$folder" -type f -name "$pattern" -size -1024k -not -path '*/node_modules/*' -not -path '*/target/*' -print0)
  done
}

found=0
summary=()
for t in "${targets[@]}"; do
  corpus=$scratch/corpus/$t findings=$scratch/findings/$t tmp=$scratch/tmp/$t log=$scratch/logs/$t.log
  mkdir -p "$corpus" "$findings" "$tmp" "$(dirname "$log")"
  seed_corpus "$t" "$corpus"
  say "fuzzing $t for ${seconds}s ($(ls "$corpus" | wc -l) corpus files)"
  before=$(ls "$findings" | wc -l)
  SWIFT_BACKTRACE=enable=no VANTAGE_FUZZ_TARGET=$t TMPDIR=$PWD/$tmp "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  rm -rf "$tmp"
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  new=$(ls -t "$findings" | head -n $(( $(ls "$findings" | wc -l) - before )))
  if [ $rc -eq 0 ] && [ -z "$new" ]; then
    result=ok
  else
    found=1
    what=$(grep -m1 -oE 'ERROR: libFuzzer: [a-z-]+|==[0-9]+== ERROR: [A-Za-z]+|Fatal error: .*|Deadly signal' "$log" || true)
    result="FOUND ${what:-exit $rc}: $(echo "$new" | sed "s|^|$findings/|" | tr '\n' ' ') (log $log)"
  fi
  summary+=("$(printf '%-15s runs %-10s exec/s %-7s cov %-6s ft %-6s %s' "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "$result")")
  echo "  ${summary[-1]}"
done

say "summary (${seconds}s per target):"
for s in "${summary[@]}"; do echo "  $s"; done
if [ $found -ne 0 ]; then
  say "FINDINGS: replay one with VANTAGE_FUZZ_TARGET=<target> $bin <file>, fix the reader, and add the file to Tests/<Target>/Fixtures/fuzz-regressions/<target>"
  exit 1
fi
say "no crash, hang or memory blow-up found"
