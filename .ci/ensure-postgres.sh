#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432, that user `postgres` gets in without a
# password over TCP, and that a database `test` exists (TEST_DATABASE_URL's admin database).
#
#   1. already up and reachable  -> nothing to do (fast path);
#   2. a Debian cluster exists   -> pg_ctlcluster start;
#   3. PostgreSQL not installed  -> apt-get install postgresql, then start its cluster;
#   4. still no server           -> a private trust cluster in /tmp/comptoir-pg on port 5432.
# If the server is up but refuses passwordless access, a cluster we started (or any cluster under
# CI=true) gets trust lines for 127.0.0.1 in its pg_hba.conf; elsewhere we stop and explain.
# Idempotent; prints what it did.
set -euo pipefail

HOST=127.0.0.1
PORT=${ENSURE_PG_PORT:-5432}  # override only to try the script out beside a running server
DB=test
PRIVATE_DIR=${COMPTOIR_PG_DIR:-/tmp/comptoir-pg}
started_by_us=false

say() { echo "ensure-postgres: $*"; }
die() { echo "ensure-postgres: $*" >&2; exit 1; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
as_postgres() {
  if [[ $(id -u) -ne 0 ]]; then "$@"
  elif command -v runuser >/dev/null; then runuser -u postgres -- "$@"
  else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }
can_login() { psql -w -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; }
wait_ready() { for _ in $(seq 1 30); do ready && return 0; sleep 0.5; done; return 1; }
debian_clusters() { ls /etc/postgresql 2>/dev/null | sort -V; }

start_debian_cluster() {
  local ver
  for ver in $(debian_clusters); do
    [[ -d /etc/postgresql/$ver/main ]] || continue
    say "starting Debian cluster $ver/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
    wait_ready && { started_by_us=true; return 0; }
  done
  return 1
}

start_private_cluster() {
  local bin
  bin=$(pg_bindir)
  [[ -n "$bin" ]] || die "no PostgreSQL binaries found under /usr/lib/postgresql"
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
  fi
  if [[ ! -f "$PRIVATE_DIR/PG_VERSION" ]]; then
    say "initdb of a private trust cluster in $PRIVATE_DIR"
    as_root mkdir -p "$PRIVATE_DIR"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$PRIVATE_DIR"
    as_postgres "$bin/initdb" -D "$PRIVATE_DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  say "starting the private cluster on port $PORT"
  as_postgres "$bin/pg_ctl" -D "$PRIVATE_DIR" -l "$PRIVATE_DIR/server.log" -w \
    -o "-p $PORT -k /tmp -c listen_addresses=$HOST" start >/dev/null
  wait_ready || die "the private cluster did not come up; see $PRIVATE_DIR/server.log"
  started_by_us=true
}

allow_trust() {
  local hba ver
  for ver in $(debian_clusters); do
    hba=/etc/postgresql/$ver/main/pg_hba.conf
    [[ -f "$hba" ]] || continue
    if ! grep -q 'comptoir: trust' "$hba"; then
      say "adding trust for user postgres on 127.0.0.1 to $hba"
      as_root sed -i '1i host all postgres 127.0.0.1/32 trust # comptoir: trust for tests\nhost all postgres ::1/128 trust # comptoir: trust for tests' "$hba"
    fi
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload || true
  done
  sleep 0.5
}

# --- 1. a server on the port ------------------------------------------------------------------
if ready; then
  say "server already accepting connections on $HOST:$PORT"
else
  if [[ -z "$(debian_clusters)" && -z "$(pg_bindir)" ]]; then
    command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is unavailable: install PostgreSQL and rerun"
    say "PostgreSQL not installed: apt-get install postgresql"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -qq
    as_root apt-get install -y -qq postgresql >/dev/null
  fi
  start_debian_cluster || start_private_cluster
fi

# --- 2. passwordless access as postgres ---------------------------------------------------------
if ! can_login; then
  if [[ "$started_by_us" == true || "${CI:-}" == true ]] && [[ -n "$(debian_clusters)" ]]; then
    allow_trust
  fi
  can_login || die "the server on $HOST:$PORT refuses passwordless login as postgres. Add
  'host all postgres 127.0.0.1/32 trust' to pg_hba.conf and reload, or point TEST_DATABASE_URL elsewhere."
fi

# --- 3. the test database ---------------------------------------------------------------------
if [[ "$(psql -w -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" == 1 ]]; then
  say "database '$DB' exists; postgres://postgres@$HOST:$PORT/$DB ready"
else
  psql -w -h "$HOST" -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB" >/dev/null
  say "created database '$DB'; postgres://postgres@$HOST:$PORT/$DB ready"
fi
