"""Helpers shared by test modules (fixtures are in conftest.py)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pipeline_resources(warehouse: Path, input_dir: Path = ROOT / "seeds", **values) -> dict:
    """The project's resources on a given warehouse file and input folder (other settings: defaults)."""
    from dagster_project.defs.resources import project_resources

    return project_resources(warehouse_path=str(warehouse), input_dir=str(input_dir), **values)
