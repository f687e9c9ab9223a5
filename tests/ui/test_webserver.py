"""End to end through the real UI: dagster-webserver on a loopback port, refresh_warehouse launched through
its GraphQL API, the materialisation metadata read back, and the pages rendered by headless Chromium.

Screenshots are kept in tests/artifacts/ (git-ignored): ui_asset_graph.png, ui_fct_meetings.png,
ui_reports_group.png, ui_actor_network.png, ui_automation.png, ui_reprocess_partitions.png,
quality_report.png, plus the webserver log. The instance is the one the scripts create
(scripts/dagster.yaml), with a run coordinator that needs no daemon.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.ui.helpers import ARTIFACTS, ROOT, Browser, Webserver, chromium, chromium_binary

pytestmark = pytest.mark.integration

RUN_TIMEOUT_S = 15 * 60
GROUPS = ["ingest", "nlp", "warehouse", "quality", "reports", "evaluation", "publish"]

DAGSTER_YAML = (ROOT / "scripts" / "dagster.yaml").read_text(encoding="utf-8") + """
run_coordinator:
  module: dagster.core.run_coordinator
  class: DefaultRunCoordinator
"""

LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId status } }
    ... on PythonError { message stack }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
  }
}"""

RUN_STATUS = "query Run($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }"

RUN_LOGS = """
query Logs($id: ID!) {
  logsForRun(runId: $id) {
    __typename
    ... on EventConnection { events { __typename ... on MessageEvent { message level stepKey } } }
  }
}"""

ASSET_METADATA = """
query Asset($path: [String!]!) {
  assetOrError(assetKey: {path: $path}) {
    __typename
    ... on Asset {
      assetMaterializations(limit: 1) {
        runId
        metadataEntries {
          label
          __typename
          ... on IntMetadataEntry { intValue }
          ... on FloatMetadataEntry { floatValue }
          ... on MarkdownMetadataEntry { mdStr }
          ... on PathMetadataEntry { path }
          ... on TableSchemaMetadataEntry { schema { columns { name type description } } }
        }
      }
    }
  }
}"""

ASSET_NODES = "{ assetNodes { assetKey { path } description kinds groupName } }"

# A file name holding HTML and markdown: it must show as itself, never as an image, a link or emphasis.
HOSTILE_NAME = "<img src=x onerror=alert(1)>_pwned_[x](https:evil).txt"


def _wait_for_location(server: Webserver, timeout_s: float = 180.0) -> tuple[str, str]:
    """(location name, repository name) once the code location has loaded."""
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        data = server.graphql(
            "{ workspaceOrError { __typename ... on Workspace { locationEntries { name loadStatus "
            "locationOrLoadError { __typename ... on PythonError { message } } } } } }"
        )
        entries = data["workspaceOrError"].get("locationEntries") or []
        last = entries
        for entry in entries:
            error = entry["locationOrLoadError"] or {}
            if error.get("__typename") == "PythonError":
                raise AssertionError(f"code location failed to load: {error['message']}")
        if entries and all(e["loadStatus"] == "LOADED" for e in entries):
            repos = server.graphql(
                "{ repositoriesOrError { ... on RepositoryConnection { nodes { name location { name } } } } }"
            )["repositoriesOrError"]["nodes"]
            assert repos, "no repository in the code location"
            return repos[0]["location"]["name"], repos[0]["name"]
        time.sleep(1)
    raise AssertionError(f"code location not loaded after {timeout_s:.0f}s: {last}")


def _run_failure_details(server: Webserver, run_id: str) -> str:
    try:
        events = server.graphql(RUN_LOGS, {"id": run_id})["logsForRun"].get("events") or []
    except Exception as exc:  # the details are a courtesy
        return f"(no run logs: {exc})"
    lines = [f"{e.get('__typename')} {e.get('stepKey') or ''}: {e.get('message') or ''}"[:1500]
             for e in events if e.get("level") in ("ERROR", "CRITICAL") or "Failure" in e.get("__typename", "")]
    return "\n".join(lines[-20:]) + "\n--- webserver log ---\n" + server.log_tail()


@pytest.fixture(scope="module")
def ui_run(tmp_path_factory):
    """A webserver with a fresh instance and warehouse; refresh_warehouse launched via GraphQL, waited for."""
    tmp = tmp_path_factory.mktemp("ui")
    home = tmp / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML, encoding="utf-8")
    warehouse = tmp / "warehouse" / "warehouse.duckdb"
    articles = tmp / "in"
    shutil.copytree(ROOT / "seeds", articles)
    (articles / HOSTILE_NAME).write_bytes(b"")  # quarantined (empty): its name goes into markdown metadata
    env = dict(os.environ)
    env.update({
        "DAGSTER_HOME": str(home),
        "WAREHOUSE_PATH": str(warehouse),
        "NEWS_INPUT_DIR": str(articles),
        "NEWS_AUTOMATION": "off",
        "DO_NOT_TRACK": "1",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "GX_ANALYTICS_ENABLED": "False",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    })
    env.pop("GOLD_PATH", None)  # the build evaluates itself on the seeds' gold shipped with the project
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    server = Webserver(env, tmp / "webserver.log")
    try:
        server.wait_until_up()
        location, repository = _wait_for_location(server)
        params = {
            "selector": {"repositoryLocationName": location, "repositoryName": repository, "jobName": "refresh_warehouse"},
            "runConfigData": {},
        }
        launched = server.graphql(LAUNCH, {"params": params})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["run"]["runId"]
        deadline = time.monotonic() + RUN_TIMEOUT_S
        status = None
        while time.monotonic() < deadline:
            status = server.graphql(RUN_STATUS, {"id": run_id})["runOrError"]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(2)
        yield {"server": server, "run_id": run_id, "status": status, "warehouse": warehouse, "location": location,
               "repository": repository}
    finally:
        server.stop()
        shutil.copy(server.log_path, ARTIFACTS / "ui_webserver.log")


@pytest.fixture(scope="module")
def succeeded(ui_run):
    if ui_run["status"] != "SUCCESS":
        pytest.fail(f"refresh_warehouse ended {ui_run['status']}:\n"
                    + _run_failure_details(ui_run["server"], ui_run["run_id"]))
    return ui_run


def test_refresh_launched_through_graphql_succeeds(succeeded):
    assert succeeded["warehouse"].exists()
    reports = succeeded["warehouse"].parent / "reports"
    for name in ["meeting_timeline.png", "actor_network.png", "overview.html", "quality_report.html"]:
        assert (reports / name).stat().st_size > 1000, name


def test_every_asset_has_description_kinds_and_group(succeeded):
    nodes = succeeded["server"].graphql(ASSET_NODES)["assetNodes"]
    assert len(nodes) > 30
    for node in nodes:
        key = "/".join(node["assetKey"]["path"])
        assert (node["description"] or "").strip(), f"{key} has no description"
        assert node["kinds"], f"{key} has no kinds"
    groups = {n["groupName"] for n in nodes}
    assert set(GROUPS) <= groups, groups


def _metadata(server: Webserver, path: list[str]) -> dict:
    asset = server.graphql(ASSET_METADATA, {"path": path})["assetOrError"]
    assert asset["__typename"] == "Asset", asset
    materializations = asset["assetMaterializations"]
    assert materializations, f"{'/'.join(path)} was never materialised"
    out = {}
    for entry in materializations[0]["metadataEntries"]:
        out[entry["label"]] = next((entry[k] for k in ("intValue", "floatValue", "mdStr", "path", "schema")
                                    if k in entry), None)
    return out


@pytest.mark.parametrize("path, new_key", [
    (["marts", "fct_meetings"], "new_meetings"),
    (["marts", "fct_statements"], "new_statements"),
    (["marts", "dim_actors"], "new_actors"),
])
def test_mart_materialisation_metadata(succeeded, path, new_key):
    metadata = _metadata(succeeded["server"], path)
    assert metadata["dagster/row_count"] > 0
    assert metadata[new_key] == metadata["dagster/row_count"]  # a fresh warehouse: every id is new
    assert metadata["preview"].startswith("| ") and "|---|" in metadata["preview"]


def test_evaluation_metadata(succeeded):
    metadata = _metadata(succeeded["server"], ["evaluation", "accuracy"])
    assert 0.5 < metadata["statements_f1"] <= 1 and metadata["published_date_accuracy"] == 1.0
    assert "| meetings_strict_f1 |" in metadata["scores"]


def test_staging_and_report_metadata(succeeded):
    staging = _metadata(succeeded["server"], ["staging", "stg_nlp__statements"])
    assert staging["dagster/row_count"] > 0 and "preview" in staging
    timeline = _metadata(succeeded["server"], ["reports", "meeting_timeline"])
    assert Path(timeline["path"]).name == "meeting_timeline.png" and timeline["meetings"] > 0
    overview = _metadata(succeeded["server"], ["reports", "overview"])
    assert Path(overview["path"]).name == "overview.html"


def _require_chromium():
    if chromium_binary() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (scripts/_setup.sh installs it with apt-get when run as root)")
        pytest.skip("chromium is not installed (apt-get install chromium)")


def _page(succeeded, path: str, screenshot: str, height: int = 900) -> str:
    """The page's DOM after its scripts ran, and a screenshot of it in tests/artifacts/."""
    url = succeeded["server"].url + path
    budget = "--virtual-time-budget=15000"
    dom = chromium(url, budget, f"--window-size=1400,{height}", "--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = ARTIFACTS / screenshot
    shot.unlink(missing_ok=True)
    done = chromium(url, budget, f"--window-size=1400,{height}", f"--screenshot={shot}")
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000, shot
    return dom.stdout


def _text(dom: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", dom, flags=re.S)).split())


def test_asset_graph_page_renders(succeeded):
    _require_chromium()
    text = _text(_page(succeeded, "/asset-groups", "ui_asset_graph.png"))
    assert "Global asset lineage" in text
    for group in GROUPS:
        assert group in text, f"group {group} not on the asset graph page"
    assert "Join the Dagster community" not in text


def test_asset_page_shows_metadata(succeeded):
    _require_chromium()
    text = _text(_page(succeeded, "/assets/marts/fct_meetings", "ui_fct_meetings.png", height=3000))
    assert "Row count" in text
    assert "new_meetings" in text and "preview" in text
    assert "unserializable" not in text and "dagster_dbt/project " not in text


def test_columns_have_their_types(succeeded):
    """The Columns table of a dbt asset: every column with its warehouse type and its yml description."""
    for path in (["marts", "fct_meetings"], ["staging", "stg_nlp__meetings"], ["intermediate", "int_meeting_evidence"]):
        schema = _metadata(succeeded["server"], path)["dagster/column_schema"]
        columns = {c["name"]: c for c in schema["columns"]}
        assert columns and all(c["type"] and c["type"] != "?" for c in columns.values()), (path, columns)
    meetings = {c["name"]: c for c in _metadata(succeeded["server"], ["marts", "fct_meetings"])
                ["dagster/column_schema"]["columns"]}
    assert meetings["meeting_date"]["type"] == "date" and meetings["status"]["type"] == "varchar"
    assert meetings["status"]["description"] == "occurred or planned."
    _require_chromium()
    dom = _page(succeeded, "/assets/staging/stg_nlp__meetings", "ui_stg_nlp__meetings.png", height=3000)
    text = _text(dom)
    assert "Columns" in text and "varchar" in text and "date" in text


def test_previews_show_a_dash_for_null(succeeded):
    preview = _metadata(succeeded["server"], ["marts", "fct_meetings"])["preview"]
    assert "NULL" not in preview
    timeline = _metadata(succeeded["server"], ["reports", "meeting_timeline"])["preview"]
    assert "| — |" in timeline and "NULL" not in timeline  # a meeting without a place


def test_report_pictures_show_on_their_asset_pages(succeeded):
    """The picture is a markdown image in the materialisation: the asset page opens it (a long markdown value
    sits behind its "[Show Markdown]" button) and the browser decodes it."""
    for path in (["reports", "meeting_timeline"], ["reports", "actor_network"]):
        picture = _metadata(succeeded["server"], path)["picture"]
        assert picture.startswith(f"![{path[1].replace('_', ' ')}](data:image/png;base64,")
    _require_chromium()
    with Browser(1400, 1300) as browser:
        browser.open(succeeded["server"].url + "/assets/reports/actor_network")
        # met and planned said apart in the pairs table (the metadata's tables render after its keys)
        browser.wait_for("[...document.querySelectorAll('th')].map(th => th.innerText.trim()).join('|')"
                         ".includes('met|planned|first met|last met')", "the pairs table of the metadata", 90)
        browser.evaluate("""(() => {
            const row = [...document.querySelectorAll('tr')].find(r => r.innerText.trim().startsWith('picture'));
            [...row.querySelectorAll('a')].find(e => e.innerText.trim() === '[Show Markdown]').click();
        })()""")
        width = browser.wait_for(
            "(() => { const img = document.querySelector('img[src^=\"data:image/png;base64,\"]');"
            " return img && img.complete ? img.naturalWidth : 0; })()", "the network picture", 60)
        assert width > 400
        time.sleep(1)
        browser.screenshot(ARTIFACTS / "ui_actor_network.png")


def test_reprocess_partitions_say_which_article(succeeded):
    """The reprocess_articles job's partitions are named by date, file name and id; the job page explains it."""
    from dagster_project.defs.ingest.partitions import article_id_of

    data = succeeded["server"].graphql(
        "query P($selector: PipelineSelector!) { pipelineOrError(params: $selector) { __typename ... on Pipeline "
        "{ metadataEntries { label ... on TextMetadataEntry { text } } "
        "partitionKeysOrError { ... on PartitionKeys { partitionKeys } } } } }",
        {"selector": {"repositoryLocationName": succeeded["location"], "repositoryName": succeeded["repository"],
                      "pipelineName": "reprocess_articles"}})["pipelineOrError"]
    keys = data["partitionKeysOrError"]["partitionKeys"]
    import duckdb

    with duckdb.connect(str(succeeded["warehouse"].with_name("warehouse.read.duckdb")), read_only=True) as con:
        sources = dict(con.execute("select article_id, min(source_name) from raw.article_sources group by 1").fetchall())
    assert sorted(article_id_of(k) for k in keys) == sorted(sources)
    for key in keys:  # 2024-11-01 · 002_b71ca728e0516823.txt · 9cf8acf500e1370c
        date, name, article_id = key.split(" · ")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and name == sources[article_id], key
    assert keys == sorted(keys)  # in date order
    assert any(e["label"] == "partition key" for e in data["metadataEntries"])
    _require_chromium()
    with Browser(1400, 900) as browser:
        browser.open(f"{succeeded['server'].url}/locations/{succeeded['location']}/jobs/reprocess_articles/partitions")
        browser.wait_for(f"document.body.innerText.includes({json.dumps(keys[0].split(' · ')[1])})",
                         "the readable partition keys", 90)
        time.sleep(1)
        browser.screenshot(ARTIFACTS / "ui_reprocess_partitions.png")


def test_automation_page_lists_the_sensor_and_schedule(succeeded):
    _require_chromium()
    text = _text(_page(succeeded, "/automation", "ui_automation.png", height=900))
    assert "input_folder_sensor" in text and "daily_refresh" in text


def test_quality_report_page_says_blocking_or_warn_and_passed(succeeded):
    """The real report in a browser: passed checks say 'passed' and what a failure would do, never ERROR beside a
    pass; the one warning of this build (the fixture's empty input file, quarantined) says 'failed (warn)' and
    comes first; the same report with a blocking and another warn failure in it says FAILED at the top and in
    red rows."""
    from dagster_project.quality.report import render_html, summarise

    metadata = _metadata(succeeded["server"], ["quality", "report"])
    assert metadata["result"].startswith("**passed with 1 warning(s): ") and metadata["failed_blocking"] == 0
    assert "| raw/quarantine:no_quarantined_input | warn | 1 input(s) quarantined" in metadata["result"]
    _require_chromium()
    folder = succeeded["warehouse"].parent / "reports"
    report = json.loads((folder / "quality_report.json").read_text(encoding="utf-8"))
    dbt_test = next(r for r in report["checks"] if r["check"].startswith("not_null_") and r["blocking"])
    gx_warn = next(r for r in report["checks"] if r["check"].startswith("gx_") and r["severity"] == "WARN")
    for row, what in ((dbt_test, "3 rows have no value"), (gx_warn, "1 of its expectations failed")):
        row.update(passed=False, description=what)
    report["summary"] = summarise(report["checks"])
    failing = ARTIFACTS / "quality_report_with_failures.html"
    failing.write_text(render_html(report), encoding="utf-8")
    with Browser(1400, 1500) as browser:
        browser.open((folder / "quality_report.html").as_uri())
        browser.wait_for("document.body.innerText.includes('Every check')", "the report")
        text = browser.text()
        assert "passed with 1 warning(s)" in text and "ERROR" not in text and "SUCCEEDED" not in text
        rows = browser.evaluate("[...document.querySelectorAll('table.checks > tbody > tr')].slice(1)"
                                ".map(tr => [...tr.cells].slice(1, 3).map(td => td.innerText))")
        assert rows[0] == ["no_quarantined_input", "✘ failed (warn)"]  # failures first
        assert len(rows) > 50 and {result for _, result in rows[1:]} == {"✔ passed"}
        browser.screenshot(ARTIFACTS / "quality_report.png")

        browser.open(failing.as_uri())
        browser.wait_for("document.body.innerText.includes('Every check')", "the failing report")
        assert browser.evaluate("document.title") == "Warehouse quality report: FAILED"
        banner = browser.evaluate("getComputedStyle(document.querySelector('.banner')).backgroundColor")
        assert banner == "rgb(198, 40, 40)"  # red
        first_rows = browser.evaluate("[...document.querySelectorAll('table.checks td.result')].slice(0, 2)"
                                      ".map(td => td.innerText)")
        assert first_rows == ["✘ FAILED", "✘ failed (warn)"]
        browser.screenshot(ARTIFACTS / "quality_report_with_failures.png")
        browser.evaluate("document.querySelector('table.checks').scrollIntoView()")
        time.sleep(0.5)
        browser.screenshot(ARTIFACTS / "quality_report_failed_rows.png")


def test_reports_group_renders(succeeded):
    _require_chromium()
    text = _text(_page(succeeded, f"/locations/{succeeded['location']}/asset-groups/reports", "ui_reports_group.png",
                       height=1800))
    for name in ["meeting_timeline", "actor_network", "overview"]:
        assert name in text, name


def test_file_names_are_escaped_in_markdown_metadata(succeeded):
    """The quarantine preview names the file; the UI renders it as text, not as markup."""
    preview = _metadata(succeeded["server"], ["raw", "quarantine"])["preview"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in preview and "<img" not in preview
    _require_chromium()
    dom = _page(succeeded, "/assets/raw/quarantine", "ui_raw_quarantine.png", height=1600)
    shown = "&lt;img src=x onerror=alert(1)&gt;_pwned_[x](https:evil).txt"  # the name as a DOM text node
    assert shown in dom, "the quarantined file's name is not shown as itself"
    assert not re.search(r"<img[^>]*src=.x", dom) and "<em>pwned</em>" not in dom and 'href="https:evil"' not in dom
