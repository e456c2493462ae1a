#!/usr/bin/env bash
# Builds the real-code corpus the complexity benchmarks read, under .bench-cache/complexity-corpus/<language>.
# Python: sdists from PyPI; Swift and C: git archives of the SwiftPM mirrors in /opt/swift-packages;
# Java: the JDK's src.zip; JavaScript: npm's own sources; Rust: the Rust sources shipped in
# pydantic-core's sdist; Go: whatever Go sources the machine has. Idempotent: existing parts are kept.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.bench-cache"
CORPUS="$CACHE/complexity-corpus"
mkdir -p "$CORPUS"/{python,swift,c,java,javascript,rust,go} "$CACHE/sdists"

PY_PACKAGES="requests==2.32.3 flask==3.0.3 click==8.1.7 attrs==24.2.0 jinja2==3.1.4 packaging==24.1 urllib3==2.2.3 pyparsing==3.1.4 rich==13.9.2 six==1.16.0 idna==3.10"
if [ -z "$(ls -A "$CORPUS/python")" ]; then
  for spec in $PY_PACKAGES; do
    ls "$CACHE/sdists" | grep -qi "^$(echo "${spec%%==*}" | tr _ -)\|^${spec%%==*}" || \
      pip download --quiet --no-binary :all: --no-deps --no-build-isolation -d "$CACHE/sdists" "$spec" 2>/dev/null || \
      pip download --quiet --no-binary :all: --no-deps -d "$CACHE/sdists" "$spec" || echo "warning: could not download $spec" >&2
  done
  for archive in "$CACHE"/sdists/*.tar.gz; do
    name=$(basename "$archive" .tar.gz)
    mkdir -p "$CACHE/unpacked/$name"
    tar -xzf "$archive" -C "$CACHE/unpacked/$name"
  done
  # Python files to the python corpus
  (cd "$CACHE/unpacked" && find . -name '*.py' -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/python")
fi

archive() {  # archive <mirror.git> <tag> <dest>
  local repo="/opt/swift-packages/$1" tag="$2" dest="$3"
  [ -d "$dest" ] && return 0
  mkdir -p "$dest"
  git -C "$repo" archive "$tag" | tar -x -C "$dest"
}
if [ -z "$(ls -A "$CORPUS/swift")" ]; then
  archive apple/swift-collections.git 1.6.0 "$CACHE/git/swift-collections"
  archive apple/swift-nio.git 2.101.3 "$CACHE/git/swift-nio"
  archive apple/swift-algorithms.git "$(git -C /opt/swift-packages/apple/swift-algorithms.git tag | sort -V | tail -1)" "$CACHE/git/swift-algorithms"
  archive apple/swift-argument-parser.git 1.8.2 "$CACHE/git/swift-argument-parser"
  archive apple/swift-nio-ssl.git "$(git -C /opt/swift-packages/apple/swift-nio-ssl.git tag | sort -V | tail -1)" "$CACHE/git/swift-nio-ssl"
  (cd "$CACHE/git" && find swift-collections swift-nio swift-algorithms swift-argument-parser -name '*.swift' -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/swift")
  (cd "$CACHE/git" && find swift-nio swift-nio-ssl -name '*.c' -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/c")
  (cd "$CACHE/git" && find swift-nio swift-nio-ssl \( -name '*.h' -o -name '*.cc' \) -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/c")
fi

# Rust: crates fetched by cargo into its own registry cache (a throwaway manifest lists them)
if [ -z "$(ls -A "$CORPUS/rust")" ] && command -v cargo >/dev/null; then
  mkdir -p "$CACHE/rust-fetch/src"
  cat > "$CACHE/rust-fetch/Cargo.toml" <<'TOML'
[package]
name = "corpus"
version = "0.1.0"
edition = "2021"
[dependencies]
regex = "=1.10.6"
serde = "=1.0.210"
memchr = "=2.7.4"
itoa = "=1.0.11"
smallvec = "=1.13.2"
TOML
  echo 'fn main() {}' > "$CACHE/rust-fetch/src/main.rs"
  [ -e "$CACHE/rust-fetch/failed" ] || (cd "$CACHE/rust-fetch" && CARGO_HOME="$CACHE/cargo-home" cargo fetch --quiet 2>/dev/null) || { touch "$CACHE/rust-fetch/failed"; echo "note: crates.io unreachable; no Rust corpus" >&2; }
  for crate in "$CACHE"/cargo-home/registry/cache/*/*.crate; do
    [ -e "$crate" ] && tar -xzf "$crate" -C "$CORPUS/rust" --wildcards '*.rs'
  done
fi

if [ -z "$(ls -A "$CORPUS/java")" ]; then
  SRCZIP=""
  for z in /usr/lib/jvm/*/lib/src.zip /usr/lib/jvm/*/src.zip; do [ -f "$z" ] && SRCZIP="$z" && break; done
  if [ -n "$SRCZIP" ]; then
    (cd "$CORPUS/java" && unzip -q -o "$SRCZIP" 'java.base/java/util/*' 'java.base/java/lang/*' 'java.net.http/*' || true)
  fi
fi

if [ -z "$(ls -A "$CORPUS/javascript")" ] && [ -d /usr/lib/node_modules/npm ]; then
  (cd /usr/lib/node_modules/npm && find lib node_modules -name '*.js' -size -200k -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/javascript")
fi

if [ -z "$(ls -A "$CORPUS/go")" ]; then
  GOROOT_SRC=$( (go env GOROOT 2>/dev/null || true) )
  if [ -n "$GOROOT_SRC" ] && [ -d "$GOROOT_SRC/src" ]; then
    (cd "$GOROOT_SRC/src" && find net/http strings sort -name '*.go' -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/go")
  else
    find / -xdev -name '*.go' -not -path '/proc/*' -not -path "$ROOT/*" -not -path '/work/*' 2>/dev/null | head -500 | while read -r f; do
      mkdir -p "$CORPUS/go/$(dirname "$f")"; cp "$f" "$CORPUS/go/$f"; done
  fi
fi

for lang in python swift c java javascript rust go; do
  files=$(find "$CORPUS/$lang" -type f | wc -l)
  lines=$(find "$CORPUS/$lang" -type f -print0 | xargs -0 cat 2>/dev/null | wc -l)
  echo "corpus $lang: $files files, $lines lines"
done
