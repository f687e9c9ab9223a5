#!/usr/bin/env bash
# Build the warehouse from the articles in input/ (or $NEWS_INPUT_DIR; the first build creates input/
# with a copy of the seed articles of seeds/) into warehouse/warehouse.duckdb (or $WAREHOUSE_PATH):
# install, dbt parse, run the refresh_warehouse job. The run is recorded in $DAGSTER_HOME (.dagster_home/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"

echo "==> running refresh_warehouse"
python -m dagster_project.cli build --no-parse "$@"
