#!/usr/bin/env bash
# The backup coordinator against plain restic (issue 18's targets). Generates a project of about
# 200 MB in 3,000 files of mixed sizes plus a 50 MB SQLite database that a writer (python3's
# sqlite3) keeps writing, then prints, each on its own line:
#   incremental backup after 1 % of the files changed: vantage time and added size, plain restic's
#   restore of the whole project: vantage time, plain restic time
#   the database restored from a backup taken while written: integrity ok and every committed row, N of RUNS
#   a flipped byte in a pack file: found by `vantage backup verify`, N of RUNS
# Usage: scripts/bench/backup.sh [RUNS=20]
# VANTAGE_BIN=PATH measures that binary instead of the release build. Needs restic and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
command -v restic >/dev/null || { echo "restic is missing: apt-get install restic" >&2; exit 1; }
if [ -z "${VANTAGE_BIN:-}" ]; then
  swift build -c release --product vantage >/dev/null
  VANTAGE_BIN="$(swift build -c release --show-bin-path)/vantage"
fi
work=$(mktemp -d /tmp/vantage-bench-backup-XXXXXX)
writer=
finish() { [ -n "$writer" ] && kill "$writer" 2>/dev/null && wait "$writer" 2>/dev/null; rm -rf "$work"; }
trap finish EXIT
export VANTAGE_HOME="$work/home" XDG_CACHE_HOME="$work/cache"
unset RESTIC_PASSWORD RESTIC_REPOSITORY
password="bench-$(date +%s)"
now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

# --- the dataset: ~200 MB in 3,000 files (mostly small, some large), reproducible ------------
python3 - "$work/shop" <<'PY'
import os, random, sys
root = sys.argv[1]; random.seed(18)
sizes = [random.choice([2_000, 8_000, 30_000, 60_000]) for _ in range(2970)] + [4_000_000] * 30
for i, size in enumerate(sizes):
    d = os.path.join(root, "src" if i % 3 else "assets", f"d{i % 40:02d}")
    os.makedirs(d, exist_ok=True)
    half = os.urandom(size // 2)
    with open(os.path.join(d, f"f{i:04d}.bin"), "wb") as f: f.write(half + half[: size - len(half)])
PY
mkdir -p "$work/shop/state"
python3 - "$work/shop/state/shop.db" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)")
for _ in range(50 * 1024 // 4): db.execute("INSERT INTO t (payload) VALUES (?)", (os.urandom(4096),))
db.commit()
PY
printf 'name = "shop"\ncommand = "sleep 100000"\n[backup]\nrepository = "%s"\n' "$work/repo-vantage" > "$work/shop/.vantage.toml"
printf '%s' "$password" | "$VANTAGE_BIN" secret set shop RESTIC_PASSWORD >/dev/null
v() { "$VANTAGE_BIN" backup "$@" --root "$work"; }
r() { printf '%s\n' "$password" | restic "$@"; }
cat > "$work/writer.py" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=60)
while True:
    db.execute("INSERT INTO t (payload) VALUES (?)", (os.urandom(2048),)); db.commit()
PY
stop_writer() { kill "$writer"; wait "$writer" 2>/dev/null || true; writer=; }

# --- incremental backup: vantage vs plain restic on the same data -------------------------------
v init shop >/dev/null
r -r "$work/repo-plain" init >/dev/null 2>&1
v run shop >/dev/null
r -r "$work/repo-plain" backup --json "$work/shop" >/dev/null 2>&1
python3 - "$work/shop" <<'PY'
import os, random, sys
random.seed(1818)
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs if f.endswith(".bin"))
for path in random.sample(files, len(files) // 100):
    with open(path, "r+b") as f: f.seek(0); f.write(os.urandom(1024))
PY
t0=$(now); v run shop >/dev/null; t1=$(now)
vantage_added=$(v list shop --json | python3 -c 'import json,sys; print("%.2f" % (json.load(sys.stdin)[-1]["added"] / 1e6))')
t2=$(now); plain=$(r -r "$work/repo-plain" backup --json "$work/shop" 2>/dev/null | tail -1); t3=$(now)
plain_added=$(echo "$plain" | python3 -c 'import json,sys; print("%.2f" % (json.load(sys.stdin)["data_added"] / 1e6))')
echo "incremental backup (1 % of 3,000 files changed): vantage $(elapsed "$t0" "$t1") s, +$vantage_added MB; plain restic $(elapsed "$t2" "$t3") s, +$plain_added MB"

# --- restore of the whole project ---------------------------------------------------------------
t0=$(now); v restore shop --target "$work/restored-vantage" >/dev/null; t1=$(now)
t2=$(now); r -r "$work/repo-plain" restore latest --target "$work/restored-plain" >/dev/null 2>&1; t3=$(now)
echo "restore of the whole project: vantage $(elapsed "$t0" "$t1") s; plain restic $(elapsed "$t2" "$t3") s"
rm -rf "$work/restored-vantage" "$work/restored-plain" "$work/repo-plain"

# --- the database under a live writer, RUNS times -----------------------------------------------
# A project of the database alone, so each run backs up and restores 50 MB.
mkdir -p "$work/db/state"; mv "$work/shop/state/shop.db" "$work/db/state/"; rm -rf "$work/shop"
mkdir -p "$work/db"; printf 'name = "db"\ncommand = "sleep 100000"\n[backup]\nrepository = "%s"\n' "$work/repo-db" > "$work/db/.vantage.toml"
printf '%s' "$password" | "$VANTAGE_BIN" secret set db RESTIC_PASSWORD >/dev/null
v init db >/dev/null
start_writer_db() { python3 "$work/writer.py" "$work/db/state/shop.db" & writer=$!; sleep 1; }
good=0
for i in $(seq 1 "$runs"); do
  start_writer_db
  before=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1], timeout=60).execute("select max(id) from t").fetchone()[0])' "$work/db/state/shop.db")
  v run db >/dev/null
  stop_writer
  rm -rf "$work/restored-db"; v restore db --target "$work/restored-db" >/dev/null
  if python3 - "$work/restored-db/state/shop.db" "$before" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
count, last = db.execute("SELECT count(*), max(id) FROM t").fetchone()
sys.exit(0 if ok and count == last and last >= int(sys.argv[2]) else 1)
PY
  then good=$((good + 1)); fi
done
echo "database restored from a backup taken while written: integrity ok and every committed row in $good of $runs runs"

# --- a flipped byte in a pack file, RUNS times --------------------------------------------------
found=0
for i in $(seq 1 "$runs"); do
  rm -rf "$work/repo-damaged"; cp -a "$work/repo-db" "$work/repo-damaged"
  printf 'name = "db"\ncommand = "sleep 100000"\n[backup]\nrepository = "%s"\n' "$work/repo-damaged" > "$work/db/.vantage.toml"
  python3 - "$work/repo-damaged" "$i" <<'PY'
import os, random, sys
random.seed(int(sys.argv[2]))
packs = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(sys.argv[1], "data")) for f in fs]
pack = random.choice(packs); os.chmod(pack, 0o600)
size = os.path.getsize(pack); at = random.randrange(size)
with open(pack, "r+b") as f:
    f.seek(at); b = f.read(1); f.seek(at); f.write(bytes([b[0] ^ (1 << random.randrange(8))]))
PY
  if ! v verify db >/dev/null 2>&1; then found=$((found + 1)); fi
done
echo "a flipped byte in a pack file: reported as damage by vantage backup verify in $found of $runs runs"
