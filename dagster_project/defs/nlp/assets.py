"""NLP: incremental spaCy extraction of raw.articles into nlp.* tables, then cross-article resolution.

The engine lives in dagster_project/incremental/ (no Dagster there). The ``reprocess_articles``
job (partitioned by article, see defs/ingest/partitions.py) re-parses chosen articles on demand
through the ``reparse_articles`` op below.
"""
import dagster as dg
from pydantic import Field

from dagster_project.defs.ingest.partitions import article_id_of
from dagster_project.defs.resources import DuckDBWarehouse, NlpWorkers
from dagster_project.incremental.extract import extract_with_spacy, row_counts
from dagster_project.incremental.resolve import update_resolution
from dagster_project.storage.contracts import DESCRIPTIONS, EXTRACTION_TABLES, RESOLUTION_TABLES

RAW_ARTICLES = dg.AssetKey(["raw", "articles"])


@dg.multi_asset(
    name="nlp_extraction",
    group_name="nlp",
    can_subset=False,
    specs=[
        dg.AssetSpec(["nlp", name], deps=[RAW_ARTICLES], description=DESCRIPTIONS[name], kinds={"python", "spacy", "duckdb"})
        for name in EXTRACTION_TABLES
    ],
)
def nlp_extraction(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse, nlp_workers: NlpWorkers):
    """Parse new or changed articles with spaCy (incremental on article id = content hash + extractor version)."""
    stats = extract_with_spacy(warehouse.connect, context.log, workers=nlp_workers.workers(),
                               n_process=nlp_workers.n_process, batch_size=nlp_workers.batch_size,
                               commit_every=nlp_workers.commit_every)
    if stats["to_parse"] and stats["failed"] == stats["to_parse"]:
        raise dg.Failure(f"extraction failed for all {stats['failed']} articles; see nlp.parse_errors")
    with warehouse.connect(read_only=True) as con:
        counts = row_counts(con, EXTRACTION_TABLES)
    for name in EXTRACTION_TABLES:
        yield dg.MaterializeResult(
            asset_key=["nlp", name],
            metadata={
                "dagster/row_count": counts[name],
                "extractor_version": stats["extractor_version"],
                "articles_parsed": stats["parsed"],
                "articles_failed": stats["failed"],
                "articles_removed": stats["removed"],
                "n_process": stats["n_process"],
                "extraction_seconds": stats["seconds"],
                "fields_not_stored": dg.MetadataValue.json(stats["dropped_fields"]),
            },
        )


class ReprocessConfig(dg.Config):
    """Which articles to re-parse, besides the run's partition(s): article ids and/or source names."""

    article_ids: list[str] = Field(default_factory=list, description="raw.articles ids (the end of each partition key).")
    source_names: list[str] = Field(default_factory=list,
                                    description="File names or .jsonl record ids, as in raw.article_sources.")


@dg.op(
    name="reparse_articles",
    description="Re-parse chosen articles with spaCy whatever nlp.parse_log says (their nlp rows are replaced).",
    tags={"kind": "spacy"},
)
def reparse_articles(context: dg.OpExecutionContext, config: ReprocessConfig, warehouse: DuckDBWarehouse,
                     nlp_workers: NlpWorkers) -> None:
    ids = set(config.article_ids)
    if context.has_partition_key_range:
        ids |= {article_id_of(key) for key in context.partition_keys}
    elif context.has_partition_key:
        ids.add(article_id_of(context.partition_key))
    if config.source_names:
        with warehouse.connect(read_only=True) as con:
            found = con.execute(
                "select source_name, article_id from raw.article_sources "
                "where source_name in (select unnest(?::varchar[])) order by 1, 2",
                [sorted(set(config.source_names))],
            ).fetchall()
        ids |= {article_id for _, article_id in found}
        unknown = sorted(set(config.source_names) - {name for name, _ in found})
        if unknown:
            context.log.warning(f"unknown source names: {unknown}")
    if not ids:
        raise dg.Failure("nothing to reprocess: choose a partition (article id), or set article_ids / source_names")
    stats = extract_with_spacy(warehouse.connect, context.log, article_ids=sorted(ids), workers=nlp_workers.workers(),
                               n_process=nlp_workers.n_process, batch_size=nlp_workers.batch_size,
                               commit_every=nlp_workers.commit_every)
    if stats["failed"] and not stats["parsed"]:
        raise dg.Failure(f"extraction failed for every selected article; see nlp.parse_errors: {stats['failed_ids']}")
    for name in EXTRACTION_TABLES:
        context.log_event(dg.AssetMaterialization(
            asset_key=["nlp", name],
            description="re-parsed articles (reprocess_articles); run refresh_warehouse to rebuild the marts",
            metadata={
                "reprocessed_article_ids": dg.MetadataValue.json(stats["parsed_ids"]),
                "articles_parsed": stats["parsed"],
                "articles_failed": stats["failed"],
                "articles_missing": dg.MetadataValue.json(stats["missing"]),
                "extractor_version": stats["extractor_version"],
            },
        ))


class ResolutionConfig(dg.Config):
    """Full re-resolution on demand (it also runs by itself after a rule change or a removed article)."""

    full: bool = Field(default=False, description="Resolve every article again instead of the new entities only.")


@dg.multi_asset(
    name="nlp_resolution",
    group_name="nlp",
    can_subset=False,
    specs=[
        dg.AssetSpec(
            ["nlp", name],
            deps=[dg.AssetKey(["nlp", "entities"]), dg.AssetKey(["nlp", "meeting_mentions"]), RAW_ARTICLES],
            description=DESCRIPTIONS[name],
            kinds={"python", "duckdb"},
        )
        for name in RESOLUTION_TABLES
    ],
)
def nlp_resolution(context: dg.AssetExecutionContext, config: ResolutionConfig, warehouse: DuckDBWarehouse):
    """Resolve actors and meetings across articles: the new entities only, or in full after a rule change."""
    from dagster_project.extraction import EXTRACTOR_VERSION

    with warehouse.connect() as con:
        counts = update_resolution(con, EXTRACTOR_VERSION, log=context.log, full=config.full)
    for name in RESOLUTION_TABLES:
        yield dg.MaterializeResult(asset_key=["nlp", name], metadata={
            "dagster/row_count": counts[name], "resolution": counts["mode"],
            "full_resolution_reason": counts["reason"] or "",
            # what an incremental resolution read again: it follows the new names' groups, not the corpus
            **{k: counts[k] for k in ("new_entities", "re_resolved_entities") if k in counts}})
