"""The raw.* tables: written in one transaction from an IngestResult, and left alone when nothing changed.

Their layouts and row order come from the dbt sources file (storage/contracts.py)."""
from __future__ import annotations

import hashlib

from dagster_project.ingest.reader import IngestResult
from dagster_project.query import format_markdown
from dagster_project.storage.contracts import contract
from dagster_project.storage.tables import create_table, insert_rows

RAW_TABLES = ("raw.articles", "raw.article_sources", "raw.quarantine")


def result_digest(result: IngestResult) -> str:
    """SHA-256 of every row the ingest would write (the rows are sorted and hold no timestamps)."""
    digest = hashlib.sha256()
    for rows in (result.articles, result.sources, result.quarantine):
        for row in rows:
            digest.update(repr(sorted(row.items())).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def _stored_digest(con) -> str | None:
    rows = con.execute("select comment from duckdb_tables() "
                       "where schema_name = 'raw' and table_name = 'articles'").fetchall()
    return rows[0][0] if rows else None


def write_raw_tables(con, result: IngestResult) -> bool:
    """Replace the three raw tables with the result, in one transaction, rows sorted; False (and no
    write) when they hold exactly these rows already: rewriting them only grows the DuckDB file."""
    digest = result_digest(result)
    if _stored_digest(con) == digest:
        return False
    con.execute("begin transaction")
    try:
        for relation, rows in zip(RAW_TABLES, (result.articles, result.sources, result.quarantine)):
            table = contract(relation)
            create_table(con, relation, table.layout, replace=True)
            insert_rows(con, relation, table.layout, rows, sort_by=table.order_by)
        con.execute(f"comment on table raw.articles is '{digest}'")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return True


def quarantine_preview(rows: list[dict], limit: int = 20) -> str:
    """Markdown table of the first quarantined inputs (names and reasons escaped: they come from the input)."""
    if not rows:
        return "nothing quarantined"
    table = format_markdown(
        ["source", "reason", "encoding", "language", "bytes"],
        [[r["source_name"], r["reason"], r["detected_encoding"] or "", r["detected_language"] or "",
          "" if r["size_bytes"] is None else r["size_bytes"]] for r in rows[:limit]],
        max_width=200,
    )
    if len(rows) > limit:
        table += f"\n| ... {len(rows) - limit} more in raw.quarantine | | | | |"
    return table
