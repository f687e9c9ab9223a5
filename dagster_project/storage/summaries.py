"""What a table holds at a glance: its row count, a preview of a few rows, the ids new since the last run.

Used by the dbt asset (defs/warehouse/assets.py) to describe each model after ``dbt build``:

* ``table_summary``: the row count and a markdown preview of the first rows of one relation.
* ``mart_ids`` / ``new_id_counts``: ids present in the marts before a run, and how many are new after it
  (for the marts and grain columns ``dbt_artifacts.new_id_columns`` reads from the dbt manifest).
"""
from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from dagster_project.query import format_markdown

PREVIEW_ROWS = 5
PREVIEW_CELL_WIDTH = 40
QUERY_TIMEOUT_S = 20.0



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
    """``dagster/row_count`` and ``preview`` (markdown) of a table or view; ``preview_error`` if it cannot be read."""
    metadata: dict[str, Any] = {}
    try:
        _, rows = _fetch_with_timeout(con, f"select count(*) from {relation}", timeout_s)
        metadata["dagster/row_count"] = int(rows[0][0])
        columns, rows = _fetch_with_timeout(con, f"select * from {relation} limit {int(preview_rows)}", timeout_s)
        text = format_markdown(columns, rows, max_width=PREVIEW_CELL_WIDTH) if rows else "_no rows_"
        metadata["preview"] = text
    except Exception as exc:  # metadata is a courtesy: never fail the asset for it
        metadata["preview_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    return metadata


def new_ids_key(mart: str) -> str:
    """Metadata key of the number of new ids of a mart: fct_meetings -> new_meetings."""
    return "new_" + mart.split("_", 1)[1]


def mart_ids(con, id_columns: Mapping[str, str], articles: list[str] | None = None) -> dict[str, set[str]]:
    """The ids (``id_columns``: mart -> grain column) of the marts that exist now (others are left out).
    With ``articles`` (an incremental build: only their rows change), the ids of a mart with an
    ``article_id`` column are read for those articles only."""
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        "select table_name, column_name from information_schema.columns where table_schema = 'marts'"
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    out = {}
    for mart, column in id_columns.items():
        if mart not in existing:
            continue
        sql, params = f'select distinct "{column}" from marts."{mart}"', []
        if articles is not None and "article_id" in existing[mart]:
            sql, params = sql + " where article_id in (select unnest(?::varchar[]))", [sorted(articles)]
        out[mart] = {str(r[0]) for r in con.execute(sql, params).fetchall()}
    return out


def new_id_counts(before: Mapping[str, set[str]], after: Mapping[str, set[str]]) -> dict[str, dict[str, int]]:
    """Per mart: {new_<things>: ids absent before, removed_<things>: ids gone}."""
    out = {}
    for mart, ids in after.items():
        key = new_ids_key(mart)
        previous = before.get(mart, set())
        out[mart] = {key: len(ids - previous), key.replace("new_", "removed_"): len(previous - ids)}
    return out
