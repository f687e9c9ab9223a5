"""dbt's per-invocation target folders: dagster-dbt gives every dbt command its own, and they pile up."""
from __future__ import annotations

import shutil
from pathlib import Path

KEEP_INVOCATION_DIRS = 5


def prune_invocation_dirs(current: Path, keep: int = KEEP_INVOCATION_DIRS) -> None:
    """dagster-dbt gives every dbt command its own target folder (~6 MB: manifest, run results,
    compiled SQL); a daily refresh would pile up gigabytes. Keep the newest few for debugging."""
    prefix = current.name.split("-")[0] + "-"
    siblings = sorted((p for p in current.parent.glob(prefix + "*") if p.is_dir()),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in siblings[keep:]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
