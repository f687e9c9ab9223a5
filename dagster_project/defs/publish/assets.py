"""publish/read_snapshot: the last step of a refresh copies the warehouse to a read-only snapshot, atomically.

DuckDB allows one writer per file, and a reader holding the file open would block the refresh.
Readers therefore open ``warehouse/warehouse.read.duckdb`` (``DuckDBWarehouse.read_snapshot_path()``),
read-only; the refresh writes ``warehouse.duckdb`` and, once every upstream step succeeded, replaces
the snapshot with a fresh copy (temporary file + ``os.replace``). See storage/snapshot.py.
"""

import datetime as dt
from pathlib import Path

import dagster as dg

from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.defs.warehouse.project import mart_keys
from dagster_project.storage.snapshot import publish_snapshot


def checkpoint_warehouse(warehouse: DuckDBWarehouse) -> Path:
    """Merge the WAL into the warehouse file so that a plain file copy holds everything."""
    with warehouse.connect() as con:
        con.execute("checkpoint")
    path = warehouse.db_path()
    wal = path.with_name(path.name + ".wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise dg.Failure(f"{wal} is not empty after a checkpoint: is another process writing the warehouse?")
    return path


@dg.asset(
    key=["publish", "read_snapshot"],
    group_name="publish",
    kinds={"duckdb"},
    deps=[dg.AssetKey(["quality", "report"]), *mart_keys()],
    description="Read-only copy of the warehouse (warehouse.read.duckdb beside it), replaced atomically at the end "
                "of every successful refresh: query it while a refresh runs; it never blocks the writer.",
)
def read_snapshot(context: dg.AssetExecutionContext, warehouse: DuckDBWarehouse) -> dg.MaterializeResult:
    source = checkpoint_warehouse(warehouse)
    target = warehouse.read_snapshot_path()
    info = {
        "run_id": context.run_id,
        "published_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "source": str(source),
    }
    publish_snapshot(source, target, info, checkpoint=False)
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(target)),
        "size_bytes": target.stat().st_size,
        "run_id": context.run_id,
    })
