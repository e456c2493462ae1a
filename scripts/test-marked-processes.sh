# Sourced by scripts/test (and its test, TestRunCleanupEndToEndTests). Every process a test run
# starts inherits VANTAGE_TEST_RUN=<run id> in its environment, even daemons that leave the process
# group and tmux servers; these functions find and stop the ones still running. The caller must
# have removed the mark from its own exports first (`export -n VANTAGE_TEST_RUN`), or the commands
# these functions run would carry it too.

# True when process $1 was started with the mark of run $2.
is_marked() { { tr '\0' '\n' <"/proc/$1/environ"; } 2>/dev/null | grep -qx "VANTAGE_TEST_RUN=$2"; }

# The processes carrying the mark of run $1, one pid a line (this shell excluded).
marked_pids() {
  local dir
  for dir in /proc/[0-9]*; do
    [ "${dir#/proc/}" != $$ ] && is_marked "${dir#/proc/}" "$1" && echo "${dir#/proc/}"
  done
  return 0
}

# Stops every process carrying the mark of run $1 (SIGTERM, SIGKILL after 2 s) and prints what it
# stopped ("3 process(es): sleep x2, tmux: x1"), or nothing when none was left.
stop_marked_processes() {
  local pids n
  pids=$(marked_pids "$1")
  [ -n "$pids" ] || return 0
  n=$(echo "$pids" | wc -l)
  echo "$n process(es): $(ps -o comm= -p "$(echo $pids | tr ' ' ,)" 2>/dev/null | sort | uniq -c | awk '{printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1}')"
  kill -TERM $pids 2>/dev/null || true
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    [ -n "$(marked_pids "$1")" ] || return 0
    sleep 0.2
  done
  pids=$(marked_pids "$1")
  [ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
}
