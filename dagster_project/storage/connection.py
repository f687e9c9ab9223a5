"""Opening the DuckDB warehouse file: one lock-retry loop for every caller (resources, CLI queries, summaries)."""
from __future__ import annotations

import time
from pathlib import Path

import duckdb


def connect_with_retry(path: str | Path, read_only: bool = False, timeout_s: float = 60.0) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, waiting up to timeout_s while another process (dbt, the UI) holds its lock."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def connect_read_only(path: str | Path, timeout_s: float = 30.0) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing warehouse file (waiting out a writer's lock)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path} (build it: bash scripts/build_warehouse.sh)")
    return connect_with_retry(path, read_only=True, timeout_s=timeout_s)
