"""The quality report says what a failure does (blocking / warn), never a severity beside a pass, and a failure
cannot be missed: the headline, the page title, the row."""
import re

from dagster_project.quality.report import headline, on_failure, render_html, summarise, summary_markdown


def _row(check, passed, severity="ERROR", blocking=True, asset="marts/fct_meetings"):
    return {"asset": asset, "check": check, "status": "SUCCEEDED" if passed is not None else "NOT_RUN",
            "passed": passed, "severity": severity, "blocking": blocking, "this_run": True,
            "description": f"{check} description", "metadata": {}}


def _report(rows):
    return {"run_id": "r1", "warehouse": "w.duckdb", "summary": summarise(rows), "checks": rows}


def _cells(html_text: str) -> list[list[str]]:
    table = html_text[html_text.index("<table class='checks'>"):]
    return [[re.sub(r"<[^>]+>", "", c).replace("&#10004; ", "").replace("&#10008; ", "")
             for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table)[1:]]


def test_what_a_failure_does():
    assert on_failure(True, "ERROR") == "blocking"
    assert on_failure(True, "WARN") == "warn"  # a blocking check failing with WARN severity stops nothing
    assert on_failure(False, "ERROR") == "warn"
    assert on_failure(True, None) == "blocking"


def test_passing_checks_say_passed_and_what_a_failure_would_do():
    rows = [_row("unique_meeting_id", True), _row("gx_marts_fct_meetings", True, severity="WARN")]
    page = render_html(_report(rows))
    assert _cells(page) == [
        ["marts/fct_meetings", "unique_meeting_id", "passed", "blocking", "unique_meeting_id description", ""],
        ["marts/fct_meetings", "gx_marts_fct_meetings", "passed", "warn", "gx_marts_fct_meetings description", ""],
    ]
    assert "ERROR" not in page and "SUCCEEDED" not in page
    assert "all 2 checks passed" in page and "class='banner passed'" in page


def test_a_blocking_failure_cannot_be_missed():
    rows = [_row("unique_meeting_id", True), _row("not_null_meeting_date", False),
            _row("gx_marts_fct_meetings", False, severity="WARN"), _row("never_ran", None)]
    report = _report(rows)
    assert report["summary"] == {"total": 4, "passed": 1, "failed": 2, "failed_blocking": 1, "failed_warn": 1,
                                 "not_run": 1}
    page = render_html(report)
    assert "<title>Warehouse quality report: FAILED</title>" in page
    assert "class='banner failed'>FAILED: 1 blocking check(s) failed" in page
    cells = _cells(page)
    assert [c[2] for c in cells] == ["FAILED", "failed (warn)", "not run", "passed"]  # failures first
    assert "<td class='result failed'>&#10008; FAILED</td>" in page
    assert headline(report["summary"]).startswith("FAILED")
    markdown = summary_markdown(report)
    assert markdown.startswith("**FAILED") and "| marts/fct_meetings:not_null_meeting_date | blocking |" in markdown


def test_warnings_only():
    report = _report([_row("a", True), _row("b", False, blocking=False)])
    assert headline(report["summary"]).startswith("passed with 1 warning")
    assert "class='banner warned'" in render_html(report)
