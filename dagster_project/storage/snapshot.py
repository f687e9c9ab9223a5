"""The read-only snapshot of the warehouse: an atomic copy that readers open while a refresh writes.

DuckDB allows one writer per file, and a reader holding the file open would block the refresh.
Readers therefore open ``warehouse.read.duckdb`` beside the warehouse, read-only; at the end of a
refresh the warehouse is copied to a temporary file and ``os.replace``d over the snapshot.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import duckdb

SNAPSHOT_SCHEMA = "_snapshot"
SNAPSHOT_SUFFIX = ".read"


def snapshot_path(warehouse: Path) -> Path:
    """The snapshot published beside a warehouse file: warehouse.duckdb -> warehouse.read.duckdb."""
    warehouse = Path(warehouse)
    return warehouse.with_name(f"{warehouse.stem}{SNAPSHOT_SUFFIX}{warehouse.suffix or '.duckdb'}")


def _fsync(path: Path) -> None:
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish_snapshot(source: Path, target: Path, info: Mapping[str, Any] | None = None,
                     checkpoint: bool = True) -> Path:
    """Atomically replace ``target`` with a copy of the DuckDB file ``source``.

    The source is checkpointed (its WAL merged) and copied to a temporary file beside the target;
    the copy gets a ``_snapshot.info`` row (``info`` plus the row count of every ``marts`` table) and
    is then moved over the target with ``os.replace``. A reader that opened the old snapshot keeps
    reading it (same inode); a reader that opens the target afterwards sees the new one; nobody ever
    sees a partial copy, and readers never hold a lock the writer needs. Nothing else may write the
    source meanwhile (the refresh job runs its steps one after the other).
    """
    source, target = Path(source), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.*.tmp"):  # left by a publisher that was killed
        try:
            if time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()
        except OSError:
            pass
    if checkpoint:
        con = duckdb.connect(str(source))
        try:
            con.execute("checkpoint")
        finally:
            con.close()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        shutil.copyfile(source, tmp)
        con = duckdb.connect(str(tmp))
        try:
            marts = [r[0] for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
            ).fetchall()]
            counts = {name: con.execute(f'select count(*) from marts."{name}"').fetchall()[0][0] for name in marts}
            row = {**(info or {}), "mart_row_counts": json.dumps(counts, sort_keys=True)}
            con.execute(f"create schema if not exists {SNAPSHOT_SCHEMA}")
            columns = ", ".join(f'"{k}" varchar' for k in row)
            con.execute(f"create or replace table {SNAPSHOT_SCHEMA}.info ({columns})")
            con.execute(f"insert into {SNAPSHOT_SCHEMA}.info values ({', '.join('?' for _ in row)})",
                        [None if v is None else str(v) for v in row.values()])
            con.execute("checkpoint")
        finally:
            con.close()
        wal = tmp.with_name(tmp.name + ".wal")
        if wal.exists():  # nothing should be left in it after the checkpoint and close
            raise RuntimeError(f"snapshot copy still has a WAL: {wal}")
        _fsync(tmp)
        os.replace(tmp, target)
        try:
            dir_fd = os.open(str(target.parent), os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError:
            pass
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def connect_read_snapshot(path: Path | str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a published snapshot (``snapshot_path(warehouse)``).

    Use this to query the warehouse at any time, even while a refresh runs: it never waits for
    the refresh and always sees the state of the last successful one.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no read snapshot yet at {path}: run refresh_warehouse once")
    return duckdb.connect(str(path), read_only=True)
