"""Ingest: the articles folder (NEWS_INPUT_DIR, default seeds/) into raw.articles, raw.article_sources, raw.quarantine."""

import dagster as dg

from dagster_project import settings
from dagster_project.defs.duckdb_io import create_table, insert_rows
from dagster_project.defs.ingest.reader import (
    ARTICLE_COLUMNS,
    QUARANTINE_COLUMNS,
    SOURCE_COLUMNS,
    IngestResult,
    read_folder,
)
from dagster_project.defs.resources import DuckDBWarehouse

KINDS = {"python", "duckdb"}


def write_raw_tables(con, result: IngestResult) -> None:
    """Replace the three raw tables with the result, in one transaction, rows sorted."""
    con.execute("begin transaction")
    try:
        create_table(con, "raw.articles", ARTICLE_COLUMNS, replace=True)
        create_table(con, "raw.article_sources", SOURCE_COLUMNS, replace=True)
        create_table(con, "raw.quarantine", QUARANTINE_COLUMNS, replace=True)
        insert_rows(con, "raw.articles", ARTICLE_COLUMNS, result.articles, sort_by=["article_id"])
        insert_rows(con, "raw.article_sources", SOURCE_COLUMNS, result.sources, sort_by=["article_id", "source_name", "source_path"])
        insert_rows(con, "raw.quarantine", QUARANTINE_COLUMNS, result.quarantine, sort_by=["source_name", "source_path", "reason"])
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


@dg.multi_asset(
    name="raw_articles",
    group_name="ingest",
    can_subset=False,
    specs=[
        dg.AssetSpec(
            ["raw", "articles"],
            description="One row per distinct article (id = sha256 of the normalised text), with its publication date.",
            kinds=KINDS,
        ),
        dg.AssetSpec(
            ["raw", "article_sources"],
            description="Every (article, source) pair: the same text under two names is one article with two sources.",
            kinds=KINDS,
        ),
        dg.AssetSpec(
            ["raw", "quarantine"],
            description="Input that could not be read as an article (empty, binary, undecodable, malformed JSON line).",
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
        write_raw_tables(con, result)
    yield dg.MaterializeResult(
        asset_key=["raw", "articles"],
        metadata={
            "input_dir": dg.MetadataValue.path(str(folder)),
            "dagster/row_count": len(result.articles),
            "undated": sum(1 for a in result.articles if a["published_date"] is None),
        },
    )
    yield dg.MaterializeResult(asset_key=["raw", "article_sources"], metadata={"dagster/row_count": len(result.sources)})
    preview = "\n".join(f"| {r['source_name']} | {r['reason']} |" for r in result.quarantine[:20])
    yield dg.MaterializeResult(
        asset_key=["raw", "quarantine"],
        metadata={
            "dagster/row_count": len(result.quarantine),
            "preview": dg.MetadataValue.md("| source | reason |\n|---|---|\n" + preview if preview else "nothing quarantined"),
        },
    )
