"""The same dbt project on a real PostgreSQL server gives the same marts as on DuckDB.

The DuckDB warehouse the session built from seeds/ (the `seed_pipeline` fixture) is published to
a throw-away PostgreSQL server with deploy/publish_postgres.py (raw.* and nlp.* copied with COPY),
`dbt build` runs there on the `postgres` target (seeds, models and every dbt test), and every
model is compared with its DuckDB twin: same marts, same keys and row counts, same rows. Dagster's
own storage on PostgreSQL is tested with deploy/dagster.yaml and a real DagsterInstance.
"""
from __future__ import annotations

import datetime as dt
import decimal
import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.integration


def _load_publisher():
    spec = importlib.util.spec_from_file_location("publish_postgres", ROOT / "deploy" / "publish_postgres.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


publisher = _load_publisher()


def _norm(value):
    if isinstance(value, (list, tuple)):
        return tuple(_norm(v) for v in value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def _rows(cursor) -> tuple[list[str], list[tuple]]:
    columns = [d[0] for d in cursor.description]
    rows = sorted((tuple(_norm(v) for v in row) for row in cursor.fetchall()), key=repr)
    return columns, rows


@pytest.fixture(scope="module")
def published(seed_pipeline, pg_server, tmp_path_factory):
    """The seed warehouse published to PostgreSQL and built there by dbt."""
    assert seed_pipeline.result.success, "the seed pipeline run failed (see tests/integration)"
    pg_server.create_database("warehouse")
    counts = publisher.publish(seed_pipeline.warehouse, lambda: pg_server.connect("warehouse"), log=lambda _: None)
    env = {**os.environ, **pg_server.env("warehouse")}
    target = tmp_path_factory.mktemp("dbt_postgres_target")
    build = publisher.dbt_build(env=env, target_path=str(target), capture=True)
    return {"counts": counts, "build": build, "target": target}


@pytest.fixture
def duck(seed_pipeline):
    import duckdb

    con = duckdb.connect(str(seed_pipeline.warehouse), read_only=True)
    yield con
    con.close()


@pytest.fixture
def pg(pg_server, published):
    con = pg_server.connect("warehouse")
    yield con.cursor()
    con.close()


def _relations(duck, schemas: tuple[str, ...]) -> list[str]:
    return [f"{s}.{n}" for s, n in duck.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in (select unnest(?::varchar[])) order by 1, 2", [list(schemas)]
    ).fetchall()]


def _grains(manifest_path: Path) -> dict[str, list[str]]:
    """Grain of each mart: the columns of its unique / unique_combination_of_columns test."""
    manifest = json.loads(manifest_path.read_text())
    grains: dict[str, list[str]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or not node.get("attached_node"):
            continue
        model = manifest["nodes"][node["attached_node"]]
        if model.get("schema") != "marts":
            continue
        meta = node.get("test_metadata") or {}
        kwargs = meta.get("kwargs") or {}
        if meta.get("name") == "unique":
            grains.setdefault(model["name"], [kwargs["column_name"]])
        elif meta.get("name") == "unique_combination_of_columns":
            grains[model["name"]] = list(kwargs["combination_of_columns"])
    return grains


def test_raw_and_nlp_tables_are_copied(published, duck):
    expected = {}
    for name in _relations(duck, ("raw", "nlp")):
        if duck.execute("select table_type from information_schema.tables where table_schema || '.' || table_name = ?",
                        [name]).fetchall()[0][0] == "BASE TABLE":
            expected[name] = duck.execute(f"select count(*) from {name}").fetchall()[0][0]
    assert published["counts"] == expected
    assert expected["raw.articles"] > 0 and expected["nlp.entities"] > 0


def test_dbt_build_succeeds_on_postgres(published):
    build = published["build"]
    assert build.returncode == 0, (build.stdout or "")[-6000:] + (build.stderr or "")[-2000:]
    assert "Completed successfully" in build.stdout


def test_every_mart_has_the_same_keys_and_row_counts(published, duck, pg):
    assert published["build"].returncode == 0
    marts = _relations(duck, ("marts",))
    assert len(marts) >= 7
    pg.execute("select table_schema || '.' || table_name from information_schema.tables "
               "where table_schema = 'marts' order by 1")
    assert [r[0] for r in pg.fetchall()] == marts
    grains = _grains(published["target"] / "manifest.json")
    for mart in marts:
        grain = grains.get(mart.split(".")[1])
        assert grain, f"{mart} has no unique test to take its grain from"
        keys = ", ".join(grain)
        duck_keys = sorted(duck.execute(f"select {keys} from {mart}").fetchall())
        pg.execute(f"select {keys} from {mart}")
        pg_keys = sorted(pg.fetchall())
        assert len(pg_keys) == len(duck_keys), f"{mart}: {len(pg_keys)} rows on PostgreSQL, {len(duck_keys)} on DuckDB"
        assert pg_keys == duck_keys, f"{mart}: different keys ({grain})"


def test_every_model_has_identical_rows(published, duck, pg):
    """Stronger than keys: every column of every seed, staging, intermediate and mart relation."""
    assert published["build"].returncode == 0
    relations = _relations(duck, ("seeds", "staging", "intermediate", "marts"))
    assert any(r.startswith("staging.") for r in relations) and any(r.startswith("intermediate.") for r in relations)
    different = []
    for relation in relations:
        duck_columns, duck_rows = _rows(duck.execute(f"select * from {relation}"))
        pg.execute(f"select * from {relation}")
        pg_columns, pg_rows = _rows(pg)
        if (pg_columns, pg_rows) != (duck_columns, duck_rows):
            first = next((f"{a} != {b}" for a, b in zip(duck_rows, pg_rows) if a != b), "")
            different.append(f"{relation}: columns {pg_columns == duck_columns}, rows {len(duck_rows)}/{len(pg_rows)} {first[:300]}")
    assert not different, "\n".join(different)


def test_republishing_keeps_the_dbt_views(published, seed_pipeline, pg_server, pg):
    """Same layouts: the tables are truncated and refilled, so staging views keep working."""
    counts = publisher.publish(seed_pipeline.warehouse, lambda: pg_server.connect("warehouse"), log=lambda _: None)
    assert counts == published["counts"]
    pg.execute("select count(*) from staging.stg_raw__articles")
    assert pg.fetchall()[0][0] == counts["raw.articles"]


def test_copy_format_round_trips_awkward_values(pg_server, tmp_path):
    """Tabs, newlines, backslashes, quotes, NULLs inside arrays, empty arrays and strings, dates."""
    import duckdb

    path = tmp_path / "awkward.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute("create table raw.t (s varchar, i integer, d date, a varchar[], n integer[], b boolean, x double)")
    rows = [
        ("tab\there\nnew line\r\\ back \"quoted\" {brace}", 1, dt.date(2024, 1, 31),
         ['a "q"', "b\\c", None, "", "NULL", "x,y", "{z}"], [1, None, 3], True, 1.5),
        ("", None, None, [], [], False, None),
        (None, -7, dt.date(1999, 12, 31), None, None, None, -0.25),
    ]
    con.executemany("insert into raw.t values (?, ?, ?, ?, ?, ?, ?)", rows)
    con.close()
    pg_server.create_database("awkward")
    assert publisher.publish(path, lambda: pg_server.connect("awkward"), schemas=("raw",), log=lambda _: None) == {"raw.t": 3}
    pg = pg_server.connect("awkward")
    with pg.cursor() as cur:
        cur.execute("select s, i, d, a, n, b, x from raw.t")
        back = sorted((tuple(_norm(v) for v in r) for r in cur.fetchall()), key=repr)
    pg.close()
    assert back == sorted((tuple(_norm(v) for v in r) for r in rows), key=repr)


def test_dagster_storage_on_postgres(pg_server, tmp_path, monkeypatch):
    """deploy/dagster.yaml as $DAGSTER_HOME/dagster.yaml: runs and events land in PostgreSQL."""
    import dagster as dg
    from dagster_postgres import PostgresEventLogStorage, PostgresRunStorage, PostgresScheduleStorage

    pg_server.create_database("dagster")
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(ROOT / "deploy" / "dagster.yaml", home / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    monkeypatch.setenv("DAGSTER_PG_HOST", pg_server.host)
    monkeypatch.setenv("DAGSTER_PG_PORT", str(pg_server.port))
    monkeypatch.setenv("DAGSTER_PG_USER", pg_server.user)
    monkeypatch.setenv("DAGSTER_PG_PASSWORD", "unused")
    monkeypatch.setenv("DAGSTER_PG_DB", "dagster")

    @dg.asset
    def storage_probe() -> None:
        """A one-step asset whose run is recorded in the PostgreSQL storage."""

    with dg.DagsterInstance.get() as instance:  # what `python -m dagster_project.cli build` uses
        assert isinstance(instance.run_storage, PostgresRunStorage)
        assert isinstance(instance.event_log_storage, PostgresEventLogStorage)
        assert isinstance(instance.schedule_storage, PostgresScheduleStorage)
        result = dg.materialize([storage_probe], instance=instance)
        assert result.success
        assert instance.get_run_by_id(result.run_id).is_success
        assert instance.get_latest_materialization_event(dg.AssetKey("storage_probe")) is not None

    con = pg_server.connect("dagster")
    with con.cursor() as cur:
        cur.execute("select run_id, status from runs")
        assert cur.fetchall() == [(result.run_id, "SUCCESS")]
        cur.execute("select count(*) from event_logs where run_id = %s", (result.run_id,))
        assert cur.fetchall()[0][0] > 5
    con.close()
