"""Project paths and the two run-time settings (input folder, warehouse file).

Both settings (and the operational ones at the end of this file) are read from the environment each
time they are asked for, so a test or the CLI can change them after import:

* ``NEWS_INPUT_DIR``  folder of articles (``.txt``, ``.html``, ``.jsonl``, ``.jsonl.gz``); default ``seeds/``
* ``WAREHOUSE_PATH``  DuckDB file; default ``warehouse/warehouse.duckdb``

Relative values are taken relative to the project root. ``warehouse_path()`` writes the absolute
path back into ``os.environ["WAREHOUSE_PATH"]`` so the dbt profile (``env_var('WAREHOUSE_PATH')``),
which dbt renders in its own subprocess, points at the same file.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_INPUT_DIR = PROJECT_ROOT / "seeds"
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "warehouse" / "warehouse.duckdb"

INPUT_DIR_ENV = "NEWS_INPUT_DIR"
WAREHOUSE_PATH_ENV = "WAREHOUSE_PATH"


def _absolute(value: str | os.PathLike | None, default: Path) -> Path:
    if value is None or str(value).strip() == "":
        return default
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = PROJECT_ROOT / path
    return path.resolve()


def input_dir() -> Path:
    """Absolute path of the articles folder (NEWS_INPUT_DIR, else seeds/)."""
    return _absolute(os.environ.get(INPUT_DIR_ENV), DEFAULT_INPUT_DIR)


def warehouse_path() -> Path:
    """Absolute path of the DuckDB warehouse (WAREHOUSE_PATH, else warehouse/warehouse.duckdb).

    Exports the absolute path to ``os.environ`` for dbt, and creates the parent folder.
    """
    path = _absolute(os.environ.get(WAREHOUSE_PATH_ENV), DEFAULT_WAREHOUSE_PATH)
    os.environ[WAREHOUSE_PATH_ENV] = str(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def reports_dir() -> Path:
    """Folder for the quality report: ``reports/`` beside the warehouse file."""
    return warehouse_path().parent / "reports"


# Export at import time too, so a dbt subprocess started by anything that imported us agrees.
warehouse_path()


# ---------------------------------------------------------------------------------------- operations
# Read from the environment at each call, like the two settings above.


def _int_env(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def read_snapshot_path() -> Path:
    """Read-only copy of the warehouse that every successful refresh publishes atomically.

    ``warehouse/warehouse.duckdb`` -> ``warehouse/warehouse.read.duckdb``. Readers open it with
    ``read_only=True``: they never block the refresh (which writes the main file) and never see a
    half-written state (the copy is replaced with ``os.replace``).
    """
    path = warehouse_path()
    return path.with_name(f"{path.stem}.read{path.suffix or '.duckdb'}")


def max_article_bytes() -> int:
    """NEWS_MAX_ARTICLE_BYTES: largest .txt/.html file or .jsonl line accepted as one article (default 5 MiB)."""
    return _int_env("NEWS_MAX_ARTICLE_BYTES", 5 * 1024 * 1024)


def accepted_languages() -> frozenset[str]:
    """NEWS_LANGUAGES: comma-separated languages kept at ingest (default ``fr``); others are quarantined."""
    value = os.environ.get("NEWS_LANGUAGES", "").strip() or "fr"
    return frozenset(part.strip().lower() for part in value.split(",") if part.strip())


def nlp_n_process(n_articles: int) -> int:
    """NLP_N_PROCESS: spaCy processes for a run; default 1 below 50 articles to parse, else 2."""
    value = os.environ.get("NLP_N_PROCESS", "").strip()
    if value:
        return max(1, int(value))
    return 1 if n_articles < 50 else 2


def nlp_prestart_workers() -> bool:
    """NLP_PRESTART_WORKERS: start the spaCy worker processes when a run begins (default 1 = yes)."""
    return os.environ.get("NLP_PRESTART_WORKERS", "1").strip().lower() not in ("0", "false", "no", "off")


def nlp_batch_size() -> int:
    """NLP_BATCH_SIZE: documents per ``nlp.pipe`` batch (default 16)."""
    return max(1, _int_env("NLP_BATCH_SIZE", 16))


def nlp_commit_every() -> int:
    """NLP_COMMIT_EVERY: articles per extraction transaction (default 200); a killed run loses at most one."""
    return max(1, _int_env("NLP_COMMIT_EVERY", 200))


def sensor_settle_seconds() -> float:
    """NEWS_SENSOR_SETTLE_SECONDS: the input sensor waits until no file changed for this long (default 10)."""
    value = os.environ.get("NEWS_SENSOR_SETTLE_SECONDS", "").strip()
    return float(value) if value else 10.0


def refresh_cron() -> str:
    """NEWS_REFRESH_CRON: cron of the daily refresh schedule (default ``0 6 * * *``, Europe/Paris)."""
    return os.environ.get("NEWS_REFRESH_CRON", "").strip() or "0 6 * * *"


def automation_running_by_default() -> bool:
    """NEWS_AUTOMATION=off starts the sensor and schedule stopped in a new Dagster instance (default on)."""
    return os.environ.get("NEWS_AUTOMATION", "on").strip().lower() not in ("off", "0", "false", "no", "stopped")
