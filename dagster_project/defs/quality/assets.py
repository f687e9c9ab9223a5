"""quality/report: the latest result of every asset check (GX suites and dbt tests), as JSON and HTML."""

import json
from typing import Any

import dagster as dg

from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.defs.warehouse.project import mart_keys
from dagster_project.quality.report import summarise, write_report


def _evaluation_row(check_key: dg.AssetCheckKey, record, run_id: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "asset": check_key.asset_key.to_user_string(),
        "check": check_key.name,
        "status": "NOT_RUN",
        "passed": None,
        "severity": None,
        "this_run": False,
        "description": None,
        "metadata": {},
    }
    if record is None:
        return row
    row["status"] = record.status.value
    row["this_run"] = record.run_id == run_id
    evaluation = None
    if record.event is not None and record.event.dagster_event is not None:
        data = record.event.dagster_event.event_specific_data
        evaluation = data if hasattr(data, "passed") else None
    if evaluation is not None:
        row["passed"] = evaluation.passed
        row["severity"] = evaluation.severity.value if evaluation.severity else None
        row["description"] = evaluation.description
        for key, value in (evaluation.metadata or {}).items():
            raw = getattr(value, "value", value)
            try:
                json.dumps(raw)
            except TypeError:
                raw = str(raw)
            row["metadata"][key] = raw
    return row


def _all_check_keys(context: dg.AssetExecutionContext) -> set[dg.AssetCheckKey]:
    """Every check of the code location (the job's checks when the run has no repository, as in execute_in_process)."""
    try:
        return set(context.repository_def.asset_graph.asset_check_keys)
    except Exception:
        return set(context.job_def.asset_layer.asset_graph.asset_check_keys)


@dg.asset(
    key=["quality", "report"],
    group_name="quality",
    kinds={"python", "json", "html"},
    deps=mart_keys(),
)
def quality_report(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse) -> dg.MaterializeResult:
    """Write warehouse/reports/quality_report.{json,html}: latest result of every asset check."""
    check_keys = sorted(_all_check_keys(context), key=lambda k: k.to_user_string())
    records = context.instance.event_log_storage.get_latest_asset_check_execution_by_key(list(check_keys))
    checks = [_evaluation_row(key, records.get(key), context.run_id) for key in check_keys]
    summary = summarise(checks)
    report = {"run_id": context.run_id, "warehouse": str(warehouse.db_path()), "summary": summary, "checks": checks}
    json_path, html_path = write_report(report, warehouse.reports_dir())
    failed = [f"{c['asset']}:{c['check']}" for c in checks if c["passed"] is False]
    return dg.MaterializeResult(
        metadata={
            **{k: v for k, v in summary.items()},
            "json": dg.MetadataValue.path(str(json_path)),
            "html": dg.MetadataValue.path(str(html_path)),
            "failed_checks": dg.MetadataValue.json(failed),
        }
    )
