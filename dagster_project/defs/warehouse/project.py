"""The dbt project under dbt/ and the manifest dagster-dbt loads from dbt/target/manifest.json."""
from __future__ import annotations

import functools

from dagster_dbt import DbtProject

from dagster_project import settings


@functools.cache
def dbt_project() -> DbtProject:
    """The dbt project; parses it (``dbt parse``) under ``dg dev`` or when no manifest exists yet."""
    project = DbtProject(project_dir=settings.DBT_PROJECT_DIR, profiles_dir=settings.DBT_PROJECT_DIR)
    project.prepare_if_dev()
    if not project.manifest_path.exists():
        project.preparer.prepare(project)
    return project
