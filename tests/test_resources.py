"""The project's resources where they depart from the library defaults."""
import re
import shutil
import subprocess

from dagster_project.defs.resources import NlpWorkers, WarehouseDbtCliResource
from dagster_project.defs.warehouse.project import dbt_project


def test_dbt_version_without_a_subprocess_is_the_version_of_the_dbt_on_path():
    dbt = shutil.which("dbt")
    assert dbt, "dbt must be on PATH (scripts/test.sh puts the venv first)"
    printed = subprocess.run([dbt, "--version"], capture_output=True, text=True, check=True).stdout
    assert str(WarehouseDbtCliResource(project_dir=dbt_project())._cli_version) == \
        re.search(r"(\d+\.\d+\.\d+)", printed).group(1)


def test_nlp_workers_can_be_turned_off(monkeypatch):
    import dagster as dg

    monkeypatch.setenv("NLP_PRESTART_WORKERS", "0")
    resource = NlpWorkers()
    resource.setup_for_execution(dg.build_init_resource_context())
    assert resource.workers() is None
