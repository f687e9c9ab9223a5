"""quality/report: a JSON and HTML summary of the latest result of every asset check (GX suites and dbt tests)."""

import html
import json
from pathlib import Path
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


def _expectation_results(row: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    """A Great Expectations check's expectations, read from its suite file: (type, column, arguments, passed).

    An expectation is failed when the check's `failures` metadata names its type and column; None when
    the check did not run. Empty for checks that are not GX suites (dbt tests)."""
    suite_file = (row.get("metadata") or {}).get("suite_file")
    if not suite_file:
        return []
    try:
        data = json.loads(Path(suite_file).read_text(encoding="utf-8"))
    except Exception:
        return []
    failed = {
        (f.get("expectation"), json.dumps(f.get("column"), sort_keys=True))
        for f in (row.get("metadata") or {}).get("failures") or []
        if isinstance(f, dict)
    }
    out = []
    for expectation in data.get("expectations", []):
        kwargs = dict(expectation.get("kwargs") or {})
        column = kwargs.pop("column", None) or kwargs.pop("column_list", None)
        args = ", ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in kwargs.items())
        if row.get("passed") is None:
            passed = None
        else:
            passed = (expectation.get("type"), json.dumps(column, sort_keys=True)) not in failed
        out.append((expectation.get("type", ""), "" if column is None else str(column), args[:300], passed))
    return out


def _details_html(row: dict[str, Any]) -> str:
    """The check's evidence: each GX expectation and its result, or a dbt test's failing row count."""
    metadata = row.get("metadata") or {}
    expectations = _expectation_results(row)
    parts = []
    if expectations:
        marks = {True: "&#10004;", False: "&#10008;", None: "-"}
        lines = "".join(
            f"<tr><td>{marks[passed]}</td><td>{html.escape(kind)}</td><td>{html.escape(column)}</td>"
            f"<td>{html.escape(args)}</td></tr>"
            for kind, column, args, passed in expectations
        )
        parts.append(
            f"<details><summary>{len(expectations)} expectations of suite "
            f"{html.escape(str(metadata.get('suite', '')))}</summary>"
            f"<table class='inner'><tr><th></th><th>expectation</th><th>column</th><th>arguments</th></tr>{lines}"
            "</table></details>"
        )
        failures = metadata.get("failures") or []
        if failures:
            parts.append(f"<pre>{html.escape(json.dumps(failures, indent=1, ensure_ascii=False, default=str)[:4000])}</pre>")
    elif "dagster_dbt/failed_row_count" in metadata:
        parts.append(f"dbt test, failing rows: {html.escape(str(metadata['dagster_dbt/failed_row_count']))}")
    return "".join(parts)


def _asset_summary_html(report: dict[str, Any]) -> str:
    """One line per asset: checks passed / failed / not run."""
    per_asset: dict[str, list[int]] = {}
    for r in report["checks"]:
        counts = per_asset.setdefault(r["asset"], [0, 0, 0])
        counts[0 if r["passed"] is True else 1 if r["passed"] is False else 2] += 1
    rows = "".join(
        f"<tr style='background:{'#f8d0d0' if c[1] else '#d4f4d4' if not c[2] else '#eeeeee'}'>"
        f"<td><a href='#{html.escape(asset)}'>{html.escape(asset)}</a></td><td>{c[0]}</td><td>{c[1]}</td><td>{c[2]}</td></tr>"
        for asset, c in sorted(per_asset.items())
    )
    return ("<h2>By asset</h2><table><tr><th>asset</th><th>passed</th><th>failed</th><th>not run</th></tr>"
            f"{rows}</table>")


def render_html(report: dict[str, Any]) -> str:
    """A small standalone HTML page of the report: summary by asset, failed checks first, then every
    check with its evidence (each GX expectation's result, dbt failing-row counts)."""
    rows = []
    seen_assets = set()
    for r in report["checks"]:
        colour = {True: "#d4f4d4", False: "#f8d0d0"}.get(r["passed"], "#eeeeee")
        anchor = "" if r["asset"] in seen_assets else f" id='{html.escape(r['asset'])}'"
        seen_assets.add(r["asset"])
        rows.append(
            f"<tr{anchor} style='background:{colour}'><td>{html.escape(r['asset'])}</td><td>{html.escape(r['check'])}</td>"
            f"<td>{html.escape(str(r['status']))}</td><td>{html.escape(str(r['severity'] or ''))}</td>"
            f"<td>{html.escape(str(r['description'] or ''))}</td><td>{_details_html(r)}</td></tr>"
        )
    counts = report["summary"]
    failed = [r for r in report["checks"] if r["passed"] is False]
    failed_html = (
        "<h2>Failed checks</h2><ul>"
        + "".join(f"<li><b>{html.escape(r['asset'])}</b> {html.escape(r['check'])} [{html.escape(str(r['severity']))}]: "
                  f"{html.escape(str(r['description'] or ''))}</li>" for r in failed)
        + "</ul>"
        if failed else ""
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Warehouse quality report</title>"
        "<style>body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ccc;text-align:left;"
        "vertical-align:top}table.inner td,table.inner th{padding:1px 6px;font-size:90%}"
        "pre{white-space:pre-wrap;font-size:85%}table.checks{width:100%}"
        "table.checks>tbody>tr>td:nth-child(-n+2){overflow-wrap:anywhere;max-width:24em}</style>"
        "</head><body><h1>Warehouse quality report</h1>"
        f"<p>run {html.escape(report['run_id'])} - warehouse {html.escape(report['warehouse'])}</p>"
        f"<p>{counts['passed']} passed, {counts['failed']} failed, {counts['not_run']} not run "
        f"(of {counts['total']} checks)</p>"
        + failed_html
        + _asset_summary_html(report)
        + "<h2>Every check</h2>"
        "<table class='checks'><tr><th>asset</th><th>check</th><th>status</th><th>severity</th><th>result</th>"
        "<th>details</th></tr>"
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
