"""The job that refreshes the whole warehouse: ingest, extraction, resolution, dbt, quality checks, report."""

import dagster as dg

refresh_warehouse = dg.define_asset_job(
    name="refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description="Materialise every asset (raw -> nlp -> dbt marts -> quality report) with all asset checks.",
    executor_def=dg.in_process_executor,
)
