"""Resources shared by every concern: the DuckDB warehouse and the dbt CLI; runs execute in one process."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource
from pydantic import Field

from dagster_project import settings
from dagster_project.defs.warehouse.project import dbt_project


class DuckDBWarehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. One writer at a time: open, use, close; never hold a connection across steps."""

    path: str = Field(
        default="",
        description="DuckDB file; empty = WAREHOUSE_PATH or warehouse/warehouse.duckdb (resolved at run time).",
    )
    lock_timeout_s: float = Field(default=60.0, description="How long to wait for another process's lock.")

    def db_path(self) -> Path:
        if self.path:
            import os

            os.environ[settings.WAREHOUSE_PATH_ENV] = self.path
        return settings.warehouse_path()

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        con = connect_with_retry(self.db_path(), read_only=read_only, timeout_s=self.lock_timeout_s)
        try:
            yield con
        finally:
            con.close()


def connect_with_retry(path: Path, read_only: bool = False, timeout_s: float = 60.0) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, waiting while another process (dbt, the UI) holds its lock."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@dg.definitions
def resources() -> dg.Definitions:
    """Warehouse and dbt resources; the in-process executor keeps one DuckDB writer at a time."""
    return dg.Definitions(
        resources={
            "warehouse": DuckDBWarehouse(),
            "dbt": DbtCliResource(project_dir=dbt_project()),
        },
        executor=dg.in_process_executor,
    )
