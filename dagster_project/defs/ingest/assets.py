"""Ingest: the articles folder (NEWS_INPUT_DIR, default seeds/) into raw.articles, raw.article_sources, raw.quarantine."""

import hashlib
from collections import Counter

import dagster as dg

from dagster_project import settings
from dagster_project.defs.duckdb_io import create_table, insert_rows
from dagster_project.defs.ingest.partitions import sync_article_partitions
from dagster_project.defs.ingest.reader import (
    ARTICLE_COLUMNS,
    QUARANTINE_COLUMNS,
    SOURCE_COLUMNS,
    IngestResult,
    read_folder,
)
from dagster_project.defs.resources import DuckDBWarehouse

KINDS = {"python", "duckdb"}


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
        create_table(con, "raw.articles", ARTICLE_COLUMNS, replace=True)
        create_table(con, "raw.article_sources", SOURCE_COLUMNS, replace=True)
        create_table(con, "raw.quarantine", QUARANTINE_COLUMNS, replace=True)
        insert_rows(con, "raw.articles", ARTICLE_COLUMNS, result.articles, sort_by=["article_id"])
        insert_rows(con, "raw.article_sources", SOURCE_COLUMNS, result.sources, sort_by=["article_id", "source_name", "source_path"])
        insert_rows(con, "raw.quarantine", QUARANTINE_COLUMNS, result.quarantine, sort_by=["source_name", "source_path", "reason"])
        con.execute(f"comment on table raw.articles is '{digest}'")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return True


def quarantine_preview(rows: list[dict], limit: int = 20) -> str:
    """Markdown table of the first quarantined inputs."""
    if not rows:
        return "nothing quarantined"
    lines = ["| source | reason | encoding | language | bytes |", "|---|---|---|---|---|"]
    for r in rows[:limit]:
        reason = str(r["reason"]).replace("|", "\\|")
        lines.append(f"| {r['source_name']} | {reason} | {r['detected_encoding'] or ''} | "
                     f"{r['detected_language'] or ''} | {r['size_bytes'] if r['size_bytes'] is not None else ''} |")
    if len(rows) > limit:
        lines.append(f"| ... {len(rows) - limit} more in raw.quarantine | | | | |")
    return "\n".join(lines)


@dg.multi_asset(
    name="raw_articles",
    group_name="ingest",
    can_subset=False,
    specs=[
        dg.AssetSpec(
            ["raw", "articles"],
            description="One row per distinct article (id = sha256 of the normalised text), with its publication "
                        "date, detected encoding, source format (text, html, jsonl) and language.",
            kinds=KINDS,
        ),
        dg.AssetSpec(
            ["raw", "article_sources"],
            description="Every (article, source) pair: the same text under two names is one article with two sources.",
            kinds=KINDS,
        ),
        dg.AssetSpec(
            ["raw", "quarantine"],
            description="Input that could not be loaded as an article, one row each: empty, whitespace only, binary, "
                        "invalid UTF-8, undecodable, too large, not French, malformed JSON line, deleted while read.",
            kinds=KINDS,
        ),
    ],
)
def raw_articles(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse):
    """Read the articles folder into raw.articles, raw.article_sources and raw.quarantine (full refresh)."""
    folder = settings.input_dir()
    result = read_folder(folder)
    for row in result.quarantine:
        context.log.warning(f"quarantined {row['source_name']}: {row['reason']}")
    with warehouse.connect() as con:
        rewritten = write_raw_tables(con, result)
    if not rewritten:
        context.log.info("input unchanged since the last ingest: raw tables left as they are")
    try:
        added, deleted = sync_article_partitions(context.instance, (a["article_id"] for a in result.articles))
        context.log.info(f"article partitions: {added} added, {deleted} deleted")
    except Exception as exc:  # partitions only serve reprocessing from the UI; never fail ingest for them
        context.log.warning(f"could not update the article partitions: {exc}")
    encodings = Counter(a["detected_encoding"] for a in result.articles)
    formats = Counter(a["source_format"] for a in result.articles)
    yield dg.MaterializeResult(
        asset_key=["raw", "articles"],
        metadata={
            "input_dir": dg.MetadataValue.path(str(folder)),
            "dagster/row_count": len(result.articles),
            "undated": sum(1 for a in result.articles if a["published_date"] is None),
            "rewritten": rewritten,
            "encodings": dg.MetadataValue.json(dict(sorted(encodings.items()))),
            "formats": dg.MetadataValue.json(dict(sorted(formats.items()))),
        },
    )
    yield dg.MaterializeResult(asset_key=["raw", "article_sources"], metadata={"dagster/row_count": len(result.sources)})
    reasons = Counter(r["reason_code"] for r in result.quarantine)
    yield dg.MaterializeResult(
        asset_key=["raw", "quarantine"],
        metadata={
            "dagster/row_count": len(result.quarantine),
            "by_reason": dg.MetadataValue.json(dict(sorted(reasons.items()))),
            "preview": dg.MetadataValue.md(quarantine_preview(result.quarantine)),
        },
    )
