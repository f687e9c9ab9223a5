"""Real refresh runs started by the schedule and the sensor: idempotent reruns, a killed run, readers meanwhile.

They reuse the session's seed run (tests/conftest.py::seed_pipeline) as the reference: the same
seed articles must always give the same marts, byte for byte (hash of every mart table's sorted
rows), and the same ids.
"""
import datetime as dt
import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.storage.contracts import EXTRACTION_SORT, EXTRACTION_TABLES
from tests.helpers import pipeline_resources

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def marts_digest(con) -> dict[str, str]:
    """sha256 of the sorted rows of every marts table."""
    out = {}
    tables = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
    for table in tables:
        rows = sorted(repr(row) for row in con.execute(f'select * from marts."{table}"').fetchall())
        out[table] = hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()
    return out


def digest_of(path: Path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        return marts_digest(con)


@pytest.fixture(scope="module")
def reference(seed_pipeline) -> dict[str, str]:
    assert seed_pipeline.result.success
    digest = digest_of(seed_pipeline.warehouse)
    assert len(digest) >= 7
    return digest


def _execute(request: dg.RunRequest, instance, warehouse: Path):
    """Run what a sensor or schedule requested, as the daemon would: refresh_warehouse with its tags."""
    from dagster_project.definitions import defs

    job = defs().resolve_job_def(request.job_name or "refresh_warehouse")
    return job.execute_in_process(instance=instance, tags=request.tags, run_config=request.run_config or {},
                                  raise_on_error=False, resources=pipeline_resources(warehouse))


def _sensor_context(instance, cursor=None) -> dg.SensorEvaluationContext:
    from dagster_project.defs.resources import InputFolder

    return dg.build_sensor_context(instance=instance, cursor=cursor,
                                   resources={"articles": InputFolder(path=str(SEEDS), settle_seconds=0)})


def _sensor():
    """The input-folder sensor of a warehouse that recorded no refresh yet: its first tick requests one."""
    import tempfile

    from dagster_project.defs.automation.sensors import build_input_folder_sensor

    return build_input_folder_sensor(read_snapshot=Path(tempfile.mkdtemp(prefix="unbuilt_")) / "w.read.duckdb")


def _parsed(result) -> int:
    [meta] = [m.metadata for m in result.asset_materializations_for_node("nlp_extraction")
              if m.asset_key == dg.AssetKey(["nlp", "statements"])]
    return meta["articles_parsed"].value


def _assert_nlp_tables_whole(path: Path, n_articles: int) -> None:
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("select count(*), count(distinct article_id) from nlp.parse_log").fetchall() == [
            (n_articles, n_articles)]
        for name in EXTRACTION_TABLES:
            key = ", ".join(EXTRACTION_SORT[name])
            dupes = con.execute(f"select count(*) from (select {key} from nlp.{name} group by all having count(*) > 1)"
                                ).fetchall()[0][0]
            assert dupes == 0, f"duplicate rows in nlp.{name}"
            orphans = con.execute(f"select count(*) from nlp.{name} where article_id not in "
                                  "(select article_id from nlp.parse_log)").fetchall()[0][0]
            assert orphans == 0, f"rows of an unlogged (partial) article in nlp.{name}"


def _ids(path: Path) -> dict[str, list]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            "statements": con.execute("select statement_id, article_id, speaker_actor_id from marts.fct_statements "
                                      "order by all").fetchall(),
            "actors": con.execute("select actor_id from marts.dim_actors order by all").fetchall(),
            "meetings": con.execute("select meeting_id from marts.fct_meetings order by all").fetchall(),
        }


def test_scheduled_rerun_is_idempotent(seed_pipeline, reference, tmp_path):
    from dagster_project.defs.automation.sensors import daily_refresh

    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(seed_pipeline.warehouse, warehouse)
    ids_before = _ids(warehouse)
    with dg.instance_for_test() as instance:
        when = dt.datetime(2026, 1, 5, 6, 0, tzinfo=dt.UTC)
        request = daily_refresh(dg.build_schedule_context(instance=instance, scheduled_execution_time=when))
        assert isinstance(request, dg.RunRequest)
        result = _execute(request, instance, warehouse)
        assert result.success
        assert instance.get_run_by_id(result.run_id).tags["news/trigger"] == "schedule"
    assert _parsed(result) == 0  # nothing new: no article parsed again
    assert digest_of(warehouse) == reference
    assert _ids(warehouse) == ids_before
    snapshot = tmp_path / "warehouse.read.duckdb"
    assert digest_of(snapshot) == reference
    with duckdb.connect(str(snapshot), read_only=True) as con:
        assert con.execute("select run_id from _snapshot.info").fetchall() == [(result.run_id,)]


READER = r'''
import hashlib, json, sys, time
import duckdb

snapshot, first_run = sys.argv[1], sys.argv[2]
seen, digests, errors, reads = set(), set(), [], 0
deadline = time.monotonic() + float(sys.argv[3])
while time.monotonic() < deadline:
    try:
        con = duckdb.connect(snapshot, read_only=True)
        try:
            [(run_id, counts)] = con.execute("select run_id, mart_row_counts from _snapshot.info").fetchall()
            tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                                "where table_schema = 'marts' order by 1").fetchall()]
            digest, actual = {}, {}
            for t in tables:
                rows = con.execute(f'select * from marts."{t}"').fetchall()
                actual[t] = len(rows)
                digest[t] = hashlib.sha256("\n".join(sorted(map(repr, rows))).encode("utf-8")).hexdigest()
        finally:
            con.close()
        if json.loads(counts) != actual:
            errors.append(f"row counts {actual} differ from the snapshot's own {counts}")
        seen.add(run_id)
        digests.add(json.dumps(digest, sort_keys=True))
        reads += 1
        if run_id != first_run:
            break
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    time.sleep(0.1)
print(json.dumps({"seen": sorted(seen), "digests": sorted(digests), "errors": errors[:10], "reads": reads}))
'''


def _wait_for_line(proc, pattern: str, timeout: float) -> list[str]:
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if pattern in line:
            return seen
    raise AssertionError(f"'{pattern}' never printed; last lines:\n" + "".join(seen[-30:]))


def test_killed_refresh_then_sensor_run_while_a_reader_queries(seed_pipeline, reference, tmp_path):
    """SIGKILL a real refresh in the middle of extraction, let the sensor start another, query meanwhile."""
    input_folder_sensor = _sensor()

    warehouse = tmp_path / "warehouse.duckdb"
    snapshot = tmp_path / "warehouse.read.duckdb"
    shutil.copyfile(seed_pipeline.warehouse.with_name("warehouse.read.duckdb"), snapshot)  # the last good refresh
    with duckdb.connect(str(snapshot), read_only=True) as con:
        [(first_run,)] = con.execute("select run_id from _snapshot.info").fetchall()

    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update(NLP_COMMIT_EVERY="1", NLP_N_PROCESS="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dagster_project.cli", "build", "--no-parse",
         "--input-dir", str(SEEDS), "--warehouse", str(warehouse)],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        _wait_for_line(proc, "parsed 2/5 articles", timeout=300)
        os.killpg(proc.pid, signal.SIGKILL)  # mid-extraction: articles 3..5 not committed
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        logged = con.execute("select count(*) from nlp.parse_log").fetchall()[0][0]
    assert 2 <= logged < 5
    _assert_nlp_tables_whole(warehouse, logged)  # whole articles only, before the rerun too
    assert digest_of(snapshot) == reference  # the killed run published nothing

    reader = subprocess.Popen([sys.executable, "-c", READER, str(snapshot), first_run, "600"],
                              stdout=subprocess.PIPE, text=True)
    try:
        with dg.instance_for_test() as instance:
            tick = input_folder_sensor(_sensor_context(instance))
            assert isinstance(tick, dg.SensorResult)
            [request] = tick.run_requests
            result = _execute(request, instance, warehouse)
            assert result.success
            assert instance.get_run_by_id(result.run_id).tags["news/trigger"] == "sensor"
        out, _ = reader.communicate(timeout=300)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert _parsed(result) == 5 - logged  # only what the killed run had not committed
    _assert_nlp_tables_whole(warehouse, 5)
    assert digest_of(warehouse) == reference  # same inputs, same marts and ids, kill or no kill
    report = json.loads(out)
    assert report["errors"] == [], report["errors"]
    assert report["seen"] == sorted([first_run, result.run_id])  # read the old snapshot, then the new one
    assert report["digests"] == [json.dumps(reference, sort_keys=True)]  # never a half-written state


def test_reprocess_articles_by_partition_and_by_source_name(seed_pipeline, tmp_path):
    from dagster_project.definitions import defs

    input_folder_sensor = _sensor()

    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(seed_pipeline.warehouse, warehouse)
    resources = pipeline_resources(warehouse)

    def nlp_rows():
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return {name: con.execute(f"select * from nlp.{name} order by all").fetchall() for name in EXTRACTION_TABLES}

    with duckdb.connect(str(warehouse), read_only=True) as con:
        sources = con.execute("select source_name, article_id from raw.article_sources order by 1").fetchall()
    before = nlp_rows()
    job = defs().resolve_job_def("reprocess_articles")
    with dg.instance_for_test() as instance:
        cursor = input_folder_sensor(_sensor_context(instance)).cursor
        instance.add_dynamic_partitions(job.partitions_def.name, [a for _, a in sources])
        one = job.execute_in_process(instance=instance, partition_key=sources[2][1], resources=resources)
        assert one.success
        [meta] = [e.event_specific_data.materialization.metadata for e in one.all_events
                  if e.event_type_value == "ASSET_MATERIALIZATION"
                  and e.event_specific_data.materialization.asset_key == dg.AssetKey(["nlp", "statements"])]
        assert meta["reprocessed_article_ids"].value == [sources[2][1]]
        batch = job.execute_in_process(instance=instance, run_config={"ops": {"reparse_articles": {"config": {
            "source_names": [sources[0][0], sources[4][0]]}}}}, resources=resources)
        assert batch.success
        [meta] = [e.event_specific_data.materialization.metadata for e in batch.all_events
                  if e.event_type_value == "ASSET_MATERIALIZATION"
                  and e.event_specific_data.materialization.asset_key == dg.AssetKey(["nlp", "statements"])]
        assert meta["reprocessed_article_ids"].value == sorted([sources[0][1], sources[4][1]])
        # the sensor then starts a refresh so that the re-parsed articles reach the marts
        after = input_folder_sensor(_sensor_context(instance, cursor))
        assert "reprocess_articles" in after.run_requests[0].tags["news/reason"]
    assert nlp_rows() == before  # same extractor, same rows: replaced, never duplicated


def _marts_without_source_paths(path: Path) -> dict[str, list]:
    """Every mart's sorted rows, without dim_articles.source_path (the input folder's own path)."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        out = {}
        for table in tables:
            columns = [r[0] for r in con.execute(f'describe marts."{table}"').fetchall() if r[0] != "source_path"]
            select = ", ".join(f'"{c}"' for c in columns)
            out[table] = sorted(con.execute(f'select {select} from marts."{table}"').fetchall(), key=repr)
        return out


def test_articles_added_later_are_resolved_incrementally_into_the_marts_of_a_full_build(seed_pipeline, tmp_path):
    """Three seeds, then the two others in a second refresh: its resolution is incremental, and the marts
    are those of the session's one-run build of all five, row for row."""
    assert seed_pipeline.result.success
    folder, warehouse = tmp_path / "input", tmp_path / "warehouse.duckdb"
    folder.mkdir()
    files = sorted(SEEDS.glob("*.txt"))
    later = [files[0], files[3]]
    modes = []
    from dagster_project.definitions import defs

    job = defs().resolve_job_def("refresh_warehouse")
    for batch in ([f for f in files if f not in later], later):
        for file in batch:
            shutil.copyfile(file, folder / file.name)
        with dg.instance_for_test() as instance:
            result = job.execute_in_process(instance=instance, raise_on_error=False,
                                            resources=pipeline_resources(warehouse, input_dir=folder))
        assert result.success
        [meta] = [m.metadata for m in result.asset_materializations_for_node("nlp_resolution")
                  if m.asset_key == dg.AssetKey(["nlp", "actors"])]
        modes.append(meta["resolution"].value)
    assert _parsed(result) == 2
    assert modes == ["full", "incremental"]
    expected = _marts_without_source_paths(seed_pipeline.warehouse)
    assert len(expected) >= 7 and all(expected.values())
    assert _marts_without_source_paths(warehouse) == expected
