"""quality/report: a JSON and HTML summary of the latest result of every asset check (GX suites and dbt tests)."""

import html
import json
from typing import Any

import dagster as dg

from dagster_project import settings

MARTS = ["dim_articles", "dim_actors", "fct_meetings", "bridge_meeting_participants",
         "fct_meeting_evidence", "fct_statements", "fct_entity_mentions"]


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


def render_html(report: dict[str, Any]) -> str:
    """A small standalone HTML page of the report."""
    rows = []
    for r in report["checks"]:
        colour = {True: "#d4f4d4", False: "#f8d0d0"}.get(r["passed"], "#eeeeee")
        rows.append(
            f"<tr style='background:{colour}'><td>{html.escape(r['asset'])}</td><td>{html.escape(r['check'])}</td>"
            f"<td>{html.escape(str(r['status']))}</td><td>{html.escape(str(r['severity'] or ''))}</td>"
            f"<td>{html.escape(str(r['description'] or ''))}</td></tr>"
        )
    counts = report["summary"]
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Warehouse quality report</title>"
        "<style>body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ccc;text-align:left}</style>"
        "</head><body><h1>Warehouse quality report</h1>"
        f"<p>run {html.escape(report['run_id'])} - warehouse {html.escape(report['warehouse'])}</p>"
        f"<p>{counts['passed']} passed, {counts['failed']} failed, {counts['not_run']} not run "
        f"(of {counts['total']} checks)</p>"
        "<table><tr><th>asset</th><th>check</th><th>status</th><th>severity</th><th>result</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )


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
    deps=[dg.AssetKey(["marts", name]) for name in MARTS],
)
def quality_report(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    """Write warehouse/reports/quality_report.{json,html}: latest result of every asset check."""
    check_keys = sorted(_all_check_keys(context), key=lambda k: k.to_user_string())
    records = context.instance.event_log_storage.get_latest_asset_check_execution_by_key(list(check_keys))
    checks = [_evaluation_row(key, records.get(key), context.run_id) for key in check_keys]
    summary = {
        "total": len(checks),
        "passed": sum(1 for c in checks if c["passed"] is True),
        "failed": sum(1 for c in checks if c["passed"] is False),
        "not_run": sum(1 for c in checks if c["passed"] is None),
    }
    report = {"run_id": context.run_id, "warehouse": str(settings.warehouse_path()), "summary": summary, "checks": checks}
    folder = settings.reports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / "quality_report.json"
    html_path = folder / "quality_report.html"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    failed = [f"{c['asset']}:{c['check']}" for c in checks if c["passed"] is False]
    return dg.MaterializeResult(
        metadata={
            **{k: v for k, v in summary.items()},
            "json": dg.MetadataValue.path(str(json_path)),
            "html": dg.MetadataValue.path(str(html_path)),
            "failed_checks": dg.MetadataValue.json(failed),
        }
    )
