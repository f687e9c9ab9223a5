"""Articles as Dagster dynamic partitions, for reprocessing chosen articles from the UI.

``raw/articles`` keeps the partition set equal to the articles of ``raw.articles`` after every
ingest. The ``reprocess_articles`` job (defs/jobs.py) is partitioned by it: pick one article, or a
batch in a backfill, and it re-parses exactly those. The refresh job itself stays unpartitioned.

A key says which article it is: ``<published date> · <title, else file name> · <article id>``, e.g.
``2024-11-01 · 002_b71ca728e0516823.txt · 9cf8acf500e1370c``. The article id ends it, so a key always
leads back to its article (``article_id_of``); a bare article id is accepted too.

The set belongs to one warehouse file: its name is ``articles_`` plus a digest of the file's path.
Two warehouses built with the same Dagster home (a test warehouse and the real one, say) each keep
their own set, and an ingest into one never deletes the partitions of the other. The job's set is
that of the warehouse the definitions are configured with (``WAREHOUSE_PATH``).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import dagster as dg

from dagster_project.defs.resources import configured_warehouse_path

ARTICLES_PARTITION_PREFIX = "articles_"


def article_partitions_name(warehouse: Path) -> str:
    """The dynamic partition set of one warehouse file: articles_<first 12 hex of sha256 of its absolute path>."""
    digest = hashlib.sha256(str(Path(warehouse).resolve()).encode("utf-8")).hexdigest()[:12]
    return ARTICLES_PARTITION_PREFIX + digest


article_partitions = dg.DynamicPartitionsDefinition(name=article_partitions_name(configured_warehouse_path()))


def sync_article_partitions(instance: dg.DagsterInstance, warehouse: Path,
                            keys: Iterable[str]) -> tuple[int, int]:
    """Add the partitions (``partition_key``) of new articles of this warehouse and delete those of its removed
    ones; (added, deleted)."""
    name = article_partitions_name(warehouse)
    wanted = set(keys)
    existing = set(instance.get_dynamic_partitions(name))
    new = sorted(wanted - existing)
    gone = sorted(existing - wanted)
    if new:
        instance.add_dynamic_partitions(name, new)
    for key in gone:
        instance.delete_dynamic_partition(name, key)
    return len(new), len(gone)


KEY_SEPARATOR = " · "
LABEL_WIDTH = 60
_ID_AT_END = re.compile(r"([0-9a-f]{16})$")


def partition_key(article: Mapping[str, Any]) -> str:
    """A readable, stable key for an article row of raw.articles: date · title or file name · id."""
    date = article.get("published_date")
    label = " ".join(str(article.get("title") or article.get("source_name") or "").split())
    label = label.replace("...", "…")  # three dots are a key range in Dagster
    if len(label) > LABEL_WIDTH:
        label = label[: LABEL_WIDTH - 1].rstrip() + "…"
    parts = [date.isoformat() if date else "undated", label, article["article_id"]]
    return KEY_SEPARATOR.join(part for part in parts if part)


def article_id_of(key: str) -> str:
    """The article id a partition key ends with (a bare id is its own key)."""
    found = _ID_AT_END.search(key.strip())
    if not found:
        raise ValueError(f"not an article partition key: {key!r}")
    return found.group(1)
