"""Articles as Dagster dynamic partitions (key = article id), for reprocessing chosen articles from the UI.

``raw/articles`` keeps the partition set equal to the ids in ``raw.articles`` after every ingest.
The ``reprocess_articles`` job (defs/jobs.py) is partitioned by it: pick one article, or a batch
in a backfill, and it re-parses exactly those. The refresh job itself stays unpartitioned.
"""
from __future__ import annotations

from collections.abc import Iterable

import dagster as dg

ARTICLES_PARTITION_NAME = "articles"
article_partitions = dg.DynamicPartitionsDefinition(name=ARTICLES_PARTITION_NAME)


def sync_article_partitions(instance: dg.DagsterInstance, article_ids: Iterable[str]) -> tuple[int, int]:
    """Add the partitions of new articles and delete those of removed ones; (added, deleted)."""
    wanted = set(article_ids)
    existing = set(instance.get_dynamic_partitions(ARTICLES_PARTITION_NAME))
    new = sorted(wanted - existing)
    gone = sorted(existing - wanted)
    if new:
        instance.add_dynamic_partitions(ARTICLES_PARTITION_NAME, new)
    for key in gone:
        instance.delete_dynamic_partition(ARTICLES_PARTITION_NAME, key)
    return len(new), len(gone)
