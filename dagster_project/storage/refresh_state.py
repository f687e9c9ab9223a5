"""What the last refresh read: the input folder's fingerprint, kept in the warehouse beside the data built from it.

Ingest writes one row to ``_refresh.input_folder`` each time it reads the folder (the fingerprint is
taken before reading, so a file changed meanwhile makes the next look differ). The read snapshot is
published only when every step of a refresh succeeded, so the row found in the snapshot is that of
the last successful refresh. The input-folder sensor of a new Dagster home (no cursor yet) starts
from it instead of refreshing a warehouse that was just built.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

STATE_SCHEMA = "_refresh"
INPUT_FOLDER_TABLE = f"{STATE_SCHEMA}.input_folder"
COLUMNS = ("input_dir", "input_digest", "input_files", "run_id", "read_at")


def record_input_folder(con: duckdb.DuckDBPyConnection, *, input_dir: Path | str, digest: str, files: int,
                        run_id: str) -> None:
    """Replace the recorded fingerprint with this one (one row: the folder the refresh read)."""
    con.execute(f"create schema if not exists {STATE_SCHEMA}")
    con.execute(f"create or replace table {INPUT_FOLDER_TABLE} (input_dir varchar, input_digest varchar, "
                "input_files integer, run_id varchar, read_at timestamptz)")
    con.execute(f"insert into {INPUT_FOLDER_TABLE} values (?, ?, ?, ?, ?)",
                [str(input_dir), digest, int(files), run_id, dt.datetime.now(dt.UTC)])


def recorded_input_folder(database: Path | str) -> dict[str, Any] | None:
    """The fingerprint recorded in a DuckDB file (the read snapshot), or None (no file, no row, unreadable)."""
    database = Path(database)
    if not database.exists():
        return None
    try:
        con = duckdb.connect(str(database), read_only=True)
    except duckdb.Error:
        return None
    try:
        row = con.execute(f"select {', '.join(COLUMNS)} from {INPUT_FOLDER_TABLE} limit 1").fetchone()
    except duckdb.Error:  # built before the state was recorded
        return None
    finally:
        con.close()
    return dict(zip(COLUMNS, row)) if row else None
