"""Shared fixtures: a parsed dbt manifest, and one end-to-end run of the pipeline on seeds/ per session.

Every test session writes to a temporary warehouse: WAREHOUSE_PATH is pointed at a temp folder
here, before anything reads it, so no test ever touches warehouse/warehouse.duckdb.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="news_warehouse_tests_"))
os.environ["WAREHOUSE_PATH"] = str(_SESSION_DIR / "default" / "warehouse.duckdb")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def tool(name: str) -> str:
    """A console script of this interpreter's environment (dbt, dg), else from PATH."""
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


@pytest.fixture(scope="session")
def dbt_manifest() -> Path:
    """Run `dbt parse` once per session (dagster-dbt needs dbt/target/manifest.json)."""
    subprocess.run(
        [tool("dbt"), "parse", "--quiet", "--project-dir", str(ROOT / "dbt"), "--profiles-dir", str(ROOT / "dbt")],
        check=True,
        cwd=ROOT / "dbt",
    )
    manifest = ROOT / "dbt" / "target" / "manifest.json"
    assert manifest.exists()
    return manifest


@dataclass
class PipelineRun:
    result: object  # dagster ExecuteInProcessResult
    warehouse: Path
    reports: Path

    def connect(self):
        import duckdb

        return duckdb.connect(str(self.warehouse), read_only=True)


@pytest.fixture(scope="session")
def seed_pipeline(dbt_manifest) -> PipelineRun:
    """Materialise the whole graph (refresh_warehouse) on seeds/ into a temporary warehouse, once."""
    import dagster as dg

    warehouse = _SESSION_DIR / "pipeline" / "warehouse.duckdb"
    saved = {k: os.environ.get(k) for k in ("WAREHOUSE_PATH", "NEWS_INPUT_DIR")}
    os.environ["WAREHOUSE_PATH"] = str(warehouse)
    os.environ["NEWS_INPUT_DIR"] = str(ROOT / "seeds")
    try:
        from dagster_project.definitions import defs

        job = defs().resolve_job_def("refresh_warehouse")
        with dg.instance_for_test() as instance:
            result = job.execute_in_process(instance=instance, raise_on_error=False)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return PipelineRun(result=result, warehouse=warehouse, reports=warehouse.parent / "reports")
