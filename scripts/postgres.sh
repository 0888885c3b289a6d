#!/usr/bin/env bash
# Source this (`. scripts/postgres.sh`) to get a throwaway PostgreSQL for the tests in STATE_TEST_POSTGRES_URL.
# Does nothing when STATE_TEST_POSTGRES_URL is already set. Otherwise initialises a cluster in a temporary folder
# (initdb from /usr/lib/postgresql/*/bin), starts it on 127.0.0.1 on a free port, creates a database, exports the
# URL and stops the server and removes the folder when the sourcing shell exits (trap on EXIT).
# As root, the cluster runs as the `postgres` user (initdb refuses root). Without the binaries it says so and
# exports nothing: the PostgreSQL tests then skip, or fail under CI=true.

pg_test_start() {
    if [ -n "${STATE_TEST_POSTGRES_URL:-}" ]; then
        return 0
    fi
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "postgres.sh: no PostgreSQL binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql);" \
            "PostgreSQL tests will not run" >&2
        return 0
    fi
    local run=()
    if [ "$(id -u)" = 0 ]; then
        id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
        run=(runuser -u postgres --)
    fi
    PG_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/bot-pg.XXXXXX")
    [ ${#run[@]} -eq 0 ] || chown postgres: "$PG_TEST_DIR"
    PG_TEST_CTL=("${run[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data")
    trap pg_test_stop EXIT
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "${run[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U bot --auth=trust --no-sync -E UTF8 >"$PG_TEST_DIR/initdb.log"
    "${PG_TEST_CTL[@]}" -l "$PG_TEST_DIR/server.log" -w -t 30 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c synchronous_commit=off \
         -c full_page_writes=off -c max_connections=200" >/dev/null
    "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U bot bot_test
    export STATE_TEST_POSTGRES_URL="postgresql://bot@127.0.0.1:$port/bot_test"
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $STATE_TEST_POSTGRES_URL" >&2
}

pg_test_stop() {
    if [ -n "${PG_TEST_DIR:-}" ]; then
        "${PG_TEST_CTL[@]}" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$PG_TEST_DIR"
        PG_TEST_DIR=
    fi
}

pg_test_start
