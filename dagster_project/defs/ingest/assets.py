"""Ingest: the articles folder (the ``articles`` resource) into raw.articles, raw.article_sources, raw.quarantine."""

from collections import Counter

import dagster as dg

from dagster_project.defs.ingest.partitions import partition_key, sync_article_partitions
from dagster_project.defs.resources import DuckDBWarehouse, InputFolder
from dagster_project.ingest.file_reuse import ingest_folder
from dagster_project.ingest.raw_tables import quarantine_preview
from dagster_project.ingest.reader import folder_fingerprint
from dagster_project.storage.refresh_state import record_input_folder
from dagster_project.storage.tables import fetch_dicts

KINDS = {"python", "duckdb"}


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
                        "invalid UTF-8, undecodable, too large, not prose, not French, malformed or truncated JSON "
                        "line, link (never followed), deleted while read; and .jsonl ids met twice with different "
                        "texts.",
            kinds=KINDS,
        ),
    ],
)
def raw_articles(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse, articles: InputFolder):
    """Read the articles folder into raw.articles, raw.article_sources and raw.quarantine: only the files
    added or changed since the last refresh when that gives the rows of a full read (ingest/file_reuse.py)."""
    folder = articles.folder()
    digest, n_files, _ = folder_fingerprint(folder)  # before reading: a file changed meanwhile shows next time
    with warehouse.connect() as con:
        outcome = ingest_folder(con, folder, articles.read_options())
        for row in outcome.quarantine_read:
            context.log.warning(f"quarantined {row['source_name']}: {row['reason']}")
        mode, rewritten = outcome.mode, outcome.rewritten
        record_input_folder(con, input_dir=folder, digest=digest, files=n_files, run_id=context.run_id)
        stored = fetch_dicts(con, "select article_id, published_date, published_date_basis, title, source_name, "
                                  "detected_encoding, source_format from raw.articles order by article_id")
        (n_sources,) = con.execute("select count(*) from raw.article_sources").fetchone()
        quarantine = fetch_dicts(con, "select * from raw.quarantine order by source_name, source_path, reason")
    context.log.info(f"ingest: {mode}, {outcome.files_read} of {outcome.files} files read")
    if not rewritten:
        context.log.info("input unchanged since the last ingest: raw tables left as they are")
    try:
        added, deleted = sync_article_partitions(context.instance, warehouse.db_path(),
                                                 (partition_key(a) for a in stored))
        context.log.info(f"article partitions: {added} added, {deleted} deleted")
    except Exception as exc:  # partitions only serve reprocessing from the UI; never fail ingest for them
        context.log.warning(f"could not update the article partitions: {exc}")
    encodings = Counter(a["detected_encoding"] for a in stored)
    formats = Counter(a["source_format"] for a in stored)
    date_bases = Counter(a["published_date_basis"].split(":")[0] for a in stored)  # the code, not the reason
    yield dg.MaterializeResult(
        asset_key=["raw", "articles"],
        metadata={
            "input_dir": dg.MetadataValue.path(str(folder)),
            "input_digest": digest[:16],
            "dagster/row_count": len(stored),
            "undated": sum(1 for a in stored if a["published_date"] is None),
            "rewritten": rewritten,
            "read": mode,
            "files_read": outcome.files_read,
            "encodings": dg.MetadataValue.json(dict(sorted(encodings.items()))),
            "formats": dg.MetadataValue.json(dict(sorted(formats.items()))),
            "date_bases": dg.MetadataValue.json(dict(sorted(date_bases.items()))),
        },
    )
    yield dg.MaterializeResult(asset_key=["raw", "article_sources"], metadata={"dagster/row_count": n_sources})
    reasons = Counter(r["reason_code"] for r in quarantine)
    yield dg.MaterializeResult(
        asset_key=["raw", "quarantine"],
        metadata={
            "dagster/row_count": len(quarantine),
            "by_reason": dg.MetadataValue.json(dict(sorted(reasons.items()))),
            "preview": dg.MetadataValue.md(quarantine_preview(quarantine)),
        },
    )
