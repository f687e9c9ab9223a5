"""What the refresh shows people, on the seeds' run (tests/conftest.py seed_pipeline): materialisation
metadata of the dbt assets, the report pictures and pages, the quality report; the charts alone; dbt docs."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from dagster_project.reports import charts
from dagster_project.storage import summaries

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"


def _materialisations(result, key: list[str]) -> dict:
    events = [e for e in result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"
              and e.event_specific_data.materialization.asset_key == dg.AssetKey(key)]
    assert events, f"{'/'.join(key)} not materialised"
    return {k: getattr(v, "value", v) for k, v in events[-1].event_specific_data.materialization.metadata.items()}


@pytest.mark.integration
@pytest.mark.parametrize("key, new_key", [
    (["marts", "fct_meetings"], "new_meetings"),
    (["marts", "fct_statements"], "new_statements"),
    (["marts", "dim_articles"], "new_articles"),
    (["marts", "bridge_meeting_participants"], None),
    (["staging", "stg_nlp__meetings"], None),
    (["seeds", "actor_dictionary"], None),
])
def test_dbt_outputs_carry_row_count_and_preview(seed_pipeline, key, new_key):
    metadata = _materialisations(seed_pipeline.result, key)
    assert metadata["dagster/row_count"] > 0
    preview = metadata["preview"]
    assert preview.startswith("| ") and "|---|" in preview and len(preview.splitlines()) <= 2 + summaries.PREVIEW_ROWS
    if new_key:
        assert metadata[new_key] == metadata["dagster/row_count"]  # a fresh warehouse: every id is new
        assert metadata[new_key.replace("new_", "removed_")] == 0


@pytest.mark.integration
def test_report_files(seed_pipeline):
    folder = seed_pipeline.reports
    for name in ["meeting_timeline.png", "actor_network.png"]:
        data = (folder / name).read_bytes()
        assert data[:8] == PNG and len(data) > 10_000, name
    overview = (folder / "overview.html").read_text(encoding="utf-8")
    assert overview.startswith("<!doctype html>")
    assert overview.count("data:image/png;base64,") == 2  # self-contained
    assert "Lavrov" in overview and "Choe" in overview
    metadata = _materialisations(seed_pipeline.result, ["reports", "meeting_timeline"])
    assert Path(metadata["path"]) == folder / "meeting_timeline.png" and metadata["meetings"] > 0
    assert "2024-11-01" in metadata["preview"]
    network = _materialisations(seed_pipeline.result, ["reports", "actor_network"])
    assert network["pairs"] > 0 and "Lavrov" in network["preview"]
    assert network["preview"].startswith("| actor | actor | met | planned | first met | last met |")
    for picture in (metadata["picture"], network["picture"]):
        assert picture.startswith("![") and "(data:image/png;base64,iVBORw0KGgo" in picture
    assert metadata["meetings_held"] + metadata["meetings_planned"] == metadata["meetings"]
    assert metadata["meetings_planned"] > 0  # the seeds announce a meeting
    assert f"<b>{metadata['meetings_planned']}</b> meetings planned" in overview


@pytest.mark.integration
def test_quality_report_shows_every_expectation(seed_pipeline):
    html = (seed_pipeline.reports / "quality_report.html").read_text(encoding="utf-8")
    report = json.loads((seed_pipeline.reports / "quality_report.json").read_text(encoding="utf-8"))
    assert "By asset" in html and "Every check" in html
    gx = [c for c in report["checks"] if c["check"].startswith("gx_")]
    assert gx
    for check in gx:
        assert f"expectations of suite {check['metadata']['suite']}" in html
    assert "dbt test, failing rows: 0" in html


def _meetings():
    return [
        {"meeting_id": "m1", "meeting_date": dt.date(2024, 1, 16), "date_precision": "day", "location": "Moscou",
         "status": "occurred", "n_articles": 3, "participants": ["Choe Son-hui", "Sergueï Lavrov"],
         "participant_ids": ["choe", "lavrov"]},
        {"meeting_id": "m2", "meeting_date": dt.date(2024, 11, 1), "date_precision": "day", "location": "Moscou",
         "status": "occurred", "n_articles": 2, "participants": ["Choe Son-hui", "Sergueï Lavrov"],
         "participant_ids": ["choe", "lavrov"]},
        {"meeting_id": "m3", "meeting_date": dt.date(2023, 9, 1), "date_precision": "month", "location": None,
         "status": "planned", "n_articles": 1, "participants": ["Kim Jong-un", "Vladimir Poutine"],
         "participant_ids": ["kim", "putin"]},
        {"meeting_id": "m4", "meeting_date": None, "date_precision": None, "location": None,
         "status": "planned", "n_articles": 1, "participants": [], "participant_ids": []},
    ]


def test_charts_on_small_and_empty_input():
    actors = [{"actor_id": a, "canonical_name": a.title(), "country_code": c}
              for a, c in [("choe", "KP"), ("lavrov", "RU"), ("kim", "KP"), ("putin", "RU")]]
    assert charts.pair_meetings(_meetings()) == {("choe", "lavrov"): {"met": 2, "planned": 0},
                                                 ("kim", "putin"): {"met": 0, "planned": 1}}
    assert charts.timeline_rows(_meetings()) == ["Kim Jong-un – Vladimir Poutine", "Choe Son-hui – Sergueï Lavrov"]
    for data in [charts.draw_timeline(_meetings()), charts.draw_network(_meetings(), actors),
                 charts.draw_timeline([]), charts.draw_network([], [])]:
        assert data[:8] == PNG


def test_met_and_planned_are_said_apart():
    """A pair that met twice and has a third meeting planned reads '2 + 1 planned', never 3."""
    meetings = _meetings() + [{**_meetings()[0], "meeting_id": "m5", "status": "planned",
                               "meeting_date": dt.date(2025, 3, 1)}]
    names = {"choe": "Choe Son-hui", "lavrov": "Sergueï Lavrov", "kim": "Kim Jong-un", "putin": "Vladimir Poutine"}
    rows = charts.top_pairs(meetings, names)
    assert rows[0] == ("Choe Son-hui", "Sergueï Lavrov", 2, 1, dt.date(2024, 1, 16), dt.date(2024, 11, 1))
    assert rows[1] == ("Kim Jong-un", "Vladimir Poutine", 0, 1, None, None)
    assert [charts.met_label(2, 1), charts.met_label(2, 0), charts.met_label(0, 1)] == \
        ["2 + 1 planned", "2", "1 planned"]
    overview = charts.render_overview(
        timeline_png=PNG, network_png=PNG, meetings=meetings, pairs=rows,
        counts={"meetings held": 2, "meetings planned": 3}, accuracy=None, warehouse="w", generated="now")
    assert "<th>met</th><th>planned</th>" in overview and "<b>3</b> meetings planned" in overview


def test_pictures_are_inline_markdown_images_and_previews_show_no_null_word():
    from dagster_project.query import format_markdown

    assert charts.png_markdown(PNG, "network") == "![network](data:image/png;base64,iVBORw0KGgo=)"
    table = format_markdown(["a", "b", "c"], [(None, ["x", None], 1)])
    assert table.splitlines()[2] == "| — | x, — | 1 |" and "NULL" not in table


@pytest.mark.integration
def test_the_build_evaluates_itself_once_and_the_overview_shows_it(seed_pipeline):
    metadata = _materialisations(seed_pipeline.result, ["evaluation", "accuracy"])
    assert metadata["statements_f1"] > 0.5 and metadata["published_date_accuracy"] == 1.0
    assert metadata["gold_articles"] == 5 and metadata["gold_articles_missing"] == 0
    assert Path(metadata["gold"]).name == "seeds.yaml"
    [check] = [e.event_specific_data for e in seed_pipeline.result.all_events
               if e.event_type_value == "ASSET_CHECK_EVALUATION"
               and e.event_specific_data.check_name == "gold_articles_in_warehouse"]
    assert check.passed
    evaluations = [e for e in seed_pipeline.result.all_events if e.event_type_value == "ASSET_MATERIALIZATION"
                   and e.event_specific_data.materialization.asset_key == dg.AssetKey(["evaluation", "accuracy"])]
    assert len(evaluations) == 1  # once per build
    overview = (seed_pipeline.reports / "overview.html").read_text(encoding="utf-8")
    assert "statements_f1" in overview and "attribution_f1" in overview


@pytest.mark.integration
def test_dbt_docs_generate_and_every_model_and_column_is_documented(seed_pipeline, tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(seed_pipeline.warehouse, warehouse)
    target = tmp_path / "docs"
    env = {**os.environ, "WAREHOUSE_PATH": str(warehouse)}
    done = subprocess.run(
        [sys.executable, "-m", "dagster_project.cli", "docs", "--warehouse", str(warehouse), "--target-path", str(target)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert (target / "index.html").exists()
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((target / "catalog.json").read_text(encoding="utf-8"))
    missing = []
    documented = {**manifest["nodes"], **manifest["sources"]}
    for unique_id, node in documented.items():
        if node["resource_type"] not in ("model", "seed", "source"):
            continue
        if not (node.get("description") or "").strip():
            missing.append(unique_id)
        described = {name.lower() for name, c in node["columns"].items() if (c.get("description") or "").strip()}
        table = catalog["nodes"].get(unique_id) or catalog["sources"].get(unique_id)
        assert table is not None or node["resource_type"] == "source", f"{unique_id} not in the catalog"
        for column in (table or {}).get("columns", {}):
            if column.lower() not in described:
                missing.append(f"{unique_id}.{column}")
    assert not missing, f"undocumented models/columns (add descriptions in the yml beside them): {missing}"
