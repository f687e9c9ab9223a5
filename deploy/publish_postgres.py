"""Publish the warehouse to PostgreSQL: copy the raw.* and nlp.* tables there, then `dbt build` on it.

    python deploy/publish_postgres.py                  # WAREHOUSE_PATH (or warehouse/warehouse.duckdb) -> $PG*
    python deploy/publish_postgres.py --warehouse /tmp/w.duckdb --no-dbt

The pipeline's extraction writes its tables to the DuckDB file (it is also the incremental state:
nlp.parse_log). This script copies every table of the `raw` and `nlp` schemas into the same schemas
on the server the libpq variables point at (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, or
--dsn), in one transaction with COPY, then runs the dbt project there (`WAREHOUSE_TARGET=postgres`),
which builds the seeds, staging and intermediate views, the marts and runs every dbt test.

A table whose layout did not change is truncated and refilled, so the dbt views that read it
survive; a changed one is dropped (with its dependent views, which dbt rebuilds) and recreated.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = ROOT / "dbt"
SCHEMAS = ("raw", "nlp")
CHUNK_ROWS = 20_000

# DuckDB type -> PostgreSQL type (arrays: the element type + []). Anything else travels as text.
PG_TYPES = {
    "VARCHAR": "varchar",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "SMALLINT": "smallint",
    "DOUBLE": "double precision",
    "FLOAT": "real",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
}


def pg_type(duckdb_type: str) -> str:
    if duckdb_type.endswith("[]"):
        return pg_type(duckdb_type[:-2]) + "[]"
    return PG_TYPES.get(duckdb_type.upper(), "text")


# ---------------------------------------------------------------- COPY text format

def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _array_item(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = _scalar(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def copy_field(value) -> str:
    """One value in PostgreSQL's COPY text format (\\N = NULL, arrays as {..} literals)."""
    if value is None:
        return "\\N"
    if isinstance(value, (list, tuple)):
        return _escape("{" + ",".join(_array_item(v) for v in value) + "}")
    return _escape(_scalar(value))


def copy_rows(rows: Iterable[Sequence]) -> str:
    return "".join("\t".join(copy_field(v) for v in row) + "\n" for row in rows)


# ---------------------------------------------------------------- publishing

def duckdb_tables(con, schemas: Sequence[str] = SCHEMAS) -> dict[str, list[tuple[str, str]]]:
    """{schema.table: [(column, DuckDB type)]} of the base tables in the given schemas."""
    rows = con.execute(
        "select c.table_schema, c.table_name, c.column_name, c.data_type "
        "from information_schema.columns c join information_schema.tables t "
        "  on t.table_schema = c.table_schema and t.table_name = c.table_name "
        "where t.table_type = 'BASE TABLE' and c.table_schema in (select unnest(?::varchar[])) "
        "order by c.table_schema, c.table_name, c.ordinal_position",
        [list(schemas)],
    ).fetchall()
    tables: dict[str, list[tuple[str, str]]] = {}
    for schema, table, column, data_type in rows:
        tables.setdefault(f"{schema}.{table}", []).append((column, data_type))
    return tables


def _pg_layout(cur, schema: str, table: str) -> list[tuple[str, str]]:
    cur.execute(
        "select a.attname, format_type(a.atttypid, a.atttypmod) from pg_attribute a "
        "join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
        "where n.nspname = %s and c.relname = %s and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped "
        "order by a.attnum",
        (schema, table),
    )
    return [(name, type_) for name, type_ in cur.fetchall()]


def _normal(type_: str) -> str:
    return {"character varying": "varchar", "character varying[]": "varchar[]"}.get(type_, type_)


def publish(duckdb_path: str | os.PathLike, pg_connect: Callable, schemas: Sequence[str] = SCHEMAS,
            log: Callable[[str], None] = print) -> dict[str, int]:
    """Copy every base table of `schemas` from the DuckDB file to PostgreSQL; {table: rows}."""
    import duckdb

    src = duckdb.connect(str(duckdb_path), read_only=True)
    counts: dict[str, int] = {}
    pg = pg_connect()
    try:
        tables = duckdb_tables(src, schemas)
        if not tables:
            raise SystemExit(f"no tables in schemas {', '.join(schemas)} of {duckdb_path}: run the pipeline first")
        with pg:  # one transaction: readers see the old tables or the new ones
            with pg.cursor() as cur:
                for name, columns in tables.items():
                    started = time.monotonic()
                    schema, table = name.split(".")
                    wanted = [(c, pg_type(t)) for c, t in columns]
                    cur.execute(f'create schema if not exists "{schema}"')
                    existing = _pg_layout(cur, schema, table)
                    if [(c, _normal(t)) for c, t in existing] == wanted:
                        cur.execute(f'truncate "{schema}"."{table}"')
                    else:
                        cur.execute(f'drop table if exists "{schema}"."{table}" cascade')
                        ddl = ", ".join(f'"{c}" {t}' for c, t in wanted)
                        cur.execute(f'create table "{schema}"."{table}" ({ddl})')
                    names = ", ".join(f'"{c}"' for c, _ in columns)
                    result = src.execute(f'select {names} from "{schema}"."{table}"')
                    total = 0
                    while True:
                        chunk = result.fetchmany(CHUNK_ROWS)
                        if not chunk:
                            break
                        total += len(chunk)
                        cur.copy_expert(f'copy "{schema}"."{table}" ({names}) from stdin', io.StringIO(copy_rows(chunk)))
                    counts[name] = total
                    log(f"  {name}: {total} rows ({time.monotonic() - started:.1f}s)")
        pg.autocommit = True
        with pg.cursor() as cur:
            for name in tables:
                schema, table = name.split(".")
                cur.execute(f'analyze "{schema}"."{table}"')
    finally:
        pg.close()
        src.close()
    return counts


def dbt_build(extra_args: Sequence[str] = (), env: dict | None = None, target_path: str | None = None,
              capture: bool = False) -> subprocess.CompletedProcess:
    """`dbt build` of dbt/ on the postgres target (output captured as text if `capture`)."""
    environment = dict(os.environ if env is None else env)
    environment["WAREHOUSE_TARGET"] = "postgres"
    dbt = Path(sys.executable).with_name("dbt")
    command = [str(dbt) if dbt.exists() else "dbt", "build", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
    if target_path:
        # keep dbt/target/ (the DuckDB manifest dagster-dbt loads) untouched
        command += ["--target-path", str(target_path), "--log-path", str(Path(target_path) / "logs")]
    command += list(extra_args)
    return subprocess.run(command, cwd=DBT_DIR, env=environment, capture_output=capture, text=capture)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", help="DuckDB file (default: $WAREHOUSE_PATH or warehouse/warehouse.duckdb)")
    parser.add_argument("--dsn", default="", help="libpq connection string (default: the PG* variables)")
    parser.add_argument("--no-dbt", action="store_true", help="only copy the tables")
    parser.add_argument("--target-path", default=str(DBT_DIR / "target" / "postgres"),
                        help="dbt target folder for this build (default: dbt/target/postgres)")
    args, dbt_args = parser.parse_known_args(argv)

    import psycopg2

    if args.warehouse:
        path = Path(args.warehouse).resolve()
    else:
        sys.path.insert(0, str(ROOT))
        from dagster_project import settings

        path = settings.warehouse_path(settings.value("warehouse_path"))  # an entry point: WAREHOUSE_PATH
    print(f"publishing {path} -> postgres ({args.dsn or 'PG* environment'})")
    started = time.monotonic()
    counts = publish(path, lambda: psycopg2.connect(args.dsn))
    print(f"copied {len(counts)} tables, {sum(counts.values())} rows in {time.monotonic() - started:.1f}s")
    if args.no_dbt:
        return 0
    return dbt_build(dbt_args, target_path=args.target_path).returncode


if __name__ == "__main__":
    sys.exit(main())
