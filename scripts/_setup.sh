# Shared set-up for build_warehouse.sh and test.sh (sourced, not run): a virtualenv in .venv with
# the project installed in editable mode, then `dbt parse` so dagster-dbt finds dbt/target/manifest.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
    echo "==> creating .venv with $PYTHON"
    "$PYTHON" -m venv .venv
fi
VENV_BIN="$ROOT/.venv/bin"
export PATH="$VENV_BIN:$PATH"

echo "==> installing the project (pip install -e .[dev])"
python -m pip install --quiet --disable-pip-version-check -e ".[dev]"

export DAGSTER_HOME="${DAGSTER_HOME:-$ROOT/.dagster_home}"
mkdir -p "$DAGSTER_HOME"
[ -f "$DAGSTER_HOME/dagster.yaml" ] || printf 'telemetry:\n  enabled: false\n' > "$DAGSTER_HOME/dagster.yaml"
export DO_NOT_TRACK=1 DBT_SEND_ANONYMOUS_USAGE_STATS=false GX_ANALYTICS_ENABLED=False

# The profile reads WAREHOUSE_PATH; settings.py resolves it the same way (relative = from the repo root).
export WAREHOUSE_PATH="$(python -c 'from dagster_project import settings; print(settings.warehouse_path())')"

echo "==> dbt parse"
dbt parse --quiet --project-dir "$ROOT/dbt" --profiles-dir "$ROOT/dbt"
