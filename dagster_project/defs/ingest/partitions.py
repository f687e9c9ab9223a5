"""Articles as Dagster dynamic partitions (key = article id), for reprocessing chosen articles from the UI.

``raw/articles`` keeps the partition set equal to the ids in ``raw.articles`` after every ingest.
The ``reprocess_articles`` job (defs/jobs.py) is partitioned by it: pick one article, or a batch
in a backfill, and it re-parses exactly those. The refresh job itself stays unpartitioned.

The set belongs to one warehouse file: its name is ``articles_`` plus a digest of the file's path.
Two warehouses built with the same Dagster home (a test warehouse and the real one, say) each keep
their own set, and an ingest into one never deletes the partitions of the other. The job's set is
that of the warehouse the definitions are configured with (``WAREHOUSE_PATH``).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import dagster as dg

from dagster_project.defs.resources import configured_warehouse_path

ARTICLES_PARTITION_PREFIX = "articles_"


def article_partitions_name(warehouse: Path) -> str:
    """The dynamic partition set of one warehouse file: articles_<first 12 hex of sha256 of its absolute path>."""
    digest = hashlib.sha256(str(Path(warehouse).resolve()).encode("utf-8")).hexdigest()[:12]
    return ARTICLES_PARTITION_PREFIX + digest


article_partitions = dg.DynamicPartitionsDefinition(name=article_partitions_name(configured_warehouse_path()))


def sync_article_partitions(instance: dg.DagsterInstance, warehouse: Path,
                            article_ids: Iterable[str]) -> tuple[int, int]:
    """Add the partitions of new articles of this warehouse and delete those of its removed ones; (added, deleted)."""
    name = article_partitions_name(warehouse)
    wanted = set(article_ids)
    existing = set(instance.get_dynamic_partitions(name))
    new = sorted(wanted - existing)
    gone = sorted(existing - wanted)
    if new:
        instance.add_dynamic_partitions(name, new)
    for key in gone:
        instance.delete_dynamic_partition(name, key)
    return len(new), len(gone)
