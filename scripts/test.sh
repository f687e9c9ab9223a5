#!/usr/bin/env bash
# Install, dbt parse, then the whole test suite (unit, definitions, dbt, expectations, integration).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"

echo "==> pytest"
python -m pytest -q "$@"
