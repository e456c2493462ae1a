#!/usr/bin/env bash
# Copies the few real OSV advisories the tests read from the shared advisory data
# (../shared/data/osv from the main checkout by default, or the folder given) into Tests/VantageDependenciesTests/Fixtures/osv,
# with their licence notice. Tests never read the shared data itself: a clone placed anywhere,
# without ../shared, has everything its tests need. Rerun this after changing the package list.
set -euo pipefail
cd "$(dirname "$0")/.."
source=${1:-../shared/data/osv}
target=Tests/VantageDependenciesTests/Fixtures/osv
# ecosystem/package: what the tests check with it
packages=(
  "PyPI/werkzeug"     # 7 advisories; PYSEC-2023-221 carries CVSS 3.1 7.5 (HIGH): the vulnerability graph node
  "PyPI/flask"        # PYSEC-2018-66 fixed in 0.12.3: exit statuses of `vantage deps vulns`, an exact fix is not affected
  "PyPI/py"           # PYSEC-2022-42969: the one last_affected event (inclusive upper bound)
  "PyPI/aiohttp"      # PYSEC-2022-43059 is withdrawn
  "crates.io/daemonize"  # RUSTSEC-2021-0147 is withdrawn
)
[ -d "$source" ] || { echo "osv-fixture-subset: $source is not a folder (give the OSV data folder as the first argument)" >&2; exit 1; }
rm -rf "$target"
for p in "${packages[@]}"; do
  mkdir -p "$target/$p"
  cp "$source/$p"/*.json "$target/$p/"
done
count=$(find "$target" -name '*.json' | wc -l)
cat > "$target/NOTICE.md" <<NOTICE
# OSV advisories used by the tests ($count files)

A subset of the shared OSV snapshot (one file per advisory, \`<ecosystem>/<package>/<ID>.json\`),
copied unchanged by \`scripts/osv-fixture-subset.sh\`: $(printf '%s, ' "${packages[@]}" | sed 's/, $//').

- **PyPI files: CC-BY-4.0.** Python Packaging Advisory Database, https://github.com/pypa/advisory-database,
  CC-BY-4.0 (https://creativecommons.org/licenses/by/4.0/legalcode); converted from YAML to JSON, and
  registry links removed or de-linked. Keep this attribution with any copy.
- **crates.io files: CC0-1.0.** RustSec Advisory Database, https://github.com/rustsec/advisory-db
  (https://creativecommons.org/publicdomain/zero/1.0/legalcode); each file says its licence in
  \`database_specific.license\` (all here are CC0-1.0); registry references removed.
NOTICE
echo "copied $count advisories to $target"
