"""Resources shared by every concern, configured once from the settings (dagster_project/settings.py).

* ``warehouse`` (DuckDBWarehouse): the DuckDB file; dbt is pointed at the same file through it. A run
  that uses it holds the file's writer lock from start to end (storage/writer_lock.py) and records
  its process in the run's tags, so that a run whose process died is recognised (defs/automation/).
* ``articles`` (InputFolder): the input folder and what ingest accepts from it.
* ``nlp_workers`` (NlpWorkers): the spaCy workers (local processes, or a Dask cluster's) and the
  extraction's batch sizes.
* ``dbt`` (WarehouseDbtCliResource): the dbt CLI.
* ``evaluation`` (Evaluation): the gold file the build is measured against.

Definitions loading is the one place that reads the environment: a setting given there becomes a
``dg.EnvVar`` in the resource's config, otherwise its default. ``project_resources(**values)``
builds the same resources with explicit values (the CLI's options, tests). Runs execute in one
process (one DuckDB writer at a time).
"""
from __future__ import annotations

import importlib.metadata
import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource
from packaging import version
from pydantic import Field, PrivateAttr

from dagster_project import settings
from dagster_project.defs.warehouse.project import dbt_project
from dagster_project.evaluation.scoring import SEEDS_GOLD
from dagster_project.incremental.extract import DEFAULT_COMMIT_EVERY, n_process_for
from dagster_project.ingest.reader import ReadOptions
from dagster_project.storage.connection import connect_with_retry
from dagster_project.storage.snapshot import snapshot_path
from dagster_project.storage.writer_lock import ProcessIdentity, WarehouseBusy, WriterLock

# Run tags naming the process that executes a run (defs/automation/run_liveness.py reads them).
PROCESS_TAGS = ("news/pid", "news/host", "news/process_started")


def process_tags(identity: ProcessIdentity | None = None) -> dict[str, str]:
    """The run tags naming a process (the current one by default)."""
    identity = identity or ProcessIdentity.current()
    return dict(zip(PROCESS_TAGS, (str(identity.pid), identity.host, identity.started or "")))


class DuckDBWarehouse(dg.ConfigurableResource):
    """The DuckDB warehouse file. One writer at a time: open, use, close; never hold a connection across steps.

    A run holds the file's writer lock for its whole length: a second build on the same file stops at
    once with ``WarehouseBusy`` ("another refresh is running"), before reading anything.
    """

    path: str = Field(default="", description="DuckDB file (WAREHOUSE_PATH); empty = warehouse/warehouse.duckdb, "
                                              "relative = from the project root.")
    lock_timeout_s: float = Field(default=60.0, description="How long to wait for another process's lock.")
    _writer_lock: object = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        lock = WriterLock(self.db_path())
        try:
            lock.acquire(run_id=context.run_id)
        except WarehouseBusy as busy:
            raise dg.Failure(str(busy), allow_retries=False) from None
        self._writer_lock = lock
        if context.instance is not None and context.run_id:
            try:
                context.instance.add_run_tags(context.run_id, process_tags())
            except Exception:  # a courtesy for the automation: never fail the run for it
                pass

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._writer_lock is not None:
            self._writer_lock.release()
            self._writer_lock = None

    def db_path(self) -> Path:
        """The absolute path of the file (its folder is created)."""
        path = settings.warehouse_path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def read_snapshot_path(self) -> Path:
        """The read-only copy published beside the file at the end of each refresh."""
        return snapshot_path(self.db_path())

    def reports_dir(self) -> Path:
        """Where the quality report and the report pictures go: reports/ beside the file."""
        return settings.reports_dir(self.db_path())

    def dbt_vars(self, **extra: Any) -> list[str]:
        """The dbt arguments that point the profile (``var('warehouse_path')``) at this file, with
        other vars (``incremental_refresh=True``: dbt/macros/changed_articles.sql)."""
        return ["--vars", json.dumps({"warehouse_path": str(self.db_path()), **extra})]

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        con = connect_with_retry(self.db_path(), read_only=read_only, timeout_s=self.lock_timeout_s)
        try:
            yield con
        finally:
            con.close()


class InputFolder(dg.ConfigurableResource):
    """The folder of articles, and what ingest accepts from it."""

    path: str = Field(default="", description="Articles folder (NEWS_INPUT_DIR); empty = input/, relative = from "
                                              "the project root.")
    max_article_bytes: int = Field(default=ReadOptions.max_article_bytes,
                                   description="Largest file or .jsonl line read as one article (NEWS_MAX_ARTICLE_BYTES).")
    languages: str = Field(default="fr", description="Comma-separated languages kept; others are quarantined "
                                                     "(NEWS_LANGUAGES).")
    settle_seconds: float = Field(default=10.0, description="The sensor waits until no file changed for this long "
                                                            "(NEWS_SENSOR_SETTLE_SECONDS).")

    def folder(self) -> Path:
        return settings.input_dir(self.path)

    def read_options(self) -> ReadOptions:
        languages = frozenset(part.strip().lower() for part in self.languages.split(",") if part.strip())
        return ReadOptions(max_article_bytes=self.max_article_bytes, languages=languages or frozenset({"fr"}))


class WarehouseDbtCliResource(DbtCliResource):
    """The dbt CLI, started without two costly preliminaries of dagster-dbt.

    Before every dbt command dagster-dbt runs ``dbt --version`` in a subprocess (~2 s) and builds
    an in-process dbt adapter (~2 s of macro loading). The version is that of the dbt-core package
    installed beside us (the `dbt` on PATH is its script); the adapter only serves
    ``fetch_row_counts()`` and ``fetch_column_metadata()``, and the warehouse asset reads its row
    counts and previews itself. The warehouse file comes from ``DuckDBWarehouse.dbt_vars()``.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


class NlpWorkers(dg.ConfigurableResource):
    """spaCy workers for the NLP stage, ready when the run begins, and the extraction's batch sizes.

    By default they are local processes. Loading the French model takes ~5 s; started with the run,
    the first worker loads it on the idle core while the articles are ingested and checked, so a
    refresh of a few articles does not wait for it. ``prestart=False`` (NLP_PRESTART_WORKERS=0) turns
    this off (the NLP step then starts its own processes).

    With ``cluster_address`` (NLP_CLUSTER_ADDRESS, e.g. ``tcp://dask-scheduler:8786``) the extraction
    runs on the workers of that Dask scheduler instead (incremental/cluster.py, the ``cluster`` extra):
    they keep the model loaded between runs, and the rows come back here, to the one DuckDB writer.
    """

    prestart: bool = Field(default=True, description="Start the worker processes with the run (NLP_PRESTART_WORKERS).")
    n_process: int = Field(default=0, description="spaCy processes (NLP_N_PROCESS); 0 = 1 below 50 articles to "
                                                  "parse, else 2.")
    batch_size: int = Field(default=16, description="Documents per nlp.pipe batch (NLP_BATCH_SIZE).")
    commit_every: int = Field(default=DEFAULT_COMMIT_EVERY,
                              description="Articles per extraction transaction (NLP_COMMIT_EVERY); a killed run "
                                          "loses at most one batch.")
    cluster_address: str = Field(default="", description="Dask scheduler running the extraction "
                                                         "(NLP_CLUSTER_ADDRESS); empty = local processes.")
    cluster_timeout_s: float = Field(default=60.0, description="How long to wait for the scheduler and a "
                                                               "first worker.")
    _workers: object = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        if self.cluster_address.strip():
            from dagster_project.incremental.cluster import DaskExtractionWorkers

            try:
                self._workers = DaskExtractionWorkers(self.cluster_address.strip(), timeout_s=self.cluster_timeout_s)
            except (OSError, TimeoutError) as error:
                raise dg.Failure(f"no Dask cluster at {self.cluster_address} (NLP_CLUSTER_ADDRESS): {error}") from error
        elif self.prestart:
            from dagster_project.extraction.pipeline import ExtractionWorkers

            self._workers = ExtractionWorkers(max_workers=n_process_for(self.n_process, n_articles=1_000_000), warm=1)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._workers is not None:
            self._workers.close()
            self._workers = None

    def workers(self):
        """The running ExtractionWorkers or DaskExtractionWorkers, or None."""
        return self._workers


class Evaluation(dg.ConfigurableResource):
    """The gold file each build is evaluated against (dagster_project/evaluation/README.md gives its format)."""

    gold_path: str = Field(default="", description="Gold YAML (GOLD_PATH); empty = the seeds' gold shipped with "
                                                   "the project, relative = from the project root.")

    def gold_file(self) -> Path:
        return settings.resolve_path(self.gold_path, SEEDS_GOLD)


def _configured(name: str, values: dict[str, Any], kind: type = str) -> Any:
    """An explicit value, else dg.EnvVar when the environment sets the setting, else the setting's default."""
    if name in values:
        return values[name]
    if settings.is_set(name):
        if kind is str:
            return dg.EnvVar(settings.SETTINGS[name].env)
        if kind is int:
            return dg.EnvVar.int(settings.SETTINGS[name].env)
        if kind is bool:
            return settings.flag(settings.value(name))
        return kind(settings.value(name))
    default = settings.SETTINGS[name].default
    return settings.flag(default) if kind is bool else kind(default)


def configured_warehouse_path() -> Path:
    """The warehouse file the definitions are configured with (WAREHOUSE_PATH, else the default)."""
    return settings.warehouse_path(settings.value("warehouse_path"))


def project_resources(**values: Any) -> dict[str, Any]:
    """Every resource of the project. ``values`` are settings by name (``warehouse_path``, ``input_dir``,
    ``nlp_batch_size``...; see settings.py); the others come from the environment or their defaults."""
    return {
        "warehouse": DuckDBWarehouse(path=_configured("warehouse_path", values)),
        "articles": InputFolder(
            path=_configured("input_dir", values),
            max_article_bytes=_configured("max_article_bytes", values, int),
            languages=_configured("languages", values),
            settle_seconds=_configured("settle_seconds", values, float),
        ),
        "nlp_workers": NlpWorkers(
            prestart=_configured("nlp_prestart_workers", values, bool),
            n_process=_configured("nlp_n_process", values, int),
            batch_size=_configured("nlp_batch_size", values, int),
            commit_every=_configured("nlp_commit_every", values, int),
            cluster_address=_configured("nlp_cluster_address", values),
        ),
        "dbt": WarehouseDbtCliResource(project_dir=dbt_project()),
        "evaluation": Evaluation(gold_path=_configured("gold_path", values)),
    }


@dg.definitions
def resources() -> dg.Definitions:
    """The project's resources from the environment; the in-process executor keeps one DuckDB writer at a time."""
    return dg.Definitions(resources=project_resources(), executor=dg.in_process_executor)
