"""The dbt project under dbt/ and the manifest dagster-dbt loads from dbt/target/manifest.json."""
from __future__ import annotations

import functools

import dagster as dg
from dagster_dbt import DbtProject

from dagster_project import settings
from dagster_project.storage.dbt_artifacts import mart_names


def mart_keys() -> list[dg.AssetKey]:
    """The asset keys of every mart, from the manifest: the one list of marts."""
    return [dg.AssetKey(["marts", name]) for name in mart_names(dbt_project().manifest_path)]


@functools.cache
def dbt_project() -> DbtProject:
    """The dbt project; parses it (``dbt parse``) under ``dg dev`` or when no manifest exists yet."""
    project = DbtProject(project_dir=settings.DBT_PROJECT_DIR, profiles_dir=settings.DBT_PROJECT_DIR)
    project.prepare_if_dev()
    if not project.manifest_path.exists():
        project.preparer.prepare(project)
    return project
