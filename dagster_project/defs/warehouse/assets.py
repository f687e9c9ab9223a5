"""Warehouse: the dbt project (seeds, staging, intermediate, marts) as Dagster assets; dbt tests as asset checks."""

import contextlib
import io
import logging
from collections.abc import Callable, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from dagster_project.defs.resources import DuckDBWarehouse
from dagster_project.defs.warehouse.project import dbt_project
from dagster_project.incremental.changes import (
    changed_article_ids,
    ensure_change_tables,
    marts_build_plan,
    record_marts_built,
)
from dagster_project.storage.connection import connect_with_retry
from dagster_project.storage.dbt_artifacts import new_id_columns, project_fingerprint, prune_invocation_dirs
from dagster_project.storage.summaries import mart_ids, new_id_counts, quote_relation, table_summary
from dagster_project.storage.tables import table_layout


class WarehouseTranslator(DagsterDbtTranslator):
    """Every dbt node goes in the `warehouse` group; sources keep the default [source, table] keys
    (raw/articles, nlp/statements...), which are the keys of the ingest and nlp assets."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return "warehouse"

    def get_description(self, dbt_resource_props: Mapping[str, Any]) -> str:
        description = (dbt_resource_props.get("description") or "").strip()
        return description or f"dbt {dbt_resource_props['resource_type']} {dbt_resource_props['name']}"


class LinesToLog(io.TextIOBase):
    """A text stream that hands each complete line to a log function (dbt's output to the run's DEBUG log)."""

    def __init__(self, log: Callable[[str], None]):
        self._log = log
        self._pending = ""
        self._inside = False

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._inside:  # a log handler printing to stdout would come back here
            return len(text)
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        self._inside = True
        try:
            for line in lines:
                if line.strip():
                    self._log(line)
        finally:
            self._inside = False
        return len(text)

    def close(self) -> None:
        if self._pending.strip():
            self._log(self._pending)
        self._pending = ""
        super().close()


def kept_at_debug(log: logging.Logger) -> Callable[[str], None]:
    """A log function that puts a line in the run's event log at DEBUG level, whatever the instance's
    ``python_log_level``. At INFO (scripts/dagster.yaml: a quiet console) the run's log manager drops
    ``context.log.debug`` messages before any handler sees them; ``Logger.handle`` skips that level
    check and gives the record to the event log, while each logger keeps its own level (a console at
    INFO prints nothing of it)."""

    def emit(line: str) -> None:
        log.handle(log.makeRecord(log.name, logging.DEBUG, __file__, 0, line, (), None))

    return emit


# No `project=`: dagster-dbt would attach the DbtProject object to every asset as metadata, which the
# UI shows as "dagster_dbt/project: [DbtProject] (unserializable)". The dbt resource has the project dir.
@dbt_assets(
    manifest=dbt_project().manifest_path,
    dagster_dbt_translator=WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True)),
    name="dbt_warehouse",
)
def dbt_warehouse(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: DuckDBWarehouse):
    """Run `dbt build` (seeds, models and their tests) for the selected dbt nodes.

    dbt holds the DuckDB file while it runs, so the events are collected first; once dbt is done,
    each model's and seed's output gets its row count, a preview of a few rows, for the marts the
    number of new ids (accuracy is measured once, by evaluation/accuracy). dbt's own output (a line
    per model and test) goes to the run's log at DEBUG level, not to the console.
    """
    path = warehouse.db_path()
    id_columns = new_id_columns(dbt_project().manifest_path)
    fingerprint = marts_fingerprint()
    with warehouse.connect() as con:
        ensure_change_tables(con)
        plan = marts_build_plan(con, fingerprint)
        # an incremental build changes the rows of these articles only: new ids are counted among them
        articles = None if plan.full else changed_article_ids(con)
    before = _read_mart_ids(path, id_columns, articles)
    if plan.full:
        context.log.info(f"dbt: full build ({plan.reason})")
        args = warehouse.dbt_vars()
    else:
        context.log.info(f"dbt: incremental build of the models keyed by article ({plan.reason})")
        args = warehouse.dbt_vars(incremental_refresh=True)
    invocation = dbt.cli(["build", *args], context=context)
    events = []
    try:
        with LinesToLog(kept_at_debug(context.log)) as dbt_output, contextlib.redirect_stdout(dbt_output):
            for event in invocation.stream():
                events.append(event)
    except Exception:
        yield from events  # what dbt did build is still recorded, without the extra metadata
        raise
    prune_invocation_dirs(invocation.target_path)
    if _builds_every_model(context):
        # a subset (one model from the UI) leaves the changes pending for the other models
        with warehouse.connect() as con:
            taken = record_marts_built(con, fingerprint, plan.full, context.run_id)
        context.log.info(f"dbt: {'full' if plan.full else 'incremental'} build took in {taken} changed articles")
    yield from _with_metadata(context, events, invocation.manifest, path, before, id_columns, articles,
                              build={"dbt_build": "full" if plan.full else "incremental", "dbt_build_reason": plan.reason,
                                     "changed_articles": plan.changed_articles})


def marts_fingerprint() -> str:
    """What the marts are built from: the dbt project's files and the extractor version."""
    from dagster_project.extraction import EXTRACTOR_VERSION

    return project_fingerprint(dbt_project().project_dir, EXTRACTOR_VERSION)


def _builds_every_model(context: dg.AssetExecutionContext) -> bool:
    """Whether this step builds every dbt model (not a subset chosen in the UI)."""
    model_keys = {key for key in context.assets_def.keys}
    return model_keys <= set(context.selected_asset_keys)


def column_schema(con, node: Mapping[str, Any]) -> dg.TableSchema | None:
    """The relation's columns with their types as the warehouse has them (what dbt's catalog reads) and
    their descriptions from the dbt yml: the asset page's Columns table."""
    layout = table_layout(con, f"{node['schema']}.{node.get('alias') or node['name']}")
    if not layout:
        return None
    documented = node.get("columns") or {}
    return dg.TableSchema(columns=[
        dg.TableColumn(name=name, type=data_type.lower(), description=(documented.get(name) or {}).get("description"))
        for name, data_type in layout
    ])


def _as_metadata(summary: dict[str, Any]) -> dict[str, Any]:
    """A table summary as Dagster metadata: the preview rendered as markdown."""
    if "preview" in summary:
        return {**summary, "preview": dg.MetadataValue.md(summary["preview"])}
    return summary


def _read_mart_ids(path, id_columns, articles=None) -> dict[str, set[str]]:
    if not path.exists():
        return {}
    try:
        con = connect_with_retry(path, read_only=True)
    except Exception:
        return {}
    try:
        return mart_ids(con, id_columns, articles)
    finally:
        con.close()


def _with_metadata(context: dg.AssetExecutionContext, events: list, manifest: Mapping[str, Any], path, before,
                   id_columns: Mapping[str, str], articles: list[str] | None = None,
                   build: Mapping[str, Any] | None = None):
    """The dbt events, each model/seed Output enriched with row count, preview and new ids."""
    nodes = manifest.get("nodes", {})
    outputs = [e for e in events if isinstance(e, dg.Output) and "unique_id" in (e.metadata or {})]
    if not outputs:
        yield from events
        return
    output_ids = {id(e) for e in outputs}
    extra: dict[str, dict[str, Any]] = {}
    try:
        con = connect_with_retry(path, read_only=True)
    except Exception as exc:
        context.log.warning(f"no row counts or previews: cannot open {path}: {exc}")
        yield from events
        return
    try:
        for event in outputs:
            unique_id = event.metadata["unique_id"].value
            node = nodes.get(unique_id) or {}
            if not node.get("schema"):
                continue
            relation = quote_relation(node["schema"], node.get("alias") or node["name"])
            extra[unique_id] = _as_metadata(table_summary(con, relation))
            schema = column_schema(con, node)
            if schema is not None:
                extra[unique_id]["dagster/column_schema"] = schema
        after = mart_ids(con, id_columns, articles)
    finally:
        con.close()
    new_ids = new_id_counts(before, after)
    for event in events:
        if id(event) in output_ids:
            unique_id = event.metadata["unique_id"].value
            node = nodes.get(unique_id) or {}
            mart = node.get("name") if node.get("schema") == "marts" else None
            metadata = {**event.metadata, **new_ids.get(mart, {}), **extra.get(unique_id, {}), **(build or {})}
            yield event.with_metadata(metadata)
        else:
            yield event
