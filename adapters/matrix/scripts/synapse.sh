#!/usr/bin/env bash
# A real Synapse homeserver on 127.0.0.1 for the Matrix adapter's tests.
# Debian 12 has no Synapse package, Debian unstable has: it is installed once into a debootstrap chroot
# cached outside the checkout, so only the first run on a machine pays for it (about a minute).
#
#   synapse.sh install        install (or reuse) the chroot
#   synapse.sh start [PORT]   start Synapse if it is not running; prints its base URL on the last line
#   synapse.sh stop           stop it (by its own pid) and unmount /proc
#   synapse.sh reset          stop, then forget every user, room and message
#   synapse.sh secret         print the registration shared secret
set -euo pipefail

CACHE=${ANIMABOT_SYNAPSE_CACHE:-/var/cache/animabot-synapse}
ROOT=$CACHE/root
PORT=${2:-${ANIMABOT_SYNAPSE_PORT:-8448}}
PIDFILE=$CACHE/synapse.pid
LOG=$CACHE/synapse.log
SECRET=animabot-test-registration-secret

log() { echo "synapse.sh: $*" >&2; }

mirror() {
  # the mirror apt already uses on this machine (the only one reachable here)
  local uri
  uri=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -m1 '/debian$' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

installed() {
  [ -x "$ROOT/usr/bin/python3" ] && chroot "$ROOT" python3 -c 'import synapse' 2>/dev/null
}

install() {
  if installed; then
    return
  fi
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  mkdir -p "$CACHE"
  local partial=$CACHE/root.partial
  rm -rf "$partial"
  log "installing Synapse from Debian unstable into $ROOT (once per machine)"
  # python3-cffi-backend must be named, or debootstrap cannot resolve a virtual package and Synapse stays unconfigured
  debootstrap --variant=minbase --include=matrix-synapse,python3-cffi-backend sid "$partial" "$(mirror)" >&2
  # renamed only when complete, so an interrupted install is never taken for a cached one
  rm -rf "$ROOT"
  mv "$partial" "$ROOT"
  installed || { log "Synapse is not importable in $ROOT"; exit 1; }
}

running() {
  [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

configure() {
  mkdir -p "$ROOT/data"
  if [ ! -f "$ROOT/data/homeserver.yaml" ]; then
    chroot "$ROOT" sh -c 'cd /data && python3 -m synapse.app.homeserver --server-name localhost \
      --config-path /data/homeserver.yaml --generate-config --report-stats=no' >&2
  fi
  # a second config file overrides the generated one, key by key
  cat > "$ROOT/data/animabot-test.yaml" <<YAML
listeners:
  - port: $PORT
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
suppress_key_server_warning: true
trusted_key_servers: []
presence:
  enabled: false
# Limits stay on (the adapter must respect them) but high enough for test bursts.
rc_message:
  per_second: 100
  burst_count: 500
rc_login:
  address: {per_second: 100, burst_count: 500}
  account: {per_second: 100, burst_count: 500}
  failed_attempts: {per_second: 100, burst_count: 500}
rc_registration:
  per_second: 100
  burst_count: 500
rc_joins:
  local: {per_second: 100, burst_count: 500}
  remote: {per_second: 100, burst_count: 500}
rc_invites:
  per_room: {per_second: 100, burst_count: 500}
  per_user: {per_second: 100, burst_count: 500}
  per_issuer: {per_second: 100, burst_count: 500}
rc_admin_redaction:
  per_second: 100
  burst_count: 500
YAML
}

start() {
  install
  if running; then
    echo "http://127.0.0.1:$(cat "$CACHE/synapse.port")"
    return
  fi
  mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
  configure
  echo "$PORT" > "$CACHE/synapse.port"
  chroot "$ROOT" sh -c 'cd /data && exec python3 -m synapse.app.homeserver \
      --config-path /data/homeserver.yaml --config-path /data/animabot-test.yaml' > "$LOG" 2>&1 &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/_matrix/client/versions" >/dev/null 2>&1; then
      echo "http://127.0.0.1:$PORT"
      return
    fi
    if ! running; then
      break
    fi
    sleep 0.5
  done
  log "Synapse did not answer on port $PORT; its log ends with:"
  tail -30 "$LOG" >&2
  exit 1
}

stop() {
  if running; then
    local pid
    pid=$(cat "$PIDFILE")
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
  if mountpoint -q "$ROOT/proc" 2>/dev/null; then umount "$ROOT/proc" || umount -l "$ROOT/proc"; fi
}

reset() {
  stop
  rm -rf "$ROOT/data/homeserver.db" "$ROOT/data/homeserver.db-"* "$ROOT/data/media_store"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  reset) reset ;;
  secret) echo "$SECRET" ;;
  *) echo "usage: $0 install|start [PORT]|stop|reset|secret" >&2; exit 2 ;;
esac
