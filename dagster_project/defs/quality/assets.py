"""quality/report: the latest result of every asset check (GX suites and dbt tests), as JSON and HTML."""

import json
from typing import Any

import dagster as dg

from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.defs.warehouse.project import mart_keys
from dagster_project.quality.report import headline, row_on_failure, summarise, summary_markdown, write_report


def _evaluation_row(check_key: dg.AssetCheckKey, record, run_id: str, blocking: bool = False) -> dict[str, Any]:
    row: dict[str, Any] = {
        "asset": check_key.asset_key.to_user_string(),
        "check": check_key.name,
        "status": "NOT_RUN",
        "passed": None,
        "severity": None,
        "blocking": blocking,
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


def _asset_graph(context: dg.AssetExecutionContext):
    """The code location's asset graph (the job's when the run has no repository, as in execute_in_process)."""
    try:
        return context.repository_def.asset_graph
    except Exception:
        return context.job_def.asset_layer.asset_graph


def _is_blocking(graph, key: dg.AssetCheckKey) -> bool:
    try:
        return bool(graph.get_check_spec(key).blocking)
    except Exception:
        return False


@dg.asset(
    key=["quality", "report"],
    group_name="quality",
    kinds={"python", "json", "html"},
    deps=mart_keys(),
)
def quality_report(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse) -> dg.MaterializeResult:
    """Write warehouse/reports/quality_report.{json,html}: latest result of every asset check."""
    graph = _asset_graph(context)
    check_keys = sorted(graph.asset_check_keys, key=lambda k: k.to_user_string())
    records = context.instance.event_log_storage.get_latest_asset_check_execution_by_key(list(check_keys))
    checks = [_evaluation_row(key, records.get(key), context.run_id, _is_blocking(graph, key)) for key in check_keys]
    summary = summarise(checks)
    report = {"run_id": context.run_id, "warehouse": str(warehouse.db_path()), "summary": summary, "checks": checks}
    json_path, html_path = write_report(report, warehouse.reports_dir())
    failed = [f"{c['asset']}:{c['check']} [{row_on_failure(c)}]" for c in checks if c["passed"] is False]
    for line in failed:
        context.log.warning(f"check failed: {line}")
    context.log.info(f"quality: {headline(summary)} ({html_path})")
    return dg.MaterializeResult(
        metadata={
            "result": dg.MetadataValue.md(summary_markdown(report)),
            **{k: v for k, v in summary.items()},
            "json": dg.MetadataValue.path(str(json_path)),
            "html": dg.MetadataValue.path(str(html_path)),
            "failed_checks": dg.MetadataValue.json(failed),
        }
    )
