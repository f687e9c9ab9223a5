#!/usr/bin/env bash
# Stop the `dg dev` that scripts/dev.sh started, as Ctrl-C in its terminal would (SIGINT): the
# webserver, the daemon and the code server shut down cleanly. Waits up to 60 s for it to exit.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster_home}"
PIDFILE="$DAGSTER_HOME/dg_dev.pid"

if [ ! -f "$PIDFILE" ]; then
    echo "no $PIDFILE: no dg dev started by scripts/dev.sh with this DAGSTER_HOME (Ctrl-C stops one in its terminal)"
    exit 1
fi
PID="$(cat "$PIDFILE")"
if ! ps -o args= -p "$PID" 2>/dev/null | grep -q "dg dev"; then
    echo "dg dev (pid $PID) is not running"
    rm -f "$PIDFILE"
    exit 0
fi
echo "stopping dg dev (pid $PID)"
kill -INT "$PID"
for _ in $(seq 60); do
    if ! kill -0 "$PID" 2>/dev/null; then
        rm -f "$PIDFILE"
        echo "dg dev stopped"
        exit 0
    fi
    sleep 1
done
echo "dg dev (pid $PID) is still running after 60 s" >&2
exit 1
