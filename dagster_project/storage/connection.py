"""Opening the DuckDB warehouse file in the pipeline: one lock-retry loop for every step (queries read the snapshot: query.py)."""
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

