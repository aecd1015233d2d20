#!/usr/bin/env bash
# A real Synapse homeserver on 127.0.0.1, for the Matrix adapter's end-to-end tests.
#
# Debian 12 has no Synapse package but Debian unstable has, so Synapse is installed once into a debootstrap
# chroot cached outside the checkout (about two minutes and 600 MB); later runs reuse it in well under a second.
#
#   synapse.sh install        install the chroot unless it already holds a working Synapse
#   synapse.sh start [PORT]   install if needed, start Synapse unless it already runs (port: 8448, or the next
#                             free one); prints the base URL, e.g. http://127.0.0.1:8448, on the last line
#   synapse.sh stop           stop it, by the pid it was started with, and unmount /proc from the chroot
#   synapse.sh reset          stop, then delete the database and media: the next start is a fresh server
#   synapse.sh url            print the base URL of the running server, or fail
#   synapse.sh secret         print the registration shared secret (also in ROOT/data/shared_secret)
#
# Environment (all optional): ANIMABOT_SYNAPSE_CACHE (default /var/cache/animabot-synapse),
# ANIMABOT_SYNAPSE_PORT (default port), ANIMABOT_SYNAPSE_MIRROR (Debian mirror; default: the one apt uses here).
# Needs root (debootstrap, chroot, mount); when run as another user it re-runs itself through `sudo -n`.
set -euo pipefail

CACHE=${ANIMABOT_SYNAPSE_CACHE:-/var/cache/animabot-synapse}
ROOT=$CACHE/root            # the chroot; only ever renamed into place once complete
DATA=$ROOT/data             # Synapse's config, signing key, sqlite database, media and log, seen as /data inside
PIDFILE=$CACHE/synapse.pid  # pid of the python3 process serving Synapse
PORTFILE=$CACHE/synapse.port
LOG=$CACHE/synapse.log      # the process's stdout/stderr; Synapse's own log is $DATA/homeserver.log
MARKER=.animabot-synapse-ok # in ROOT once the install is verified
SECRET=animabot-test-registration-secret
DEFAULT_PORT=8448

log() { echo "synapse.sh: $*" >&2; }
die() { log "$*"; exit 1; }

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null \
    || die "needs root (debootstrap, chroot, mount): run it as root or with passwordless sudo"
  exec sudo -n --preserve-env=ANIMABOT_SYNAPSE_CACHE,ANIMABOT_SYNAPSE_PORT,ANIMABOT_SYNAPSE_MIRROR bash "$0" "$@"
fi

# One caller at a time: parallel test JVMs must not install or start twice. Synapse itself is started with
# this descriptor closed, so it never holds the lock.
lock() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/.lock"
  flock -w 900 9 || die "another synapse.sh has held $CACHE/.lock for 15 minutes"
}

# The Debian mirror apt already uses on this machine (often the only one reachable), else deb.debian.org.
# Reads both one-line (sources.list) and deb822 (*.sources) files; skips the security archive.
mirror() {
  if [ -n "${ANIMABOT_SYNAPSE_MIRROR:-}" ]; then
    echo "$ANIMABOT_SYNAPSE_MIRROR"
    return
  fi
  local uri
  uri=$( {
    grep -hs '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | sed 's/^[^:]*:[[:space:]]*//' | tr ' ' '\n'
    grep -hs '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
      | sed -E 's/\[[^]]*\]//' | awk '{print $2}'
  } | grep -E '^(https?|file)://.*/debian/?$' | head -n 1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# Whether a tree holds a complete, importable Synapse. debootstrap can finish with Synapse unpacked but
# unconfigured (e.g. without python3-cffi-backend), hence the dpkg status check.
verify() {
  [ -x "$1/usr/bin/python3" ] \
    && [ "$(chroot "$1" dpkg-query -W -f='${Status}' matrix-synapse 2>/dev/null)" = "install ok installed" ] \
    && chroot "$1" python3 -c 'import synapse.app.homeserver' >/dev/null 2>&1
}

installed() {
  if [ -f "$ROOT/$MARKER" ] && [ -x "$ROOT/usr/bin/python3" ]; then
    return 0
  fi
  # a chroot made before the marker existed: verify it once (a few seconds), then mark it
  if verify "$ROOT"; then
    touch "$ROOT/$MARKER"
    return 0
  fi
  return 1
}

# Deletes a chroot tree. Anything mounted inside it (our /proc, or proc/sys left by an interrupted
# debootstrap) is unmounted first, and rm stays on this filesystem, so it can never wander into /proc or /sys.
discard() {
  local dir m
  [ -e "$1" ] || return 0
  dir=$(realpath "$1")
  awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  rm -rf --one-file-system "$dir"
}

install() {
  if installed; then
    return
  fi
  if ! command -v debootstrap >/dev/null || [ ! -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
    log "installing debootstrap"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap debian-archive-keyring >/dev/null
  fi
  local partial=$CACHE/root.partial url
  url=$(mirror)
  discard "$partial" # what an interrupted install left
  log "installing Synapse from Debian unstable ($url) into $ROOT, once per machine (about two minutes;"
  log "  log: $CACHE/install.log)"
  # python3-cffi-backend must be named, or debootstrap cannot resolve a virtual package and leaves Synapse
  # unconfigured. The explicit keyring lets this work on non-Debian hosts (e.g. Ubuntu CI runners) too.
  if ! debootstrap --variant=minbase --include=matrix-synapse,python3-cffi-backend \
      --keyring=/usr/share/keyrings/debian-archive-keyring.gpg sid "$partial" "$url" >"$CACHE/install.log" 2>&1; then
    tail -n 30 "$CACHE/install.log" >&2
    discard "$partial"
    die "debootstrap failed (log above)"
  fi
  verify "$partial" || { discard "$partial"; die "Synapse is not importable after debootstrap; see $CACHE/install.log"; }
  # the mirror may serve a dated snapshot whose Release file has expired: let apt in the chroot accept it
  echo 'Acquire::Check-Valid-Until "false";' > "$partial/etc/apt/apt.conf.d/99animabot-snapshot"
  touch "$partial/$MARKER"
  # a broken earlier install goes; the complete tree takes its name in one rename
  stop
  discard "$ROOT"
  mv "$partial" "$ROOT"
  log "installed ($(du -sh --one-file-system "$ROOT" | cut -f1))"
}

# Whether our Synapse runs: the pidfile's process is alive, is Synapse, and lives in this chroot.
running() {
  local pid
  [ -f "$PIDFILE" ] || return 1
  pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' 2>/dev/null < "/proc/$pid/cmdline" | grep -q 'synapse.app.homeserver' || return 1
  [ "$(readlink "/proc/$pid/root")" = "$(realpath "$ROOT")" ]
}

# Whether something on 127.0.0.1:PORT answers the client API. curl when present, else bash's /dev/tcp.
answers() {
  if command -v curl >/dev/null; then
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$1/_matrix/client/versions" 2>/dev/null
  else
    (
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf 'GET /_matrix/client/versions HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
      read -r -t 2 status <&3 && [[ $status == *" 200 "* ]]
    ) 2>/dev/null
  fi
}

# Whether anything listens on 127.0.0.1:PORT.
busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

choose_port() {
  local wanted=${1:-${ANIMABOT_SYNAPSE_PORT:-}} p
  if [ -n "$wanted" ]; then
    ! busy "$wanted" || die "port $wanted is already taken on 127.0.0.1"
    echo "$wanted"
    return
  fi
  for p in $(seq "$DEFAULT_PORT" $((DEFAULT_PORT + 100))); do
    if ! busy "$p"; then
      echo "$p"
      return
    fi
  done
  die "no free port in $DEFAULT_PORT..$((DEFAULT_PORT + 100))"
}

# homeserver.yaml is generated once (server name, signing key, secrets); the test settings live in a second
# file, loaded after it, whose top-level keys replace the generated ones. It is rewritten at every start.
configure() {
  local port=$1
  mkdir -p "$DATA"
  if [ ! -f "$DATA/homeserver.yaml" ]; then
    chroot "$ROOT" sh -c 'cd /data && python3 -m synapse.app.homeserver --server-name localhost \
      --config-path /data/homeserver.yaml --generate-config --report-stats=no' >&2
  fi
  printf '%s\n' "$SECRET" > "$DATA/shared_secret"
  cat > "$DATA/animabot-test.yaml" <<YAML
# Written by synapse.sh at every start; overrides homeserver.yaml key by key.
listeners:
  - port: $port
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: /data/homeserver.db
media_store_path: /data/media_store
registration_shared_secret: "$SECRET"
enable_registration: false
report_stats: false
# no network beyond loopback: never ask matrix.org for keys
trusted_key_servers: []
suppress_key_server_warning: true
presence:
  enabled: false
# cheap password hashing: registering and logging in take milliseconds instead of a quarter second each
bcrypt_rounds: 4
# Limits stay on, so the adapter meets M_LIMIT_EXCEEDED as in production when it overdoes it, but are high
# enough for test bursts. rc_message can be lowered (or lifted: 0) per user with the admin API
# POST /_synapse/admin/v1/users/{userId}/override_ratelimit.
rc_message: {per_second: 50, burst_count: 200}
rc_login:
  address: {per_second: 100, burst_count: 1000}
  account: {per_second: 100, burst_count: 1000}
  failed_attempts: {per_second: 100, burst_count: 1000}
rc_registration: {per_second: 100, burst_count: 1000}
rc_joins:
  local: {per_second: 100, burst_count: 1000}
  remote: {per_second: 100, burst_count: 1000}
rc_joins_per_room: {per_second: 100, burst_count: 1000}
rc_invites:
  per_room: {per_second: 100, burst_count: 1000}
  per_user: {per_second: 100, burst_count: 1000}
  per_issuer: {per_second: 100, burst_count: 1000}
rc_room_creation: {per_second: 100, burst_count: 1000}
rc_admin_redaction: {per_second: 100, burst_count: 1000}
YAML
}

url() {
  echo "http://127.0.0.1:$(cat "$PORTFILE")"
}

start() {
  install
  if running; then
    if [ -n "${1:-}" ] && [ "$1" != "$(cat "$PORTFILE")" ]; then
      log "already running on port $(cat "$PORTFILE"), not $1; run 'synapse.sh stop' first to change it"
    fi
    url
    return
  fi
  local port pid
  port=$(choose_port "${1:-}")
  mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
  configure "$port"
  echo "$port" > "$PORTFILE"
  rm -f "$DATA/homeserver.pid"
  # In its own session, so that a Ctrl-C or the end of the calling test JVM does not reach it; stdin, stdout and
  # stderr detached, so callers reading our stdout (the Java fixture) get their end of file; every other
  # inherited descriptor (our lock, a CI runner's pipes) is closed too
  (
    for fd in $(ls "/proc/$BASHPID/fd"); do
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done
    exec setsid chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/data LANG=C.UTF-8 \
      sh -c 'cd /data && exec python3 -m synapse.app.homeserver \
        --config-path /data/homeserver.yaml --config-path /data/animabot-test.yaml'
  ) </dev/null >"$LOG" 2>&1 &
  pid=$!
  echo "$pid" > "$PIDFILE"
  for _ in $(seq 1 240); do # 60 s
    if answers "$port"; then
      # Synapse's own pidfile names the serving process even if setsid had to fork
      if [ -s "$DATA/homeserver.pid" ] && kill -0 "$(cat "$DATA/homeserver.pid")" 2>/dev/null; then
        cat "$DATA/homeserver.pid" > "$PIDFILE"
      fi
      url
      return
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  log "Synapse did not answer on http://127.0.0.1:$port within 60 s; the end of its output and of its log:"
  tail -n 20 "$LOG" >&2 || true
  tail -n 30 "$DATA/homeserver.log" >&2 2>/dev/null || true
  stop
  exit 1
}

stop() {
  local pid
  if running; then
    pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 1 60); do # 15 s, then no more patience
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "Synapse ($pid) ignored SIGTERM; killing it"
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$PIDFILE"
  if mountpoint -q "$ROOT/proc" 2>/dev/null; then
    umount "$ROOT/proc" 2>/dev/null || umount -l "$ROOT/proc"
  fi
}

reset() {
  stop
  rm -rf "$DATA/homeserver.db" "$DATA"/homeserver.db-* "$DATA/media_store" "$DATA"/homeserver.log*
}

case "${1:-}" in
  install) lock; install ;;
  start) lock; start "${2:-}" ;;
  stop) lock; stop ;;
  reset) lock; reset ;;
  url) running || die "not running"; url ;;
  secret) echo "$SECRET" ;;
  *) echo "usage: $0 install | start [PORT] | stop | reset | url | secret" >&2; exit 2 ;;
esac
