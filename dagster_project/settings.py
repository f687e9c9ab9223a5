"""Project paths, and the settings a deployment gives through the environment.

Settings flow one way. Only the entry points read the environment: Dagster's definitions loading
(``defs/resources.py`` builds every resource from these settings, ``defs/automation/`` the schedule)
and the CLI. Resources take the values as config (``dg.EnvVar`` when the variable is set, so the
UI shows where a value comes from) and hand them to the plain packages as arguments. Nothing
writes ``os.environ``: dbt receives the warehouse file as ``--vars '{"warehouse_path": ...}'``.

Relative paths are taken relative to the project root.

=========================  ============================  ===========================================
setting                    environment variable          default
=========================  ============================  ===========================================
``warehouse_path``         ``WAREHOUSE_PATH``            ``warehouse/warehouse.duckdb``
``input_dir``              ``NEWS_INPUT_DIR``            ``input`` (git-ignored; first build copies seeds/)
``max_article_bytes``      ``NEWS_MAX_ARTICLE_BYTES``    5 MiB: larger articles are quarantined
``languages``              ``NEWS_LANGUAGES``            ``fr`` (comma-separated; others quarantined)
``settle_seconds``         ``NEWS_SENSOR_SETTLE_SECONDS`` 10: the sensor waits for copies to settle
``sensor_interval_seconds`` ``NEWS_SENSOR_INTERVAL_SECONDS`` 30: how often the sensor looks
``nlp_n_process``          ``NLP_N_PROCESS``             0 = 1 process below 50 articles, else 2
``nlp_batch_size``         ``NLP_BATCH_SIZE``            16 documents per ``nlp.pipe`` batch
``nlp_commit_every``       ``NLP_COMMIT_EVERY``          200 articles per extraction transaction
``nlp_prestart_workers``   ``NLP_PRESTART_WORKERS``      on: spaCy workers start with the run
``nlp_cluster_address``    ``NLP_CLUSTER_ADDRESS``       empty = local processes; ``tcp://host:8786`` = a
                                                         Dask scheduler whose workers run the extraction
``gold_path``              ``GOLD_PATH``                 the seeds' gold shipped with the project
``refresh_cron``           ``NEWS_REFRESH_CRON``         ``0 6 * * *`` (Europe/Paris)
``automation``             ``NEWS_AUTOMATION``           on: sensor and schedule start running
=========================  ============================  ===========================================
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
SEEDS_DIR = PROJECT_ROOT / "seeds"  # the seed articles (tracked; the tests read them)
DEFAULT_INPUT_DIR = PROJECT_ROOT / "input"  # the drop folder (git-ignored; the first build copies seeds/ in)
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "warehouse" / "warehouse.duckdb"

OFF = ("0", "false", "no", "off", "stopped")


@dataclass(frozen=True)
class Setting:
    env: str
    default: str


SETTINGS: dict[str, Setting] = {
    "warehouse_path": Setting("WAREHOUSE_PATH", ""),  # "" = DEFAULT_WAREHOUSE_PATH
    "input_dir": Setting("NEWS_INPUT_DIR", ""),  # "" = DEFAULT_INPUT_DIR
    "max_article_bytes": Setting("NEWS_MAX_ARTICLE_BYTES", str(5 * 1024 * 1024)),
    "languages": Setting("NEWS_LANGUAGES", "fr"),
    "settle_seconds": Setting("NEWS_SENSOR_SETTLE_SECONDS", "10"),
    "sensor_interval_seconds": Setting("NEWS_SENSOR_INTERVAL_SECONDS", "30"),
    "nlp_n_process": Setting("NLP_N_PROCESS", "0"),
    "nlp_batch_size": Setting("NLP_BATCH_SIZE", "16"),
    "nlp_commit_every": Setting("NLP_COMMIT_EVERY", "200"),
    "nlp_prestart_workers": Setting("NLP_PRESTART_WORKERS", "1"),
    "nlp_cluster_address": Setting("NLP_CLUSTER_ADDRESS", ""),  # "" = local worker processes
    "gold_path": Setting("GOLD_PATH", ""),  # "" = the seeds' gold in dagster_project/evaluation/gold/
    "refresh_cron": Setting("NEWS_REFRESH_CRON", "0 6 * * *"),
    "automation": Setting("NEWS_AUTOMATION", "on"),
}


def is_set(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the environment gives the setting a (non-blank) value."""
    environ = os.environ if environ is None else environ
    return bool(environ.get(SETTINGS[name].env, "").strip())


def value(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The setting's value in the environment, else its default (entry points only)."""
    environ = os.environ if environ is None else environ
    return environ.get(SETTINGS[name].env, "").strip() or SETTINGS[name].default


def flag(text: str) -> bool:
    """An on/off setting: anything but 0, false, no, off, stopped is on."""
    return text.strip().lower() not in OFF


def resolve_path(path: str | os.PathLike | None, default: Path) -> Path:
    """An absolute path: ``path`` (relative = from the project root), or ``default`` when it is empty."""
    if path is None or str(path).strip() == "":
        return default
    resolved = Path(path).expanduser()
    if not resolved.is_absolute():
        resolved = PROJECT_ROOT / resolved
    return resolved.resolve()


# DuckDB names an attached file's catalog after the file: a warehouse called like one of its schemas
# (or a catalog DuckDB keeps for itself) makes every "schema.table" ambiguous, and dbt fails mid-build
RESERVED_WAREHOUSE_NAMES = frozenset({"raw", "nlp", "seeds", "staging", "intermediate", "marts", "_refresh", "main",
                                      "memory", "system", "temp", "information_schema", "pg_catalog"})


class WarehouseNameError(ValueError):
    """The warehouse file's name is one DuckDB cannot tell from a schema of the warehouse."""


def warehouse_path(path: str | os.PathLike | None = None) -> Path:
    """The warehouse file for a configured value (empty = warehouse/warehouse.duckdb)."""
    resolved = resolve_path(path, DEFAULT_WAREHOUSE_PATH)
    if resolved.stem.lower() in RESERVED_WAREHOUSE_NAMES:
        raise WarehouseNameError(
            f"warehouse file {resolved}: DuckDB would name the database '{resolved.stem}', like a schema of the "
            f"warehouse, and every query on that schema would be ambiguous. Choose another file name "
            f"(e.g. {resolved.with_stem('warehouse').name}); reserved: {', '.join(sorted(RESERVED_WAREHOUSE_NAMES))}")
    return resolved


def input_dir(path: str | os.PathLike | None = None) -> Path:
    """The articles folder for a configured value (empty = input/)."""
    return resolve_path(path, DEFAULT_INPUT_DIR)


def reports_dir(warehouse: Path) -> Path:
    """Where the reports of a warehouse go: ``reports/`` beside the warehouse file."""
    return Path(warehouse).parent / "reports"

