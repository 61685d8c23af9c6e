#!/usr/bin/env bash
# A PostgreSQL server of the test suite's own. `postgres.sh start PORT` installs PostgreSQL from Debian's packages
# when it is missing (as root), creates a fresh cluster in a temporary folder, starts it on 127.0.0.1:PORT with
# password authentication, and creates the role `roster` (password `roster-it-secret`; a superuser, so that tests
# can create databases of their own) and an empty database `roster_it`. `postgres.sh stop PORT` stops it and
# deletes the cluster, first copying the server's log to LOG when given. The build runs both around the system tests
# (pom.xml, exec-maven-plugin).
#
# Test settings only: fsync is off, since what the tests kill is Roster, not PostgreSQL or the machine. Every
# statement's plan is logged (auto_explain) with sequential scans priced out of the planner's choice
# (enable_seqscan=off), so a plan that still scans a table has no index it could use: the build reads the log
# afterwards and fails on such a plan (dev.roster.build.QueryPlans). Autovacuum looks at a table every second after a
# few changes, so the planner soon has the statistics a running Roster's database has, not those of empty tables.
set -euo pipefail
command=${1:?start or stop}
port=${2:-55432}
log_copy=${3:-}
cluster=${TMPDIR:-/tmp}/roster-it-postgres-$port

bin_dir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_owner() { # initdb and postgres refuse to run as root
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop() {
    local bin
    bin=$(bin_dir)
    if [ -n "$bin" ] && [ -f "$cluster/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [ -n "$log_copy" ] && [ -f "$cluster/server.log" ]; then
        cp "$cluster/server.log" "$log_copy"
    fi
    rm -rf "$cluster"
}

case "$command" in
start)
    if [ -z "$(bin_dir)" ]; then
        if [ "$(id -u)" != 0 ]; then
            echo "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql' (Debian) and try again" >&2
            exit 1
        fi
        echo "Installing PostgreSQL from Debian's packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq postgresql >/dev/null
    fi
    bin=$(bin_dir)
    log_copy= stop
    mkdir -p "$cluster"
    printf '%s\n' roster-it-secret > "$cluster/password"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres: "$cluster"
    fi
    as_owner "$bin/initdb" -D "$cluster/data" -U roster --pwfile="$cluster/password" --auth=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $cluster -c fsync=off -c full_page_writes=off -c max_connections=200 \
            -c shared_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 \
            -c auto_explain.log_nested_statements=on -c enable_seqscan=off -c autovacuum_naptime=1 \
            -c autovacuum_analyze_threshold=20 -c autovacuum_analyze_scale_factor=0.05 \
            -c autovacuum_vacuum_threshold=20 -c autovacuum_vacuum_scale_factor=0.05 \
            -c autovacuum_vacuum_insert_threshold=20 -c autovacuum_vacuum_insert_scale_factor=0.05" start >/dev/null \
        || { cat "$cluster/server.log" >&2; exit 1; }
    # a linguistic default collation, as an operator's database would likely have (Roster must not depend on it)
    PGPASSWORD=roster-it-secret "$bin/psql" -h 127.0.0.1 -p "$port" -U roster -d postgres -qc \
        "CREATE DATABASE roster_it TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the system tests on 127.0.0.1:$port"
    ;;
stop)
    stop
    ;;
*)
    echo "usage: postgres.sh start|stop [port]" >&2
    exit 2
    ;;
esac
