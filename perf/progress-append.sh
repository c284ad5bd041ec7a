#!/usr/bin/env bash
# A progress report appended to programme-service's read model, by the statements of before the pointer table
# (V1–V6: number the revision with max(revision) + 1 over the programme's reports, retire the flagged current one,
# flag the new one) and by the pointer statement the projector runs now (V7, ReportRevisions.appendKeepingCurrent
# for a batch of one), side by side in one PostgreSQL, at several sizes of one programme's history. One client
# (pgbench), one report per transaction, committed; the rounds alternate the two.
#
# Needs no stack: it starts a PostgreSQL of its own on PERF_PG_PORT (55999) in PERF_PG_DATA, from PERF_PG_BIN (the
# PostgreSQL 17 the tests extract under /tmp/embedded-pg, else Debian's). Settings: PERF_SIZES (reports of history,
# multiples of 400: "10000 100000 400000"), PERF_ROUNDS (3), PERF_TRANSACTIONS (1000 per variant and round).
set -euo pipefail
cd "$(dirname "$0")/.."
HERE=perf/progress-append
MIGRATIONS=programme-service/src/main/resources/db/migration
PG_BIN=${PERF_PG_BIN:-$(dirname "$(ls -d /tmp/embedded-pg/PG-*/bin/postgres /usr/lib/postgresql/*/bin/postgres 2>/dev/null | head -1)")}
DATA=${PERF_PG_DATA:-/tmp/planwatch-progress-append-pg}
PORT=${PERF_PG_PORT:-55999}
TRANSACTIONS=${PERF_TRANSACTIONS:-1000}
ROUNDS=${PERF_ROUNDS:-3}
export PGHOST=/tmp PGPORT=$PORT PGUSER=postgres PGDATABASE=progress_append
command -v pgbench >/dev/null || apt-get install -y -q postgresql-client >/dev/null
# PostgreSQL does not run as root: as the postgres user where there is one.
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
rm -rf "$DATA" && mkdir -p "$DATA" && { [ "$(id -u)" != 0 ] || chown postgres "$DATA"; }
as_owner "'$PG_BIN/initdb' -D '$DATA' -U postgres -A trust -E UTF8 --no-locale >/dev/null"
as_owner "'$PG_BIN/pg_ctl' -D '$DATA' -o '-p $PORT -k /tmp -c shared_buffers=256MB' -l '$DATA/log' -w start >/dev/null"
stop_postgres() { as_owner "'$PG_BIN/pg_ctl' -D '$DATA' -m fast -w stop >/dev/null"; }
trap stop_postgres EXIT
psql -q -d postgres -c "create database progress_append"
# The two schemas as each version of the migrations leaves them.
{ echo "create schema flagged; set search_path = flagged;"; for v in 1 2 3 4 5 6; do cat "$MIGRATIONS"/V${v}__*.sql; done
  echo "create schema pointer; set search_path = pointer;"; for v in 1 2 3 4 5 6 7; do cat "$MIGRATIONS"/V${v}__*.sql; done
} | psql -q -v ON_ERROR_STOP=1 >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD)"
for rows in ${PERF_SIZES:-10000 100000 400000}; do
  psql -q -v ON_ERROR_STOP=1 -v rows="$rows" -f "$HERE/seed.sql" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    for variant in flagged pointer; do
      tps=$(pgbench -n -M extended -t "$TRANSACTIONS" -f "$HERE/$variant.sql" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
      echo "$(date -u +%T) history=$rows round=$round $variant reports/s=$tps"
    done
  done
done
