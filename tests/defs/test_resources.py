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


def test_nlp_workers_can_be_turned_off():
    import dagster as dg

    resource = NlpWorkers(prestart=False)
    resource.setup_for_execution(dg.build_init_resource_context())
    assert resource.workers() is None


def test_settings_reach_the_resources_as_env_vars_or_values(monkeypatch):
    """Definitions loading turns a setting given in the environment into a dg.EnvVar, the default otherwise;
    explicit values (the CLI's options) win; the environment is never written."""
    import os

    import dagster as dg

    from dagster_project.defs.resources import project_resources

    monkeypatch.setenv("NEWS_INPUT_DIR", "some/folder")
    monkeypatch.setenv("NLP_BATCH_SIZE", "8")
    monkeypatch.setenv("NLP_PRESTART_WORKERS", "off")
    monkeypatch.setenv("NLP_CLUSTER_ADDRESS", "tcp://dask-scheduler:8786")
    monkeypatch.delenv("NEWS_LANGUAGES", raising=False)
    before = dict(os.environ)
    resources = project_resources(warehouse_path="/tmp/explicit.duckdb")
    assert dict(os.environ) == before
    assert resources["warehouse"].path == "/tmp/explicit.duckdb"
    assert resources["articles"].path == dg.EnvVar("NEWS_INPUT_DIR")
    assert resources["articles"].languages == "fr"
    assert resources["nlp_workers"].batch_size == dg.EnvVar.int("NLP_BATCH_SIZE")
    assert resources["nlp_workers"].prestart is False
    assert resources["nlp_workers"].cluster_address == dg.EnvVar("NLP_CLUSTER_ADDRESS")
    assert resources["warehouse"].dbt_vars() == ["--vars", '{"warehouse_path": "/tmp/explicit.duckdb"}']


def test_the_nlp_workers_are_local_processes_unless_a_cluster_is_configured(monkeypatch):
    from dagster_project.defs.resources import project_resources

    monkeypatch.delenv("NLP_CLUSTER_ADDRESS", raising=False)
    assert project_resources()["nlp_workers"].cluster_address == ""
    assert project_resources(nlp_cluster_address="tcp://127.0.0.1:8786")["nlp_workers"].cluster_address == \
        "tcp://127.0.0.1:8786"


def test_an_unreachable_cluster_fails_the_run_at_once_with_its_address():
    import time

    import dagster as dg
    import pytest

    resource = NlpWorkers(cluster_address="tcp://127.0.0.1:9", cluster_timeout_s=2)
    started = time.monotonic()
    with pytest.raises(dg.Failure, match="no Dask cluster at tcp://127.0.0.1:9"):
        resource.setup_for_execution(dg.build_init_resource_context())
    assert resource.workers() is None
    assert time.monotonic() - started < 30
