#!/usr/bin/env bash
# The Dagster UI, sensor and schedule on this project: `dg dev` (http://localhost:3000) with the
# instance in $DAGSTER_HOME (default .dagster_home/, where build_warehouse.sh records its runs).
# Arguments go to dg dev (-p PORT, -h HOST ...). The console shows what the runs log (INFO: "parsed
# 3/3 articles", the quality headline) and the services' warnings; `--log-level info` brings back the
# webserver's and daemon's own lines (two per sensor tick). Needs .venv: run
# `bash scripts/build_warehouse.sh` once first.
#
# Stop it with Ctrl-C in its terminal, or `bash scripts/stop.sh` from another one (the same signal,
# SIGINT: webserver, daemon and code server shut down cleanly). SIGTERM works too when started here:
# dg dev maps SIGTERM to its Ctrl-C handler, and a shell starting a command in the background
# (`bash scripts/dev.sh &`) makes it ignore SIGINT, so plain `dg dev &` ignores both; this script
# restores SIGINT first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ ! -x .venv/bin/dg ]; then
    echo "no .venv here: run 'bash scripts/build_warehouse.sh' first" >&2
    exit 1
fi
export VIRTUAL_ENV="$ROOT/.venv" PATH="$ROOT/.venv/bin:$PATH"
source "$ROOT/scripts/_instance.sh"

HOST=localhost PORT=3000
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[i]}" in
        -p|--port) PORT="${args[i+1]:-$PORT}" ;;
        -h|--host) HOST="${args[i+1]:-$HOST}" ;;
        --port=*) PORT="${args[i]#--port=}" ;;
        --host=*) HOST="${args[i]#--host=}" ;;
    esac
done
echo "Dagster UI: http://$HOST:$PORT (instance $DAGSTER_HOME; stop: Ctrl-C or bash scripts/stop.sh)"

echo $$ > "$DAGSTER_HOME/dg_dev.pid"  # exec keeps this process id: scripts/stop.sh signals it
exec python -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' dg dev --log-level warning "$@"
