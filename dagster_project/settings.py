"""Project paths and the two run-time settings (input folder, warehouse file).

Both settings are read from the environment each time they are asked for, so a test or the CLI
can change them after import:

* ``NEWS_INPUT_DIR``  folder of articles (``.txt``, ``.jsonl``, ``.jsonl.gz``); default ``seeds/``
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
