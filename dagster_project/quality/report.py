"""The quality report: the latest result of every asset check (GX suites and dbt tests) as JSON and HTML.

A report is ``{"run_id", "warehouse", "summary": {total, passed, failed, not_run}, "checks": [row...]}``
where a row is ``{"asset", "check", "status", "passed", "severity", "this_run", "description",
"metadata"}``. defs/quality/assets.py reads the rows from the Dagster instance; this module only
summarises and renders them.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any


def summarise(checks: list[dict[str, Any]]) -> dict[str, int]:
    """Counts of checks passed, failed and not run."""
    return {
        "total": len(checks),
        "passed": sum(1 for c in checks if c["passed"] is True),
        "failed": sum(1 for c in checks if c["passed"] is False),
        "not_run": sum(1 for c in checks if c["passed"] is None),
    }


def write_report(report: dict[str, Any], folder: Path) -> tuple[Path, Path]:
    """Write quality_report.json and quality_report.html into the folder; their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / "quality_report.json"
    html_path = folder / "quality_report.html"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    html_path.write_text(render_html(report), encoding="utf-8")
    return json_path, html_path


def expectation_results(row: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
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


def details_html(row: dict[str, Any]) -> str:
    """The check's evidence: each GX expectation and its result, or a dbt test's failing row count."""
    metadata = row.get("metadata") or {}
    expectations = expectation_results(row)
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


def asset_summary_html(report: dict[str, Any]) -> str:
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
            f"<td>{html.escape(str(r['description'] or ''))}</td><td>{details_html(r)}</td></tr>"
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
        + asset_summary_html(report)
        + "<h2>Every check</h2>"
        "<table class='checks'><tr><th>asset</th><th>check</th><th>status</th><th>severity</th><th>result</th>"
        "<th>details</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )
