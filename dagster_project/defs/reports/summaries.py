"""What a materialisation tells a user at a glance: row counts, a preview, new ids, accuracy on a gold file.

Helpers only (no Dagster definitions): used by the dbt assets (defs/warehouse/assets.py) to enrich
their outputs after ``dbt build``, and by the report assets.

* ``table_summary``: ``dagster/row_count`` and a markdown ``preview`` of a few rows of one relation.
* ``mart_ids`` / ``new_id_counts``: ids present in the marts before a run, and how many are new after it.
* ``score_warehouse``: runs the gold scorer (``../shared/eval/score.py --json``, or $SCORER_PATH)
  when $GOLD_PATH names a gold file; ``accuracy_metadata`` picks each mart's numbers from its result.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg

from dagster_project import settings
from dagster_project.query import format_markdown

PREVIEW_ROWS = 5
PREVIEW_CELL_WIDTH = 40
QUERY_TIMEOUT_S = 20.0

GOLD_PATH_ENV = "GOLD_PATH"
SCORER_PATH_ENV = "SCORER_PATH"
DEFAULT_SCORER = settings.PROJECT_ROOT.parent / "shared" / "eval" / "score.py"

# mart -> (id column, metadata key of the number of ids that were not there before the run)
MART_IDS = {
    "dim_articles": ("article_id", "new_articles"),
    "dim_actors": ("actor_id", "new_actors"),
    "fct_meetings": ("meeting_id", "new_meetings"),
    "fct_statements": ("statement_id", "new_statements"),
}


def quote_relation(schema: str, name: str) -> str:
    return '"' + schema.replace('"', '""') + '"."' + name.replace('"', '""') + '"'


def _fetch_with_timeout(con, sql: str, timeout_s: float):
    """Run a query; interrupt it after timeout_s (a slow view must not hold up the run)."""
    timer = threading.Timer(timeout_s, con.interrupt)
    timer.start()
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    finally:
        timer.cancel()


def table_summary(con, relation: str, preview_rows: int = PREVIEW_ROWS, timeout_s: float = QUERY_TIMEOUT_S) -> dict[str, Any]:
    """Row count and a markdown preview of the first rows of a table or view ({} if it cannot be read)."""
    metadata: dict[str, Any] = {}
    try:
        _, rows = _fetch_with_timeout(con, f"select count(*) from {relation}", timeout_s)
        metadata["dagster/row_count"] = int(rows[0][0])
        columns, rows = _fetch_with_timeout(con, f"select * from {relation} limit {int(preview_rows)}", timeout_s)
        text = format_markdown(columns, rows, max_width=PREVIEW_CELL_WIDTH) if rows else "_no rows_"
        metadata["preview"] = dg.MetadataValue.md(text)
    except Exception as exc:  # metadata is a courtesy: never fail the asset for it
        metadata["preview_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    return metadata


def mart_ids(con) -> dict[str, set[str]]:
    """The ids of the marts in MART_IDS that exist now (a mart that does not exist yet is left out)."""
    existing = {
        r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    }
    out = {}
    for mart, (column, _) in MART_IDS.items():
        if mart in existing:
            out[mart] = {str(r[0]) for r in con.execute(f'select distinct "{column}" from marts."{mart}"').fetchall()}
    return out


def new_id_counts(before: Mapping[str, set[str]], after: Mapping[str, set[str]]) -> dict[str, dict[str, int]]:
    """Per mart: {new_<things>: ids absent before, removed_<things>: ids gone}."""
    out = {}
    for mart, ids in after.items():
        _, key = MART_IDS[mart]
        previous = before.get(mart, set())
        out[mart] = {key: len(ids - previous), key.replace("new_", "removed_"): len(previous - ids)}
    return out


# ----------------------------------------------------------------------------- accuracy on a gold file
def gold_path() -> Path | None:
    """$GOLD_PATH (relative = from the project root) if set and the file exists, else None."""
    value = os.environ.get(GOLD_PATH_ENV, "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = settings.PROJECT_ROOT / path
    return path.resolve() if path.exists() else None


def scorer_path() -> Path | None:
    value = os.environ.get(SCORER_PATH_ENV, "").strip()
    path = Path(value).expanduser() if value else DEFAULT_SCORER
    if not path.is_absolute():
        path = settings.PROJECT_ROOT / path
    return path if path.exists() else None


def score_warehouse(warehouse: Path, gold: Path | None = None, timeout_s: float = 300.0, log=None) -> dict | None:
    """The scorer's JSON result for the warehouse, or None (no gold configured, no scorer, or it failed)."""
    gold = gold or gold_path()
    scorer = scorer_path()
    if gold is None or scorer is None:
        if os.environ.get(GOLD_PATH_ENV) and log:
            log.warning(f"accuracy not computed: gold {os.environ.get(GOLD_PATH_ENV)!r} or scorer {scorer} not found")
        return None
    with tempfile.TemporaryDirectory(prefix="score_") as tmp:
        out = Path(tmp) / "score.json"
        command = [sys.executable, str(scorer), "--warehouse", str(warehouse), "--gold", str(gold), "--json", str(out)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)
        except subprocess.TimeoutExpired:
            if log:
                log.warning(f"scorer timed out after {timeout_s:.0f}s")
            return None
        if done.returncode != 0 or not out.exists():
            if log:
                log.warning(f"scorer failed (exit {done.returncode}): {done.stderr[-1000:]}")
            return None
        result = json.loads(out.read_text(encoding="utf-8"))
    result["_gold"] = str(gold)
    result["_report"] = done.stdout
    return result


def _num(value: Any) -> float | None:
    return round(float(value), 4) if isinstance(value, (int, float)) else None


def accuracy_numbers(score: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    """Per mart, the scorer's headline numbers (see ../shared/eval/README.md for their meaning)."""
    articles = score.get("articles") or {}
    actors = score.get("actors") or {}
    meetings = score.get("meetings") or {}
    statements = (score.get("statements") or {}).get("at_0.5") or {}
    strict = meetings.get("strict") or {}
    lenient = meetings.get("lenient") or {}
    participants = meetings.get("participants_micro") or {}
    match = statements.get("match") or {}
    attribution = statements.get("attribution") or {}
    numbers = {
        "dim_articles": {"accuracy_published_date": _num(articles.get("published_date_accuracy"))},
        "dim_actors": {
            "accuracy_actor_resolution": _num(actors.get("resolution_accuracy")),
            "accuracy_actor_resolution_lenient": _num(actors.get("resolution_accuracy_lenient")),
        },
        "fct_meetings": {
            "accuracy_meetings_precision": _num(strict.get("precision")),
            "accuracy_meetings_recall": _num(strict.get("recall")),
            "accuracy_meetings_f1": _num(strict.get("f1")),
            "accuracy_meetings_lenient_f1": _num(lenient.get("f1")),
        },
        "bridge_meeting_participants": {"accuracy_participants_f1": _num(participants.get("f1"))},
        "fct_statements": {
            "accuracy_statements_precision": _num(match.get("precision")),
            "accuracy_statements_recall": _num(match.get("recall")),
            "accuracy_statements_f1": _num(match.get("f1")),
            "accuracy_attribution_f1": _num(attribution.get("f1")),
            "accuracy_speaker": _num(statements.get("speaker_accuracy")),
        },
    }
    return {mart: {k: v for k, v in values.items() if v is not None} for mart, values in numbers.items()}


def accuracy_metadata(score: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """Per mart, Dagster metadata: its accuracy numbers (floats, so the UI plots them run after run) and the gold file."""
    if not score:
        return {}
    out = {}
    for mart, values in accuracy_numbers(score).items():
        out[mart] = {**values, "accuracy_gold": dg.MetadataValue.path(score.get("_gold", ""))}
    return out


def accuracy_markdown(score: Mapping[str, Any] | None) -> str:
    """All headline numbers as one markdown table."""
    if not score:
        return "_no gold file configured (set GOLD_PATH, e.g. ../shared/gold/seeds.yaml)_"
    rows = [(mart, key.removeprefix("accuracy_"), value)
            for mart, values in accuracy_numbers(score).items() for key, value in values.items()]
    return format_markdown(["mart", "measure", "value"], rows)
