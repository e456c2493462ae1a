#!/usr/bin/env bash
# Builds the real-code corpus the complexity benchmarks read, under .bench-cache/complexity-corpus/<language>.
# Python: sdists from PyPI; Swift and C: git archives of the SwiftPM mirrors in /opt/swift-packages;
# Java: the JDK's src.zip; JavaScript: npm's own sources; Rust: crates from crates.io, or offline
# from it the Rust sources in PyPI sdists (orjson with its vendored crates, pydantic-core,
# cryptography, rpds-py), cached in ~/.cache/vantage-corpora; Go: Debian's golang-*-dev libraries
# (/usr/share/gocode), else the Go toolchain's sources. Idempotent: existing parts are kept.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$ROOT/.bench-cache"
CORPUS="$CACHE/complexity-corpus"
# Downloads kept between checkouts (sdists' Rust sources and the like).
CORPORA="${VANTAGE_CORPORA:-$HOME/.cache/vantage-corpora}"
mkdir -p "$CORPORA"
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

# Rust: crates fetched by cargo into its own registry cache (a throwaway manifest lists them);
# without crates.io, the Rust sources PyPI sdists ship (orjson vendors its dependency crates).
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
  [ -e "$CACHE/rust-fetch/failed" ] || (cd "$CACHE/rust-fetch" && CARGO_HOME="$CACHE/cargo-home" cargo fetch --quiet 2>/dev/null) || { touch "$CACHE/rust-fetch/failed"; echo "note: crates.io unreachable; Rust corpus from PyPI sdists instead" >&2; }
  for crate in "$CACHE"/cargo-home/registry/cache/*/*.crate; do
    [ -e "$crate" ] && tar -xzf "$crate" -C "$CORPUS/rust" --wildcards '*.rs'
  done
fi
# The sdists are unpacked by pip itself: `pip download --no-clean` keeps the source tree it
# prepared even though preparing the metadata fails offline (maturin needs crates.io for that).
RUST_SDISTS="orjson==3.10.7 pydantic-core==2.23.4 cryptography==43.0.1 rpds-py==0.21.0"
if [ -z "$(ls -A "$CORPUS/rust")" ]; then
  mkdir -p "$CORPORA/rust"
  for spec in $RUST_SDISTS; do
    name="${spec%%==*}"
    dest="$CORPORA/rust/${spec/==/-}"
    if [ ! -d "$dest" ]; then
      tmp="$CORPORA/pip-tmp/$name"
      rm -rf "$tmp" && mkdir -p "$tmp"
      TMPDIR="$tmp" timeout 600 pip download --quiet --no-clean --no-deps --no-binary "$name" -d "$tmp/dl" "$spec" >/dev/null 2>&1 || true
      src=$(find "$tmp" -maxdepth 2 -type d -name "${name}_*" | head -1)
      if [ -n "$src" ] && [ -n "$(find "$src" -name '*.rs' | head -1)" ]; then
        mkdir -p "$dest" && (cd "$src" && find . -name '*.rs' -print0 | tar --null -T - -cf - | tar -x -C "$dest")
      else
        echo "note: could not download the $spec sdist (offline?); the Rust corpus goes without it" >&2
      fi
      rm -rf "$tmp"
    fi
    [ -d "$dest" ] && mkdir -p "$CORPUS/rust/${spec/==/-}" && cp -r "$dest/." "$CORPUS/rust/${spec/==/-}/"
  done
  [ -n "$(ls -A "$CORPUS/rust")" ] || echo "note: no Rust corpus (no crates.io and no PyPI); Rust agreement skipped" >&2
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

# Go: Debian's golang-*-dev packages put real Go libraries under /usr/share/gocode (installed
# when apt-get may be used); else the Go toolchain's own sources; else whatever Go files exist.
GO_PACKAGES="golang-github-spf13-cobra-dev golang-github-spf13-pflag-dev golang-github-gorilla-mux-dev golang-github-pelletier-go-toml-dev golang-github-sirupsen-logrus-dev golang-github-stretchr-testify-dev golang-github-google-go-cmp-dev golang-github-hashicorp-hcl-dev golang-github-burntsushi-toml-dev golang-github-gorilla-websocket-dev"
GOCODE=/usr/share/gocode/src
if [ ! -e "$CORPUS/go/.from-gocode" ]; then
  if [ ! -d "$GOCODE/github.com/spf13" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q --no-install-recommends $GO_PACKAGES >/dev/null 2>&1 \
      || echo "note: apt-get could not install the golang-*-dev packages (offline?)" >&2
  fi
  if [ -d "$GOCODE/github.com" ]; then
    rm -rf "$CORPUS/go" && mkdir -p "$CORPUS/go" "$CORPORA/go"
    # Real directories only (Sirupsen and go-fsnotify are links to sirupsen and fsnotify), and
    # x/net and x/crypto (x/sys and x/text are mostly generated tables).
    (cd "$GOCODE" && find github.com golang.org/x/net golang.org/x/crypto -name '*.go' -type f -print0 2>/dev/null \
      | tar --null -T - -cf - | tar -x -C "$CORPUS/go")
    touch "$CORPUS/go/.from-gocode"
  fi
fi
if [ -z "$(ls -A "$CORPUS/go")" ]; then
  GOROOT_SRC=$( (go env GOROOT 2>/dev/null || true) )
  if [ -n "$GOROOT_SRC" ] && [ -d "$GOROOT_SRC/src" ]; then
    (cd "$GOROOT_SRC/src" && find net/http strings sort -name '*.go' -print0 | tar --null -T - -cf - | tar -x -C "$CORPUS/go")
  else
    echo "note: no golang-*-dev sources and no Go toolchain; the Go corpus is whatever .go files this machine has" >&2
    find / -xdev -name '*.go' -not -path '/proc/*' -not -path "$ROOT/*" -not -path '/work/*' 2>/dev/null | head -500 | while read -r f; do
      mkdir -p "$CORPUS/go/$(dirname "$f")"; cp "$f" "$CORPUS/go/$f"; done
  fi
fi

for lang in python swift c java javascript rust go; do
  files=$(find "$CORPUS/$lang" -type f | wc -l)
  lines=$(find "$CORPUS/$lang" -type f -print0 | xargs -0 cat 2>/dev/null | wc -l)
  echo "corpus $lang: $files files, $lines lines"
done
