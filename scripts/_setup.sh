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

source "$ROOT/scripts/_instance.sh"

# Test prerequisite (scripts/test.sh only): headless Chromium for tests/ui (screenshots of the Dagster UI).
if [ "$(basename "${BASH_SOURCE[1]:-}")" = "test.sh" ] && ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "==> installing chromium (apt-get) for the UI tests"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
            || echo "warning: could not install chromium; the UI screenshot tests will fail in CI, skip elsewhere"
    else
        echo "warning: chromium not found (apt-get install chromium); the UI screenshot tests will be skipped"
    fi
fi

echo "==> dbt parse"
dbt parse --quiet --project-dir "$ROOT/dbt" --profiles-dir "$ROOT/dbt"
