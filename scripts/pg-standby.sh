#!/usr/bin/env bash
# A PostgreSQL primary with a streaming hot standby on this machine, from Debian's own packages
# (issue 15, "A standby database"; docs/OPERATIONS.md § Standby). The failover test uses it; it is
# also the recipe, on one machine, of what production does on two.
#
#   pg-standby.sh start   <dir> <primary-port> <standby-port>   both, the standby synchronous
#   pg-standby.sh primary <dir> <primary-port>                  a primary only (load data, then:)
#   pg-standby.sh standby <dir> <primary-port> <standby-port>   pg_basebackup -R, hot standby, then synchronous
#   pg-standby.sh status  <dir>                                 the primary's view of its standby
#   pg-standby.sh kill-primary <dir>                            the primary stops as in a crash (no checkpoint)
#   pg-standby.sh promote <dir>                                 the standby becomes a writable primary
#   pg-standby.sh stop    <dir>                                 both stop (immediate)
#
# Data in <dir>/primary and <dir>/standby, sockets in <dir>; connections from 127.0.0.1 are trusted
# (a throwaway cluster, as scripts/pg-temp.sh). The primary's URL is printed by `primary`, the
# standby's by `standby`. PG_STANDBY_FSYNC=off turns fsync off on both (tests on a slow disk only:
# a killed process loses nothing the kernel holds, but a power cut would).
set -euo pipefail
cmd=${1:?usage: pg-standby.sh start|primary|standby|status|kill-primary|promote|stop <dir> [ports]}
dir=${2:?a folder}
# Absolute: PostgreSQL reads a relative socket folder (-k) from inside its data folder, not from here.
dir=$(realpath -m -- "$dir")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (scripts/ensure-system-deps.sh)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
STANDBY_NAME=standby1
psql_on() { local port=$1; shift; as_pg "$bin/psql" -X -q -t -A -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

start_primary() {
  local port=$1
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_pg "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1
  # Settings both servers share (pg_basebackup copies this file to the standby).
  as_pg tee -a "$dir/primary/postgresql.conf" >/dev/null <<EOF
# --- scripts/pg-standby.sh ---
listen_addresses = '127.0.0.1'
max_connections = 200
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
wal_keep_size = 256MB
hot_standby = on
hot_standby_feedback = on
synchronous_commit = on
fsync = ${PG_STANDBY_FSYNC:-on}
EOF
  as_pg "$bin/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -o "-p $port -k '$dir'" start >/dev/null
  # The role the standby streams as (production: a password and hostssl in pg_hba.conf, see docs).
  psql_on "$port" -c "CREATE ROLE replicator WITH REPLICATION LOGIN" >/dev/null
  echo "$port" >"$dir/primary.port"
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

start_standby() {
  local pport=$1 sport=$2
  as_pg mkdir -p "$dir/standby"
  as_pg chmod 700 "$dir/standby"
  # -R writes standby.signal and primary_conninfo (with the application_name synchronous_standby_names
  # refers to); -X stream copies the WAL written meanwhile; a physical slot keeps the WAL the standby
  # still needs even if it falls behind; -c fast checkpoints at once (a spread one takes minutes).
  as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$pport" -U replicator -D "$dir/standby" -R -X stream -c fast \
    -C -S "$STANDBY_NAME" -d "application_name=$STANDBY_NAME" >"$dir/basebackup.log" 2>&1
  as_pg "$bin/pg_ctl" -D "$dir/standby" -l "$dir/standby.log" -w -o "-p $sport -k '$dir'" start >/dev/null
  echo "$sport" >"$dir/standby.port"
  # Wait until it streams, then make it synchronous: from here a commit is acknowledged only once
  # the standby has flushed its WAL (synchronous_commit = on).
  for _ in $(seq 1 100); do
    [ "$(psql_on "$pport" -c "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$STANDBY_NAME' AND state = 'streaming'")" = 1 ] && break
    sleep 0.2
  done
  psql_on "$pport" -c "ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 ($STANDBY_NAME)'" -c "SELECT pg_reload_conf()" >/dev/null
  for _ in $(seq 1 100); do
    [ "$(psql_on "$pport" -c "SELECT sync_state FROM pg_stat_replication WHERE application_name = '$STANDBY_NAME'")" = sync ] && {
      echo "postgresql://postgres@127.0.0.1:$sport/postgres"
      return 0
    }
    sleep 0.2
  done
  echo "the standby did not become synchronous; see $dir/standby.log" >&2
  return 1
}

case "$cmd" in
  start)
    start_primary "${3:?primary port}" >/dev/null
    start_standby "$3" "${4:?standby port}"
    ;;
  primary) start_primary "${3:?primary port}" ;;
  standby) start_standby "${3:?primary port}" "${4:?standby port}" ;;
  status)
    psql_on "$(cat "$dir/primary.port")" -c "SELECT application_name, state, sync_state, replay_lsn FROM pg_stat_replication"
    ;;
  kill-primary)
    as_pg "$bin/pg_ctl" -D "$dir/primary" -m immediate stop >/dev/null
    ;;
  promote)
    # The standby replays what it received, leaves recovery and accepts writes. It has no standby of
    # its own: commits no longer wait for one (its synchronous_standby_names was copied empty).
    as_pg "$bin/pg_ctl" -D "$dir/standby" -w promote >/dev/null
    for _ in $(seq 1 100); do
      [ "$(psql_on "$(cat "$dir/standby.port")" -c "SELECT pg_is_in_recovery()")" = f ] && exit 0
      sleep 0.2
    done
    echo "the standby did not leave recovery; see $dir/standby.log" >&2
    exit 1
    ;;
  stop)
    for node in standby primary; do
      [ -d "$dir/$node" ] && as_pg "$bin/pg_ctl" -D "$dir/$node" -m immediate stop >/dev/null 2>&1 || true
    done
    ;;
  *)
    echo "unknown command: $cmd" >&2
    exit 2
    ;;
esac
