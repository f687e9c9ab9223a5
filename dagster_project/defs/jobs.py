"""Jobs: the full refresh (every asset, unpartitioned) and the per-article reprocessing job (partitioned).

* ``refresh_warehouse``: ingest, incremental extraction (only articles missing from nlp.parse_log
  for the current extractor version are parsed), resolution, dbt, quality checks, report, and the
  read-only snapshot. Started by the input-folder sensor, the daily schedule, the CLI and the UI.
* ``reprocess_articles``: partitioned by article (dynamic partitions ``articles``, key =
  ``<published date> · <title, else file name> · <article id>``). Launch one partition, or a backfill
  of many, from the job's Partitions tab; or a batch in
  one run from the Launchpad with ``article_ids`` / ``source_names`` config. It re-parses exactly
  those articles; marts follow at the next ``refresh_warehouse`` (started for you by the
  ``refresh_after_reprocess`` sensor).

Why an op job rather than partitioned nlp assets: a partitioned asset would either make the
refresh job partitioned (the UI then asks for partitions, and 10,000 articles would be 10,000
runs) or stay outside it. Keeping the nlp assets unpartitioned lets the refresh parse thousands of
articles in one ``nlp.pipe`` stream, and the parse log already makes it incremental per article.
"""

import dagster as dg

from dagster_project.defs.ingest.partitions import article_partitions
from dagster_project.defs.nlp.assets import reparse_articles

refresh_warehouse = dg.define_asset_job(
    name="refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description="Materialise every asset (raw -> nlp -> dbt marts -> quality report -> read snapshot) with all "
                "asset checks. Extraction is incremental: only new or changed articles are parsed.",
    executor_def=dg.in_process_executor,
)


@dg.job(
    name="reprocess_articles",
    partitions_def=article_partitions,
    executor_def=dg.in_process_executor,
    description="Re-parse chosen articles (partitions: one per article, 'published date · title or file name · "
                "article id'; or article_ids / source_names config), whatever nlp.parse_log says. Then "
                "refresh_warehouse rebuilds resolution and the marts.",
    tags={"news/kind": "reprocess"},
    metadata={"partition key": "published date · title (else the file name) · article id, "
                               "e.g. 2024-11-01 · 002_b71ca728e0516823.txt · 9cf8acf500e1370c"},
)
def reprocess_articles():
    reparse_articles()
