"""Shared fixtures: a parsed dbt manifest, and one end-to-end run of the pipeline on seeds/ per session.

Tests give the pipeline its warehouse and input folder as resources (``project_resources``). As a
safety net, WAREHOUSE_PATH points at a temporary folder for the whole session (set here, before
anything reads it), so a test that forgets never touches warehouse/warehouse.duckdb.
"""
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import pipeline_resources

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="news_warehouse_tests_"))
os.environ["WAREHOUSE_PATH"] = str(_SESSION_DIR / "default" / "warehouse.duckdb")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


# The fast lane (`pytest -m "not slow"`, under a minute) leaves out every test that needs the spaCy
# model, a pipeline run, dbt, a server, or that is marked slow or integration itself.
SLOW_FIXTURES = {"nlp", "extract", "seed_pipeline", "dbt_manifest", "pg_server", "ui_run", "succeeded"}
SLOW_FOLDERS = {"integration", "ui", "postgres"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        folder = Path(str(item.fspath)).relative_to(ROOT / "tests").parts[0]
        if (item.get_closest_marker("integration") or SLOW_FIXTURES & set(item.fixturenames)
                or folder in SLOW_FOLDERS):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSION_DIR, ignore_errors=True)


def tool(name: str) -> str:
    """A console script of this interpreter's environment (dbt, dg), else from PATH."""
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


@pytest.fixture(scope="session")
def nlp():
    """The French spaCy pipeline with the project's components, loaded once per session."""
    from dagster_project.extraction.pipeline import load_nlp

    return load_nlp()


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
    from dagster_project.definitions import defs

    job = defs().resolve_job_def("refresh_warehouse")
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, raise_on_error=False,
                                        resources=pipeline_resources(warehouse))
    return PipelineRun(result=result, warehouse=warehouse, reports=warehouse.parent / "reports")

