"""Lint in CI: ruff on the Python code, sqlfluff (dbt templater, DuckDB dialect) on the dbt models.
Their settings are in pyproject.toml ([tool.ruff]) and .sqlfluff."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    candidate = BIN / name
    return str(candidate) if candidate.exists() else name


def test_ruff():
    done = subprocess.run([_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]


@pytest.mark.slow  # compiles the dbt project
def test_sqlfluff_on_the_dbt_models():
    done = subprocess.run([_tool("sqlfluff"), "lint", "--nocolor", "dbt/models"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
    assert "All Finished" in done.stdout
