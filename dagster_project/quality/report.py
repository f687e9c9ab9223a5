"""The quality report: the latest result of every asset check (GX suites and dbt tests) as JSON and HTML.

A report is ``{"run_id", "warehouse", "summary": {total, passed, failed, failed_blocking, failed_warn,
not_run}, "checks": [row...]}`` where a row is ``{"asset", "check", "status", "passed", "severity",
"blocking", "this_run", "description", "metadata"}``. defs/quality/assets.py reads the rows from the
Dagster instance; this module only summarises and renders them.

Each check says what its failure does, in two words: **blocking** (a blocking check failing with
severity ERROR: what depends on the asset is not built; dbt tests of severity error are blocking,
dbt skips the models downstream) or **warn** (reported, nothing stops). A passing check shows
"passed"; a failure shows "FAILED" in red, at the top of the page and in its row. Dagster's
execution status (SUCCEEDED = the check ran) is kept in the JSON only: beside a result it reads as one.
"""
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

BLOCKING, WARN = "blocking", "warn"


def on_failure(blocking: bool | None, severity: str | None) -> str:
    """What a failure of the check does: 'blocking' (downstream not built) or 'warn' (reported only)."""
    return BLOCKING if blocking and (severity or "ERROR").upper() == "ERROR" else WARN


RESULT_LABELS = {"passed": "passed", "failed": "FAILED", "warned": "failed (warn)", "notrun": "not run"}


def outcome(row: dict[str, Any]) -> str:
    """passed, failed (a blocking failure), warned (a warn failure) or notrun."""
    if row["passed"] is True:
        return "passed"
    if row["passed"] is False:
        return "failed" if row_on_failure(row) == BLOCKING else "warned"
    return "notrun"


def result_label(row: dict[str, Any]) -> str:
    """passed, FAILED (blocking), failed (warn) or not run."""
    return RESULT_LABELS[outcome(row)]


def row_on_failure(row: dict[str, Any]) -> str:
    return on_failure(row.get("blocking"), row.get("severity"))


def summarise(checks: list[dict[str, Any]]) -> dict[str, int]:
    """Counts of checks passed, failed (blocking, warn) and not run."""
    outcomes = [outcome(c) for c in checks]
    return {
        "total": len(checks),
        "passed": outcomes.count("passed"),
        "failed": outcomes.count("failed") + outcomes.count("warned"),
        "failed_blocking": outcomes.count("failed"),
        "failed_warn": outcomes.count("warned"),
        "not_run": outcomes.count("notrun"),
    }


def headline(summary: dict[str, int]) -> str:
    """One line that cannot be misread: FAILED when a blocking check failed."""
    if summary["failed_blocking"]:
        return (f"FAILED: {summary['failed_blocking']} blocking check(s) failed (what depends on them was not "
                f"built), {summary['failed_warn']} warning(s); {summary['passed']} of {summary['total']} passed")
    if summary["failed_warn"]:
        return f"passed with {summary['failed_warn']} warning(s): {summary['passed']} of {summary['total']} checks passed"
    if summary["not_run"]:
        return f"{summary['passed']} of {summary['total']} checks passed, {summary['not_run']} not run"
    return f"all {summary['total']} checks passed"


def summary_markdown(report: dict[str, Any]) -> str:
    """The headline and the failed checks as markdown (the asset page of quality/report)."""
    counts = report["summary"]
    lines = [f"**{headline(counts)}**", ""]
    failed = [r for r in report["checks"] if r["passed"] is False]
    if failed:
        lines += ["| check | on failure | result |", "|---|---|---|"]
        lines += [f"| {r['asset']}:{r['check']} | {row_on_failure(r)} | "
                  f"{(r['description'] or '').replace('|', '/')[:200]} |" for r in failed]
    return "\n".join(lines)


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
        f"<tr class='{'failed' if c[1] else 'passed' if not c[2] else 'notrun'}'>"
        f"<td><a href='#{html.escape(asset)}'>{html.escape(asset)}</a></td><td>{c[0]}</td><td>{c[1]}</td><td>{c[2]}</td></tr>"
        for asset, c in sorted(per_asset.items())
    )
    return ("<h2>By asset</h2><table><tr><th>asset</th><th>passed</th><th>failed</th><th>not run</th></tr>"
            f"{rows}</table>")


STYLE = (
    "body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ccc;text-align:left;"
    "vertical-align:top}table.inner td,table.inner th{padding:1px 6px;font-size:90%}"
    "pre{white-space:pre-wrap;font-size:85%}table.checks{width:100%}"
    "table.checks>tbody>tr>td:nth-child(-n+2){overflow-wrap:anywhere;max-width:24em}"
    "tr.passed{background:#e3f6e3}tr.failed{background:#f8d0d0}tr.warned{background:#fdebc8}tr.notrun{background:#eee}"
    ".banner{padding:10px 14px;font-size:120%;font-weight:bold;border-radius:4px}"
    ".banner.failed{background:#c62828;color:white}.banner.warned{background:#f9a825}"
    ".banner.passed{background:#2e7d32;color:white}.banner.notrun{background:#9e9e9e;color:white}"
    "td.result.failed{color:#b71c1c;font-weight:bold}td.result.warned{color:#8a5a00;font-weight:bold}"
)


def render_html(report: dict[str, Any]) -> str:
    """A small standalone HTML page of the report: a headline that says FAILED when a blocking check
    failed, the failed checks, a summary by asset, then every check (failures first) with what its
    failure does (blocking / warn) and its evidence (each GX expectation's result, dbt failing-row counts)."""
    rows = []
    seen_assets = set()
    ordered = sorted(report["checks"], key=lambda r: {"failed": 0, "warned": 1, "notrun": 2, "passed": 3}[outcome(r)])
    marks = {"passed": "&#10004; ", "failed": "&#10008; ", "warned": "&#10008; ", "notrun": ""}
    for r in ordered:
        css = outcome(r)
        anchor = "" if r["asset"] in seen_assets else f" id='{html.escape(r['asset'])}'"
        seen_assets.add(r["asset"])
        rows.append(
            f"<tr{anchor} class='{css}'><td>{html.escape(r['asset'])}</td><td>{html.escape(r['check'])}</td>"
            f"<td class='result {css}'>{marks[css]}{html.escape(result_label(r))}</td>"
            f"<td>{html.escape(row_on_failure(r))}</td>"
            f"<td>{html.escape(str(r['description'] or ''))}</td><td>{details_html(r)}</td></tr>"
        )
    counts = report["summary"]
    failed = [r for r in report["checks"] if r["passed"] is False]
    banner = ("failed" if counts["failed_blocking"] else "warned" if counts["failed_warn"]
              else "notrun" if counts["not_run"] else "passed")
    failed_html = (
        "<h2>Failed checks</h2><ul>"
        + "".join(f"<li><b>{html.escape(r['asset'])}</b> {html.escape(r['check'])} "
                  f"[{html.escape(row_on_failure(r))}]: {html.escape(str(r['description'] or ''))}</li>" for r in failed)
        + "</ul>"
        if failed else ""
    )
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Warehouse quality report: {html.escape(headline(counts).split(':')[0])}</title>"
        f"<style>{STYLE}</style></head><body><h1>Warehouse quality report</h1>"
        f"<p class='banner {banner}'>{html.escape(headline(counts))}</p>"
        f"<p>run {html.escape(report['run_id'])} - warehouse {html.escape(report['warehouse'])}</p>"
        f"<p>{counts['passed']} passed, {counts['failed_blocking']} failed (blocking), "
        f"{counts['failed_warn']} failed (warn), {counts['not_run']} not run (of {counts['total']} checks). "
        "<b>blocking</b>: when it fails, what depends on the asset is not built; <b>warn</b>: a failure is "
        "reported, nothing stops.</p>"
        + failed_html
        + asset_summary_html(report)
        + "<h2>Every check</h2>"
        "<table class='checks'><tr><th>asset</th><th>check</th><th>result</th><th>on failure</th><th>description</th>"
        "<th>details</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )
