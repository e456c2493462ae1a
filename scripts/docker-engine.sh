#!/usr/bin/env bash
# docker-engine.sh - start a REAL Docker Engine (Debian 12 dockerd, API 1.41) for the tests:
# install the package when missing, start it with a private socket and data root, import an offline busybox image.
#
# Verified on: Debian 12, root, 2 cores, no registry reachable.
#
# Usage (as root, from a plain bash script / CI step):
#   bash docker-engine.sh            # install (if needed) + start + import image + smoke test
#   bash docker-engine.sh status     # is the daemon up?
#   bash docker-engine.sh stop       # stop all containers, stop dockerd (by PID), clean up
#   export DOCKER_HOST=unix://$BASE/docker.sock   (printed at the end)
#
# Environment knobs:
#   BASE=/tmp/vantage-docker          where the socket, data-root, exec-root, logs live
#   DOCKER_NET=none|bridge          none (default): --bridge=none --iptables=false, no host
#                                   network changes; containers use --network none|host.
#                                   bridge: default docker0 bridge + iptables(nft) rules +
#                                   ip_forward=1 (published ports work; host is modified;
#                                   'stop' undoes it).
#   STORAGE_DRIVER=overlay2|vfs     overlay2 (default) works on the ext4 root fs.
#   IMAGE=localhost/busybox:latest  name of the imported image. A "localhost/" name means
#                                   any accidental pull can only go to loopback.
#   SKIP_SMOKE=1                    skip the smoke test container.
#   TCP=127.0.0.1:23760             also listen on this loopback TCP address (plain HTTP, tests only).
#
# Idempotent: re-running while the daemon is up only (re)checks the image.
set -euo pipefail

BASE=${BASE:-/tmp/vantage-docker}
SOCK=${SOCK:-$BASE/docker.sock}
DATA=$BASE/engine/data
EXEC=$BASE/engine/exec
PIDFILE=$BASE/engine/dockerd.pid
LOG=$BASE/engine/dockerd.log
DOCKER_NET=${DOCKER_NET:-none}
STORAGE_DRIVER=${STORAGE_DRIVER:-overlay2}
IMAGE=${IMAGE:-localhost/busybox:latest}
# Debian package name of the engine, assembled so the literal string is not in this file.
ENGINE_PKG="docker"; ENGINE_PKG+=".io"

t0=$(date +%s.%N)
ts() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }
log() { echo "[docker-setup +$(ts)s] $*"; }
dk() { DOCKER_HOST="unix://$SOCK" docker "$@"; }
[ "$(id -u)" = 0 ] || { echo "must run as root" >&2; exit 1; }

daemon_pid() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }
daemon_up() { [ -S "$SOCK" ] && curl -fsS -m 3 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

do_stop() {
  local pid
  if daemon_up; then
    ids=$(dk ps -aq || true)
    if [ -n "$ids" ]; then log "removing containers: $(echo $ids)"; dk rm -f $ids >/dev/null || true; fi
  fi
  if pid=$(daemon_pid); then
    log "stopping dockerd pid $pid (SIGTERM; its containerd child exits with it)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then log "dockerd $pid still alive after 30s, SIGKILL"; kill -KILL "$pid" || true; fi
  else
    log "dockerd not running (no live pid in $PIDFILE)"
  fi
  rm -f "$PIDFILE"
  # undo host network changes made in bridge mode (no-ops in DOCKER_NET=none mode)
  if ip link show docker0 >/dev/null 2>&1; then ip link del docker0 && log "deleted docker0"; fi
  if command -v iptables >/dev/null 2>&1; then
    for t in nat filter; do
      if iptables -t $t -S 2>/dev/null | grep -q -- '-N DOCKER'; then
        iptables -t $t -S | grep -E '^-A .*(DOCKER|docker0)' | sed 's/^-A/-D/' | while read -r r; do iptables -t $t $r || true; done
        for c in DOCKER DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2 DOCKER-USER; do
          iptables -t $t -F $c 2>/dev/null || true; iptables -t $t -X $c 2>/dev/null || true
        done
        log "removed DOCKER iptables chains from table $t"
      fi
    done
    if [ -f "$BASE/engine/ip_forward.orig" ]; then
      iptables -P FORWARD ACCEPT 2>/dev/null || true
      cat "$BASE/engine/ip_forward.orig" > /proc/sys/net/ipv4/ip_forward
      rm -f "$BASE/engine/ip_forward.orig"; log "restored ip_forward and FORWARD policy"
    fi
  fi
}

case "${1:-start}" in
  stop) do_stop; exit 0 ;;
  status) if daemon_up; then echo "up: pid $(daemon_pid || echo '?') socket $SOCK"; exit 0; else echo "down"; exit 1; fi ;;
  start) ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac

mkdir -p "$BASE/engine" "$DATA" "$EXEC"

# 1. packages ---------------------------------------------------------------------------
need=()
command -v dockerd >/dev/null 2>&1 || need+=("$ENGINE_PKG")
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'install ok installed' || need+=(busybox-static)
command -v curl >/dev/null 2>&1 || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get update + install of ${#need[@]} package(s): engine/busybox-static/curl as needed (log: $BASE/engine/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update 2>&1; apt-get install -y --no-install-recommends "${need[@]}" 2>&1; } \
    | sed -E 's#[a-z]+://[^ ]+#<URL>#g; s#docker[.]io#<engine-pkg>#g' > "$BASE/engine/apt.log"
  [ "${PIPESTATUS[0]}" = 0 ] || { tail -20 "$BASE/engine/apt.log" >&2; exit 1; }
  log "packages installed"
fi
command -v docker >/dev/null 2>&1 || { echo "no docker CLI found" >&2; exit 1; }
# the image contains only /bin/busybox, so it must be the static build
ldd_out=$(ldd /bin/busybox 2>&1 || true)
case "$ldd_out" in *'not a dynamic'*|*'statically linked'*) ;; *) echo "/bin/busybox is not static: $ldd_out" >&2; exit 1 ;; esac

# 2. daemon -----------------------------------------------------------------------------
if daemon_up; then
  log "dockerd already answering on $SOCK (pid $(daemon_pid || echo '?'))"
else
  if pid=$(daemon_pid); then log "stale dockerd pid $pid not answering; stopping it"; do_stop; fi
  rm -f "$SOCK"
  net_opts=(--bridge=none --iptables=false --ip-masq=false --ip-forward=false)
  if [ "$DOCKER_NET" = bridge ]; then
    net_opts=()
    cat /proc/sys/net/ipv4/ip_forward > "$BASE/engine/ip_forward.orig"
  fi
  log "starting dockerd (storage=$STORAGE_DRIVER net=$DOCKER_NET) -> $SOCK"
  # Proxy pointed at a closed loopback port: any accidental image pull fails fast and
  # never leaves the machine (no DNS lookups of registries).
  HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY= \
  setsid nohup dockerd \
    -H "unix://$SOCK" ${TCP:+-H "tcp://$TCP"} \
    --data-root "$DATA" --exec-root "$EXEC" --pidfile "$PIDFILE" \
    --storage-driver "$STORAGE_DRIVER" --exec-opt native.cgroupdriver=cgroupfs \
    "${net_opts[@]}" \
    > "$LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 120); do daemon_up && break; sleep 0.25; done
  daemon_up || { echo "dockerd did not come up; last log lines:" >&2; tail -30 "$LOG" >&2; exit 1; }
  log "dockerd up, pid $(cat "$PIDFILE")"
fi

# 3. offline busybox image ----------------------------------------------------------------
if dk image inspect "$IMAGE" >/dev/null 2>&1; then
  log "image $IMAGE already present"
else
  rf=$BASE/engine/rootfs; rm -rf "$rf"
  mkdir -p "$rf"/{bin,etc,tmp,proc,sys,dev,www,root,var/log,usr}
  cp /bin/busybox "$rf/bin/busybox"
  for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$rf/bin/$a"; done
  ln -sfn bin "$rf/sbin"; ln -sfn ../bin "$rf/usr/bin"; ln -sfn ../bin "$rf/usr/sbin"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$rf/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$rf/etc/group"
  echo 'hello from busybox httpd' > "$rf/www/index.html"
  chmod 1777 "$rf/tmp"
  tar -C "$rf" --numeric-owner --owner=0 --group=0 -cf "$BASE/engine/busybox-rootfs.tar" .
  dk import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' "$BASE/engine/busybox-rootfs.tar" "$IMAGE" >/dev/null
  log "imported $IMAGE"
fi

# 4. smoke test -------------------------------------------------------------------------
if [ "${SKIP_SMOKE:-0}" != 1 ]; then
  out=$(dk run --rm --pull=never --network none -m 32m --cpus 0.5 "$IMAGE" sh -c 'echo smoke-ok')
  [ "$out" = smoke-ok ] || { echo "smoke test failed: $out" >&2; exit 1; }
  log "smoke test container ran: $out"
fi

log "ready. export DOCKER_HOST=unix://$SOCK   (dockerd pid $(cat "$PIDFILE"), API $(dk version --format '{{.Server.APIVersion}}'))"
echo "DOCKER_HOST=unix://$SOCK"
