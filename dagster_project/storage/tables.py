"""Typed DuckDB tables from lists of dicts: DDL, value coercion, sorted inserts, dict fetches."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb
import pandas as pd

# A table layout: ordered (column, DuckDB type) pairs.
Columns = Sequence[tuple[str, str]]


def _to_date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    text = str(value).strip()
    if not text:
        return None
    if len(text) == 4:
        return dt.date(int(text), 1, 1)
    if len(text) == 7:
        return dt.date(int(text[:4]), int(text[5:7]), 1)
    return dt.date.fromisoformat(text[:10])


def _is_null(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return value is pd.NA or value is pd.NaT


def coerce(value: Any, sql_type: str) -> Any:
    """Python value for a DuckDB column type (ints as int, ids as str, dates as date, lists as list)."""
    if sql_type.endswith("[]"):
        if _is_null(value):
            return []
        inner = sql_type[:-2]
        return [coerce(v, inner) for v in value if not _is_null(v)]
    if _is_null(value):
        return None
    if sql_type == "VARCHAR":
        return value if isinstance(value, str) else str(value)
    if sql_type in ("INTEGER", "BIGINT"):
        return int(value)
    if sql_type == "DATE":
        return _to_date(value)
    if sql_type == "BOOLEAN":
        return bool(value)
    if sql_type == "DOUBLE":
        return float(value)
    return value


def create_table(con: duckdb.DuckDBPyConnection, table: str, columns: Columns, replace: bool = False) -> None:
    """CREATE [OR REPLACE] TABLE schema.table with the given columns (the schema is created too)."""
    schema = table.split(".")[0]
    con.execute(f"create schema if not exists {schema}")
    ddl = ", ".join(f'"{name}" {sql_type}' for name, sql_type in columns)
    verb = "create or replace table" if replace else "create table if not exists"
    con.execute(f"{verb} {table} ({ddl})")


def table_layout(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]] | None:
    """Existing (column, type) pairs of a table, or None if it does not exist."""
    schema, name = table.split(".")
    rows = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, name],
    ).fetchall()
    return [(c, t) for c, t in rows] or None


def ensure_table(con: duckdb.DuckDBPyConnection, table: str, columns: Columns) -> bool:
    """Create the table if absent; recreate it (empty) if its layout changed. True if it was (re)created."""
    layout = table_layout(con, table)
    wanted = [(name, sql_type.upper()) for name, sql_type in columns]
    if layout == wanted:
        return False
    create_table(con, table, columns, replace=True)
    return True


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Columns,
    rows: Iterable[Mapping[str, Any]],
    sort_by: Sequence[str] = (),
) -> int:
    """Insert dict rows (extra keys ignored, missing keys NULL), coerced to the column types, sorted."""
    values = [[coerce(row.get(name), sql_type) for name, sql_type in columns] for row in rows]
    if not values:
        return 0
    if sort_by:
        index = [[name for name, _ in columns].index(key) for key in sort_by]
        values.sort(key=lambda v: tuple(_sort_key(v[i]) for i in index))
    frame = pd.DataFrame(
        {name: pd.Series([v[i] for v in values], dtype=object) for i, (name, _) in enumerate(columns)}
    )
    select = ", ".join(f'cast("{name}" as {sql_type})' for name, sql_type in columns)
    view = f"_rows_{abs(hash(table))}"
    con.register(view, frame)
    try:
        con.execute(f"insert into {table} select {select} from {view}")
    finally:
        con.unregister(view)
    return len(values)


def _sort_key(value: Any) -> tuple:
    """Sort NULLs first and never compare values of different types."""
    if value is None:
        return (0, "")
    if isinstance(value, list):
        return (1, str(value))
    return (1, value) if isinstance(value, (int, float, str, dt.date)) else (1, str(value))


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> list[dict]:
    """Rows of a query as dicts, with plain Python values (dates as date, lists as list)."""
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return table_layout(con, table) is not None
