"""What the `query` command cannot do, through the CLI: write, attach, copy out, install or load
extensions, read files, change settings; and what it reads: the last published snapshot only."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dagster_project import query as q
from dagster_project.storage.snapshot import publish_snapshot

ROOT = Path(__file__).resolve().parents[1]


def _make_warehouse(folder: Path, rows: int = 3) -> Path:
    """A small warehouse (marts.facts with `rows` rows) and its published snapshot."""
    main = folder / "warehouse.duckdb"
    with duckdb.connect(str(main)) as con:
        con.execute("create schema marts")
        con.execute(f"create table marts.facts as select range as id from range({rows})")
    publish_snapshot(main, folder / "warehouse.read.duckdb", {"run_id": "first"})
    return main


@pytest.fixture
def warehouse(tmp_path) -> Path:
    return _make_warehouse(tmp_path)


def cli_query(sql: str, warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m dagster_project.cli query SQL --warehouse FILE` in its own process."""
    return subprocess.run([sys.executable, "-m", "dagster_project.cli", "query", sql, "--warehouse", str(warehouse),
                           "--csv", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def _facts(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select count(*) from marts.facts").fetchall()[0][0]


def test_a_query_reads_the_snapshot(warehouse):
    done = cli_query("select count(*) as n from marts.facts", warehouse)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["n", "3"]


@pytest.mark.parametrize("target", ["warehouse.duckdb", "warehouse.read.duckdb", "other.duckdb"])
def test_attach_read_write_is_refused(warehouse, target):
    path = warehouse.parent / target
    done = cli_query(f"attach '{path}' as w (read_write); drop table w.marts.facts; select 1", warehouse)
    assert done.returncode == 1 and "query failed" in done.stderr
    assert _facts(warehouse) == 3 and _facts(warehouse.with_name("warehouse.read.duckdb")) == 3
    assert not (warehouse.parent / "other.duckdb").exists()


@pytest.mark.parametrize("target", ["warehouse.duckdb", "copied.csv"])
def test_copy_to_a_file_is_refused(warehouse, target):
    path = warehouse.parent / target
    size = warehouse.stat().st_size
    done = cli_query(f"copy (select 42) to '{path}'", warehouse)
    assert done.returncode == 1 and "disabled by configuration" in done.stderr, done.stderr
    assert warehouse.stat().st_size == size and _facts(warehouse) == 3  # still a whole DuckDB file
    assert not (warehouse.parent / "copied.csv").exists()


def test_export_database_is_refused(warehouse):
    done = cli_query(f"export database '{warehouse.parent / 'dump'}'", warehouse)
    assert done.returncode == 1
    assert not list((warehouse.parent / "dump").glob("*.csv"))


@pytest.mark.parametrize("sql", ["install httpfs", "load httpfs", "install spatial; load spatial"])
def test_extensions_cannot_be_installed_or_loaded(warehouse, sql):
    done = cli_query(sql, warehouse)
    # refused by the configuration, not merely for want of a network
    assert done.returncode == 1 and "Permission Error" in done.stderr, done.stderr


@pytest.mark.parametrize("sql", [
    "select * from read_text('/etc/passwd')",
    "select * from read_csv('/etc/passwd')",
    "select * from '/etc/passwd'",
    "select * from glob('/etc/*')",
])
def test_no_file_can_be_read(warehouse, sql):
    done = cli_query(sql, warehouse)
    assert done.returncode == 1 and "root:" not in done.stdout and "passwd" not in done.stdout, done.stdout


@pytest.mark.parametrize("sql", ["set enable_external_access = true", "reset enable_external_access",
                                 "set lock_configuration = false", "set allowed_directories = ['/']"])
def test_settings_are_locked(warehouse, sql):
    done = cli_query(sql + "; select * from read_text('/etc/passwd')", warehouse)
    assert done.returncode == 1 and "root:" not in done.stdout


def test_writes_are_refused(warehouse):
    done = cli_query("create table marts.oops as select 1", warehouse)
    assert done.returncode == 1
    with duckdb.connect(str(warehouse.with_name("warehouse.read.duckdb")), read_only=True) as con:
        assert not con.execute("select * from information_schema.tables where table_name = 'oops'").fetchall()


def test_parameters_still_work(warehouse):
    con, database = q.open_for_reading(warehouse)
    try:
        assert q.run_sql(con, "select getvariable('n') * 2", {"n": 21})[1] == [(42,)]
    finally:
        con.close()
    assert database.name == "warehouse.read.duckdb"


# ------------------------------------------------------------------------------- the snapshot only


def test_never_the_warehouse_file_even_when_it_is_newer(warehouse):
    with duckdb.connect(str(warehouse)) as con:  # a refresh started: raw rewritten, marts not yet
        con.execute("insert into marts.facts select 100")
    now = time.time()
    os.utime(warehouse, (now + 10, now + 10))
    result = q.run_query("select count(*) from marts.facts", warehouse=warehouse)
    assert result.database == warehouse.with_name("warehouse.read.duckdb") and result.rows == [(3,)]
    done = cli_query("select count(*) as n from marts.facts", warehouse)
    assert done.stdout.splitlines() == ["n", "3"]


def test_a_snapshot_file_is_read_as_is(warehouse):
    snapshot = warehouse.with_name("warehouse.read.duckdb")
    assert q.run_query("select count(*) from marts.facts", warehouse=snapshot).database == snapshot


def test_no_snapshot_is_a_clear_error_not_the_warehouse_file(tmp_path):
    main = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(main)) as con:
        con.execute("create table t as select 1 as a")
    with pytest.raises(q.NoSnapshot, match="no published snapshot"):
        q.run_query("select * from t", warehouse=main)
    done = cli_query("select * from t", main)
    assert done.returncode == 1 and "no published snapshot" in done.stderr


def test_a_writer_holding_the_warehouse_does_not_delay_a_query(warehouse):
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
         str(warehouse)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = q.run_query("select count(*) from marts.facts", warehouse=warehouse)
        assert result.rows == [(3,)] and time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
