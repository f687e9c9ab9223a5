"""Warehouse: the dbt project (seeds, staging, intermediate, marts) as Dagster assets; dbt tests as asset checks."""

from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from dagster_project import settings
from dagster_project.defs.warehouse.project import dbt_project


class WarehouseTranslator(DagsterDbtTranslator):
    """Every dbt node goes in the `warehouse` group; sources keep the default [source, table] keys
    (raw/articles, nlp/statements...), which are the keys of the ingest and nlp assets."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "warehouse"

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        description = (dbt_resource_props.get("description") or "").strip()
        return description or f"dbt {dbt_resource_props['resource_type']} {dbt_resource_props['name']}"


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    dagster_dbt_translator=WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
    name="dbt_warehouse",
)
def dbt_warehouse(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """Run `dbt build` (seeds, models and their tests) for the selected dbt nodes."""
    settings.warehouse_path()  # export the absolute WAREHOUSE_PATH for the dbt subprocess
    yield from dbt.cli(["build"], context=context).stream()
