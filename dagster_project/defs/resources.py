"""Resources shared by every concern: the DuckDB warehouse and the dbt CLI; runs execute in one process."""

import importlib.metadata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource
from packaging import version
from pydantic import Field, PrivateAttr

from dagster_project import settings
from dagster_project.defs.warehouse.project import dbt_project
from dagster_project.storage.connection import connect_with_retry


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


class WarehouseDbtCliResource(DbtCliResource):
    """The dbt CLI, started without two costly preliminaries of dagster-dbt.

    Before every dbt command dagster-dbt runs ``dbt --version`` in a subprocess (~2 s) and builds
    an in-process dbt adapter (~2 s of macro loading). The version is that of the dbt-core package
    installed beside us (the `dbt` on PATH is its script); the adapter only serves
    ``fetch_row_counts()`` and ``fetch_column_metadata()``, and the warehouse asset reads its row
    counts and previews itself.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


class NlpWorkers(dg.ConfigurableResource):
    """spaCy worker processes for the NLP stage, started when the run begins.

    Loading the French model takes ~5 s; started with the run, the first worker loads it on the idle
    core while the articles are ingested and checked, so a refresh of a few articles does not wait
    for it. NLP_PRESTART_WORKERS=0 turns this off (the NLP step then starts its own processes).
    """

    prestart: bool = Field(default=True, description="Start the worker processes with the run.")
    _workers: object = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        if self.prestart and settings.nlp_prestart_workers():
            from dagster_project.extraction.pipeline import ExtractionWorkers

            self._workers = ExtractionWorkers(max_workers=settings.nlp_n_process(n_articles=1_000_000), warm=1)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._workers is not None:
            self._workers.close()
            self._workers = None

    def workers(self):
        """The running ExtractionWorkers, or None."""
        return self._workers


@dg.definitions
def resources() -> dg.Definitions:
    """Warehouse and dbt resources; the in-process executor keeps one DuckDB writer at a time."""
    return dg.Definitions(
        resources={
            "warehouse": DuckDBWarehouse(),
            "dbt": WarehouseDbtCliResource(project_dir=dbt_project()),
            "nlp_workers": NlpWorkers(),
        },
        executor=dg.in_process_executor,
    )
