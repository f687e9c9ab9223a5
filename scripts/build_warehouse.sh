#!/usr/bin/env bash
# Build the warehouse from the articles in seeds/ (or $NEWS_INPUT_DIR) into
# warehouse/warehouse.duckdb (or $WAREHOUSE_PATH): install, dbt parse, run the refresh_warehouse job.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"

echo "==> running refresh_warehouse"
python -m dagster_project.cli build --no-parse "$@"
