"""Layouts of the raw.* and nlp.* tables, read from their one owner: the dbt sources file.

``dbt/models/staging/__sources.yml`` lists, for each table the Dagster assets write, its columns in
order with their DuckDB ``data_type``, and in ``config.meta`` which step writes it (``written_by``)
and the order its rows are written in (``order_by``). Everything here is derived from it: the DDL
(``storage.tables.create_table`` / ``ensure_table``), the value coercion of inserted rows, the
sort order, the asset descriptions, and the column lists the data-quality checks expect.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from dagster_project import settings

SOURCES_FILE = settings.DBT_PROJECT_DIR / "models" / "staging" / "__sources.yml"
WRITERS = ("ingest", "extraction", "resolution", "extraction_log")

# A table layout: ordered (column, DuckDB type) pairs.
Layout = list[tuple[str, str]]


@dataclass(frozen=True)
class TableContract:
    schema: str
    name: str
    description: str
    columns: tuple[tuple[str, str], ...]  # (column, DuckDB type in upper case), in order
    written_by: str
    order_by: tuple[str, ...]

    @property
    def relation(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def layout(self) -> Layout:
        return list(self.columns)

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


class ContractError(ValueError):
    """The sources file does not describe a table completely (a type, a writer, an order)."""


@functools.cache
def load_contracts(path: Path = SOURCES_FILE) -> dict[str, TableContract]:
    """Every table of the sources file, by ``schema.name``."""
    with open(path, encoding="utf-8") as fh:
        sources = yaml.safe_load(fh)["sources"]
    contracts = {}
    for source in sources:
        schema = source.get("schema", source["name"])
        for table in source["tables"]:
            where = f"{schema}.{table['name']}"
            meta = (table.get("config") or {}).get("meta") or {}
            columns = []
            for column in table.get("columns", []):
                if not column.get("data_type"):
                    raise ContractError(f"{path}: {where}.{column['name']} has no data_type")
                columns.append((column["name"], column["data_type"].upper()))
            if meta.get("written_by") not in WRITERS:
                raise ContractError(f"{path}: {where} needs config.meta.written_by, one of {WRITERS}")
            order_by = tuple(meta.get("order_by") or ())
            unknown = set(order_by) - {name for name, _ in columns}
            if not order_by or unknown:
                raise ContractError(f"{path}: {where} config.meta.order_by must name its columns (not {sorted(unknown)})")
            contracts[where] = TableContract(schema=schema, name=table["name"],
                                             description=" ".join((table.get("description") or "").split()),
                                             columns=tuple(columns), written_by=meta["written_by"], order_by=order_by)
    return contracts


def contract(relation: str) -> TableContract:
    """The contract of one table, e.g. ``contract("nlp.statements")``."""
    return load_contracts()[relation]


def _written_by(writer: str) -> dict[str, TableContract]:
    return {c.name: c for c in load_contracts().values() if c.written_by == writer}


# The layouts the writers use, by table name (in the order of the sources file).
EXTRACTION_TABLES: dict[str, Layout] = {name: c.layout for name, c in _written_by("extraction").items()}
EXTRACTION_SORT: dict[str, list[str]] = {name: list(c.order_by) for name, c in _written_by("extraction").items()}
RESOLUTION_TABLES: dict[str, Layout] = {name: c.layout for name, c in _written_by("resolution").items()}
RESOLUTION_SORT: dict[str, list[str]] = {name: list(c.order_by) for name, c in _written_by("resolution").items()}
PARSE_LOG: Layout = contract("nlp.parse_log").layout
PARSE_ERRORS: Layout = contract("nlp.parse_errors").layout
ARTICLE_COLUMNS: Layout = contract("raw.articles").layout
SOURCE_COLUMNS: Layout = contract("raw.article_sources").layout
QUARANTINE_COLUMNS: Layout = contract("raw.quarantine").layout
DESCRIPTIONS: dict[str, str] = {c.name: c.description for c in load_contracts().values() if c.schema == "nlp"}
